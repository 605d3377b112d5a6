//! One pack's section of the report, once every export is read: the rows matched to
//! the newest known version's steps (through its renames), namesakes told apart, and the
//! steps most often open, late, and waited on.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use super::build::Seen;
use super::people::Person;
use super::{MOST_OPEN, MentorRow, OpenStep, PackSection, StepState, stalls};
use crate::fold::fold;
use crate::pack::Pack;

/// One pack's table: its steps (the known version's, else every step seen), each row's
/// states matched through the renames, and the steps most often open and late.
pub(super) fn section(
    id: String,
    seen: Seen,
    mut rows: Vec<MentorRow>,
    known: Option<&Pack>,
) -> PackSection {
    let (stages, steps, matched_with) = match known {
        Some(pack) => {
            let stages = pack
                .nodes
                .iter()
                .filter(|n| n.depth == 0)
                .map(|n| (n.id.clone(), n.title.clone()))
                .collect();
            let steps = (0..pack.nodes.len())
                .filter(|&i| pack.is_step(i))
                .map(|i| (pack.nodes[i].id.clone(), pack.nodes[i].title.clone()))
                .collect();
            (stages, steps, Some(pack.version.clone()))
        }
        None => (seen.stages, seen.steps.clone(), None),
    };
    let seen_steps = seen.steps;
    let due = seen.due || known.is_some_and(Pack::has_due_dates);
    let renames: HashMap<&str, &str> = known
        .map(|pack| {
            pack.renamed
                .iter()
                .map(|(old, new)| (old.as_str(), new.as_str()))
                .collect()
        })
        .unwrap_or_default();
    // Where each step seen goes among the section's steps, through the renames; a step
    // the newest version removed goes nowhere, so it is open for nobody.
    let index: HashMap<&str, usize> = steps
        .iter()
        .enumerate()
        .map(|(i, (id, _))| (id.as_str(), i))
        .collect();
    let moved: Vec<Option<usize>> = seen_steps
        .iter()
        .map(|(id, _)| index.get(follow(&renames, id)).copied())
        .collect();
    let mut versions: BTreeMap<String, usize> = BTreeMap::new();
    for row in &mut rows {
        *versions.entry(row.pack_version.clone()).or_default() += 1;
        let mut states = vec![StepState::NotInVersion; steps.len()];
        for (seen, state) in row.states.iter().enumerate() {
            if let Some(Some(to)) = moved.get(seen)
                && *state != StepState::NotInVersion
            {
                states[*to] = *state;
            }
        }
        row.states = states;
        row.pace.waits = std::mem::take(&mut row.pace.waits)
            .into_iter()
            .filter_map(|(seen, days)| Some((moved.get(seen).copied().flatten()?, days)))
            .collect();
        for late in &mut row.late {
            *late = follow(&renames, late).to_string();
        }
        // A step the newest version removed is late for nobody, as it is open for nobody.
        row.late.retain(|id| index.contains_key(id.as_str()));
    }
    namesakes(&mut rows);
    // By name as a person reads it (case and accents aside), then as written.
    rows.sort_by_cached_key(|row| {
        let name = fold(&row.mentor);
        (
            name,
            row.mentor.clone(),
            row.namesake.clone(),
            row.run.clone(),
        )
    });
    let most = |counts: &dyn Fn(&MentorRow, usize, &str) -> bool| {
        let mut found: Vec<OpenStep> = steps
            .iter()
            .enumerate()
            .map(|(i, (id, title))| OpenStep {
                id: id.clone(),
                title: title.clone(),
                who: rows
                    .iter()
                    .filter(|row| counts(row, i, id))
                    .map(MentorRow::label)
                    .collect(),
            })
            .filter(|step| !step.who.is_empty())
            .collect();
        // Most often first; among equals, in the pack's order (a stable sort).
        found.sort_by_key(|step| std::cmp::Reverse(step.who.len()));
        found.truncate(MOST_OPEN);
        found
    };
    let most_open = most(&|row, i, _| row.states.get(i).is_some_and(|s| s.open()));
    let most_late = most(&|row, _, id| row.late.iter().any(|late| late == id));
    let (waits, stage_times) = stalls::stalls(&rows, &steps, &stages);
    let mut versions: Vec<(String, usize)> = versions.into_iter().collect();
    versions.sort_by(|a, b| crate::library::compare_versions(&b.0, &a.0));
    PackSection {
        id,
        title: known.map_or(seen.title, |pack| pack.title.clone()),
        versions,
        matched_with,
        stages,
        steps,
        mentors: rows,
        most_open,
        most_late,
        has_due_dates: due,
        waits,
        stage_times,
    }
}

/// Where a step id went through the pack's renames (followed on, never round a loop).
fn follow<'a>(renames: &HashMap<&'a str, &'a str>, id: &'a str) -> &'a str {
    let mut id = id;
    for _ in 0..renames.len() {
        match renames.get(id) {
            Some(next) => id = next,
            None => break,
        }
    }
    id
}

/// Rows of one name but of different people each get what tells them apart: their
/// address, else the start of their id.
fn namesakes(rows: &mut [MentorRow]) {
    // "Ana Roy" and "ana roy" read as one name to a manager.
    let mut people: BTreeMap<String, BTreeSet<&Person>> = BTreeMap::new();
    for row in rows.iter() {
        people
            .entry(fold(&row.mentor))
            .or_default()
            .insert(&row.person);
    }
    let shared: BTreeSet<String> = people
        .into_iter()
        .filter(|(_, people)| people.len() > 1)
        .map(|(name, _)| name)
        .collect();
    for row in rows
        .iter_mut()
        .filter(|row| shared.contains(&fold(&row.mentor)))
    {
        row.namesake = row
            .email
            .clone()
            .or_else(|| row.person.short().map(|id| format!("id {id}")));
    }
}
