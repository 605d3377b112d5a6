//! Where mentors stall: how long each step waited before it was ticked, from the
//! mentor's previous tick (or their start, for the first), and how long each stage took
//! from the start to its last tick. Medians, so that one mentor back from holiday does
//! not make a step look slow for everyone; the slowest beside them, so that it shows.

use jiff::Timestamp;
use jiff::civil::Date;
use serde::Serialize;

use super::{MentorRow, StepState};

/// Steps named under "where mentors wait longest".
const LONGEST: usize = 5;

/// How long mentors waited before ticking one step.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepWait {
    pub id: String,
    pub title: String,
    /// Mentors who ticked it.
    pub ticked: usize,
    /// Days from the previous tick (or the start) to its tick, over the mentors for whom
    /// both are known.
    pub median_days: f64,
    pub slowest_days: f64,
}

/// How long mentors took to finish one stage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageTime {
    pub id: String,
    pub title: String,
    /// Mentors who finished it, their start known.
    pub finished: usize,
    pub median_days: f64,
}

/// What a mentor's ticks say of their pace: days waited before each ticked step (by the
/// index of the step among those seen of the pack) and days from the start to the last
/// tick of each stage they finished.
#[derive(Debug, Clone, Default)]
pub struct Pace {
    pub waits: Vec<(usize, f64)>,
    pub stages: Vec<(String, f64)>,
}

/// Days between two moments, to a tenth.
fn days(from: Timestamp, to: Timestamp) -> f64 {
    let seconds = to.as_second().saturating_sub(from.as_second()).max(0);
    (seconds as f64 / 86_400.0 * 10.0).round() / 10.0
}

/// The start as a moment: the beginning of its day (UTC).
pub fn start_moment(start: Option<Date>) -> Option<Timestamp> {
    start.and_then(|day| {
        day.to_zoned(jiff::tz::TimeZone::UTC)
            .ok()
            .map(|z| z.timestamp())
    })
}

/// A mentor's pace from their ticks (step index, when), the start, and each stage's
/// steps (stage id, step indexes).
pub fn pace(
    ticks: &mut [(usize, Timestamp)],
    start: Option<Timestamp>,
    stages: &[(String, Vec<usize>)],
    states: &[StepState],
) -> Pace {
    ticks.sort_by_key(|(_, at)| *at);
    let mut previous = start;
    let mut waits = Vec::with_capacity(ticks.len());
    for &(step, at) in ticks.iter() {
        if let Some(from) = previous {
            waits.push((step, days(from, at)));
        }
        previous = Some(at);
    }
    let mut finished = Vec::new();
    if let Some(start) = start {
        for (stage, steps) in stages {
            let settled = steps
                .iter()
                .all(|&s| states.get(s).is_some_and(|s| s.settled()));
            let last = ticks
                .iter()
                .filter(|(step, _)| steps.contains(step))
                .map(|(_, at)| *at)
                .max();
            if settled && let Some(last) = last {
                finished.push((stage.clone(), days(start, last)));
            }
        }
    }
    Pace {
        waits,
        stages: finished,
    }
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => 0.0,
        n if n % 2 == 1 => values[n / 2],
        n => ((values[n / 2 - 1] + values[n / 2]) / 2.0 * 10.0).round() / 10.0,
    }
}

/// Each step's waits and each stage's time over `rows`, in the pack's order: the steps
/// nobody ticked, and the stages nobody finished, are left out.
pub fn stalls(
    rows: &[MentorRow],
    steps: &[(String, String)],
    stages: &[(String, String)],
) -> (Vec<StepWait>, Vec<StageTime>) {
    let mut waits: Vec<Vec<f64>> = vec![Vec::new(); steps.len()];
    for row in rows {
        for &(step, days) in &row.pace.waits {
            if let Some(list) = waits.get_mut(step) {
                list.push(days);
            }
        }
    }
    let step_waits = steps
        .iter()
        .zip(waits)
        .enumerate()
        .filter(|(_, (_, list))| !list.is_empty())
        .map(|(i, ((id, title), mut list))| StepWait {
            id: id.clone(),
            title: title.clone(),
            ticked: rows
                .iter()
                .filter(|row| row.states.get(i) == Some(&StepState::Done))
                .count(),
            slowest_days: list.iter().copied().fold(0.0, f64::max),
            median_days: median(&mut list),
        })
        .collect();
    let stage_times = stages
        .iter()
        .filter_map(|(id, title)| {
            let mut list: Vec<f64> = rows
                .iter()
                .flat_map(|row| &row.pace.stages)
                .filter(|(stage, _)| stage == id)
                .map(|(_, days)| *days)
                .collect();
            (!list.is_empty()).then(|| StageTime {
                id: id.clone(),
                title: title.clone(),
                finished: list.len(),
                median_days: median(&mut list),
            })
        })
        .collect();
    (step_waits, stage_times)
}

/// The steps mentors wait longest before, longest first; none waited on for no time.
pub fn longest(waits: &[StepWait]) -> Vec<&StepWait> {
    let mut sorted: Vec<&StepWait> = waits.iter().filter(|w| w.median_days > 0.0).collect();
    sorted.sort_by(|a, b| b.median_days.total_cmp(&a.median_days));
    sorted.truncate(LONGEST);
    sorted
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(day: i8, hour: i8) -> Timestamp {
        jiff::civil::date(2026, 11, day)
            .at(hour, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
    }

    #[test]
    fn each_tick_waited_since_the_previous_one_or_the_start() {
        let start = start_moment(Some(jiff::civil::date(2026, 11, 1)));
        // Ticked out of order: step 1 first, on the 3rd at noon, then step 0 on the 10th.
        let mut ticks = vec![(0, at(10, 0)), (1, at(3, 12))];
        let states = [StepState::Done, StepState::Done, StepState::Todo];
        let stages = vec![("s1".to_string(), vec![0, 1]), ("s2".to_string(), vec![2])];
        let pace = pace(&mut ticks, start, &stages, &states);
        assert_eq!(pace.waits, [(1, 2.5), (0, 6.5)]);
        assert_eq!(pace.stages, [("s1".to_string(), 9.0)], "s2 is not finished");
        // Without a start, the first tick's wait is unknown.
        let unknown = super::pace(&mut ticks, None, &stages, &states);
        assert_eq!(unknown.waits, [(0, 6.5)]);
        assert!(unknown.stages.is_empty());
    }

    #[test]
    fn a_median_is_the_middle_or_between_the_two_middles() {
        assert_eq!(median(&mut [9.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&mut [4.0, 1.0, 2.0, 30.0]), 3.0);
    }
}
