//! The baseline body type of the axum crate's bench and `baseline` example: what a service
//! would write without the crate.

use serde::Deserialize;

/// A registration body read into `String` fields, with no checks.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
#[allow(dead_code)] // read by serde only
pub struct Plain {
    email: String,
    password: String,
    offer_id: Option<String>,
    publisher_id: Option<String>,
    locale: String,
    country: String,
    currency: String,
    first_name: Option<String>,
    last_name: Option<String>,
    external_id: Option<String>,
    external_data: Option<String>,
    #[serde(rename = "customerIP")]
    customer_ip: Option<String>,
    captcha_value: Option<String>,
}
