//! The router state every route reads: the extractor's configuration and the documents,
//! serialized once at start.

use axum::body::Bytes;
use axum::extract::FromRef;
use cleeng_register::schema;
use cleeng_register_axum::RegistrationConfig;
use cleeng_register_client::Client;
use cleeng_register_messages::Language;

/// The router state. A module that needs more (a client for an upstream, a page's
/// configuration) adds a field here and fills it in [`Gateway::new`].
#[derive(Clone)]
pub struct Gateway {
    pub registration: RegistrationConfig,
    pub schema: Bytes,
    pub openapi: Bytes,
    pub messages: Bytes,
    /// The client of `--upstream`; `None` validates only.
    pub upstream: Option<Client>,
}

impl Gateway {
    /// The state for this configuration. The documents describe what a client must send, so
    /// they are made from the client's view of the policy.
    pub fn new(registration: RegistrationConfig, upstream: Option<Client>) -> Gateway {
        let policy = registration.client_policy();
        let document = |value: serde_json::Value| -> Bytes {
            serde_json::to_vec_pretty(&value)
                .expect("a JSON value serializes")
                .into()
        };
        Gateway {
            schema: document(schema::request_schema(policy)),
            openapi: document(cleeng_register_response::openapi::document(policy)),
            // The catalog's English: the words the extractor answers in English.
            messages: document(cleeng_register_messages::document::document(
                Language::En,
                policy,
            )),
            registration,
            upstream,
        }
    }
}

impl FromRef<Gateway> for RegistrationConfig {
    fn from_ref(gateway: &Gateway) -> Self {
        gateway.registration.clone()
    }
}
