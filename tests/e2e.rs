//! The real binary in a pseudo-terminal, seen through a vt100 screen model: tick three
//! steps, open a link through a fake browser, quit, start again and find the ticks.
//! Runs with a temporary config directory; never touches the real home.
#![cfg(target_os = "linux")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const TIMEOUT: Duration = Duration::from_secs(20);
const EVALUATIONS_URL: &str = "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586857-Le-fonctionnement-des-%C3%A9valuations";

/// A running `ticklist` and the screen it has drawn so far.
struct Session {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
}

impl Session {
    fn start(home: &Path) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ticklist"));
        cmd.env_clear();
        cmd.env("PATH", "/usr/bin:/bin");
        cmd.env("HOME", home);
        cmd.env("XDG_CONFIG_HOME", home.join("config"));
        cmd.env("TERM", "xterm-256color");
        cmd.env("TICKLIST_OPENER", home.join("fake-browser"));
        cmd.cwd(home);
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            writer,
            output,
            screen: vt100::Parser::new(24, 80, 0),
        }
    }

    fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    /// Feeds output to the screen model until `done` holds for it.
    fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.contents()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.screen.process(&bytes),
                Err(_) => panic!("timed out waiting for {what}; screen:\n{}", self.contents()),
            }
        }
    }

    fn wait_for_text(&mut self, text: &str) {
        self.wait_for(text, |screen| screen.contains(text));
    }

    fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Waits for the process to end and for the last of its output.
    fn wait_for_exit(mut self) -> vt100::Parser {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "ticklist exited with {status:?}");
                break;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "ticklist did not exit");
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(50)))
            {
                self.screen.process(&bytes);
            }
        }
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(200)) {
            self.screen.process(&bytes);
        }
        self.screen
    }
}

fn fake_browser(home: &Path) -> PathBuf {
    let log = home.join("opened.txt");
    let script = home.join("fake-browser");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    log
}

/// Waits until the fake browser has logged something.
fn opened(log: &Path) -> String {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        if let Ok(text) = std::fs::read_to_string(log)
            && text.ends_with('\n')
        {
            return text;
        }
        assert!(
            Instant::now() < deadline,
            "the fake browser was never called"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn tick_open_quit_and_find_the_ticks_again() {
    let home = tempfile::tempdir().unwrap();
    let log = fake_browser(home.path());

    let mut app = Session::start(home.path());
    app.wait_for_text("Checklist pour démarrer votre mission de mentor");
    app.wait_for_text("0/24");
    // video-candidats, cours-explorez-role, then section-debuter-mentorat.
    app.keys("j j ");
    app.keys("jj ");
    app.wait_for_text("3/24");
    // Down to "Le fonctionnement des évaluations" and open its article.
    app.keys(&"j".repeat(13));
    app.wait_for("the evaluations step selected", |s| {
        s.lines()
            .any(|l| l.contains("› ") && l.contains("Le fonctionnement des"))
    });
    app.keys("o");
    assert_eq!(opened(&log), format!("{EVALUATIONS_URL}\n"));
    app.wait_for_text("Ouverture dans le navigateur");
    app.keys("q");
    let screen = app.wait_for_exit();
    assert!(
        !screen.screen().alternate_screen(),
        "alternate screen not left"
    );
    assert!(!screen.screen().hide_cursor(), "cursor left hidden");

    let state_file = home
        .path()
        .join("config/ticklist/openclassrooms-mentor.json");
    let state: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&state_file).unwrap()).unwrap();
    let ticks = state["ticks"].as_object().unwrap();
    let mut ids: Vec<&str> = ticks.keys().map(String::as_str).collect();
    ids.sort_unstable();
    assert_eq!(
        ids,
        [
            "cours-explorez-role",
            "section-debuter-mentorat",
            "video-candidats"
        ]
    );
    for at in ticks.values() {
        at.as_str().unwrap().parse::<jiff::Timestamp>().unwrap();
    }

    let mut again = Session::start(home.path());
    again.wait_for_text("3/24");
    again.wait_for("the ticks drawn", |s| s.matches("[x]").count() == 3);
    again.wait_for_text("3/6");
    again.keys("q");
    let screen = again.wait_for_exit();
    assert!(!screen.screen().alternate_screen());
}

#[test]
fn a_broken_pack_is_refused_with_its_location() {
    let home = tempfile::tempdir().unwrap();
    let pack = home.path().join("team.yaml");
    std::fs::write(
        &pack,
        "id: team\nversion: \"1\"\nlang: en\ntitle: T\nstages: []\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ticklist"))
        .arg("validate")
        .arg(&pack)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(&format!("{}:5:9:", pack.display())), "{err}");

    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ticklist"))
        .arg("--pack")
        .arg(&pack)
        .env("TICKLIST_STATE_DIR", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr).unwrap().contains("no stages"));
}
