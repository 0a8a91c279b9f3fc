//! Where `POST /customers` goes: Cleeng's sandbox, its production, or any base URL.

use std::fmt;
use std::str::FromStr;

use http::uri::{PathAndQuery, Scheme, Uri};

use cleeng_register_response::{PRODUCTION_BASE_URL, SANDBOX_BASE_URL};

/// One of Cleeng's two MediaStore environments. Their URLs are the ones the OpenAPI document
/// of `cleeng-register-response` names (written once, in that crate).
#[derive(Copy, Clone, Debug, PartialEq, Eq, Hash)]
pub enum Environment {
    /// `https://mediastoreapi-sandbox.cleeng.com`: test registrations.
    Sandbox,
    /// `https://mediastoreapi.cleeng.com`: real customers.
    Production,
}

impl Environment {
    /// The environment's base URL.
    pub const fn url(self) -> &'static str {
        match self {
            Environment::Sandbox => SANDBOX_BASE_URL,
            Environment::Production => PRODUCTION_BASE_URL,
        }
    }

    /// The environment's base URL, parsed.
    pub fn base_url(self) -> BaseUrl {
        self.url().parse().expect("Cleeng's base URLs are valid")
    }
}

/// The base URL a registration is sent to, `POST <base>/customers`: an `http` or `https` URL
/// with a host, an optional port and an optional path prefix (for a proxy), and neither a
/// query nor a fragment. Parsed from `sandbox`, `production` (Cleeng's, see [`Environment`])
/// or a URL:
///
/// ```
/// use cleeng_register_client::{BaseUrl, Environment};
/// let sandbox: BaseUrl = "sandbox".parse()?;
/// assert_eq!(sandbox, Environment::Sandbox.base_url());
/// assert_eq!(sandbox.customers().to_string(), "https://mediastoreapi-sandbox.cleeng.com/customers");
/// let double: BaseUrl = "http://127.0.0.1:9000/cleeng/".parse()?;
/// assert_eq!(double.customers().to_string(), "http://127.0.0.1:9000/cleeng/customers");
/// assert!("ftp://example.com".parse::<BaseUrl>().is_err());
/// assert!("http://example.com/?key=1".parse::<BaseUrl>().is_err());
/// # Ok::<(), cleeng_register_client::BaseUrlError>(())
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `<base>/customers`, built once.
    customers: Uri,
}

impl BaseUrl {
    /// The URL a registration is posted to.
    pub fn customers(&self) -> &Uri {
        &self.customers
    }

    /// Whether the URL is `https`.
    pub fn is_https(&self) -> bool {
        self.customers.scheme() == Some(&Scheme::HTTPS)
    }
}

/// Why a base URL was refused. The text never repeats the URL (it may hold credentials).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum BaseUrlError {
    /// Not a URL.
    #[error("expected sandbox, production, or an http(s) URL such as https://host:port")]
    NotAUrl,
    /// A scheme other than `http` or `https`, or none.
    #[error("expected an http or https URL")]
    Scheme,
    /// No host.
    #[error("expected a URL with a host")]
    NoHost,
    /// User information (`user:password@`) in the URL: it would be sent nowhere and logged
    /// everywhere.
    #[error("expected a URL without user information (user:password@)")]
    UserInfo,
    /// A query or a fragment.
    #[error("expected a URL without a query or a fragment")]
    Query,
}

impl FromStr for BaseUrl {
    type Err = BaseUrlError;

    fn from_str(text: &str) -> Result<BaseUrl, BaseUrlError> {
        let text = match text {
            "sandbox" => SANDBOX_BASE_URL,
            "production" => PRODUCTION_BASE_URL,
            _ => text,
        };
        if text.contains('#') {
            return Err(BaseUrlError::Query);
        }
        let uri: Uri = text.parse().map_err(|_| BaseUrlError::NotAUrl)?;
        let parts = uri.into_parts();
        match &parts.scheme {
            Some(scheme) if *scheme == Scheme::HTTP || *scheme == Scheme::HTTPS => {}
            _ => return Err(BaseUrlError::Scheme),
        }
        let authority = parts.authority.as_ref().ok_or(BaseUrlError::NoHost)?;
        if authority.as_str().contains('@') {
            return Err(BaseUrlError::UserInfo);
        }
        if authority.host().is_empty() {
            return Err(BaseUrlError::NoHost);
        }
        let prefix = match &parts.path_and_query {
            Some(path) if path.query().is_some() => return Err(BaseUrlError::Query),
            Some(path) => path.path().trim_end_matches('/'),
            None => "",
        };
        let path: PathAndQuery = format!("{prefix}/customers")
            .parse()
            .map_err(|_| BaseUrlError::NotAUrl)?;
        let mut customers = http::uri::Parts::default();
        customers.scheme = parts.scheme;
        customers.authority = parts.authority;
        customers.path_and_query = Some(path);
        Ok(BaseUrl {
            customers: Uri::from_parts(customers).map_err(|_| BaseUrlError::NotAUrl)?,
        })
    }
}

impl From<Environment> for BaseUrl {
    fn from(environment: Environment) -> BaseUrl {
        environment.base_url()
    }
}

/// The base URL as given (without the `/customers` the client adds).
impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = self.customers.path();
        let prefix = path.strip_suffix("/customers").unwrap_or(path);
        let scheme = self.customers.scheme_str().unwrap_or("https");
        let authority = self.customers.authority().map_or("", |a| a.as_str());
        write!(f, "{scheme}://{authority}{prefix}")
    }
}

impl fmt::Debug for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "BaseUrl({self})")
    }
}
