//! `GET /`: the registration form of `axum/form`.

use axum::response::Html;
use axum::routing::get;
use axum::Router;

use crate::state::Gateway;

/// The route.
pub fn routes() -> Router<Gateway> {
    Router::new().route("/", get(form_page))
}

/// The registration form of `axum/form`, with its Ajv bundle and its script inlined, so that
/// one route serves it: it checks a body against `/schema.json`, words the errors with
/// `/messages.json`, and posts it to `/customers`.
async fn form_page() -> Html<&'static str> {
    static PAGE: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
        let ajv = format!("<script>{}</script>", include_str!("../../form/ajv2020.js"));
        let script = format!("<script>{}</script>", include_str!("../../form/form.js"));
        include_str!("../../form/index.html")
            .replace(r#"<script src="ajv2020.js"></script>"#, &ajv)
            .replace(r#"<script src="form.js"></script>"#, &script)
    });
    Html(PAGE.as_str())
}
