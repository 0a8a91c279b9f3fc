//! The registration forms of `axum/form` (see its README): `GET /`, the customer's (only what
//! a customer fills: the site's own values come from the page configuration), `GET /dev/`, the
//! developer's (every field), `GET /config.json`, the page configuration from the gateway's
//! flags, and the pages' scripts, style and icon under `/assets/`.
//!
//! The pages' scripts and style are files (the esbuild bundles `axum/form/dist/*.js`, checked
//! in and rebuilt by `axum/form/bundle.mjs --check`), so that they run under the pages' strict
//! Content-Security-Policy ([`headers`]): no inline script or style, no `eval`. A page names
//! each asset with `?v=` and a hash of its content, so an asset is cached for good and a new
//! build is fetched.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::LazyLock;

use axum::body::Bytes;
use axum::extract::Path;
use axum::http::{header, StatusCode, Uri};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;
use serde_json::json;

use crate::headers;
use crate::state::Gateway;

/// The page configuration: the site's values the customer's form sends with what the customer
/// fills. The server checks them with the rest of the body.
#[derive(Clone, Debug, clap::Args)]
pub struct PageArgs {
    /// The offer the customer's form registers for [default: S565568989_US, unless
    /// --publisher-id is given]
    #[arg(long, value_name = "ID")]
    offer_id: Option<String>,
    /// The publisher the customer's form registers with, instead of an offer.
    #[arg(long, value_name = "ID")]
    publisher_id: Option<String>,
    /// The locale the customer's form sends.
    #[arg(long, value_name = "LOCALE", default_value = "en_US")]
    locale: String,
    /// The currency the customer's form sends.
    #[arg(long, value_name = "CODE", default_value = "USD")]
    currency: String,
}

impl PageArgs {
    /// The offer the form registers for when no flag names one (the schema's example).
    const DEFAULT_OFFER: &'static str = "S565568989_US";

    /// `GET /config.json`'s document.
    fn config(&self) -> Bytes {
        let mut config = json!({"locale": self.locale, "currency": self.currency});
        match (&self.offer_id, &self.publisher_id) {
            (None, None) => config["offerId"] = json!(Self::DEFAULT_OFFER),
            (offer, publisher) => {
                if let Some(offer) = offer {
                    config["offerId"] = json!(offer);
                }
                if let Some(publisher) = publisher {
                    config["publisherId"] = json!(publisher);
                }
            }
        }
        serde_json::to_vec(&config)
            .expect("a JSON value serializes")
            .into()
    }
}

/// A file a page loads.
struct Asset {
    name: &'static str,
    content_type: &'static str,
    bytes: &'static [u8],
}

const ASSETS: [Asset; 4] = [
    Asset {
        name: "customer.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../../form/dist/customer.js"),
    },
    Asset {
        name: "dev.js",
        content_type: "text/javascript; charset=utf-8",
        bytes: include_bytes!("../../form/dist/dev.js"),
    },
    Asset {
        name: "form.css",
        content_type: "text/css; charset=utf-8",
        bytes: include_bytes!("../../form/form.css"),
    },
    Asset {
        name: "icon.svg",
        content_type: "image/svg+xml",
        bytes: include_bytes!("../../form/icon.svg"),
    },
];

/// An asset's version: a hash of its content (the same in every run of one build).
fn version(bytes: &[u8]) -> String {
    let mut hasher = DefaultHasher::new();
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

/// The versions of the assets, in the order of [`ASSETS`].
static VERSIONS: LazyLock<Vec<String>> =
    LazyLock::new(|| ASSETS.iter().map(|a| version(a.bytes)).collect());

/// A page with each `/assets/NAME` it names versioned.
fn versioned(page: &str) -> String {
    ASSETS
        .iter()
        .zip(VERSIONS.iter())
        .fold(page.to_owned(), |page, (asset, version)| {
            let path = format!("/assets/{}", asset.name);
            page.replace(&format!("\"{path}\""), &format!("\"{path}?v={version}\""))
        })
}

static CUSTOMER_PAGE: LazyLock<String> =
    LazyLock::new(|| versioned(include_str!("../../form/customer.html")));
static DEV_PAGE: LazyLock<String> =
    LazyLock::new(|| versioned(include_str!("../../form/dev.html")));

/// The routes, with the page configuration the flags give. The pages and the configuration
/// are [`headers::cacheable`]; the assets say their own caching. (The pages' content security
/// policy and the headers of every answer are the [`headers`] module's.)
pub fn routes(page: &PageArgs) -> Router<Gateway> {
    let config = page.config();
    let pages = Router::new()
        .route("/", get(|| async { Html(CUSTOMER_PAGE.as_str()) }))
        .route("/dev/", get(|| async { Html(DEV_PAGE.as_str()) }))
        .route(
            "/config.json",
            get(move || async move { ([(header::CONTENT_TYPE, "application/json")], config) }),
        );
    headers::cacheable(pages).route("/assets/{name}", get(asset))
}

/// An asset: cached for good when asked for by its current version, else revalidated.
async fn asset(Path(name): Path<String>, uri: Uri) -> Response {
    let Some(index) = ASSETS.iter().position(|a| a.name == name) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let current = format!("v={}", VERSIONS[index]);
    let cache = if uri.query() == Some(current.as_str()) {
        "public, max-age=31536000, immutable"
    } else {
        "no-cache"
    };
    (
        [
            (header::CONTENT_TYPE, ASSETS[index].content_type),
            (header::CACHE_CONTROL, cache),
        ],
        ASSETS[index].bytes,
    )
        .into_response()
}
