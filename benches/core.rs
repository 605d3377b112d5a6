//! In-process figures: pack parse+validate, state load/save, one frame's render, a
//! keypress's update+render, tick→saved through the background saver, and `pack import`
//! of Markdown checklists (first time, and again with the previous version).
//! Run: `cargo bench --bench core` (figures, not pass/fail; see README "Performance").
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use divan::counter::BytesCount;
use divan::{AllocProfiler, Bencher, black_box};
use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ticklist::app::App;
use ticklist::effects::{Core, Saver};
use ticklist::keymap::Action;
use ticklist::pack::{self, Pack};
use ticklist::progress::{Changes, State, StateStore, Tracker};
use ticklist::session::{Effect, EffectResult, Session};
use ticklist::text::FR;
use ticklist::ui::{self, Theme, ThemeName};

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

const ITEMS: &[usize] = &[40, 1_000, 10_000, 100_000];

fn main() {
    divan::main();
}

fn now() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

fn generated(items: usize) -> Pack {
    pack::load_str(&pack::generate(items, false), "bench.yaml").unwrap()
}

fn app(items: usize) -> App {
    let pack = generated(items);
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    App::new(Session::new(pack, tracker), &FR, TimeZone::UTC)
}

fn frame(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) {
    let area = terminal.size().unwrap();
    if let Some(regions) = ui::regions(app, area.into()) {
        app.set_tree_area(regions.tree_rows());
    }
    terminal.draw(|f| ui::render(f, app, theme)).unwrap();
}

#[divan::bench]
fn parse_builtin_pack() -> Pack {
    pack::builtin(ticklist::text::Lang::Fr).unwrap()
}

/// A big pack read back from the cache of validated packs, as every opening after the
/// first does: the largest part of a 10,000-item start-up.
#[divan::bench(args = [1_000, 10_000], sample_count = 20, sample_size = 1)]
fn load_from_cache(bencher: Bencher, items: usize) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("pack.yaml");
    std::fs::write(&path, pack::generate(items, false)).unwrap();
    let cache = pack::PackCache::new(dir.path().join("cache"));
    cache.load_file(&path).unwrap();
    bencher.bench(|| cache.load_file(&path).unwrap());
}

#[divan::bench(args = ITEMS, sample_count = 10, sample_size = 1)]
fn parse_and_validate(bencher: Bencher, items: usize) {
    let yaml = pack::generate(items, false);
    bencher
        .counter(BytesCount::of_str(&yaml))
        .bench(|| pack::load_str(black_box(&yaml), "bench.yaml").unwrap());
}

fn state_with(ticks: usize) -> State {
    let mut state = State::new("bench", "1");
    for i in 0..ticks {
        state.ticks.insert(format!("i{i}"), now());
    }
    state
}

/// One locked, merged, fsynced save of a state holding `ticks` ticks.
#[divan::bench(args = [10, 10_000], sample_count = 20, sample_size = 1)]
fn state_save(bencher: Bencher, ticks: usize) {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let state = state_with(ticks);
    let changes = Changes::from([("i0".to_string(), Some(now()))]);
    store.save(&state, &changes, now()).unwrap();
    bencher.bench_local(|| store.save(&state, &changes, now()).unwrap());
}

#[divan::bench(args = [10, 10_000], sample_count = 20)]
fn state_load(bencher: Bencher, ticks: usize) {
    let dir = tempfile::tempdir().unwrap();
    let store = StateStore::new(dir.path());
    let state = state_with(ticks);
    store.save(&state, &Changes::new(), now()).unwrap();
    bencher.bench_local(|| store.load("bench", "1", now()));
}

fn render_at(bencher: Bencher, items: usize, width: u16, height: u16) {
    let mut app = app(items);
    let theme = Theme::new(ThemeName::Default);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    bencher.bench_local(|| frame(&mut terminal, &mut app, &theme));
}

#[divan::bench(args = ITEMS)]
fn render_80x24(bencher: Bencher, items: usize) {
    render_at(bencher, items, 80, 24);
}

#[divan::bench(args = ITEMS)]
fn render_200x60(bencher: Bencher, items: usize) {
    render_at(bencher, items, 200, 60);
}

/// What one key costs inside the app: update, then the frame it causes. Alternates
/// down and tick so both navigation and ticking (with its save hand-over) are counted.
#[divan::bench(args = ITEMS)]
fn keypress_update_and_render(bencher: Bencher, items: usize) {
    let mut app = app(items);
    let theme = Theme::new(ThemeName::Default);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).unwrap();
    frame(&mut terminal, &mut app, &theme);
    let mut tick = false;
    bencher.bench_local(|| {
        tick = !tick;
        let action = if tick { Action::Toggle } else { Action::Down };
        let effects = app.update(action, now());
        for effect in effects {
            if let Effect::Save { seq, .. } = effect {
                app.report(EffectResult::Saved {
                    upto: seq,
                    merged: None,
                });
            }
        }
        frame(&mut terminal, &mut app, &theme);
    });
}

/// A tick handed to the background saver until its "saved" report comes back.
#[divan::bench(sample_count = 20, sample_size = 1)]
fn tick_to_saved(bencher: Bencher) {
    let dir = tempfile::tempdir().unwrap();
    let mut saver = Saver::spawn(
        StateStore::new(dir.path()),
        State::new("bench", "1"),
        None,
        &ticklist::text::EN,
    );
    let mut seq = 0;
    bencher.bench_local(|| {
        seq += 1;
        let changes = Changes::from([(format!("i{}", seq % 24), Some(now()))]);
        saver.save(seq, changes);
        loop {
            if let Some(report) = saver.reports().next() {
                assert!(matches!(report, EffectResult::Saved { .. }));
                break;
            }
            std::thread::yield_now();
        }
    });
}

/// A Markdown checklist of `steps` boxes: a heading per 200, a link and a line of
/// details on each, every fifth with two sub-boxes.
fn markdown(steps: usize, retitled: bool) -> String {
    let mut text = String::from("# Generated checklist\n");
    for i in 0..steps {
        if i % 200 == 0 {
            text.push_str(&format!("\n## Stage {}\n\n", i / 200));
        }
        let title = if retitled && i % 10 == 0 {
            format!("Step {i} of the checklist, reworded")
        } else {
            format!("Step {i} of the checklist")
        };
        text.push_str(&format!(
            "- [ ] {title} with [the article](https://openclassrooms.com/fr/courses/{i})\n  Read it, then note what surprised you.\n"
        ));
        if i % 5 == 0 {
            text.push_str("  - [ ] First half\n  - [ ] Second half\n");
        }
    }
    text
}

fn import_options(previous: Option<&Pack>) -> ticklist::import::Options<'_> {
    ticklist::import::Options {
        file_name: "bench.md",
        output_name: "bench.yaml",
        fallback_title: "bench",
        id: None,
        lang: None,
        manager_lang: "en",
        previous,
        base_url: None,
    }
}

#[divan::bench(args = [40, 1_000, 10_000], sample_count = 10, sample_size = 1)]
fn import_markdown(bencher: Bencher, steps: usize) {
    let text = markdown(steps, false);
    bencher
        .counter(BytesCount::of_str(&text))
        .bench(|| ticklist::import::import(black_box(&text), &import_options(None), &FR).unwrap());
}

#[divan::bench(args = [40, 1_000, 10_000], sample_count = 10, sample_size = 1)]
fn import_again_with_previous(bencher: Bencher, steps: usize) {
    let first = ticklist::import::import(&markdown(steps, false), &import_options(None), &FR)
        .unwrap()
        .pack;
    let text = markdown(steps, true);
    bencher.bench(|| {
        ticklist::import::import(black_box(&text), &import_options(Some(&first)), &FR).unwrap()
    });
}
