//! Tests of `export`.

use super::*;
use crate::progress::State;
use crate::text::EN;

#[test]
fn a_run_is_named_in_the_report_and_skipped_steps_are_not_open() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.skip(&pack, pack.find("slack").unwrap(), "already there", now);
    let mut report = export(&pack, &tracker, "alice", now);
    report.run = Some("Bob".into());
    let slack = report.items.iter().find(|i| i.id == "slack").unwrap();
    assert_eq!(
        (slack.state.as_str(), slack.skipped.as_deref()),
        ("skipped", Some("already there"))
    );

    let summary = summarize(&[report], now, None);
    assert!(summary.most_open.iter().all(|(id, _, _)| id != "slack"));
    let mut out = Vec::new();
    write_summary_markdown(&mut out, &summary, &EN).unwrap();
    let table = String::from_utf8(out).unwrap();
    assert!(
        table.contains("| alice · Bob | 2026.11 | 1/24 (4 %) |"),
        "{table}"
    );
}
