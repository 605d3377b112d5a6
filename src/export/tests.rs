//! Tests of `export`.

use super::*;
use crate::progress::State;

#[test]
fn a_skipped_step_is_exported_with_its_reason() {
    let pack = crate::pack::builtin(crate::text::Lang::En).unwrap();
    let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
    let mut tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    tracker.skip(&pack, pack.find("slack").unwrap(), "already there", now);
    let report = export(&pack, &tracker, "alice", now);
    let slack = report.items.iter().find(|i| i.id == "slack").unwrap();
    assert_eq!(
        (slack.state.as_str(), slack.skipped.as_deref()),
        ("skipped", Some("already there"))
    );
}
