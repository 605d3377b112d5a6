//! The manager's report over many exports: reading a folder of them (every core
//! parsing, one row kept per person), building it, and writing each format.
//! Run: `cargo bench --bench report` (figures, not pass/fail; see README "Performance").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::path::PathBuf;

use divan::{AllocProfiler, Bencher, black_box};
use jiff::Timestamp;
use ticklist::export::{Author, Export, export};
use ticklist::progress::{State, Tracker};
use ticklist::report::{self, CsvOptions, Report, STALE_DAYS};
use ticklist::text::{FR, Lang};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

const MENTORS: &[usize] = &[100, 1_000, 10_000];

fn main() {
    divan::main();
}

fn now() -> Timestamp {
    "2026-11-23T09:00:00Z".parse().unwrap()
}

/// `count` exports of the built-in pack, each mentor a little further along.
fn exports(count: usize) -> Vec<(PathBuf, Export)> {
    let pack = ticklist::pack::builtin(Lang::Fr).unwrap();
    let steps: Vec<usize> = (0..pack.nodes.len()).filter(|&i| pack.is_step(i)).collect();
    (0..count)
        .map(|n| {
            let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
            for &step in steps.iter().take(n % (steps.len() + 1)) {
                tracker.set(&pack, step, true, now());
            }
            let author = Author {
                name: format!("Mentor {n}"),
                person: Some(format!("{n:016x}")),
                email: None,
            };
            let export = export(&pack, &tracker, &author, now(), &jiff::tz::TimeZone::UTC);
            (PathBuf::from(format!("{n}.json")), export)
        })
        .collect()
}

fn built(count: usize) -> Report {
    report::build(exports(count), Vec::new(), now(), STALE_DAYS)
}

#[divan::bench(args = MENTORS, sample_count = 10)]
fn build(bencher: Bencher, count: usize) {
    bencher
        .with_inputs(|| exports(count))
        .bench_values(|exports| report::build(exports, Vec::new(), now(), STALE_DAYS));
}

#[divan::bench(args = MENTORS, sample_count = 10)]
fn markdown(bencher: Bencher, count: usize) {
    let report = built(count);
    bencher.bench_local(|| {
        let mut out = Vec::new();
        report::write_markdown(&mut out, black_box(&report), &FR).unwrap();
        out.len()
    });
}

#[divan::bench(args = MENTORS, sample_count = 10)]
fn csv(bencher: Bencher, count: usize) {
    let report = built(count);
    bencher.bench_local(|| {
        let mut out = Vec::new();
        report::write_csv(&mut out, black_box(&report), CsvOptions::default(), &FR).unwrap();
        out.len()
    });
}

#[divan::bench(args = MENTORS, sample_count = 10)]
fn html(bencher: Bencher, count: usize) {
    let report = built(count);
    bencher.bench_local(|| {
        let mut out = Vec::new();
        report::write_html(&mut out, black_box(&report), &FR).unwrap();
        out.len()
    });
}

#[divan::bench(args = MENTORS, sample_count = 10)]
fn json(bencher: Bencher, count: usize) {
    let report = built(count);
    bencher.bench_local(|| serde_json::to_vec(black_box(&report)).unwrap().len());
}

/// A shared folder of `count` export files, as `ticklist report DIR` reads it.
fn folder(count: usize) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (path, export) in exports(count) {
        let json = serde_json::to_vec_pretty(&export).unwrap();
        std::fs::write(dir.path().join(path), json).unwrap();
    }
    dir
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn read_folder(bencher: Bencher, count: usize) {
    let dir = folder(count);
    bencher.bench_local(|| {
        let (files, unread) = report::walk(&[dir.path().to_path_buf()]);
        let mut builder = report::Builder::new(now(), &jiff::tz::TimeZone::UTC, STALE_DAYS);
        report::read_each(files, None, |path, read| {
            if let Ok(export) = read {
                builder.add(path, &export);
            }
        });
        builder.finish(unread, |_| None).files_read
    });
}
