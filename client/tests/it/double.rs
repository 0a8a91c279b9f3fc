//! A test double of Cleeng's `POST /customers` on a real socket (127.0.0.1), answering as
//! Cleeng documents it. What it answers is chosen by the local part of the request's email,
//! so one double (and one gateway in front of it) serves every case:
//!
//! | local part | answer |
//! |---|---|
//! | `exists` | 422 `USER0002` |
//! | `badrequest` | 400 `REQ0001` |
//! | `captcha` | 429 `CPT0001` |
//! | `captchafailed` | 429 `CPT0002` |
//! | `server` | 500 `S0001`, with a message that must never be passed on |
//! | `malformed` | 200 with a body that is not JSON |
//! | `teapot` | 418 with a body that is not a Cleeng error |
//! | `forbidden` | 403 with a code Cleeng does not document for this call (`OFR0001`) |
//! | `huge` | 200 with 100 KiB of JSON |
//! | `slow` | the success, after 3 s |
//! | `drop` | reads the request, then closes the connection without an answer |
//! | anything else | 200 with the success envelope (customer 7) |
//!
//! It keeps alive the connections its client keeps alive, and records every request whole.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The JWT of the success (claims `{"customerId":7,"publisherId":20718285,"exp":1700000000}`).
pub const JWT: &str = "eyJhbGciOiJub25lIn0.eyJjdXN0b21lcklkIjo3LCJwdWJsaXNoZXJJZCI6MjA3MTgyODUsImV4cCI6MTcwMDAwMDAwMH0.c2ln";
/// The session tokens of the success.
pub const CUSTOMER_TOKEN: &str = "ct-SECRET-customer-token";
pub const REFRESH_TOKEN: &str = "rt-SECRET-refresh-token";
/// The message of the 500, which no answer or log may repeat.
pub const SERVER_MESSAGE: &str = "internal detail db-7 do-not-leak";
/// A part of the malformed body, which no answer or log may repeat.
pub const MALFORMED_BODY: &str = "<html>upstream-body-do-not-leak</html>";

/// A request as the double read it.
#[derive(Clone, Debug)]
pub struct Received {
    /// The request line and the headers, as sent.
    pub head: String,
    pub body: Vec<u8>,
}

impl Received {
    /// A header's value (the name in any case).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().skip(1).find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }

    /// The request line.
    pub fn request_line(&self) -> &str {
        self.head.lines().next().unwrap_or("")
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body).expect("the request body is JSON")
    }
}

/// A running double; stops when dropped.
pub struct Double {
    pub addr: SocketAddr,
    requests: Arc<Mutex<Vec<Received>>>,
    connections: Arc<AtomicUsize>,
    task: tokio::task::JoinHandle<()>,
}

impl Drop for Double {
    fn drop(&mut self) {
        self.task.abort();
    }
}

impl Double {
    /// Listens on a free port of 127.0.0.1.
    pub async fn start() -> Double {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("a free port");
        Double::serve(listener)
    }

    /// Serves on this listener.
    pub fn serve(listener: TcpListener) -> Double {
        let addr = listener.local_addr().expect("a bound address");
        let requests = Arc::new(Mutex::new(Vec::new()));
        let connections = Arc::new(AtomicUsize::new(0));
        let task = tokio::spawn({
            let requests = requests.clone();
            let connections = connections.clone();
            async move {
                loop {
                    let Ok((stream, _)) = listener.accept().await else {
                        continue;
                    };
                    connections.fetch_add(1, Ordering::SeqCst);
                    // An answer in one segment, sent at once (as a web server would).
                    let _ = stream.set_nodelay(true);
                    tokio::spawn(connection(stream, requests.clone()));
                }
            }
        });
        Double {
            addr,
            requests,
            connections,
            task,
        }
    }

    /// `http://127.0.0.1:PORT`
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Received> {
        self.requests.lock().expect("not poisoned").clone()
    }

    /// The connections accepted so far.
    pub fn connections(&self) -> usize {
        self.connections.load(Ordering::SeqCst)
    }
}

/// Reads requests off a connection and answers each, until the client closes it or a case
/// closes it.
async fn connection(mut stream: TcpStream, requests: Arc<Mutex<Vec<Received>>>) {
    let mut buffer = Vec::new();
    loop {
        let Some(received) = read_request(&mut stream, &mut buffer).await else {
            return;
        };
        let case = local_part(&received.body);
        requests.lock().expect("not poisoned").push(received);
        let (status, body) = match case.as_str() {
            "drop" => return,
            "slow" => {
                tokio::time::sleep(Duration::from_secs(3)).await;
                (200, success())
            }
            other => answer(other),
        };
        let reason = match status {
            200 => "OK",
            400 => "Bad Request",
            403 => "Forbidden",
            418 => "I'm a teapot",
            422 => "Unprocessable Entity",
            429 => "Too Many Requests",
            _ => "Internal Server Error",
        };
        let head = format!(
            "HTTP/1.1 {status} {reason}\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
            body.len()
        );
        if stream
            .write_all(format!("{head}{body}").as_bytes())
            .await
            .is_err()
        {
            return;
        }
    }
}

/// The documented answer for a case.
fn answer(case: &str) -> (u16, String) {
    let error = |code: &str, message: &str| {
        format!(r#"{{"responseData":{{}},"errors":[{{"code":"{code}","message":"{message}"}}]}}"#)
    };
    match case {
        "exists" => (422, error("USER0002", "Customer already exists")),
        "badrequest" => (400, error("REQ0001", "Invalid request")),
        "captcha" => (429, error("CPT0001", "Captcha verification required")),
        "captchafailed" => (429, error("CPT0002", "Captcha verification failed")),
        "server" => (500, error("S0001", SERVER_MESSAGE)),
        "malformed" => (200, MALFORMED_BODY.to_owned()),
        "teapot" => (418, r#"{"short":"and stout"}"#.to_owned()),
        "forbidden" => (403, error("OFR0001", "Offer is not active")),
        "huge" => (
            200,
            format!(r#"{{"padding":"{}"}}"#, "x".repeat(100 * 1024)),
        ),
        _ => (200, success()),
    }
}

/// Cleeng's success envelope for customer 7.
pub fn success() -> String {
    format!(
        r#"{{"responseData":{{"customerId":7,"customerToken":"{CUSTOMER_TOKEN}","refreshToken":"{REFRESH_TOKEN}","jwt":"{JWT}"}},"errors":[]}}"#
    )
}

/// The local part of the body's `email`, or `""`.
fn local_part(body: &[u8]) -> String {
    let json: serde_json::Value = serde_json::from_slice(body).unwrap_or_default();
    let email = json["email"].as_str().unwrap_or("");
    email.split('@').next().unwrap_or("").to_owned()
}

/// One request (head and `Content-Length` body), or `None` at the end of the connection.
async fn read_request(stream: &mut TcpStream, buffer: &mut Vec<u8>) -> Option<Received> {
    let head_end = loop {
        if let Some(at) = buffer.windows(4).position(|w| w == b"\r\n\r\n") {
            break at + 4;
        }
        let mut chunk = [0; 4096];
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    };
    let head = String::from_utf8(buffer[..head_end].to_vec()).ok()?;
    let length: usize = head
        .lines()
        .find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse().ok())?
        })
        .unwrap_or(0);
    while buffer.len() < head_end + length {
        let mut chunk = [0; 4096];
        let read = stream.read(&mut chunk).await.ok()?;
        if read == 0 {
            return None;
        }
        buffer.extend_from_slice(&chunk[..read]);
    }
    let body = buffer[head_end..head_end + length].to_vec();
    buffer.drain(..head_end + length);
    Some(Received {
        head: head.trim_end().to_owned(),
        body,
    })
}
