//! Publishing to and reporting from storage, against real servers on 127.0.0.1 that
//! the tests start: an S3-compatible one (`moto_server`, from PyPI's `moto[server]`) and
//! a WebDAV one (`wsgidav`). `.ci/run` installs both in a virtual environment and names
//! its `bin` folder in `TICKLIST_TEST_SERVERS` (and sets `TICKLIST_REQUIRE_SERVERS`);
//! elsewhere, without them, these tests are skipped and say so.

use std::io::Read as _;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::{FRENCH, command, failed_with, succeeded};

/// A server process, stopped when dropped; what it logged goes to `log`.
struct Server {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Server {
    fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// How many logged requests contain every one of `words`.
    fn requests(&self, words: &[&str]) -> usize {
        let mut text = String::new();
        let _ = std::fs::File::open(&self.log).and_then(|mut f| f.read_to_string(&mut text));
        text.lines()
            .filter(|line| words.iter().all(|w| line.contains(w)))
            .count()
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The folder holding `moto_server` and `wsgidav`, or `None` (the test is skipped).
fn servers() -> Option<PathBuf> {
    let dir = std::env::var_os("TICKLIST_TEST_SERVERS").map(PathBuf::from);
    let found = dir.filter(|d| d.join("moto_server").exists() && d.join("wsgidav").exists());
    if found.is_none() {
        assert!(
            std::env::var_os("TICKLIST_REQUIRE_SERVERS").is_none(),
            "moto_server and wsgidav required here: set TICKLIST_TEST_SERVERS"
        );
        eprintln!(
            "skipped: no test servers (python3 -m venv V && V/bin/pip install 'moto[server]' \
             wsgidav cheroot, then TICKLIST_TEST_SERVERS=V/bin)"
        );
    }
    found
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn start(program: &Path, args: &[String], port: u16, log: PathBuf) -> Server {
    let out = std::fs::File::create(&log).unwrap();
    let child = Command::new(program)
        .args(args)
        .stdin(Stdio::null())
        .stdout(out.try_clone().unwrap())
        .stderr(out)
        .spawn()
        .unwrap();
    let server = Server { child, port, log };
    let deadline = Instant::now() + Duration::from_secs(30);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "{program:?} did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
    server
}

fn moto(bin: &Path, scratch: &Path, port: u16) -> Server {
    let args = ["-H", "127.0.0.1", "-p", &port.to_string()].map(String::from);
    start(
        &bin.join("moto_server"),
        &args,
        port,
        scratch.join(format!("moto-{port}.log")),
    )
}

/// A WebDAV server over `root`; with `password`, the user `anne` must give it.
fn wsgidav(bin: &Path, scratch: &Path, root: &Path, password: Option<&str>) -> Server {
    let port = free_port();
    let config = scratch.join("wsgidav.yaml");
    let auth = match password {
        Some(password) => format!(
            "http_authenticator:\n  accept_basic: true\n  accept_digest: false\n  default_to_digest: false\nsimple_dc:\n  user_mapping:\n    '*':\n      anne:\n        password: '{password}'\n"
        ),
        None => "simple_dc:\n  user_mapping:\n    '*': true\n".into(),
    };
    std::fs::write(
        &config,
        format!(
            "host: 127.0.0.1\nport: {port}\nprovider_mapping:\n  '/': '{}'\nverbose: 4\nlogging:\n  enable: true\n{auth}",
            root.display()
        ),
    )
    .unwrap();
    let args = ["--config".to_string(), config.display().to_string()];
    start(
        &bin.join("wsgidav"),
        &args,
        port,
        scratch.join("wsgidav.log"),
    )
}

/// `ticklist args` for a mentor (or the manager) at `home`, with S3 credentials.
fn run(home: &Path, args: &[&str]) -> std::process::Output {
    command(home, "C")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .args(args)
        .output()
        .unwrap()
}

/// A bucket made on the server (moto does not check who asks).
fn make_bucket(server: &Server, name: &str) {
    use std::io::Write as _;
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        stream,
        "PUT /{name} HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        server.port
    )
    .unwrap();
    let mut answer = String::new();
    let _ = stream.read_to_string(&mut answer);
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
}

#[test]
fn three_mentors_publish_to_a_bucket_and_a_second_report_downloads_only_what_changed() {
    let Some(bin) = servers() else { return };
    let scratch = tempfile::tempdir().unwrap();
    let port = free_port();
    let mut server = moto(&bin, scratch.path(), port);
    make_bucket(&server, "team");
    let endpoint = server.url();
    let bucket = ["s3://team/exports", "--endpoint", &endpoint];
    let homes: Vec<tempfile::TempDir> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    for (home, name) in homes
        .iter()
        .zip(["Anne Martin", "Bruno Petit", "Chloé Roy"])
    {
        let mut args = vec!["publish"];
        args.extend(bucket);
        args.extend(["--name", name]);
        succeeded(&run(home.path(), &args));
        succeeded(&run(home.path(), &["check", "video-candidats"]));
    }
    let manager = tempfile::tempdir().unwrap();
    let report = |home: &Path| {
        let out = run(
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
        (succeeded(&out), String::from_utf8(out.stderr).unwrap())
    };
    let (csv, said) = report(manager.path());
    for name in ["Anne Martin", "Bruno Petit", "Chloé Roy"] {
        assert!(csv.contains(name), "{csv}");
    }
    assert!(said.contains("3 files, 3 downloaded"), "{said}");
    let gets = |server: &Server| server.requests(&["GET /team/exports/", ".json"]);
    assert_eq!(gets(&server), 3, "each export downloaded once");

    // One mentor ticks: the next report downloads that export alone.
    succeeded(&run(homes[0].path(), &["check", "slack"]));
    let (csv, said) = report(manager.path());
    assert!(said.contains("3 files, 1 downloaded"), "{said}");
    assert_eq!(gets(&server), 4, "one more download, counted by the server");
    assert!(
        csv.lines()
            .any(|l| l.contains("Anne Martin") && l.contains(",2,24,")),
        "{csv}"
    );

    // The server goes away: the tick is kept, the failure said, the command succeeds.
    server.stop();
    let out = run(homes[1].path(), &["check", "slack"]);
    let said = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(out.status.success(), "{said}");
    assert!(
        said.contains("not published (cannot reach s3://team/exports/") && !said.contains("X-Amz"),
        "{said}"
    );
    assert!(
        crate::support::ticked_ids(homes[1].path(), "openclassrooms-mentor")
            .contains(&"slack".to_string())
    );
    // `publish` says what waits, and tries again.
    let said = succeeded(&run(homes[1].path(), &["publish"]));
    assert!(said.contains("Waiting to be published since"), "{said}");
    assert!(said.contains("still not published"), "{said}");
    // Back (empty, as a new server): `publish` sends it, and the next change too.
    let server = moto(&bin, scratch.path(), port);
    make_bucket(&server, "team");
    let said = succeeded(&run(homes[1].path(), &["publish"]));
    assert!(said.contains("Sent again now: published."), "{said}");
    let said = succeeded(&run(homes[1].path(), &["publish"]));
    assert!(
        said.contains("Last published on") && !said.contains("Waiting"),
        "{said}"
    );
    succeeded(&run(homes[1].path(), &["check", "avis-recrutement"]));
    let (csv, _) = report(manager.path());
    assert!(
        csv.lines()
            .any(|l| l.contains("Bruno Petit") && l.contains(",3,24,")),
        "{csv}"
    );
    assert!(
        !csv.contains("Anne Martin"),
        "gone from the storage, gone from the report"
    );
}

#[test]
fn exports_encrypted_to_the_manager_hold_no_readable_name_and_open_with_their_key() {
    use age::secrecy::ExposeSecret as _;
    let Some(bin) = servers() else { return };
    let scratch = tempfile::tempdir().unwrap();
    let server = moto(&bin, scratch.path(), free_port());
    make_bucket(&server, "team");
    let endpoint = server.url();
    let manager_key = age::pq::Identity::generate();
    let identity = scratch.path().join("manager.key");
    std::fs::write(
        &identity,
        format!(
            "# created: today\n{}\n",
            manager_key.to_string().expose_secret()
        ),
    )
    .unwrap();
    let recipient = manager_key.to_public().to_string();
    let mentor = tempfile::tempdir().unwrap();
    succeeded(&run(
        mentor.path(),
        &["--pack", "first-session", "runs", "start", "Alice Secret"],
    ));
    let publish = [
        "--pack",
        "first-session",
        "--run",
        "Alice Secret",
        "publish",
        "s3://team/x",
        "--endpoint",
        &endpoint,
        "--name",
        "Anne Martin",
        "--encrypt-to",
        &recipient,
    ];
    succeeded(&run(mentor.path(), &publish));
    // On the server: one object, named by digest, whose bytes say nothing of the student.
    let manager = tempfile::tempdir().unwrap();
    let report = |extra: &[&str]| {
        let mut args = vec!["report", "s3://team/x", "--endpoint", &endpoint];
        args.extend(extra);
        run(manager.path(), &args)
    };
    let without = report(&[]);
    assert_eq!(without.status.code(), Some(1), "an export it cannot read");
    let cache = manager.path().join("cache/ticklist/reports");
    let object = walkdir(&cache)
        .into_iter()
        .find(|p| p.to_string_lossy().ends_with(".json.age"))
        .unwrap();
    let bytes = std::fs::read(&object).unwrap();
    assert!(
        !String::from_utf8_lossy(&bytes).contains("Alice"),
        "the student's name is sealed"
    );
    assert!(!object.to_string_lossy().contains("alice"), "{object:?}");
    let said = String::from_utf8_lossy(&without.stdout).to_string();
    assert!(
        said.contains("encrypted") && said.contains("--identity"),
        "{said}"
    );
    // With the manager's key, the student's checklist is in the report.
    let with = report(&["--identity", identity.to_str().unwrap()]);
    let text = succeeded(&with);
    assert!(
        text.contains("Anne Martin") && text.contains("Alice Secret"),
        "{text}"
    );
    // A wrong key file is a mistake to fix (exit 2), said with its path.
    std::fs::write(scratch.path().join("bad.key"), "not a key\n").unwrap();
    let bad = report(&[
        "--identity",
        scratch.path().join("bad.key").to_str().unwrap(),
    ]);
    let said = failed_with(&bad, 2);
    assert!(said.contains("bad.key"), "{said}");
}

/// Every file under `dir`.
fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(walkdir(&path));
        } else {
            found.push(path);
        }
    }
    found
}

#[test]
fn a_webdav_folder_takes_exports_with_a_password_and_refuses_a_wrong_one() {
    let Some(bin) = servers() else { return };
    let scratch = tempfile::tempdir().unwrap();
    let root = scratch.path().join("dav");
    std::fs::create_dir_all(root.join("team")).unwrap();
    let server = wsgidav(&bin, scratch.path(), &root, Some("s3cret"));
    let folder = format!("http://anne@127.0.0.1:{}/team/", server.port);
    let mentor = tempfile::tempdir().unwrap();
    let with = |password: &str, args: &[&str]| {
        command(mentor.path(), FRENCH)
            .env("TICKLIST_WEBDAV_PASSWORD", password)
            .args(args)
            .output()
            .unwrap()
    };
    // A wrong password: refused in words, exit 1, nothing remembered.
    let out = with("wrong", &["publish", &folder, "--name", "Anne Martin"]);
    let said = failed_with(&out, 1);
    assert!(said.contains("refuse") && !said.contains("wrong"), "{said}");
    assert!(!said.contains("anne@"), "no user name in messages: {said}");
    succeeded(&with(
        "s3cret",
        &["publish", &folder, "--name", "Anne Martin"],
    ));
    succeeded(&with("s3cret", &["check", "video-candidats"]));
    // Two more mentors, from their own machines, with the same folder.
    for name in ["Bruno Petit", "Chloé Roy"] {
        let home = tempfile::tempdir().unwrap();
        let run = |args: &[&str]| {
            let out = command(home.path(), FRENCH)
                .env("TICKLIST_WEBDAV_PASSWORD", "s3cret")
                .args(args)
                .output()
                .unwrap();
            succeeded(&out);
        };
        run(&["publish", &folder, "--name", name]);
        run(&["check", "slack"]);
    }
    let files: Vec<_> = std::fs::read_dir(root.join("team")).unwrap().collect();
    assert_eq!(files.len(), 3);
    let manager = tempfile::tempdir().unwrap();
    let out = command(manager.path(), FRENCH)
        .env("TICKLIST_WEBDAV_PASSWORD", "s3cret")
        .args(["report", &folder])
        .output()
        .unwrap();
    let report = succeeded(&out);
    for name in ["Anne Martin", "Bruno Petit", "Chloé Roy"] {
        assert!(report.contains(name), "{report}");
    }
    let said = String::from_utf8(out.stderr).unwrap();
    assert!(said.contains("3 fichiers, 3 téléchargés"), "{said}");
}

/// The faults a real server rarely shows on demand, from the scripted one: an error,
/// silence past the time limit, a listing cut short, an object too big. Each is said in
/// the mentor's language, the command fails (publish, report) or the tick is kept
/// (a change), and nothing is lost.
#[cfg(unix)]
#[test]
fn a_failing_server_is_said_in_words_and_loses_nothing() {
    use crate::http::{Reply, Server};
    let server = Server::start();
    let folder = server.url("/dav/");
    let mentor = tempfile::tempdir().unwrap();
    let quick = |home: &Path, lang: &str, args: &[&str]| {
        command(home, lang)
            .env("TICKLIST_TEST_TIMEOUT_MS", "800")
            .args(args)
            .output()
            .unwrap()
    };
    // A server error on the first export: publishing does not start, said in French.
    server.set("*", Reply::Status(500));
    let said = failed_with(
        &quick(
            mentor.path(),
            FRENCH,
            &["publish", &folder, "--name", "Anne"],
        ),
        1,
    );
    assert!(
        said.contains("le serveur a un problème (il a répondu 500)"),
        "{said}"
    );
    // Nothing there, then silence past the time limit, in English.
    server.set("/gone/", Reply::Status(404));
    let said = failed_with(
        &quick(mentor.path(), "C", &["report", &server.url("/gone/")]),
        1,
    );
    assert!(
        said.contains("nothing at this address (the server answered 404)"),
        "{said}"
    );
    server.set("/quiet/", Reply::Silent);
    let said = failed_with(
        &quick(mentor.path(), "C", &["report", &server.url("/quiet/")]),
        1,
    );
    assert!(said.contains("did not answer within 1 s"), "{said}");
    // A listing cut short, and an object far too big.
    server.set(
        "/cut/",
        Reply::Announce {
            length: 4000,
            body: "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response>".into(),
        },
    );
    let said = failed_with(
        &quick(mentor.path(), "C", &["report", &server.url("/cut/")]),
        1,
    );
    // Cut off before its announced end: said as a broken connection, never an empty report.
    assert!(
        said.contains("cannot reach") && said.contains("/cut/") && said.contains("disconnected"),
        "{said}"
    );
    server.set(
        "/big/",
        Reply::Announce {
            length: 400,
            body: format!(
                "<?xml version=\"1.0\"?><d:multistatus xmlns:d=\"DAV:\"><d:response><d:href>/big/a.json</d:href><d:propstat><d:prop><d:getetag>\"1\"</d:getetag></d:prop></d:propstat></d:response></d:multistatus>{}",
                " ".repeat(400)
            )[..400]
                .to_string(),
        },
    );
    server.set("/big/a.json", Reply::Flood { declared: true });
    let said = failed_with(
        &quick(mentor.path(), "C", &["report", &server.url("/big/")]),
        1,
    );
    assert!(
        said.contains("larger than an export may be (16 MiB)"),
        "{said}"
    );
    // A mentor publishing where the server fails: every tick is kept.
    std::fs::create_dir_all(mentor.path().join("config/ticklist")).unwrap();
    std::fs::write(
        mentor.path().join("config/ticklist/publish-dir"),
        format!("{folder}\n"),
    )
    .unwrap();
    std::fs::write(mentor.path().join("config/ticklist/mentor-name"), "Anne\n").unwrap();
    let out = quick(mentor.path(), "C", &["check", "slack"]);
    assert!(out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("Saved, but not published") && said.contains("500"),
        "{said}"
    );
    assert_eq!(
        crate::support::ticked_ids(mentor.path(), "openclassrooms-mentor"),
        ["slack"]
    );
    // In French, every word of it.
    let out = quick(mentor.path(), FRENCH, &["check", "video-candidats"]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("Enregistré, mais pas publié")
            && said.contains("le serveur a un problème (il a répondu 500)"),
        "{said}"
    );
}

/// Each write after the first is made on the condition that the export is still the one
/// this machine wrote (`If-Match`); when it is not, the progress as saved (merged from
/// every window) is written over it, and only a second refusal is said.
#[cfg(unix)]
#[test]
fn writes_are_conditional_on_the_version_this_machine_wrote() {
    use crate::http::{Reply, Server};
    let server = Server::start();
    let folder = server.url("/dav/");
    let mentor = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| command(mentor.path(), "C").args(args).output().unwrap();
    server.set(
        "*",
        Reply::Pack {
            body: String::new(),
            etag: "\"v1\"".into(),
        },
    );
    succeeded(&run(&["publish", &folder, "--name", "Anne"]));
    let puts = || -> Vec<Option<String>> {
        server
            .requests()
            .into_iter()
            .filter(|r| r.path.ends_with(".json"))
            .map(|r| r.headers.get("if-match").cloned())
            .collect()
    };
    assert_eq!(
        puts(),
        [None],
        "the first write has nothing to compare with"
    );
    succeeded(&run(&["check", "slack"]));
    assert_eq!(
        puts()[1].as_deref(),
        Some("\"v1\""),
        "then on the version written"
    );
    // Someone else wrote: refused on the condition, written over, and refused again.
    server.set("*", Reply::Status(412));
    let out = run(&["check", "video-candidats"]);
    assert!(out.status.success());
    assert_eq!(puts()[2..], [Some("\"v1\"".to_string()), None]);
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("written by another copy of ticklist"),
        "{said}"
    );
}
