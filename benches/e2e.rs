//! End-to-end figures for the real release binary in a pseudo-terminal: time from
//! spawn to the first complete frame, keypress → updated screen (move and tick), peak
//! RSS and idle wake-ups, for the built-in pack and generated packs of 40 to 100,000 items
//! (one of 10,000 with questions answered, 1,000 conditions and 99 waits).
//! Run: `cargo bench --bench e2e` (Linux; prints a table, never fails on figures).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use portable_pty::CommandBuilder;

const RUNS: usize = 7;
const KEYS: usize = 40;

#[path = "../tests/it/support.rs"]
mod support;

use support::Session;

/// Starts ticklist on `pack` (the built-in one if `None`) with its state and cache in `home`.
fn spawn(home: &Path, pack: Option<&Path>) -> Session {
    std::fs::create_dir_all(home).unwrap();
    let mut cmd = support::pty_command(home, support::FRENCH);
    cmd.env("TICKLIST_STATE_DIR", home);
    // The markers below are the French interface's (the generated packs say `lang: en`).
    cmd.arg("--lang");
    cmd.arg("fr");
    cmd.env("XDG_CACHE_HOME", home.with_extension("cache"));
    if let Some(pack) = pack {
        cmd.arg("--pack");
        cmd.arg(pack);
    }
    Session::spawn(cmd)
}

/// The row of the selection marker, to see a move land.
fn marker_row(screen: &str) -> Option<usize> {
    screen.lines().position(|l| l.starts_with("│→"))
}

/// Sum of a numeric field over the process's `/proc` status files (every thread's, or
/// the process's own for `VmHWM:`).
fn proc_status(session: &Session, field: &str) -> u64 {
    let pid = session.pid();
    let files: Vec<PathBuf> = if field == "VmHWM:" {
        vec![PathBuf::from(format!("/proc/{pid}/status"))]
    } else {
        std::fs::read_dir(format!("/proc/{pid}/task"))
            .unwrap()
            .map(|t| t.unwrap().path().join("status"))
            .collect()
    };
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .flat_map(|status| {
            status
                .lines()
                .filter(|l| l.starts_with(field))
                .filter_map(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
                .collect::<Vec<_>>()
        })
        .sum()
}

fn context_switches(session: &Session) -> u64 {
    proc_status(session, "voluntary_ctxt_switches:")
        + proc_status(session, "nonvoluntary_ctxt_switches:")
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

/// Answers the generated pack's questions in `home` (half its conditions hide their
/// step), as a mentor would before the runs: no question is asked at opening.
fn answer(home: &Path, pack: &Path) {
    std::fs::create_dir_all(home).unwrap();
    for (question, answer) in [("billing", "a"), ("employee", "no")] {
        let out = support::command(home, support::FRENCH)
            .env("TICKLIST_STATE_DIR", home)
            .arg("--pack")
            .arg(pack)
            .args(["answer", question, answer])
            .output()
            .unwrap();
        support::succeeded(&out);
    }
}

fn measure(home: &Path, pack: Option<&Path>, total: usize, answered: bool) -> Figures {
    let prepare = |home: &Path| {
        std::fs::create_dir_all(home).unwrap();
        if let (true, Some(pack)) = (answered, pack) {
            answer(home, pack);
        }
    };
    let full = move |s: &str| s.contains(&format!("0/{total} ")) && s.contains("quitter");
    let mut first_frames = Vec::new();
    let mut first_bytes = Vec::new();
    // The first run starts without the cache of validated packs; later ones use it.
    let _ = std::fs::remove_dir_all(home.with_extension("cache"));
    for _ in 0..=RUNS {
        let _ = std::fs::remove_dir_all(home);
        prepare(home);
        let start = Instant::now();
        let mut app = spawn(home, pack);
        app.wait_for("first output", |s| !s.trim().is_empty());
        first_bytes.push(start.elapsed());
        app.wait_for("first frame", full);
        first_frames.push(start.elapsed());
        app.quit();
    }

    let _ = std::fs::remove_dir_all(home);
    prepare(home);
    let mut app = spawn(home, pack);
    app.wait_for("first frame", full);
    // The app opens on the first step to do, so a tick is one step.
    let mut moves = Vec::new();
    let mut ticks = Vec::new();
    for _ in 0..KEYS / 2 {
        // Down and back up, each time waiting for the marker to reach its new row.
        for key in ["j", "k"] {
            let before = marker_row(&app.contents());
            let start = Instant::now();
            app.keys(key);
            app.wait_for("the move", |s| marker_row(s) != before);
            moves.push(start.elapsed());
        }
        // Tick, then untick: wait for the whole-pack count to change.
        for want in [format!("1/{total} "), format!("0/{total} ")] {
            let start = Instant::now();
            app.keys(" ");
            app.wait_for("the tick", |s| s.contains(&want));
            ticks.push(start.elapsed());
        }
    }
    // Idle: once the last save has settled, no input for two seconds; count every
    // thread's context switches.
    std::thread::sleep(Duration::from_millis(300));
    let before = context_switches(&app);
    std::thread::sleep(Duration::from_secs(2));
    let idle = (context_switches(&app) - before) as f64 / 2.0;
    let peak_rss_kb = proc_status(&app, "VmHWM:");
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

/// Steps to tick, from `ticklist validate`.
fn steps(pack: Option<&Path>) -> usize {
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
    text.rsplit(", ")
        .next()
        .and_then(|t| t.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no step count in {text:?}"))
}

/// Steps that apply once the generated pack's questions are answered: `status`'s total.
fn steps_answered(home: &Path, pack: &Path) -> usize {
    answer(home, pack);
    let out = support::command(home, support::FRENCH)
        .env("TICKLIST_STATE_DIR", home)
        .arg("--pack")
        .arg(pack)
        .arg("status")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix("total 0/"))
        .and_then(|rest| rest.split_whitespace().next())
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("no total in {text:?}"))
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
            cmd.env("TERM", "xterm-256color");
            let start = Instant::now();
            let mut printf = Session::spawn(cmd);
            printf.wait_for("printf", |s| s.contains("0/24 quitter"));
            start.elapsed()
        })
        .collect();
    println!(
        "| harness baseline (`printf` in the same PTY) | | | | {} | | | | |",
        ms(median(baseline))
    );
    // Packs are written and counted by the binary itself: a harness holding big packs in
    // memory would make every fork (and so every measured start) slower.
    let mut cases = vec![("built-in".to_string(), None, false)];
    let sizes = [
        (40, false),
        (1_000, false),
        (10_000, false),
        (10_000, true),
        (100_000, false),
    ];
    for (items, questions) in sizes {
        let path = dir.path().join(format!("p{items}-{questions}.yaml"));
        let mut generate = std::process::Command::new(env!("CARGO_BIN_EXE_ticklist"));
        generate.args(["generate-pack", "--items", &items.to_string()]);
        if questions {
            generate.arg("--questions");
        }
        std::fs::write(&path, generate.output().unwrap().stdout).unwrap();
        let name = if questions {
            format!("{items} items, 1,000 conditions (half hide their step)")
        } else {
            format!("{items} items")
        };
        cases.push((name, Some(path), questions));
    }
    for (name, path, answered) in cases {
        let steps = match (&path, answered) {
            (Some(pack), true) => steps_answered(&dir.path().join("answered"), pack),
            _ => steps(path.as_deref()),
        };
        let f = measure(&home, path.as_deref(), steps, answered);
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
