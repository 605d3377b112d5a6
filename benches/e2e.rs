//! End-to-end figures for the real release binary in a pseudo-terminal: time from
//! spawn to the first complete frame, keypress → updated screen (move and tick), peak
//! RSS and idle wake-ups, for the built-in pack and generated packs of 40 to 100,000 items.
//! Run: `cargo bench --bench e2e` (Linux; prints a table, never fails on figures).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, PtySize, native_pty_system};

const RUNS: usize = 7;
const KEYS: usize = 40;
const TIMEOUT: Duration = Duration::from_secs(60);

struct Running {
    child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    output: Receiver<Vec<u8>>,
    screen: vt100::Parser,
}

impl Running {
    fn spawn(home: &Path, pack: Option<&Path>) -> Running {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_ticklist"));
        cmd.env("TICKLIST_STATE_DIR", home);
        cmd.env("XDG_CACHE_HOME", home.with_extension("cache"));
        if let Some(pack) = pack {
            cmd.arg("--pack");
            cmd.arg(pack);
        }
        Running::spawn_command(cmd)
    }

    fn spawn_command(mut cmd: CommandBuilder) -> Running {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 24,
                cols: 80,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
        cmd.env("TERM", "xterm-256color");
        let child = pair.slave.spawn_command(cmd).unwrap();
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().unwrap();
        let writer = pair.master.take_writer().unwrap();
        let (tx, output) = channel();
        std::thread::spawn(move || {
            let _master = pair.master;
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Running {
            child,
            writer,
            output,
            screen: vt100::Parser::new(24, 80, 0),
        }
    }

    fn wait_for(&mut self, done: impl Fn(&str) -> bool) {
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.screen.screen().contents()) {
            let left = deadline.saturating_duration_since(Instant::now());
            let Ok(bytes) = self.output.recv_timeout(left) else {
                panic!("screen never came:\n{}", self.screen.screen().contents());
            };
            self.screen.process(&bytes);
        }
    }

    fn key(&mut self, key: &str) {
        self.writer.write_all(key.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    /// The row of the selection marker, to see a move land.
    fn marker_row(screen: &str) -> Option<usize> {
        screen.lines().position(|l| l.starts_with("│›"))
    }

    fn proc_status(&self, field: &str) -> u64 {
        let pid = self.child.process_id().unwrap();
        let mut total = 0;
        let tasks = std::fs::read_dir(format!("/proc/{pid}/task")).unwrap();
        let statuses: Vec<String> = if field == "VmHWM:" {
            vec![std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap()]
        } else {
            tasks
                .filter_map(|t| std::fs::read_to_string(t.unwrap().path().join("status")).ok())
                .collect()
        };
        for status in statuses {
            for line in status.lines().filter(|l| l.starts_with(field)) {
                total += line
                    .split_whitespace()
                    .nth(1)
                    .and_then(|v| v.parse::<u64>().ok())
                    .unwrap_or(0);
            }
        }
        total
    }

    fn context_switches(&self) -> u64 {
        self.proc_status("voluntary_ctxt_switches:")
            + self.proc_status("nonvoluntary_ctxt_switches:")
    }

    fn quit(mut self) {
        self.key("q");
        let deadline = Instant::now() + TIMEOUT;
        while self.child.try_wait().unwrap().is_none() {
            assert!(Instant::now() < deadline, "ticklist did not quit");
            let _ = self.output.recv_timeout(Duration::from_millis(10));
        }
    }
}

fn median(mut values: Vec<Duration>) -> Duration {
    values.sort();
    values[values.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1000.0)
}

struct Figures {
    cold_frame: Duration,
    first_frame: Duration,
    first_output: Duration,
    move_key: Duration,
    tick_key: Duration,
    peak_rss_kb: u64,
    idle_wakeups_per_s: f64,
}

fn measure(home: &Path, pack: Option<&Path>, total: usize, first_leaf_row: usize) -> Figures {
    let full = move |s: &str| s.contains(&format!("0/{total} ")) && s.contains("quitter");
    let mut first_frames = Vec::new();
    let mut first_bytes = Vec::new();
    // The first run starts without the cache of validated packs; later ones use it.
    let _ = std::fs::remove_dir_all(home.with_extension("cache"));
    for _ in 0..=RUNS {
        let _ = std::fs::remove_dir_all(home);
        let start = Instant::now();
        let mut app = Running::spawn(home, pack);
        app.wait_for(|s| !s.trim().is_empty());
        first_bytes.push(start.elapsed());
        app.wait_for(full);
        first_frames.push(start.elapsed());
        app.quit();
    }

    let _ = std::fs::remove_dir_all(home);
    let mut app = Running::spawn(home, pack);
    app.wait_for(full);
    // Down to the first step with nothing under it, so a tick is one step.
    for _ in 0..first_leaf_row {
        let before = Running::marker_row(&app.screen.screen().contents());
        app.key("j");
        app.wait_for(|s| Running::marker_row(s) != before);
    }
    let mut moves = Vec::new();
    let mut ticks = Vec::new();
    for _ in 0..KEYS / 2 {
        // Down and back up, each time waiting for the marker to reach its new row.
        for key in ["j", "k"] {
            let before = Running::marker_row(&app.screen.screen().contents());
            let start = Instant::now();
            app.key(key);
            app.wait_for(|s| Running::marker_row(s) != before);
            moves.push(start.elapsed());
        }
        // Tick, then untick: wait for the whole-pack count to change.
        for want in [format!("1/{total} "), format!("0/{total} ")] {
            let start = Instant::now();
            app.key(" ");
            app.wait_for(|s| s.contains(&want));
            ticks.push(start.elapsed());
        }
    }
    // Idle: once the last save has settled, no input for two seconds; count every
    // thread's context switches.
    std::thread::sleep(Duration::from_millis(300));
    let before = app.context_switches();
    std::thread::sleep(Duration::from_secs(2));
    let idle = (app.context_switches() - before) as f64 / 2.0;
    let peak_rss_kb = app.proc_status("VmHWM:");
    app.quit();
    let cold = first_frames.remove(0);
    first_bytes.remove(0);
    Figures {
        cold_frame: cold,
        first_frame: median(first_frames),
        first_output: median(first_bytes),
        move_key: median(moves),
        tick_key: median(ticks),
        peak_rss_kb,
        idle_wakeups_per_s: idle,
    }
}

/// Steps to tick (from `ticklist validate`) and the row of the first one: the built-in
/// pack's is row 1, a generated pack's row 3 (stage, part, item, its first sub-item).
fn shape(pack: Option<&Path>) -> (usize, usize) {
    let builtin;
    let path = match pack {
        Some(path) => path,
        None => {
            builtin =
                Path::new(env!("CARGO_MANIFEST_DIR")).join("content/openclassrooms-mentor.fr.yaml");
            &builtin
        }
    };
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_ticklist"))
        .arg("validate")
        .arg(path)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let steps = text
        .rsplit(", ")
        .next()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no step count in {text:?}"));
    (steps, if pack.is_some() { 3 } else { 1 })
}

fn main() {
    if !cfg!(target_os = "linux") {
        eprintln!("e2e bench: Linux only (reads /proc)");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("state");
    println!(
        "| pack | steps | first frame, no cache (ms) | first output (ms) | first complete frame (ms) | move key (ms) | tick key (ms) | peak RSS (MB) | idle wake-ups/s |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
    // What the harness itself costs: a program that prints the same markers at once.
    let baseline: Vec<Duration> = (0..RUNS)
        .map(|_| {
            let mut cmd = CommandBuilder::new("printf");
            cmd.arg("0/24 quitter");
            let start = Instant::now();
            let mut printf = Running::spawn_command(cmd);
            printf.wait_for(|s| s.contains("0/24 quitter"));
            start.elapsed()
        })
        .collect();
    println!(
        "| harness baseline (`printf` in the same PTY) | | | | {} | | | | |",
        ms(median(baseline))
    );
    // Packs are written and counted by the binary itself: a harness holding big packs in
    // memory would make every fork (and so every measured start) slower.
    let mut cases = vec![("built-in".to_string(), None)];
    for items in [40, 1_000, 10_000, 100_000] {
        let path = dir.path().join(format!("p{items}.yaml"));
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_ticklist"))
            .args(["generate-pack", "--items", &items.to_string()])
            .output()
            .unwrap();
        std::fs::write(&path, out.stdout).unwrap();
        cases.push((format!("{items} items"), Some(path)));
    }
    for (name, path) in cases {
        let (steps, first_leaf_row) = shape(path.as_deref());
        let f = measure(&home, path.as_deref(), steps, first_leaf_row);
        println!(
            "| {name} | {steps} | {} | {} | {} | {} | {} | {:.1} | {:.1} |",
            ms(f.cold_frame),
            ms(f.first_output),
            ms(f.first_frame),
            ms(f.move_key),
            ms(f.tick_key),
            f.peak_rss_kb as f64 / 1024.0,
            f.idle_wakeups_per_s
        );
    }
}
