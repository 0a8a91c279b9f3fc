//! Where an absent `customerIP` comes from: `CustomerIpSource::resolve` case by case, then
//! through the extractor (in process, with axum's `MockConnectInfo` as the peer).

use std::net::{IpAddr, SocketAddr};

use crate::util::{app, post, send, VALID, VALID_WITHOUT_IP};
use axum::extract::connect_info::MockConnectInfo;
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use cleeng_register::policy::CustomerIpRule;
use cleeng_register::Policy;
use cleeng_register_axum::{
    CustomerIpSource, MissingPeerAddress, RegistrationConfig, PROBLEM_CONTENT_TYPE,
};
use serde_json::json;

fn addr(s: &str) -> SocketAddr {
    s.parse().expect("a socket address")
}

fn ip(s: &str) -> Option<IpAddr> {
    Some(s.parse().expect("an address"))
}

fn forwarded(lines: &[&str]) -> HeaderMap {
    let mut headers = HeaderMap::new();
    for line in lines {
        headers.append(
            "x-forwarded-for",
            HeaderValue::from_str(line).expect("a header value"),
        );
    }
    headers
}

fn proxies(nets: &[&str]) -> CustomerIpSource {
    CustomerIpSource::TrustedProxies(nets.iter().map(|n| n.parse().expect("a CIDR")).collect())
}

const PROXY: &str = "10.0.0.1:40000";

fn via_proxy(lines: &[&str]) -> Option<IpAddr> {
    proxies(&["10.0.0.0/8", "2001:db8:ffff::/48"])
        .resolve(Some(addr(PROXY)), &forwarded(lines))
        .expect("a peer is given")
}

#[test]
fn off_fills_nothing_and_needs_no_peer() {
    let headers = forwarded(&["203.0.113.7"]);
    assert_eq!(CustomerIpSource::Off.resolve(None, &headers), Ok(None));
    assert_eq!(
        CustomerIpSource::Off.resolve(Some(addr(PROXY)), &headers),
        Ok(None)
    );
    assert_eq!(CustomerIpSource::default(), CustomerIpSource::Off);
}

#[test]
fn peer_is_the_peer_whatever_the_header_says() {
    let headers = forwarded(&["203.0.113.7"]);
    let source = CustomerIpSource::Peer;
    assert_eq!(
        source.resolve(Some(addr("192.0.2.1:5")), &headers),
        Ok(ip("192.0.2.1"))
    );
    assert_eq!(
        source.resolve(Some(addr("[2001:db8::1]:5")), &headers),
        Ok(ip("2001:db8::1"))
    );
    // A dual-stack socket's view of an IPv4 peer is the IPv4 address.
    assert_eq!(
        source.resolve(Some(addr("[::ffff:192.0.2.1]:5")), &headers),
        Ok(ip("192.0.2.1"))
    );
}

#[test]
fn a_source_that_needs_the_peer_says_so_when_it_is_missing() {
    let headers = HeaderMap::new();
    assert_eq!(
        CustomerIpSource::Peer.resolve(None, &headers),
        Err(MissingPeerAddress)
    );
    assert_eq!(
        proxies(&["10.0.0.0/8"]).resolve(None, &headers),
        Err(MissingPeerAddress)
    );
}

#[test]
fn an_untrusted_peer_is_the_customer_and_its_header_is_ignored() {
    let source = proxies(&["10.0.0.0/8"]);
    let headers = forwarded(&["203.0.113.7"]);
    assert_eq!(
        source.resolve(Some(addr("192.0.2.1:5")), &headers),
        Ok(ip("192.0.2.1"))
    );
    // Just outside the network.
    assert_eq!(
        source.resolve(Some(addr("11.0.0.0:5")), &headers),
        Ok(ip("11.0.0.0"))
    );
    // No proxy trusted at all: the same as `Peer`.
    let none = proxies(&[]);
    assert_eq!(
        none.resolve(Some(addr(PROXY)), &headers),
        Ok(ip("10.0.0.1"))
    );
}

#[test]
fn a_trusted_peer_forwards_the_rightmost_untrusted_address() {
    // One hop.
    assert_eq!(via_proxy(&["203.0.113.7"]), ip("203.0.113.7"));
    // Several hops through trusted proxies: skipped from the right.
    assert_eq!(
        via_proxy(&["203.0.113.7, 10.1.1.1, 10.2.2.2"]),
        ip("203.0.113.7")
    );
    // Anything the client wrote itself sits left of the address our proxy saw: ignored.
    assert_eq!(
        via_proxy(&["198.51.100.66, 203.0.113.7, 10.1.1.1"]),
        ip("203.0.113.7")
    );
    // Several header lines are one list, in order.
    assert_eq!(
        via_proxy(&["198.51.100.66", "203.0.113.7", "10.1.1.1"]),
        ip("203.0.113.7")
    );
    assert_eq!(
        via_proxy(&["198.51.100.66, 203.0.113.7", "10.1.1.1,10.3.3.3"]),
        ip("203.0.113.7")
    );
    // IPv6, and a trusted IPv6 proxy.
    assert_eq!(
        via_proxy(&["2001:db8:1::7, 2001:db8:ffff::1"]),
        ip("2001:db8:1::7")
    );
}

#[test]
fn entries_may_have_ports_brackets_and_spaces() {
    assert_eq!(via_proxy(&["  203.0.113.7\t"]), ip("203.0.113.7"));
    assert_eq!(via_proxy(&["203.0.113.7:443"]), ip("203.0.113.7"));
    assert_eq!(via_proxy(&["[2001:db8::7]:443"]), ip("2001:db8::7"));
    assert_eq!(via_proxy(&["[2001:db8::7]"]), ip("2001:db8::7"));
    // An IPv4-mapped entry is the IPv4 address, for trust too.
    assert_eq!(via_proxy(&["::ffff:203.0.113.7"]), ip("203.0.113.7"));
    assert_eq!(
        via_proxy(&["203.0.113.7, ::ffff:10.9.9.9"]),
        ip("203.0.113.7")
    );
}

#[test]
fn no_header_or_only_trusted_proxies_fill_nothing() {
    assert_eq!(via_proxy(&[]), None);
    assert_eq!(via_proxy(&["10.1.1.1, 10.2.2.2"]), None);
}

#[test]
fn a_malformed_entry_where_the_customer_should_be_fills_nothing() {
    for line in [
        "unknown",
        "garbage, 10.1.1.1",
        "203.0.113.7, _hidden",
        "",
        " , ",
        "203.0.113.7,,10.1.1.1",
        "203.0.113.300",
        "010.0.0.1",
        "fe80::1%eth0",
        "203.0.113.7/32",
    ] {
        assert_eq!(via_proxy(&[line]), None, "{line:?}");
    }
    // A header that is not visible ASCII.
    let mut headers = HeaderMap::new();
    headers.insert(
        "x-forwarded-for",
        HeaderValue::from_bytes(b"203.0.113.7, \xff").expect("obs-text is allowed"),
    );
    let source = proxies(&["10.0.0.0/8"]);
    assert_eq!(source.resolve(Some(addr(PROXY)), &headers), Ok(None));
    // Garbage left of the decision does not matter.
    assert_eq!(via_proxy(&["garbage, 203.0.113.7"]), ip("203.0.113.7"));
    assert_eq!(
        via_proxy(&["unknown", "203.0.113.7, 10.1.1.1"]),
        ip("203.0.113.7")
    );
}

// Through the extractor.

fn config(source: CustomerIpSource, rule: CustomerIpRule) -> RegistrationConfig {
    let policy = Policy::builder()
        .customer_ip(rule)
        .build()
        .expect("a valid policy");
    RegistrationConfig::new(policy).with_customer_ip(source)
}

async fn register_from(
    config: RegistrationConfig,
    peer: &str,
    body: &'static str,
) -> crate::util::Answer {
    let app = app(config).layer(MockConnectInfo(addr(peer)));
    send(app, post(Some("application/json"), body)).await
}

#[tokio::test]
async fn peer_fills_an_absent_customer_ip_and_its_advisories_follow() {
    let public = register_from(
        config(CustomerIpSource::Peer, CustomerIpRule::Optional),
        "8.8.4.4:5000",
        VALID_WITHOUT_IP,
    )
    .await;
    assert_eq!(public.status, StatusCode::OK);
    assert_eq!(public.body["customerIP"], "8.8.4.4");
    assert!(public.advisories().is_empty());

    let private = register_from(
        config(CustomerIpSource::Peer, CustomerIpRule::Optional),
        "192.168.1.20:5000",
        VALID_WITHOUT_IP,
    )
    .await;
    assert_eq!(private.body["customerIP"], "192.168.1.20");
    assert_eq!(private.advisories(), ["customer_ip_not_public"]);

    let off = register_from(
        config(CustomerIpSource::Off, CustomerIpRule::Optional),
        "8.8.4.4:5000",
        VALID_WITHOUT_IP,
    )
    .await;
    assert_eq!(off.body["customerIP"], json!(null));
    assert_eq!(off.advisories(), ["customer_ip_missing"]);
}

#[tokio::test]
async fn a_given_customer_ip_is_never_replaced() {
    let answer = register_from(
        config(CustomerIpSource::Peer, CustomerIpRule::Optional),
        "192.168.1.20:5000",
        VALID,
    )
    .await;
    assert_eq!(answer.body["customerIP"], "8.8.8.8");
    // Not even an invalid one.
    const BAD_IP: &str = r#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD","customerIP":"not an address"}"#;
    let answer = register_from(
        config(CustomerIpSource::Peer, CustomerIpRule::Optional),
        "8.8.4.4:5000",
        BAD_IP,
    )
    .await;
    assert_eq!(answer.status, StatusCode::BAD_REQUEST);
    assert_eq!(
        answer.errors(),
        [("/customerIP".to_owned(), "invalid_format".to_owned())]
    );
}

#[tokio::test]
async fn with_the_override_the_connection_s_address_replaces_the_body_s() {
    let overriding =
        |source| config(source, CustomerIpRule::Optional).with_override_customer_ip(true);
    // The customer chose a public address; the connection is a private one: the connection's
    // wins, and the advisories are the replaced address's.
    let answer = register_from(
        overriding(CustomerIpSource::Peer),
        "192.168.1.20:5000",
        VALID,
    )
    .await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body["customerIP"], "192.168.1.20");
    assert_eq!(answer.advisories(), ["customer_ip_not_public"]);

    // Behind trusted proxies, their client replaces it.
    let app = app(overriding(proxies(&["10.0.0.0/8"]))).layer(MockConnectInfo(addr(PROXY)));
    let mut request = post(Some("application/json"), VALID);
    request
        .headers_mut()
        .insert("x-forwarded-for", HeaderValue::from_static("8.8.4.4"));
    let answer = send(app, request).await;
    assert_eq!(answer.body["customerIP"], "8.8.4.4");

    // Proxies that said nothing leave nothing to put in: the body is taken as sent.
    let answer = register_from(overriding(proxies(&["10.0.0.0/8"])), PROXY, VALID).await;
    assert_eq!(answer.body["customerIP"], "8.8.8.8");

    // An absent address is filled as without the override; an invalid one is still an error.
    let answer = register_from(
        overriding(CustomerIpSource::Peer),
        "8.8.4.4:5000",
        VALID_WITHOUT_IP,
    )
    .await;
    assert_eq!(answer.body["customerIP"], "8.8.4.4");
    const BAD_IP: &str = r#"{"email":"jane@example.com","password":"s3cret-pass","publisherId":"123456789","locale":"en_US","country":"US","currency":"USD","customerIP":"not an address"}"#;
    let answer = register_from(overriding(CustomerIpSource::Peer), "8.8.4.4:5000", BAD_IP).await;
    assert_eq!(
        answer.errors(),
        [("/customerIP".to_owned(), "invalid_format".to_owned())]
    );

    // `Off` has no address to put in.
    let answer = register_from(
        overriding(CustomerIpSource::Off),
        "192.168.1.20:5000",
        VALID,
    )
    .await;
    assert_eq!(answer.body["customerIP"], "8.8.8.8");
}

/// A body with every field the core knows (one of offerId and publisherId, which exclude
/// each other).
const EVERY_FIELD: &str = r#"{"email":"jane@example.com","password":"s3cret-pass","offerId":"S565568989_US","locale":"en_US","country":"US","currency":"USD","firstName":"Jane","lastName":"Doe","externalId":"ext-42","externalData":"{\"plan\":\"gold\"}","customerIP":"8.8.8.8","captchaValue":"03AGdBq24-captcha"}"#;

#[tokio::test]
async fn the_override_keeps_every_other_field() {
    use cleeng_register::{Field, RegisterRequest};
    let body: serde_json::Value = serde_json::from_str(EVERY_FIELD).unwrap();
    for field in Field::ALL {
        assert!(
            body.get(field.as_str()).is_some() || field == Field::PublisherId,
            "a field the test body lacks, whose keeping is then untested: {field:?}"
        );
    }
    let kept = RegisterRequest::from_json(EVERY_FIELD.as_bytes(), &Policy::default()).unwrap();
    let mut expected = serde_json::to_value(&kept).unwrap();
    expected["customerIP"] = json!("192.168.1.20");

    let config =
        config(CustomerIpSource::Peer, CustomerIpRule::Optional).with_override_customer_ip(true);
    let handler = |registration: cleeng_register_axum::ValidRegistration| async move {
        axum::Json(serde_json::to_value(&registration.request).unwrap())
    };
    let app = axum::Router::new()
        .route("/customers", axum::routing::post(handler))
        .with_state(config)
        .layer(MockConnectInfo(addr("192.168.1.20:5000")));
    let answer = send(app, post(Some("application/json"), EVERY_FIELD)).await;
    assert_eq!(answer.status, StatusCode::OK);
    assert_eq!(answer.body, expected);
}

#[tokio::test]
async fn a_filled_address_counts_as_given_for_the_policy() {
    let us_and_ca = CustomerIpRule::RequiredFor(vec!["US".parse().unwrap(), "CA".parse().unwrap()]);
    for rule in [CustomerIpRule::Required, us_and_ca] {
        let off = register_from(
            config(CustomerIpSource::Off, rule.clone()),
            "8.8.4.4:5000",
            VALID_WITHOUT_IP,
        )
        .await;
        assert_eq!(off.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            off.errors(),
            [("/customerIP".to_owned(), "missing".to_owned())]
        );

        let filled = register_from(
            config(CustomerIpSource::Peer, rule.clone()),
            "8.8.4.4:5000",
            VALID_WITHOUT_IP,
        )
        .await;
        assert_eq!(filled.status, StatusCode::OK, "{rule:?}");
        assert_eq!(filled.body["customerIP"], "8.8.4.4");

        // Through a trusted proxy that did not say from whom: nothing to fill, so missing.
        let unknown = register_from(
            config(proxies(&["10.0.0.0/8"]), rule),
            PROXY,
            VALID_WITHOUT_IP,
        )
        .await;
        assert_eq!(unknown.status, StatusCode::BAD_REQUEST);
        assert_eq!(
            unknown.errors(),
            [("/customerIP".to_owned(), "missing".to_owned())]
        );
    }
}

/// A `MakeWriter` into a shared buffer, for the logs of a test.
#[derive(Clone, Default)]
struct Logs(std::sync::Arc<std::sync::Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Logs {
    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).into_owned()
    }
}

#[tokio::test]
async fn without_connect_info_a_source_that_needs_it_is_500_and_logged_once() {
    let logs = Logs::default();
    let writer = logs.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_writer(move || writer.clone())
        .finish();
    let _logging = tracing::subscriber::set_default(subscriber);
    let peer = app(config(CustomerIpSource::Peer, CustomerIpRule::Optional));
    let answer = send(peer.clone(), post(Some("application/json"), VALID)).await;
    let again = send(peer, post(Some("application/json"), VALID)).await;
    assert_eq!(again.status, StatusCode::INTERNAL_SERVER_ERROR);
    let logged = logs.text();
    assert_eq!(logged.matches("ERROR").count(), 1, "{logged}");
    assert!(
        logged.contains("serve the router with cleeng_register_axum::edge::serve"),
        "{logged}"
    );
    assert_eq!(answer.status, StatusCode::INTERNAL_SERVER_ERROR);
    assert_eq!(answer.content_type(), PROBLEM_CONTENT_TYPE);
    assert_eq!(
        answer.body,
        json!({"type": "about:blank", "title": "Internal Server Error", "status": 500,
               "detail": "the server is not configured to see client addresses"})
    );
    // `Off` needs no peer.
    let off = app(config(CustomerIpSource::Off, CustomerIpRule::Optional));
    let answer = send(off, post(Some("application/json"), VALID)).await;
    assert_eq!(answer.status, StatusCode::OK);
}

// The client's view of the policy, for the published schema.

/// A policy with every setting away from its default.
fn full_policy(rule: CustomerIpRule) -> Policy {
    Policy::from_json(
        br#"{"allowedCurrencies": ["EUR", "PLN"], "allowedLocales": ["pl_PL"],
             "allowUnknownFields": true, "allowInternationalEmail": true,
             "maxBodyBytes": 4096, "maxExternalDataBytes": 512, "maxExternalDataDepth": 4,
             "maxErrors": 9}"#,
    )
    .map(|p| {
        let mut json = serde_json::to_value(&p).unwrap();
        json["customerIp"] = match rule {
            CustomerIpRule::Optional => json!("optional"),
            CustomerIpRule::Required => json!("required"),
            CustomerIpRule::RequiredFor(_) => json!({"requiredFor": ["US", "CA"]}),
        };
        serde_json::from_value(json).unwrap()
    })
    .expect("a valid policy")
}

#[test]
fn a_filling_source_makes_customer_ip_optional_for_clients_and_keeps_the_rest() {
    let us_and_ca = CustomerIpRule::RequiredFor(vec!["US".parse().unwrap(), "CA".parse().unwrap()]);
    for rule in [
        CustomerIpRule::Required,
        us_and_ca,
        CustomerIpRule::Optional,
    ] {
        let policy = full_policy(rule.clone());
        assert_eq!(policy.customer_ip(), &rule);
        let relaxed = full_policy(CustomerIpRule::Optional);
        for source in [CustomerIpSource::Peer, proxies(&["10.0.0.0/8"])] {
            let config = RegistrationConfig::new(policy.clone()).with_customer_ip(source);
            assert_eq!(config.policy(), &policy, "the service's own rule is kept");
            assert_eq!(config.client_policy(), &relaxed, "{rule:?}");
        }
        // Not filled: the client sees the policy as it is, also after a change of source.
        let off = RegistrationConfig::new(policy.clone());
        assert_eq!(off.client_policy(), &policy);
        let back = off
            .with_customer_ip(CustomerIpSource::Peer)
            .with_customer_ip(CustomerIpSource::Off);
        assert_eq!(back.client_policy(), &policy);
    }
}
