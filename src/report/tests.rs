//! The report's rules: newest copy wins, a step counts once, packs stay apart, quiet
//! mentors are flagged, and every format escapes what exports hold.

use super::*;
use crate::export::{Author, Export, export};
use crate::progress::{State, Tracker};
use crate::text::{EN, Lang};

fn at(day: i8) -> Timestamp {
    jiff::civil::date(2026, 11, day)
        .at(9, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::UTC)
        .unwrap()
        .timestamp()
}

/// An export of the built-in pack by `mentor`, with `ids` ticked on `day`.
fn exported(mentor: &str, ids: &[&str], day: i8) -> Export {
    let pack = crate::pack::builtin(Lang::En).unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    for id in ids {
        tracker.set(&pack, pack.find(id).unwrap(), true, at(day));
    }
    export(
        &pack,
        &tracker,
        &Author::named(mentor),
        at(day),
        &jiff::tz::TimeZone::UTC,
    )
}

fn path(name: &str) -> PathBuf {
    PathBuf::from(name)
}

#[test]
fn the_newest_copy_of_an_export_counts_and_the_older_is_named() {
    let old = exported("alice", &["slack"], 10);
    let new = exported("alice", &["slack", "etape-1"], 20);
    let bob = exported("bob", &[], 20);
    // The older copy is read first, as a sync client's "(conflicted copy)" sorts first.
    let exports = vec![
        (path("a.json"), old),
        (path("b.json"), new),
        (path("bob.json"), bob),
    ];
    let report = build(exports, Vec::new(), at(21), STALE_DAYS);
    assert_eq!(
        report.files_read, 3,
        "every export read, the older copy too"
    );
    let rows = &report.packs[0].mentors;
    assert_eq!(rows.len(), 2);
    assert_eq!((rows[0].mentor.as_str(), rows[0].done), ("alice", 7));
    assert_eq!(report.duplicates.len(), 1);
    assert_eq!(report.duplicates[0].ignored, path("a.json"));
    assert_eq!(report.duplicates[0].kept, path("b.json"));
}

#[test]
fn a_step_listed_twice_counts_once_and_open_steps_say_who() {
    let mut alice = exported("alice", &[], 20);
    let twice = alice
        .items
        .iter()
        .find(|i| i.id == "slack")
        .unwrap()
        .clone();
    alice.items.push(twice);
    let bob = exported("bob", &["slack"], 20);
    let report = build(
        vec![(path("a"), alice), (path("b"), bob)],
        Vec::new(),
        at(21),
        STALE_DAYS,
    );
    let section = &report.packs[0];
    assert_eq!(section.mentors[0].total, 24, "one state per step");
    assert!(
        section.most_open.iter().all(|s| s.id != "slack"),
        "open for one mentor only, slack is behind the steps open for both"
    );
    let first = &section.most_open[0];
    assert_eq!(first.who, ["alice", "bob"], "open for both comes first");
    assert_eq!(
        section.steps.iter().filter(|(id, _)| id == "slack").count(),
        1
    );
}

#[test]
fn packs_are_never_mixed_and_quiet_mentors_are_flagged_by_default() {
    let alice = exported("alice", &["slack"], 1);
    let mut other = exported("bob", &["slack"], 20);
    other.pack.id = "team-pack".into();
    other.pack.title = "Team pack".into();
    let report = build(
        vec![(path("a"), alice), (path("b"), other)],
        Vec::new(),
        at(28),
        STALE_DAYS,
    );
    assert_eq!(report.packs.len(), 2);
    let quiet: Vec<(&str, bool)> = report
        .packs
        .iter()
        .flat_map(|p| p.mentors.iter().map(|m| (m.mentor.as_str(), m.stale)))
        .collect();
    assert_eq!(quiet, [("alice", true), ("bob", false)]);
    let nobody = build(
        vec![(path("a"), exported("alice", &[], 1))],
        Vec::new(),
        at(28),
        0,
    );
    assert!(!nobody.packs[0].mentors[0].stale, "0 flags nobody");
}

#[test]
fn what_is_not_an_export_is_told_apart() {
    assert_eq!(read::parse(b"not json").unwrap_err(), Why::NotJson);
    assert_eq!(
        read::parse("# Checklist — alice\n".as_bytes()).unwrap_err(),
        Why::Markdown
    );
    let marked = "<!-- ticklist-export {\"id\":\"x\"} -->\n# Checklist — alice\n";
    assert_eq!(read::parse(marked.as_bytes()).unwrap_err(), Why::Markdown);
    // A shell script's comment is not a report.
    assert_eq!(read::parse(b"# usage: run.sh\n").unwrap_err(), Why::NotJson);
    assert_eq!(read::parse(b"{}").unwrap_err(), Why::NotExport);
    let newer = br#"{"format":"ticklist-export","version":99}"#;
    assert_eq!(read::parse(newer).unwrap_err(), Why::Newer(99));
    let broken = br#"{"format":"ticklist-export","version":1}"#;
    assert!(matches!(read::parse(broken).unwrap_err(), Why::BadField(_)));
    let good = serde_json::to_vec(&exported("alice", &[], 1)).unwrap();
    assert_eq!(read::parse(&good).unwrap().mentor, "alice");
    assert!(Why::Markdown.words(&EN).contains("--format json"));
    // A byte order mark before it, as an editor on Windows saves it: still an export.
    let marked = [b"\xef\xbb\xbf".as_slice(), &good].concat();
    assert_eq!(read::parse(&marked).unwrap().mentor, "alice");
    // An export with one field damaged is named with that field.
    let damaged = |field: &str, value: serde_json::Value| {
        let mut export = serde_json::to_value(exported("alice", &["slack"], 2)).unwrap();
        match field.split_once('.') {
            Some((id, key)) => {
                let items = export["items"].as_array_mut().unwrap();
                let item = items.iter_mut().find(|i| i["id"] == id).unwrap();
                item[key] = value;
            }
            None => export[field] = value,
        }
        read::parse(&serde_json::to_vec(&export).unwrap()).unwrap_err()
    };
    assert_eq!(
        damaged("start", "2026-13-45".into()),
        Why::BadField("start".into())
    );
    assert_eq!(
        damaged("mentor", 123.into()),
        Why::BadField("mentor".into())
    );
    assert_eq!(
        damaged("slack.ticked_at", "not a date".into()),
        Why::BadField("slack.ticked_at".into())
    );
    let said = Why::BadField("start".into()).words(&crate::text::FR);
    assert!(
        said.contains("dont « start » manque ou est illisible"),
        "{said}"
    );
}

/// A mentor named like markup, with a note and a skip reason like markup too.
fn hostile() -> Report {
    let mut export = exported("<script>alert(1)</script>", &["slack"], 20);
    let item = export.items.iter_mut().find(|i| i.id == "slack").unwrap();
    item.note = Some("<img src=x onerror=alert(2)>".into());
    let video = export
        .items
        .iter_mut()
        .find(|i| i.id == "video-candidats")
        .unwrap();
    video.state = "skipped".into();
    video.skipped = Some("a & b </td>".into());
    build(
        vec![(path("x.json"), export)],
        Vec::new(),
        at(21),
        STALE_DAYS,
    )
}

#[test]
fn the_html_page_is_a_real_document_with_every_text_escaped() {
    let report = hostile();
    let mut out = Vec::new();
    write_html(&mut out, &report, &EN).unwrap();
    let page = String::from_utf8(out).unwrap();
    let document = scraper::Html::parse_document(&page);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    assert!(
        document.select(&select("script")).next().is_none(),
        "no script at all"
    );
    assert!(document.select(&select("img")).next().is_none());
    let html = document.select(&select("html")).next().unwrap();
    assert_eq!(html.value().attr("lang"), Some("en"));
    let row_header = document
        .select(&select("table tbody th[scope=row]"))
        .next()
        .unwrap();
    assert_eq!(
        row_header.text().collect::<String>(),
        "<script>alert(1)</script>"
    );
    let remarks: String = document
        .select(&select("li"))
        .flat_map(|li| li.text())
        .collect();
    assert!(
        remarks.contains("note: <img src=x onerror=alert(2)>"),
        "{remarks}"
    );
    assert!(remarks.contains("not applicable: a & b </td>"), "{remarks}");
    // The figures are written, not only drawn.
    let total = document.select(&select("td.num")).next().unwrap();
    // Counted from the steps: the skipped step is settled, whatever the export says.
    assert_eq!(total.text().collect::<String>().trim(), "2/24 (8 %)");
    let desc = document.select(&select("svg desc")).next().unwrap();
    assert_eq!(
        desc.text().collect::<String>(),
        "<script>alert(1)</script>: 8%"
    );
    assert!(
        !page.contains("http://") && !page.contains("https://"),
        "nothing fetched"
    );
}

#[test]
fn markdown_and_csv_escape_what_exports_hold() {
    let report = hostile();
    let mut md = Vec::new();
    write_markdown(&mut md, &report, &EN).unwrap();
    let md = String::from_utf8(md).unwrap();
    // Read as GitHub reads it: the mentor's name is text in its cell, never HTML.
    use pulldown_cmark::{Event, Options, Parser};
    let events: Vec<Event<'_>> = Parser::new_ext(&md, Options::ENABLE_TABLES).collect();
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, Event::Html(_) | Event::InlineHtml(_))),
        "{md}"
    );
    let text: String = events
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    assert!(text.contains("<script>alert(1)</script>"), "{md}");
    let mut csv = Vec::new();
    let mut named = hostile();
    named.packs[0].mentors[0].mentor = "=HYPERLINK(\"http://x\")".into();
    let options = CsvOptions {
        delimiter: ';',
        bom: true,
    };
    write_csv(&mut csv, &named, options, &EN).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    assert!(csv.starts_with("\u{feff}\"Pack id\";\"Mentor\";"), "{csv}");
    assert!(csv.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"), "{csv}");
}

#[test]
fn a_page_for_a_thousand_mentors_stays_small() {
    let exports: Vec<(PathBuf, Export)> = (0..1000)
        .map(|n| {
            (
                path(&format!("{n}")),
                exported(&format!("Mentor {n}"), &["slack"], 20),
            )
        })
        .collect();
    let report = build(exports, Vec::new(), at(21), STALE_DAYS);
    let mut out = Vec::new();
    write_html(&mut out, &report, &EN).unwrap();
    assert!(out.len() < 4 * 1024 * 1024, "{} bytes", out.len());
}

/// An export that started on `start` (a November day).
fn started(mentor: &str, ids: &[&str], day: i8, start: i8) -> Export {
    let mut export = exported(mentor, ids, day);
    export.start = Some(jiff::civil::date(2026, 11, start));
    export.person = Some(format!("{:016x}", mentor.len()));
    export
}

#[test]
fn stage_times_are_medians_from_the_start_and_a_cohort_keeps_its_own() {
    let alice = started("alice", &["etape-1"], 10, 1);
    let bob = started("bob", &["etape-1"], 20, 15);
    let exports = vec![(path("a"), alice.clone()), (path("b"), bob.clone())];
    let report = build(exports, Vec::new(), at(21), STALE_DAYS);
    let times = &report.packs[0].stage_times;
    // Ticked at 09:00: 9.4 days after the 1st, 5.4 after the 15th.
    assert_eq!(times.len(), 1);
    assert_eq!((times[0].id.as_str(), times[0].finished), ("etape-1", 2));
    assert_eq!(times[0].median_days, 7.4);
    let waits = &report.packs[0].waits;
    assert!(waits.iter().all(|w| w.ticked == 2), "{waits:?}");

    let mut cohort = Builder::new(at(21), &jiff::tz::TimeZone::UTC, STALE_DAYS)
        .since(Some(jiff::civil::date(2026, 11, 12)));
    cohort.add(path("a"), &alice);
    cohort.add(path("b"), &bob);
    let cohort = cohort.finish(Vec::new(), |_| None);
    let rows: Vec<&str> = cohort.packs[0]
        .mentors
        .iter()
        .map(|m| m.mentor.as_str())
        .collect();
    assert_eq!(rows, ["bob"], "alice started before the 12th");
    assert_eq!(cohort.packs[0].stage_times[0].median_days, 5.4);
}

/// An export of the pack with questions by `mentor`, after `answers` (question id,
/// typed answer) and ticks on `ids`, made the way a mentor's ticklist makes it.
fn answered(mentor: &str, answers: &[(usize, &str)], ids: &[&str]) -> Export {
    let pack = crate::pack::load_str(crate::pack::QUESTIONS_PACK, "q.yaml").unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let mut session = crate::session::Session::new(pack, tracker);
    for (question, answer) in answers {
        let _ = session.answer(*question, Some(answer), at(10));
    }
    for id in ids {
        let _ = session.toggle(session.pack.find(id).unwrap(), at(10));
    }
    let author = Author::named(mentor);
    let tz = jiff::tz::TimeZone::UTC;
    export(&session.pack, session.tracker(), &author, at(10), &tz)
}

#[test]
fn steps_a_mentors_answers_rule_out_count_nowhere_and_read_does_not_apply() {
    let alice = answered("alice", &[(0, "sole-trader")], &["urssaf", "sign"]);
    let bob = answered("bob", &[(0, "company")], &["kbis"]);
    assert_eq!(
        alice.not_applying.len(),
        1,
        "kbis: {:?}",
        alice.not_applying
    );
    let exports = vec![(path("a.json"), alice), (path("b.json"), bob)];
    let report = build(exports, Vec::new(), at(11), STALE_DAYS);
    let section = &report.packs[0];
    let (alice, bob) = (&section.mentors[0], &section.mentors[1]);
    assert_eq!(
        (alice.done, alice.total),
        (2, 5),
        "urssaf, tell, sign, welcome, prepare"
    );
    assert_eq!(
        (bob.done, bob.total),
        (1, 4),
        "kbis, sign, welcome, prepare"
    );
    let column = |id: &str| section.steps.iter().position(|(s, _)| s == id).unwrap();
    assert_eq!(alice.states[column("kbis")], StepState::DoesNotApply);
    assert_eq!(bob.states[column("urssaf")], StepState::DoesNotApply);
    assert_eq!(
        alice.answers,
        [(
            "How do you invoice?".to_string(),
            "As a sole trader".to_string()
        )]
    );
    let mut md = Vec::new();
    write_markdown(&mut md, &report, &EN).unwrap();
    let md = String::from_utf8(md).unwrap();
    assert!(
        md.contains("bob — How do you invoice?: Through my company"),
        "{md}"
    );
    let mut html = Vec::new();
    write_html(&mut html, &report, &EN).unwrap();
    assert!(
        String::from_utf8(html)
            .unwrap()
            .contains("does not apply to them")
    );
    let mut csv = Vec::new();
    write_csv(&mut csv, &report, CsvOptions::default(), &EN).unwrap();
    let csv = String::from_utf8(csv).unwrap();
    let lines: Vec<&str> = csv.lines().collect();
    assert!(lines[0].ends_with(",\"How do you invoice?\""), "{csv}");
    assert!(lines[2].ends_with(",\"Through my company\""), "{csv}");
}
