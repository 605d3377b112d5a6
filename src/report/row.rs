//! One export as a report row: its figures counted from its steps (each once), its
//! late steps, its notes and skip reasons, and the pace of its ticks.

use std::collections::{BTreeMap, HashMap};

use jiff::Timestamp;
use jiff::civil::Date;

use super::people::{Person, clean_name};
use super::{MentorRow, Remark, StepState, stalls};
use crate::export::Export;

/// One export as a row: figures counted from its steps, each step once. Its states
/// are by `ids`, the index of each step among those seen of the pack; `today` tells
/// what is late.
pub(super) fn row(export: &Export, ids: Option<&HashMap<String, usize>>, today: Date) -> MentorRow {
    let mut states = vec![StepState::NotInVersion; ids.map_or(0, HashMap::len)];
    let mut counted = 0u32;
    let mut ticks = Vec::new();
    let mut stage_steps: Vec<(String, Vec<usize>)> = Vec::new();
    let mut stages: BTreeMap<String, (u32, u32)> = BTreeMap::new();
    let mut stage: Option<&str> = None;
    let mut remarks = Vec::new();
    let mut late = Vec::new();
    let mut last_tick: Option<Timestamp> = None;
    for item in &export.items {
        if item.depth == 0 {
            stage = Some(&item.id);
            stage_steps.push((item.id.clone(), Vec::new()));
        }
        let Some(&index) = ids.and_then(|ids| ids.get(&item.id)).filter(|_| item.step) else {
            continue;
        };
        if states[index] != StepState::NotInVersion {
            continue;
        }
        let state = StepState::from_export(&item.state);
        states[index] = state;
        counted += 1;
        if let Some((_, steps)) = stage_steps.last_mut() {
            steps.push(index);
        }
        if let Some(stage) = stage {
            let (done, total) = stages.entry(stage.to_string()).or_default();
            *done += u32::from(state.settled());
            *total += 1;
        }
        let ticked = item.ticked_at.filter(|at| *at <= export.generated_at);
        if state == StepState::Done
            && let Some(at) = ticked
        {
            last_tick = last_tick.max(Some(at));
            ticks.push((index, at));
        }
        if item.due.is_some_and(|due| due < today) && !state.settled() {
            late.push(item.id.clone());
        }
        if item.note.is_some() || item.skipped.is_some() {
            remarks.push(Remark {
                step: item.id.clone(),
                title: item.title.clone(),
                note: item.note.clone(),
                skipped: item.skipped.clone().filter(|_| state == StepState::Skipped),
            });
        }
    }
    for step in &export.not_applying {
        if let Some(&index) = ids.and_then(|ids| ids.get(&step.id))
            && states[index] == StepState::NotInVersion
        {
            states[index] = StepState::DoesNotApply;
        }
    }
    let total = counted;
    let start = stalls::start_moment(export.start);
    let pace = stalls::pace(&mut ticks, start, &stage_steps, &states);
    let done = u32::try_from(states.iter().filter(|s| s.settled()).count()).unwrap_or(total);
    MentorRow {
        mentor: clean_name(&export.mentor),
        person: Person::of(export.person.as_deref(), &export.mentor),
        email: export.email.as_deref().map(clean_name),
        namesake: None,
        run: export.run.as_deref().map(clean_name),
        pack_version: export.pack.version.clone(),
        done,
        total,
        stages,
        start: export.start,
        answers: export
            .answers
            .iter()
            .map(|a| (clean_name(&a.question), clean_name(&a.words)))
            .collect(),
        last_tick,
        stale: false,
        late,
        states,
        pace,
        remarks,
    }
}
