//! Recipes: the crate at work in the places it is used. Every example runs as a test.
//!
//! - [Answer a client](#answer-a-client)
//! - [Log a refusal](#log-a-refusal)
//! - [Fill `customerIP` from the connection](#fill-customerip-from-the-connection)
//! - [Register a customer](#register-a-customer)
//! - [A service's policy](#a-services-policy)
//! - [A body inside another document](#a-body-inside-another-document)
//! - [Build a request from typed parts](#build-a-request-from-typed-parts)
//! - [Publish the schema and the messages](#publish-the-schema-and-the-messages)
//! - [Property tests and fuzzing of your own code](#property-tests-and-fuzzing-of-your-own-code)
//!
//! # Answer a client
//!
//! Read the body once, then forward the request to Cleeng (it serializes to Cleeng's body),
//! or answer with the RFC 9457 problem document, which lists every error.
//!
//! ```
//! use cleeng_register::{Policy, Problem, RegisterRequest};
//!
//! fn answer(body: &[u8], policy: &Policy) -> (u16, &'static str, Vec<u8>) {
//!     match RegisterRequest::from_json(body, policy) {
//!         // Here a real service forwards `request` to Cleeng instead.
//!         Ok(request) => (200, "application/json", serde_json::to_vec(&request).unwrap()),
//!         Err(report) => {
//!             let problem = report.into_problem(400);
//!             (400, Problem::CONTENT_TYPE, serde_json::to_vec(&problem).unwrap())
//!         }
//!     }
//! }
//!
//! let (status, content_type, body) = answer(br#"{"email":"jane@localhost"}"#, &Policy::default());
//! assert_eq!((status, content_type), (400, "application/problem+json"));
//! let problem: serde_json::Value = serde_json::from_slice(&body).unwrap();
//! assert_eq!(problem["code"], "REQ0001");
//! assert_eq!(problem["errors"][0]["message"], "email must be a valid email address");
//! ```
//!
//! In an axum service, the `cleeng-register-axum` crate does this (and the media type, the
//! body limit and the timeouts) as an extractor.
//!
//! # Log a refusal
//!
//! A report's `Display` lists `"pointer" code` pairs and never a value; a key a client made
//! up appears in its pointer, a JSON string with every control character and line break
//! escaped, so it cannot forge a log line.
//!
//! ```
//! use cleeng_register::{Policy, RegisterRequest};
//!
//! let body = "{\"x\\n2026-11-30T00:00:00Z INFO forged\\u001b[31m\":1}";
//! let report = RegisterRequest::from_json(body.as_bytes(), &Policy::default()).unwrap_err();
//! let line = report.to_string();
//! assert!(line.ends_with(r#""/x\n2026-11-30T00:00:00Z INFO forged\u001b[31m" unknown_field"#));
//! assert!(!line.contains(['\n', '\u{1b}']));
//! ```
//!
//! # Fill `customerIP` from the connection
//!
//! Cleeng prices and taxes by `customerIP`, and a server that forwards a registration is not
//! the customer. Give the address the customer connected from; a `customerIP` in the body is
//! never replaced.
//!
//! ```
//! use cleeng_register::{Advisory, Policy, RegisterRequest};
//!
//! let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                 "locale":"en_US","country":"US","currency":"USD"}"#;
//! let peer = "8.8.8.8".parse()?;
//! let request = RegisterRequest::from_json_with_fallback_ip(body, &Policy::default(), Some(peer))?;
//! assert_eq!(request.customer_ip(), Some(peer));
//! assert!(!request.advisories().contains(Advisory::CustomerIpMissing));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Register a customer
//!
//! The request's serialization is Cleeng's body, with the filled `customerIP`; sending it is
//! the `cleeng-register-client` crate's job (this crate does no I/O). Its docs hold the whole
//! recipe, "Register a customer: from an axum handler to the answer": the extractor, then
//! `Client::register`, then its `Answer` (Cleeng's envelope; Cleeng's 400, 422 or 429 with
//! its code; 502 or 504), and what to do when the outcome is unknown (a `USER0002` on the
//! next try may be the customer's own earlier registration). The `gateway` example of
//! `cleeng-register-axum` runs it: `--upstream sandbox`.
//!
//! ```
//! use cleeng_register::{Policy, RegisterRequest};
//!
//! let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                 "locale":"en_US","country":"US","currency":"USD"}"#;
//! let peer = "8.8.8.8".parse()?;
//! let request = RegisterRequest::from_json_with_fallback_ip(body, &Policy::default(), Some(peer))?;
//! // What `cleeng_register_client::Client::register` posts to `<base>/customers`:
//! let sent: serde_json::Value = serde_json::to_value(&request)?;
//! assert_eq!(sent["customerIP"], "8.8.8.8");
//! assert_eq!(sent["password"], "s3cret-pass");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # A service's policy
//!
//! From its JSON form (a file next to the service), or built in code. An invalid policy is
//! refused when it is built, never when a request comes.
//!
//! ```
//! use cleeng_register::policy::CustomerIpRule;
//! use cleeng_register::{ErrorCode, Policy, RegisterRequest};
//!
//! let policy = Policy::from_json(br#"{"allowedCurrencies":["EUR"],"customerIp":"required"}"#)?;
//! assert_eq!(policy.customer_ip(), &CustomerIpRule::Required);
//! let body = br#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                 "locale":"en_US","country":"US","currency":"USD"}"#;
//! let report = RegisterRequest::from_json(body, &policy).unwrap_err();
//! assert!(report.contains("/currency", ErrorCode::NotSupported));
//! assert!(report.contains("/customerIP", ErrorCode::Missing));
//!
//! let err = Policy::from_json(br#"{"allowedCurrencies":["XTS"]}"#).unwrap_err();
//! assert!(err.to_string().contains("not an ISO 4217 currency in circulation"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # A body inside another document
//!
//! [`RequestSeed`](crate::request::RequestSeed) reads a body with any serde format, under a
//! policy, with the same rules and codes (serde cannot see the body's size: cap it first).
//!
//! ```
//! use cleeng_register::request::RequestSeed;
//! use cleeng_register::{Policy, RegisterRequest};
//! use serde::de::DeserializeSeed;
//!
//! struct Envelope(RegisterRequest);
//! let text = r#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789",
//!                "locale":"en_US","country":"US","currency":"USD"}"#;
//! let policy = Policy::default();
//! let request = RequestSeed::new(&policy).deserialize(&mut serde_json::Deserializer::from_str(text))?;
//! let envelope = Envelope(request);
//! assert_eq!(envelope.0.email().as_str(), "jane@example.com");
//! # Ok::<(), serde_json::Error>(())
//! ```
//!
//! # Build a request from typed parts
//!
//! When the parts are valid already (each type's constructor checked them), the builder
//! cannot fail.
//!
//! ```
//! use cleeng_register::{OfferOrPublisher, RegisterRequest};
//!
//! let request = RegisterRequest::builder(
//!     "jane@example.com".parse()?,
//!     "s3cret-pass".parse()?,
//!     OfferOrPublisher::Offer("S565568989_US".parse()?),
//!     "en_US".parse()?,
//!     "US".parse()?,
//!     "USD".parse()?,
//! )
//! .customer_ip("203.0.113.7".parse()?)
//! .build();
//! assert_eq!(serde_json::to_value(&request)?["customerIP"], "203.0.113.7");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Publish the schema and the messages
//!
//! A frontend validates with the same rules before it sends: the JSON Schema of the body
//! under your policy, and the messages document that gives the crate's own sentence for each
//! rule (the `gateway` example serves both, with a form that uses them).
//!
//! ```
//! use cleeng_register::{messages, schema, Policy};
//!
//! let policy = Policy::from_json(br#"{"allowedLocales":["en_US","pl_PL"]}"#)?;
//! let body_schema = schema::request_schema(&policy);
//! assert_eq!(body_schema["properties"]["locale"]["enum"], serde_json::json!(["en_US", "pl_PL"]));
//! let document = messages::document(&policy);
//! assert_eq!(document["fields"][0]["key"], "email");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Property tests and fuzzing of your own code
//!
//! Feature `proptest` gives strategies for valid values of every type and whole requests;
//! feature `arbitrary` gives `Arbitrary` impls that always yield valid values.
//!
//! ```
//! # #[cfg(feature = "proptest")] {
//! use cleeng_register::{strategies, Policy, RegisterRequest};
//! use proptest::prelude::*;
//!
//! proptest!(|(request in strategies::register_request())| {
//!     // Your handler here; the crate's own law: the body reads back equal.
//!     let body = serde_json::to_vec(&request).unwrap();
//!     prop_assert_eq!(RegisterRequest::from_json(&body, &Policy::default()).unwrap(), request);
//! });
//! # }
//! ```
