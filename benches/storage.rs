//! The manager's report from a bucket of 1,000 exports on a local S3-compatible server
//! (`moto_server` from `TICKLIST_TEST_SERVERS`, as the tests use): the first report
//! (everything listed and downloaded) and a second one with nothing changed (listed
//! only). Release binary, wall time, medians of 5.
//!
//! ```sh
//! TICKLIST_TEST_SERVERS=path/to/venv/bin cargo bench --bench storage
//! ```
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read as _, Write as _};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const EXPORTS: usize = 1_000;

fn main() {
    let Some(bin) = std::env::var_os("TICKLIST_TEST_SERVERS") else {
        eprintln!("skipped: set TICKLIST_TEST_SERVERS to a folder holding moto_server");
        return;
    };
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut server = Command::new(Path::new(&bin).join("moto_server"))
        .args(["-H", "127.0.0.1", "-p", &port.to_string()])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "moto_server did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "PUT /team HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let _ = stream.read_to_string(&mut String::new());

    let scratch = tempfile::tempdir().unwrap();
    let ticklist = env!("CARGO_BIN_EXE_ticklist");
    let endpoint = format!("http://127.0.0.1:{port}");
    let run = |home: &Path, args: &[&str]| {
        let out = Command::new(ticklist)
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"))
            .env("AWS_ACCESS_KEY_ID", "bench")
            .env("AWS_SECRET_ACCESS_KEY", "bench")
            .env("LANG", "C")
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    };
    // One real export, made a thousand people's.
    let mentor = scratch.path().join("mentor");
    run(&mentor, &["check", "slack"]);
    let export = String::from_utf8(run(
        &mentor,
        &["export", "--format", "json", "--name", "Zed"],
    ))
    .unwrap();
    let person = export.split("\"person\": \"").nth(1).unwrap()[..16].to_string();
    // Put straight to the server (it checks no signature), as a thousand mentors would.
    for i in 0..EXPORTS {
        let body = export
            .replace("\"Zed\"", &format!("\"Mentor {i:04}\""))
            .replace(&person, &format!("{i:016x}"));
        let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
        write!(
            stream,
            "PUT /team/exports/m{i:04}.json HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .unwrap();
        let _ = stream.read_to_string(&mut String::new());
    }

    let time = |home: &Path| {
        let started = Instant::now();
        run(
            home,
            &[
                "report",
                "s3://team/exports",
                "--endpoint",
                &endpoint,
                "--format",
                "csv",
            ],
        );
        started.elapsed()
    };
    let median = |mut runs: Vec<Duration>| {
        runs.sort();
        runs[runs.len() / 2]
    };
    let first: Vec<Duration> = (0..5)
        .map(|i| time(&scratch.path().join(format!("manager{i}"))))
        .collect();
    let again: Vec<Duration> = (0..5)
        .map(|_| time(&scratch.path().join("manager0")))
        .collect();
    println!(
        "report of {EXPORTS} exports from a local S3 server: first {:.2} s, nothing changed {:.2} s (medians of 5)",
        median(first).as_secs_f64(),
        median(again).as_secs_f64()
    );
    let _ = server.kill();
    let _ = server.wait();
}
