//! A small HTTP/1.1 server on 127.0.0.1 for the tests of packs from an address: each
//! path answers as the test says (a pack with an ETag, a status, a redirect, silence, a
//! flood), and every request is recorded so a test can see what the client asked.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};

/// How a path answers.
#[derive(Clone)]
pub enum Reply {
    /// 200 with this body and ETag; 304 when the request already has that ETag.
    Pack {
        body: String,
        etag: String,
    },
    Status(u16),
    Redirect(String),
    /// Accepts the request and never answers (the connection stays open).
    Silent,
    /// A 200 whose body never ends before the pack limit: `declared` says whether the
    /// length is announced up front.
    Flood {
        declared: bool,
    },
    /// A 200 that announces `length` bytes, sends `body` and hangs up.
    Announce {
        length: u64,
        body: String,
    },
}

/// One request as the server saw it: the path and its headers (names in lower case).
#[derive(Clone, Debug)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

pub struct Server {
    pub base: String,
    replies: Arc<Mutex<HashMap<String, Reply>>>,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let replies = Arc::new(Mutex::new(HashMap::new()));
        let requests = Arc::new(Mutex::new(Vec::new()));
        let (r, q) = (replies.clone(), requests.clone());
        std::thread::spawn(move || {
            // Silent connections are kept here, open, until the test process ends.
            let mut held = Vec::new();
            for stream in listener.incoming().flatten() {
                if let Some(stream) = answer(stream, &r, &q) {
                    held.push(stream);
                }
            }
        });
        Server {
            base,
            replies,
            requests,
        }
    }

    /// The full address of `path` on this server.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub fn set(&self, path: &str, reply: Reply) {
        self.replies.lock().unwrap().insert(path.into(), reply);
    }

    /// Serves `body` at `path` with an ETag made of `tag`.
    pub fn serve(&self, path: &str, body: &str, tag: &str) {
        let etag = format!("\"{tag}\"");
        self.set(
            path,
            Reply::Pack {
                body: body.into(),
                etag,
            },
        );
    }

    pub fn requests(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn answer(
    stream: TcpStream,
    replies: &Mutex<HashMap<String, Reply>>,
    requests: &Mutex<Vec<Request>>,
) -> Option<TcpStream> {
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut first = String::new();
    reader.read_line(&mut first).ok()?;
    let path = first.split_whitespace().nth(1)?.to_string();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.insert(name.trim().to_ascii_lowercase(), value.trim().to_string());
        }
    }
    let asked_etag = headers.get("if-none-match").cloned();
    requests.lock().unwrap().push(Request {
        path: path.clone(),
        headers,
    });
    // `*` answers every path not set otherwise.
    let reply = {
        let replies = replies.lock().unwrap();
        replies
            .get(&path)
            .or_else(|| replies.get("*"))
            .cloned()
            .unwrap_or(Reply::Status(404))
    };
    let mut stream = stream;
    let head = |status: &str, extra: &str| {
        format!("HTTP/1.1 {status}\r\nConnection: close\r\n{extra}\r\n")
    };
    let written = match reply {
        Reply::Pack { etag, .. } if asked_etag.as_deref() == Some(etag.as_str()) => {
            stream.write_all(head("304 Not Modified", &format!("ETag: {etag}\r\n")).as_bytes())
        }
        Reply::Pack { body, etag } => {
            let extra = format!(
                "ETag: {etag}\r\nContent-Type: application/yaml\r\nContent-Length: {}\r\n",
                body.len()
            );
            stream
                .write_all(head("200 OK", &extra).as_bytes())
                .and_then(|()| stream.write_all(body.as_bytes()))
        }
        Reply::Status(status) => {
            let extra = "Content-Length: 9\r\n";
            stream
                .write_all(head(&format!("{status} Status"), extra).as_bytes())
                .and_then(|()| stream.write_all(b"no pack\r\n"))
        }
        Reply::Redirect(to) => stream.write_all(
            head(
                "302 Found",
                &format!("Location: {to}\r\nContent-Length: 0\r\n"),
            )
            .as_bytes(),
        ),
        Reply::Silent => return Some(stream),
        Reply::Announce { length, body } => stream
            .write_all(head("200 OK", &format!("Content-Length: {length}\r\n")).as_bytes())
            .and_then(|()| stream.write_all(body.as_bytes())),
        Reply::Flood { declared } => {
            let size = 17 * 1024 * 1024;
            let extra = if declared {
                format!("Content-Length: {size}\r\n")
            } else {
                String::new()
            };
            let chunk = vec![b'#'; 64 * 1024];
            stream
                .write_all(head("200 OK", &extra).as_bytes())
                .and_then(|()| {
                    // The client hangs up once it has had enough: stop writing then.
                    for _ in 0..size / chunk.len() {
                        stream.write_all(&chunk)?;
                    }
                    Ok(())
                })
        }
    };
    let _ = written;
    None
}
