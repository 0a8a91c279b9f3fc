//! What the extractor needs to know: the policy, the service's own rules, the status for an
//! invalid body, and where the customer's IP address may come from.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use axum::http::StatusCode;
use cleeng_register::policy::CustomerIpRule;
use cleeng_register::service_rule::ServiceRules;
use cleeng_register::{Policy, ValidationReport};
use ipnet::IpNet;

/// The status of an answer to an invalid body: 400 by default, or 422 for services whose
/// clients expect it.
#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum InvalidStatus {
    /// `400 Bad Request`, the default.
    #[default]
    BadRequest,
    /// `422 Unprocessable Content`.
    UnprocessableContent,
}

impl InvalidStatus {
    /// The HTTP status code.
    ///
    /// ```
    /// use cleeng_register_axum::InvalidStatus;
    /// assert_eq!(InvalidStatus::default().status_code().as_u16(), 400);
    /// assert_eq!(InvalidStatus::UnprocessableContent.status_code().as_u16(), 422);
    /// ```
    pub const fn status_code(self) -> StatusCode {
        match self {
            InvalidStatus::BadRequest => StatusCode::BAD_REQUEST,
            InvalidStatus::UnprocessableContent => StatusCode::UNPROCESSABLE_ENTITY,
        }
    }
}

/// Where an absent `customerIP` is filled from. A `customerIP` in the body is not replaced
/// unless the configuration says so ([`RegistrationConfig::with_override_customer_ip`]), and a
/// filled address counts as given (for the policy's `customerIp` rule and for the advisories).
///
/// Both sources other than [`Off`](CustomerIpSource::Off) read the peer address from axum's
/// `ConnectInfo<SocketAddr>`, which [`edge::serve`](crate::edge::serve) always gives (the one
/// way to serve, see the crate docs). Served another way, the router must be served with
/// `Router::into_make_service_with_connect_info::<SocketAddr>()` (or, in tests, with
/// `MockConnectInfo`); without it the extractor answers 500 and logs an `error` naming the fix
/// at the first request, because silently never filling the address would be a pricing and
/// tax bug that nobody notices.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum CustomerIpSource {
    /// Never fill: the body is taken as sent. The default.
    #[default]
    Off,
    /// The address of the peer that opened the connection. Right when the customer's browser or
    /// app connects to this service directly, wrong behind a proxy or load balancer (every
    /// customer would get the proxy's address).
    Peer,
    /// Behind proxies: when the peer is one of these networks, the customer is the rightmost
    /// `X-Forwarded-For` address that is not in them; when the peer is not, the peer itself
    /// (a client that connects directly cannot be trusted to say who it is). An empty list
    /// trusts no proxy and so behaves as [`Peer`](CustomerIpSource::Peer).
    /// [`CustomerIpSource::resolve`] states every case.
    TrustedProxies(Vec<IpNet>),
}

/// The extractor's configuration. The router state provides it through `FromRef`: a state of
/// this type works as it is; a larger state implements `FromRef<YourState> for
/// RegistrationConfig` (or derives it with axum's `FromRef` derive).
///
/// Cloning is cheap (one reference count), as axum clones it for every request.
///
/// ```
/// use cleeng_register::Policy;
/// use cleeng_register_axum::{CustomerIpSource, InvalidStatus, RegistrationConfig};
/// let config = RegistrationConfig::new(Policy::default())
///     .with_invalid_status(InvalidStatus::UnprocessableContent)
///     .with_customer_ip(CustomerIpSource::TrustedProxies(vec!["10.0.0.0/8".parse()?]));
/// assert_eq!(config.policy().max_body_bytes(), 65536);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug)]
pub struct RegistrationConfig(Arc<Inner>);

#[derive(Clone, Debug)]
struct Inner {
    policy: Policy,
    /// The service's own rules, run with the crate's.
    rules: ServiceRules,
    /// What a client must send: the policy, with `customerIp` optional when the address is
    /// filled. Made whenever the policy or the source changes.
    client_policy: Policy,
    invalid_status: InvalidStatus,
    customer_ip: CustomerIpSource,
    /// Whether the resolved address replaces a `customerIP` sent in the body.
    override_customer_ip: bool,
    /// Whether the first request that found no peer address for a source that needs one has
    /// been logged (shared by the clones of a configuration).
    said_missing_peer: Arc<AtomicBool>,
    /// The core crate's own report for a body over `maxBodyBytes`, made once, so that a 413
    /// says to the byte what `RegisterRequest::from_json` says for the same body.
    too_large: ValidationReport,
}

impl RegistrationConfig {
    /// A configuration for `policy`, answering 400 for an invalid body and filling no address.
    pub fn new(policy: Policy) -> Self {
        let too_large = ValidationReport::body_too_large(&policy);
        RegistrationConfig(Arc::new(Inner {
            client_policy: policy.clone(),
            policy,
            rules: ServiceRules::new(),
            invalid_status: InvalidStatus::default(),
            customer_ip: CustomerIpSource::default(),
            override_customer_ip: false,
            said_missing_peer: Arc::default(),
            too_large,
        }))
    }

    /// Sets the service's own rules, which the extractor runs in the same pass as the crate's:
    /// their errors are in the same problem document, in field order with the crate's (see
    /// [`cleeng_register::service_rule`]). None by default. The answer's messages come from
    /// the catalog: a service error says the service's sentence for the answer's language
    /// after the field's label ("Email address must not be a disposable address."), or, where
    /// the service gave none for that language, that the field is not valid, in that
    /// language. A `customerIP` rule sees the address the body gave, or else the one filled from the connection; with
    /// [`with_override_customer_ip`](Self::with_override_customer_ip) on, the address that
    /// replaces the body's afterwards is not checked by the rules.
    ///
    /// ```
    /// use cleeng_register::error::{Params, ServiceCode, ServiceMessage};
    /// use cleeng_register::service_rule::ServiceRules;
    /// use cleeng_register::Policy;
    /// use cleeng_register_axum::RegistrationConfig;
    ///
    /// static DISPOSABLE_EMAIL: ServiceCode =
    ///     ServiceCode::new("disposable_email", ServiceMessage::new("must not be a disposable address"));
    /// let rules = ServiceRules::new().email(&DISPOSABLE_EMAIL, |email| match email.domain() {
    ///     "mailinator.com" | "yopmail.com" => Err(Params::NONE),
    ///     _ => Ok(()),
    /// });
    /// let config = RegistrationConfig::new(Policy::default()).with_rules(rules);
    /// assert_eq!(config.rules().codes().len(), 1);
    /// ```
    #[must_use]
    pub fn with_rules(mut self, rules: ServiceRules) -> Self {
        Arc::make_mut(&mut self.0).rules = rules;
        self
    }

    /// The service's own rules (none unless [`with_rules`](Self::with_rules) set them); a
    /// service publishes them with `cleeng_register::messages::document_with` and
    /// `cleeng_register::schema::result_schema_with`.
    pub fn rules(&self) -> &ServiceRules {
        &self.0.rules
    }

    /// Sets the status for an invalid body.
    #[must_use]
    pub fn with_invalid_status(mut self, status: InvalidStatus) -> Self {
        Arc::make_mut(&mut self.0).invalid_status = status;
        self
    }

    /// Sets where an absent `customerIP` is filled from.
    #[must_use]
    pub fn with_customer_ip(mut self, source: CustomerIpSource) -> Self {
        let inner = Arc::make_mut(&mut self.0);
        inner.client_policy = match source {
            CustomerIpSource::Off => inner.policy.clone(),
            CustomerIpSource::Peer | CustomerIpSource::TrustedProxies(_) => {
                with_optional_customer_ip(&inner.policy)
            }
        };
        inner.customer_ip = source;
        self
    }

    /// Whether the address the [`CustomerIpSource`] resolves (the peer, or the trusted proxies'
    /// client) **replaces** a `customerIP` sent in the body, rather than only filling an absent
    /// one. Off by default.
    ///
    /// Cleeng prices and taxes by `customerIP`. Where customers' browsers post to this service
    /// directly, a `customerIP` in the body is the customer's own choice of the address, and so
    /// of the tax country of their price: turn this on. Leave it off where the body comes from
    /// a trusted back end that already knows the customer's address (a server that registers
    /// on a customer's behalf and sends their `customerIP`), since the connection is then that
    /// server's, not the customer's.
    ///
    /// With [`CustomerIpSource::Off`] there is no address to put in, and this does nothing.
    /// Behind trusted proxies that forwarded no usable address, the body is taken as sent (as
    /// with the option off). A `customerIP` in the body is still checked (an invalid one is
    /// still an error) before it is replaced.
    ///
    /// ```
    /// use cleeng_register::Policy;
    /// use cleeng_register_axum::{CustomerIpSource, RegistrationConfig};
    /// let edge = RegistrationConfig::new(Policy::default())
    ///     .with_customer_ip(CustomerIpSource::Peer)
    ///     .with_override_customer_ip(true);
    /// assert!(edge.overrides_customer_ip());
    /// ```
    #[must_use]
    pub fn with_override_customer_ip(mut self, replace: bool) -> Self {
        Arc::make_mut(&mut self.0).override_customer_ip = replace;
        self
    }

    /// Whether a resolved address replaces a `customerIP` in the body (see
    /// [`with_override_customer_ip`](Self::with_override_customer_ip)).
    pub fn overrides_customer_ip(&self) -> bool {
        self.0.override_customer_ip
    }

    /// The policy bodies are checked under.
    pub fn policy(&self) -> &Policy {
        &self.0.policy
    }

    /// The policy as a client of this service sees it, for the schema and the OpenAPI document
    /// the service publishes: the [`policy`](Self::policy) itself when no address is filled;
    /// when one is ([`CustomerIpSource::Peer`] or [`CustomerIpSource::TrustedProxies`]), the
    /// same policy with `customerIp` optional, because the service supplies the address the
    /// policy may require.
    ///
    /// One case is looser than the service: behind trusted proxies, a request whose proxy
    /// forwarded no usable address gets none filled, and the policy's rule then applies to it.
    ///
    /// ```
    /// use cleeng_register::policy::CustomerIpRule;
    /// use cleeng_register::{schema, Policy};
    /// use cleeng_register_axum::{CustomerIpSource, RegistrationConfig};
    /// let policy = Policy::builder().customer_ip(CustomerIpRule::Required).build()?;
    /// let config = RegistrationConfig::new(policy);
    /// assert_eq!(config.client_policy().customer_ip(), &CustomerIpRule::Required);
    /// let filling = config.with_customer_ip(CustomerIpSource::Peer);
    /// assert_eq!(filling.policy().customer_ip(), &CustomerIpRule::Required);
    /// assert_eq!(filling.client_policy().customer_ip(), &CustomerIpRule::Optional);
    /// let published = schema::request_schema(filling.client_policy());
    /// assert!(!published["required"].as_array().unwrap().contains(&"customerIP".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn client_policy(&self) -> &Policy {
        &self.0.client_policy
    }

    /// The status for an invalid body.
    pub fn invalid_status(&self) -> InvalidStatus {
        self.0.invalid_status
    }

    /// Where an absent `customerIP` is filled from.
    pub fn customer_ip(&self) -> &CustomerIpSource {
        &self.0.customer_ip
    }

    /// Says at `error` level, at the first request, that the server gives no peer address to
    /// a source that needs one: every registration is refused with 500 until the service is
    /// served as the crate's docs show, and an operator must hear of it at once.
    pub(crate) fn missing_peer_address(&self) {
        if !self.0.said_missing_peer.swap(true, Ordering::Relaxed) {
            tracing::error!(
                "the customer IP source needs each connection's address and this server does \
                 not give it: serve the router with cleeng_register_axum::edge::serve, or with \
                 into_make_service_with_connect_info::<SocketAddr>(); every registration is \
                 answered 500 until then"
            );
        }
    }

    pub(crate) fn too_large_report(&self) -> &ValidationReport {
        &self.0.too_large
    }
}

impl Default for RegistrationConfig {
    /// The default policy, 400, no address filled.
    fn default() -> Self {
        RegistrationConfig::new(Policy::default())
    }
}

/// `policy` with `customerIp` optional and every other setting kept.
fn with_optional_customer_ip(policy: &Policy) -> Policy {
    policy
        .to_builder()
        .customer_ip(CustomerIpRule::Optional)
        .build()
        .expect("a valid policy with an optional customerIp is valid")
}
