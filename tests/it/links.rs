//! `validate --check-links` against a small HTTP server on 127.0.0.1: a fine link, a dead
//! one, one that refuses HEAD, a redirect, a redirect loop and one that never answers.

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

/// Serves canned answers until the test ends; returns its port.
fn serve() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    port
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Read the headers to their end.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let mut parts = request.split_whitespace();
    let (method, path) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let (status, extra) = match (method, path) {
        (_, "/ok") => ("200 OK", String::new()),
        (_, "/gone") => ("404 Not Found", String::new()),
        ("HEAD", "/no-head") => ("405 Method Not Allowed", String::new()),
        ("GET", "/no-head") => ("200 OK", String::new()),
        (_, "/moved") => ("301 Moved Permanently", "Location: /ok\r\n".into()),
        (_, "/loop") => ("302 Found", "Location: /loop\r\n".into()),
        (_, "/silent") => {
            // Never answer within the client's time limit.
            std::thread::sleep(Duration::from_secs(5));
            return;
        }
        _ => ("500 Internal Server Error", String::new()),
    };
    let _ = write!(
        stream,
        "HTTP/1.1 {status}\r\n{extra}Content-Length: 0\r\nConnection: close\r\n\r\n"
    );
}

#[test]
fn dead_links_fail_validation_and_redirects_are_reported() {
    let port = serve();
    let dir = tempfile::tempdir().unwrap();
    let url = |path: &str| format!("http://127.0.0.1:{port}{path}");
    let items: String = ["ok", "gone", "no-head", "moved", "loop", "silent"]
        .iter()
        .map(|p| {
            format!(
                "      - {{id: {p}, title: {p}, links: [{{label: Link, url: \"{}\"}}]}}\n",
                url(&format!("/{p}"))
            )
        })
        .collect();
    let pack = dir.path().join("links.yaml");
    std::fs::write(
        &pack,
        format!("id: links\nversion: \"1\"\nlang: en\ntitle: L\nstages:\n  - id: s\n    title: S\n    items:\n{items}      - {{id: mail, title: Mail, links: [{{label: Write, url: \"mailto:a@openclassrooms.com\"}}]}}\n"),
    )
    .unwrap();
    let out = crate::support::command(dir.path(), "C")
        .args(["validate", "--check-links", "--link-timeout", "1"])
        .arg(&pack)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(2), "{stdout}{stderr}");
    assert!(
        stdout.contains("5 web links checked, 2 dead, 1 redirected"),
        "{stdout}"
    );
    assert!(
        stderr.contains("1 link not checked: no answer (no network, or the server is down)"),
        "{stderr}"
    );
    let said = |path: &str| {
        let prefix = format!("{} (step ", url(path));
        stderr
            .lines()
            .find(|l| l.contains(&prefix))
            .map(str::to_string)
    };
    assert_eq!(said("/ok"), None, "{stderr}");
    assert_eq!(said("/no-head"), None, "GET after 405: {stderr}");
    assert!(
        said("/gone")
            .unwrap()
            .ends_with("(step gone): dead link (HTTP 404)"),
        "{stderr}"
    );
    assert!(
        said("/moved")
            .unwrap()
            .contains(&format!("redirected to {}", url("/ok"))),
        "{stderr}"
    );
    assert!(
        said("/loop").unwrap().contains("more than 5 redirects"),
        "{stderr}"
    );
    assert!(said("/silent").unwrap().contains("no answer"), "{stderr}");
    assert!(
        !stderr.contains("mailto"),
        "mail links are not requested: {stderr}"
    );
}

/// Offline, no link answers: none is called dead, the pack passes with a warning that
/// they were not checked, and `--strict` fails it.
#[test]
fn links_that_get_no_answer_are_not_checked_rather_than_dead() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    let dir = tempfile::tempdir().unwrap();
    let items: String = (1..=3)
        .map(|n| {
            format!(
                "      - {{id: s{n}, title: S{n}, details: D, links: [{{label: L, url: \"http://127.0.0.1:{port}/{n}\"}}]}}\n"
            )
        })
        .collect();
    let pack = dir.path().join("offline.yaml");
    std::fs::write(
        &pack,
        format!("id: offline\nversion: \"1\"\nlang: fr\ntitle: L\nstages:\n  - id: s\n    title: S\n    items:\n{items}"),
    )
    .unwrap();
    let run = |strict: bool| {
        let mut cmd = crate::support::command(dir.path(), crate::support::FRENCH);
        cmd.args(["validate", "--check-links", "--link-timeout", "2"]);
        if strict {
            cmd.arg("--strict");
        }
        cmd.arg(&pack).output().unwrap()
    };
    let out = run(false);
    let (stdout, stderr) = (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    );
    assert_eq!(out.status.code(), Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains("0 lien web vérifié, 0 mort, 0 redirigé"),
        "{stdout}"
    );
    assert!(
        stderr.contains("3 liens non vérifiés : pas de réponse"),
        "{stderr}"
    );
    assert!(!stderr.contains("mort"), "{stderr}");
    assert_eq!(run(true).status.code(), Some(2));
}
