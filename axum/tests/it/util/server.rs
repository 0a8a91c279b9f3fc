//! A real server on 127.0.0.1 and a hyper client for it.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;

use axum::body::Body;
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::Router;
use bytes::Bytes;
use http_body_util::combinators::BoxBody;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::{connect::HttpConnector, Client};
use hyper_util::rt::TokioExecutor;

use super::Answer;

/// Bytes of request bodies the server's handlers have been handed, counted below the
/// extractor: what the server has read from the connection.
#[derive(Clone, Default)]
pub struct ServerRead(Arc<AtomicUsize>);

impl ServerRead {
    pub fn bytes(&self) -> usize {
        self.0.load(Ordering::SeqCst)
    }
}

/// Serves `app` on 127.0.0.1 at a free port, with the peer address, counting body bytes read.
pub async fn serve(app: Router) -> (SocketAddr, ServerRead) {
    let read = ServerRead::default();
    let counter = read.clone();
    let app = app.layer(axum::middleware::map_request(move |request: Request| {
        let counter = counter.clone();
        async move {
            request.map(|body| {
                Body::new(body.map_frame(move |frame| {
                    if let Some(data) = frame.data_ref() {
                        counter.0.fetch_add(data.len(), Ordering::SeqCst);
                    }
                    frame
                }))
            })
        }
    }));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a free port on 127.0.0.1");
    let addr = listener.local_addr().expect("a bound address");
    tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("the test server runs");
    });
    (addr, read)
}

pub type ClientBody = BoxBody<Bytes, std::io::Error>;

pub fn client() -> Client<HttpConnector, ClientBody> {
    Client::builder(TokioExecutor::new()).build_http()
}

pub fn full(body: impl Into<Bytes>) -> ClientBody {
    Full::new(body.into())
        .map_err(|never| match never {})
        .boxed()
}

/// `POST /customers` as JSON, with these extra headers.
pub async fn post_to(
    addr: SocketAddr,
    headers: &[(&str, &str)],
    body: ClientBody,
) -> Result<Answer, hyper_util::client::legacy::Error> {
    let mut request = hyper::Request::post(format!("http://{addr}/customers"))
        .header(header::CONTENT_TYPE, "application/json");
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let request = request.body(body).expect("a valid request");
    let response = client().request(request).await?;
    Ok(Answer::from_response(response.map(Body::new)).await)
}

pub fn ok(answer: &Answer) {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.text);
}
