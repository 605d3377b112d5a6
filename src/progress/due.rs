//! Due dates: a step may be due some days after the run's start or after a stage was
//! completed. Pure: "today" and the time zone are given, never read from the system.

use jiff::civil::Date;
use jiff::tz::TimeZone;

use super::{Check, State, Tracker};
use crate::pack::{DueAfter, Pack};
use crate::text::{Text, fill};

/// Days ahead within which a step still to do is "due soon".
pub const SOON_DAYS: i64 = 3;

/// Where a step with a due date stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Settled (ticked or skipped): the date is only shown.
    Met,
    Later,
    /// Due within [`SOON_DAYS`] days, today included.
    Soon,
    /// Its day has passed and it is not settled.
    Overdue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DueDate {
    pub date: Date,
    pub urgency: Urgency,
    /// Due some days before an answered date: the days and the question (an index).
    pub before: Option<(u32, usize)>,
}

/// The day due offsets `after: start` count from: the start the mentor set, else the day
/// a run was created.
pub fn start_date(state: &State, tz: &TimeZone) -> Option<Date> {
    state.start.or_else(|| {
        state
            .run
            .as_ref()
            .map(|run| run.created.to_zoned(tz.clone()).date())
    })
}

/// When `index` is due and how urgent it is, if the pack gives it a due offset and its
/// starting point is known (the start date; a stage's completion).
pub fn due_date(
    pack: &Pack,
    tracker: &Tracker,
    index: usize,
    today: Date,
    tz: &TimeZone,
) -> Option<DueDate> {
    let due = pack.nodes[index].due?;
    let days = jiff::Span::new().days(i64::from(due.days));
    let ticked = |node| Some(tracker.ticked_at(pack, node)?.to_zoned(tz.clone()).date());
    let (date, before) = match due.after {
        DueAfter::Start => (
            start_date(tracker.state(), tz)?.checked_add(days).ok()?,
            None,
        ),
        DueAfter::Stage(node) | DueAfter::Step(node) => {
            (ticked(node)?.checked_add(days).ok()?, None)
        }
        DueAfter::Before(question) => {
            let answer = tracker.state().answers.get(&pack.questions[question].id)?;
            let day: Date = answer.value.as_deref()?.parse().ok()?;
            (day.checked_sub(days).ok()?, Some((due.days, question)))
        }
    };
    let days_left = (date - today).get_days();
    let urgency = if tracker.check(index) == Check::Done {
        Urgency::Met
    } else if days_left < 0 {
        Urgency::Overdue
    } else if i64::from(days_left) < SOON_DAYS {
        Urgency::Soon
    } else {
        Urgency::Later
    };
    Some(DueDate {
        date,
        urgency,
        before,
    })
}

/// Every step overdue or due soon, in pack order.
pub fn pressing(
    pack: &Pack,
    tracker: &Tracker,
    today: Date,
    tz: &TimeZone,
) -> Vec<(usize, DueDate)> {
    (0..pack.nodes.len())
        .filter(|&i| pack.nodes[i].due.is_some() && pack.is_step(i))
        .filter_map(|i| due_date(pack, tracker, i, today, tz).map(|d| (i, d)))
        .filter(|(_, d)| matches!(d.urgency, Urgency::Soon | Urgency::Overdue))
        .collect()
}

impl DueDate {
    /// "Due 9 November 2026 (overdue)": when a step is due, and how urgent when it is;
    /// "due 2 days before" the answered date it counts from.
    pub fn describe(&self, t: &Text, pack: &Pack) -> String {
        let mut said = fill(t.due_on, &[("date", &t.date(self.date))]);
        if let Some((days, question)) = self.before {
            let values = [
                ("days", days.to_string()),
                ("question", pack.questions[question].text.clone()),
            ];
            let values: Vec<(&str, &str)> = values.iter().map(|(n, v)| (*n, v.as_str())).collect();
            said.push_str(&fill(t.due_before_answer, &values));
        }
        match self.urgency {
            Urgency::Overdue => said.push_str(&format!(" ({})", t.overdue_badge)),
            Urgency::Soon => said.push_str(&format!(" ({})", t.soon_badge)),
            Urgency::Met | Urgency::Later => {}
        }
        said
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    const PACK: &str = r#"
id: onboarding
version: "1"
lang: en
title: T
stages:
  - id: first
    title: First
    items:
      - id: a
        title: A
        details: d
        due: { days: 7 }
      - id: b
        title: B
        details: d
        due: { days: 2, after: start }
  - id: second
    title: Second
    items:
      - id: c
        title: C
        details: d
        due: { days: 3, after: "stage:first" }
"#;

    fn setup(start: Date) -> (Pack, Tracker) {
        let pack = crate::pack::load_str(PACK, "due.yaml").unwrap();
        let mut state = State::new(&pack.id, &pack.version);
        state.start = Some(start);
        let tracker = Tracker::new(&pack, state);
        (pack, tracker)
    }

    #[test]
    fn steps_are_due_days_after_the_start_and_say_how_urgent() {
        let (pack, tracker) = setup(date(2026, 11, 2));
        let tz = TimeZone::UTC;
        let on =
            |id: &str, today: Date| due_date(&pack, &tracker, pack.find(id).unwrap(), today, &tz);
        assert_eq!(on("a", date(2026, 11, 2)).unwrap().date, date(2026, 11, 9));
        assert_eq!(on("a", date(2026, 11, 2)).unwrap().urgency, Urgency::Later);
        assert_eq!(on("a", date(2026, 11, 7)).unwrap().urgency, Urgency::Soon);
        assert_eq!(
            on("a", date(2026, 11, 9)).unwrap().urgency,
            Urgency::Soon,
            "the day itself"
        );
        assert_eq!(
            on("a", date(2026, 11, 10)).unwrap().urgency,
            Urgency::Overdue
        );
        assert_eq!(
            on("c", date(2026, 11, 10)),
            None,
            "stage first not complete yet"
        );
        let pressing: Vec<&str> = pressing(&pack, &tracker, date(2026, 11, 8), &tz)
            .into_iter()
            .map(|(i, _)| pack.nodes[i].id.as_str())
            .collect();
        assert_eq!(pressing, ["a", "b"]);
    }

    #[test]
    fn a_stage_completed_starts_its_dependants_clock_and_settled_steps_are_met() {
        let (pack, mut tracker) = setup(date(2026, 11, 2));
        let tz = TimeZone::UTC;
        let ticked = date(2026, 11, 4)
            .at(18, 0, 0, 0)
            .to_zoned(tz.clone())
            .unwrap()
            .timestamp();
        tracker.set(&pack, pack.find("first").unwrap(), true, ticked);
        let c = due_date(
            &pack,
            &tracker,
            pack.find("c").unwrap(),
            date(2026, 11, 8),
            &tz,
        )
        .unwrap();
        assert_eq!(c.date, date(2026, 11, 7));
        assert_eq!(c.urgency, Urgency::Overdue);
        let a = due_date(
            &pack,
            &tracker,
            pack.find("a").unwrap(),
            date(2026, 12, 1),
            &tz,
        )
        .unwrap();
        assert_eq!(a.urgency, Urgency::Met, "ticked: never overdue");
    }

    #[test]
    fn without_a_start_nothing_is_due_unless_it_is_a_run() {
        let pack = crate::pack::load_str(PACK, "due.yaml").unwrap();
        let mut state = State::new(&pack.id, &pack.version);
        let tz = TimeZone::UTC;
        assert_eq!(start_date(&state, &tz), None);
        state.run = Some(crate::progress::Run {
            name: "Alice".into(),
            created: date(2026, 11, 20)
                .at(23, 30, 0, 0)
                .to_zoned(tz.clone())
                .unwrap()
                .timestamp(),
            archived: false,
        });
        assert_eq!(start_date(&state, &tz), Some(date(2026, 11, 20)));
        let paris = TimeZone::get("Europe/Paris").unwrap_or(TimeZone::fixed(jiff::tz::offset(1)));
        assert_eq!(
            start_date(&state, &paris),
            Some(date(2026, 11, 21)),
            "the mentor's day"
        );
    }
}
