//! Running the real binary: every test (and `benches/e2e.rs`) starts it through
//! [`clean_env`], so nothing of the developer's machine leaks in: no real home, locale,
//! XDG directories, time zone, clock or `TICKLIST_*` setting. In a pseudo-terminal it is
//! seen through a vt100 screen model.
// The e2e bench uses only part of this module.
#![allow(dead_code)]

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, ExitStatus, MasterPty, PtySize, native_pty_system};

pub const TIMEOUT: Duration = Duration::from_secs(20);

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_ticklist");

/// The mentor of most tests is French; tests of English pass their own `LANG`.
pub const FRENCH: &str = "fr_FR.UTF-8";

/// "Now" for every run of the binary (`TICKLIST_NOW`): tests hold on any date.
pub const NOW: &str = "2026-11-23T09:00:00Z";

/// The whole environment a test run of `ticklist` gets, rooted at `home`: everything
/// else is cleared. The fake browser is `home/fake-browser` (see [`fake_browser`]).
pub fn clean_env(home: &Path, lang: &str) -> Vec<(&'static str, std::ffi::OsString)> {
    vec![
        ("PATH", "/usr/bin:/bin".into()),
        ("HOME", home.into()),
        ("XDG_CONFIG_HOME", home.join("config").into()),
        ("XDG_DATA_HOME", home.join("data").into()),
        ("XDG_CACHE_HOME", home.join("cache").into()),
        ("XDG_STATE_HOME", home.join("state").into()),
        // The system's preloaded packs and default, as an organisation would install them.
        ("XDG_DATA_DIRS", home.join("system/share").into()),
        ("XDG_CONFIG_DIRS", home.join("system/etc").into()),
        ("LANG", lang.into()),
        ("TZ", "UTC".into()),
        ("TICKLIST_NOW", NOW.into()),
        ("TICKLIST_OPENER", home.join("fake-browser").into()),
    ]
}

/// `ticklist` without a terminal, in [`clean_env`], working directory `home`.
pub fn command(home: &Path, lang: &str) -> std::process::Command {
    let mut cmd = std::process::Command::new(BIN);
    cmd.env_clear()
        .envs(clean_env(home, lang))
        .current_dir(home);
    cmd
}

/// `ticklist` for a pseudo-terminal, in [`clean_env`] with `TERM=xterm-256color`.
pub fn pty_command(home: &Path, lang: &str) -> CommandBuilder {
    let mut cmd = CommandBuilder::new(BIN);
    cmd.env_clear();
    for (name, value) in clean_env(home, lang) {
        cmd.env(name, value);
    }
    cmd.env("TERM", "xterm-256color");
    cmd.cwd(home);
    cmd
}

/// A running `ticklist`, the screen it has drawn so far and every byte it wrote.
pub struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    pub screen: vt100::Parser,
    pub raw: Vec<u8>,
}

impl Session {
    /// Starts `ticklist` at 80×24 with a clean environment rooted at `home`.
    pub fn start(home: &Path) -> Session {
        Session::start_with(home, &[], &[])
    }

    /// [`Session::start`] with arguments and variables added to (or replacing) the
    /// clean environment.
    pub fn start_with(home: &Path, args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = pty_command(home, FRENCH);
        for (name, value) in env {
            cmd.env(name, value);
        }
        cmd.args(args);
        Session::spawn(cmd)
    }

    /// Runs a command (from [`pty_command`]) in an 80×24 pseudo-terminal.
    pub fn spawn(cmd: CommandBuilder) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Session {
            child,
            master: pair.master,
            writer,
            output,
            screen: vt100::Parser::new(24, 80, 0),
            raw: Vec::new(),
        }
    }

    /// Resizes the terminal, as a mentor dragging the window's corner would.
    pub fn resize(&mut self, rows: u16, cols: u16) {
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        self.screen.screen_mut().set_size(rows, cols);
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().unwrap()
    }

    /// Sends `signal` (a name: TERM, HUP, CONT…) to the process.
    pub fn signal(&self, signal: &str) {
        let status = std::process::Command::new("kill")
            .args(["-s", signal, &self.pid().to_string()])
            .status()
            .unwrap();
        assert!(status.success(), "kill -s {signal}");
    }

    pub fn contents(&self) -> String {
        self.screen.screen().contents()
    }

    fn take(&mut self, bytes: &[u8]) {
        self.screen.process(bytes);
        self.raw.extend_from_slice(bytes);
    }

    /// Feeds output to the screen model until `done` holds for it.
    pub fn wait_for(&mut self, what: &str, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.contents()) {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.take(&bytes),
                Err(_) => panic!("timed out waiting for {what}; screen:\n{}", self.contents()),
            }
        }
    }

    /// Takes in the next piece of output (panics if none comes in time).
    pub fn wait_for_more(&mut self) {
        match self.output.recv_timeout(TIMEOUT) {
            Ok(bytes) => self.take(&bytes),
            Err(_) => panic!("no more output; screen:\n{}", self.contents()),
        }
    }

    pub fn wait_for_text(&mut self, text: &str) {
        self.wait_for(text, |screen| screen.contains(text));
    }

    pub fn keys(&mut self, keys: &str) {
        self.writer.write_all(keys.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// Sends `keys` and waits until the UI has read them, so that what is sent next
    /// comes in a read of its own: a lone Escape read together with the key after it
    /// is Alt and that key. Told by the bytes the UI's thread has read (the kernel's
    /// count); where the kernel keeps none, a moment's wait stands in.
    pub fn keys_alone(&mut self, keys: &str) {
        let pid = self.pid();
        let io = format!("/proc/{pid}/task/{pid}/io");
        let read = || {
            let text = std::fs::read_to_string(&io).ok()?;
            let n = text.lines().find_map(|l| l.strip_prefix("rchar:"))?;
            n.trim().parse::<u64>().ok()
        };
        let before = read();
        self.keys(keys);
        let Some(before) = before else {
            std::thread::sleep(Duration::from_millis(150));
            return;
        };
        let deadline = Instant::now() + TIMEOUT;
        while read().is_some_and(|n| n <= before) {
            assert!(Instant::now() < deadline, "the UI never read {keys:?}");
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits for `text` in a whole frame: a frame goes out in one write but may come
    /// in several reads, top row first, so a first frame is whole once its last row
    /// (the footer) is drawn.
    pub fn wait_for_frame_with(&mut self, text: &str) {
        self.wait_for(text, |screen| screen.contains(text));
        while {
            let screen = self.screen.screen();
            let (rows, cols) = screen.size();
            let last = screen.rows(0, cols).nth(usize::from(rows) - 1);
            last.is_none_or(|row| row.trim().is_empty())
        } {
            self.wait_for_more();
        }
    }

    /// Waits for the process to end and for the last of its output.
    pub fn wait_for_exit(mut self) -> (ExitStatus, Session) {
        let deadline = Instant::now() + TIMEOUT;
        let status = loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                break status;
            }
            let left = deadline.saturating_duration_since(Instant::now());
            assert!(!left.is_zero(), "ticklist did not exit");
            if let Ok(bytes) = self
                .output
                .recv_timeout(left.min(Duration::from_millis(50)))
            {
                self.take(&bytes);
            }
        };
        // The reader ends when the terminal closes: everything written has arrived.
        while let Ok(bytes) = self.output.recv_timeout(TIMEOUT) {
            self.take(&bytes);
        }
        (status, self)
    }

    /// Quits with `q` and checks the exit was clean and the terminal given back.
    pub fn quit(mut self) -> Session {
        self.keys("q");
        let (status, session) = self.wait_for_exit();
        assert!(status.success(), "ticklist exited with {status:?}");
        session.assert_restored();
        session
    }

    /// The terminal is as the shell left it: main screen, cursor shown, mouse and
    /// bracketed paste released.
    pub fn assert_restored(&self) {
        let screen = self.screen.screen();
        assert!(!screen.bracketed_paste(), "bracketed paste left on");
        assert!(!screen.alternate_screen(), "alternate screen not left");
        assert!(!screen.hide_cursor(), "cursor left hidden");
        assert_eq!(
            screen.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse still captured"
        );
    }
}

/// Runs a `ticklist` command (no terminal) for a French mentor in [`clean_env`] and
/// returns what it did, whether it succeeded or not.
pub fn cli_output(home: &Path, args: &[&str]) -> std::process::Output {
    command(home, FRENCH).args(args).output().unwrap()
}

/// [`cli_output`] for a command that must succeed: its standard output.
pub fn cli(home: &Path, args: &[&str]) -> String {
    let out = cli_output(home, args);
    assert!(
        out.status.success(),
        "ticklist {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Sorted ids ticked in the state file of `pack_id` under `home`'s config dir.
pub fn ticked_ids(home: &Path, pack_id: &str) -> Vec<String> {
    let path = home.join(format!("config/ticklist/{pack_id}.json"));
    let Ok(text) = std::fs::read_to_string(&path) else {
        return Vec::new();
    };
    let state: serde_json::Value = serde_json::from_str(&text).unwrap();
    let mut ids: Vec<String> = state["ticks"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    ids.sort_unstable();
    ids
}

/// Waits until the state file holds exactly `ids` (saves happen off the UI thread).
pub fn wait_for_saved(home: &Path, pack_id: &str, ids: &[&str]) {
    let deadline = Instant::now() + TIMEOUT;
    while ticked_ids(home, pack_id) != ids {
        assert!(
            Instant::now() < deadline,
            "state never held {ids:?}, has {:?}",
            ticked_ids(home, pack_id)
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}

pub const BUILTIN_ID: &str = "openclassrooms-mentor";

/// A script standing in for the browser: it logs each URL it is given.
pub fn fake_browser(home: &Path) -> PathBuf {
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
pub fn opened(log: &Path) -> String {
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

/// The plain-mode commands that reach node `id` of `pack`: `g N` to the first step under
/// it (steps numbered as progress counts them), then `k` up the lines to it.
pub fn plain_go(pack: &ticklist::pack::Pack, id: &str) -> String {
    let node = pack.find(id).unwrap();
    let leaf = pack.leaves(node).next().unwrap();
    let n = (0..leaf).filter(|&i| pack.is_step(i)).count() + 1;
    format!("g {n}\n{}", "k\n".repeat(leaf - node))
}

/// `ticklist args` in English (locale `C`): the machine-neutral runs of the manager's tests.
pub fn english(home: &Path, args: &[&str]) -> std::process::Output {
    command(home, "C").args(args).output().unwrap()
}

/// The standard output of a run that must have succeeded.
pub fn succeeded(out: &std::process::Output) -> String {
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// The error message of a run that must have failed with `code`.
pub fn failed_with(out: &std::process::Output, code: i32) -> String {
    assert_eq!(
        out.status.code(),
        Some(code),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// `ticklist args`, fed `input` on a pipe (plain mode, as a screen reader user types).
pub fn piped(home: &Path, lang: &str, args: &[&str], input: &str) -> std::process::Output {
    use std::process::Stdio;
    command(home, lang)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            child.stdin.take().unwrap().write_all(input.as_bytes())?;
            child.wait_with_output()
        })
        .unwrap()
}

/// The file's inode: a new one when the file was replaced, the same when written in place.
#[cfg(unix)]
pub fn inode(path: &Path) -> u64 {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).unwrap().ino()
}
