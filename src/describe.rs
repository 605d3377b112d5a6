//! One description of a node, in words: where it stands (ticked when, not applicable
//! why, in progress, a reference card), when it is due, when its link was opened and
//! the mentor's own note. The details pane and plain mode both show this, so the two
//! can never say different things; each only lays it out its own way.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use crate::pack::{DueAfter, Pack, answer_words};
use crate::progress::{DueDate, NodeState, Tracker, due_date, start_date};
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// What there is to say about one node.
pub struct Description {
    /// Where it stands, in words: "Ticked on 3 November 2026 at 17:40", "In progress"…
    pub state: String,
    /// For a stage or part: its steps settled and in all.
    pub counts: Option<(u32, u32)>,
    pub due: Option<DueDate>,
    /// For a step due some days after the start: "Counted from your start on …".
    pub counted_from: Option<String>,
    /// "Link opened on …".
    pub opened: Option<String>,
    /// The mentor's own note, made printable (a state file may be edited by hand), line
    /// breaks kept.
    pub my_note: Option<String>,
    /// "Depends on your answer to …": one line per question its `when:` (or a
    /// parent's) names.
    pub depends: Vec<String>,
    /// "Waits for “Sign the contract”.": the steps it waits for, not settled yet.
    pub waits: Option<String>,
}

/// Describes node `index` as it stands in `tracker`, dates in `tz`, due dates as of
/// `today`.
pub fn describe(
    pack: &Pack,
    tracker: &Tracker,
    index: usize,
    t: &Text,
    tz: &TimeZone,
    today: Date,
) -> Description {
    let date = |at: jiff::Timestamp| t.date_time(at.to_zoned(tz.clone()).datetime());
    let (done, total) = tracker.counts(index);
    let state = match tracker.node_state(pack, index) {
        NodeState::Card => t.reference_card.to_string(),
        NodeState::Skipped(skip) => skip.describe(t, tz),
        NodeState::Done(Some(at)) => format!("{} {}", t.ticked_on, date(at)),
        // Settled without a single tick: every step below is not applicable.
        NodeState::Done(None) => t.state_all_skipped.to_string(),
        NodeState::Partial => t.state_partial.to_string(),
        NodeState::Todo => t.state_todo.to_string(),
    };
    Description {
        state,
        counts: (!pack.is_leaf(index) && total > 0).then_some((done, total)),
        due: due_date(pack, tracker, index, today, tz),
        counted_from: pack.nodes[index]
            .due
            .filter(|due| due.after == DueAfter::Start)
            .and_then(|_| start_date(tracker.state(), tz))
            .map(|start| fill(t.due_counted_from, &[("date", &t.date(start))])),
        opened: tracker
            .opened_at(pack, index)
            .map(|at| fill(t.opened_on, &[("date", &date(at))])),
        my_note: tracker
            .state()
            .notes
            .get(&pack.nodes[index].id)
            .map(|mine| printable(mine, true).into_owned()),
        depends: depends(pack, tracker, index, t),
        waits: waits(pack, tracker, index, t),
    }
}

/// What `index` depends on: each question its `when:` or a parent's names, answered
/// or not.
fn depends(pack: &Pack, tracker: &Tracker, index: usize, t: &Text) -> Vec<String> {
    pack.questions_of(index)
        .into_iter()
        .map(|q| {
            let question = &pack.questions[q];
            let answer = tracker.state().answers.get(&question.id);
            let value = answer.and_then(|a| a.value.as_deref());
            match value.filter(|v| crate::pack::accepts(question, v)) {
                Some(value) => {
                    let answer = answer_words(question, value, t);
                    fill(
                        t.depends_on,
                        &[("question", &question.text), ("answer", &answer)],
                    )
                }
                None => fill(t.depends_unanswered, &[("question", &question.text)]),
            }
        })
        .collect()
}

/// "Waits for “…”, “…”." when `index` waits for steps not settled yet.
pub fn waits(pack: &Pack, tracker: &Tracker, index: usize, t: &Text) -> Option<String> {
    let waits = tracker.waiting_for(pack, index);
    if waits.is_empty() {
        return None;
    }
    let titles: Vec<String> = waits
        .iter()
        .map(|&w| fill(t.quoted_title, &[("title", &pack.nodes[w].title)]))
        .collect();
    Some(fill(t.waits_for, &[("titles", &titles.join(", "))]))
}
