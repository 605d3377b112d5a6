//! Building the report one export at a time: only a row per person, pack and run is
//! kept, never the exports themselves, so ten thousand files take the memory of ten
//! thousand rows. Every figure is counted from the exported steps; the copy kept of
//! each person, pack and run is the newest one not dated in the future.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::PathBuf;

use jiff::civil::Date;
use jiff::{Span, Timestamp};

use super::people::{Person, clean_name};
use super::stalls;
use super::{Dated, Duplicate, MentorRow, NameChange, Report};
use crate::export::Export;
use crate::pack::Pack;

/// How far ahead of the report an export may be dated before it is "from the future":
/// two machines' clocks a few minutes apart are not a wrong clock.
const CLOCK_SLACK_MINUTES: i64 = 10;

/// Which copy of one person's progress on one pack (and run) this is.
type Key = (String, Person, Option<String>);

/// The report under way.
pub struct Builder {
    now: Timestamp,
    today: Date,
    stale_days: i64,
    kept: BTreeMap<Key, Kept>,
    packs: BTreeMap<String, Seen>,
    /// Every name each person id was exported under, with the newest export's date.
    names: BTreeMap<String, Names>,
    /// Copies that lost to another, and the key of the one that won.
    lost: Vec<(PathBuf, Key)>,
    future: Vec<Dated>,
    since: Option<Date>,
    /// Exports read, every copy counted.
    read: usize,
}

/// The copy kept so far of one person's progress.
struct Kept {
    path: PathBuf,
    at: Timestamp,
    future: bool,
    row: MentorRow,
}

/// What the exports of one pack said of it: its title and, in first-seen order, its
/// stages and steps.
#[derive(Default)]
pub(super) struct Seen {
    pub title: String,
    title_at: Option<Timestamp>,
    pub stages: Vec<(String, String)>,
    pub steps: Vec<(String, String)>,
    step_ids: HashMap<String, usize>,
    /// Whether any export gave a step a due date.
    pub due: bool,
}

#[derive(Default)]
struct Names {
    newest: Option<(bool, Timestamp, String)>,
    all: BTreeSet<String>,
}

/// Builds the report from exports already read (tests, benchmarks); `report` streams
/// them through a [`Builder`] instead.
pub fn build(
    exports: Vec<(PathBuf, Export)>,
    unread: Vec<super::Unread>,
    now: Timestamp,
    stale_days: i64,
) -> Report {
    let mut builder = Builder::new(now, &jiff::tz::TimeZone::UTC, stale_days);
    for (path, export) in exports {
        builder.add(path, &export);
    }
    builder.finish(unread, |_| None)
}

impl Builder {
    /// A report as of `now` (today's date in `tz`, for what is late); `stale_days` 0
    /// flags nobody as quiet.
    pub fn new(now: Timestamp, tz: &jiff::tz::TimeZone, stale_days: i64) -> Self {
        Builder {
            now,
            today: now.to_zoned(tz.clone()).date(),
            stale_days,
            kept: BTreeMap::new(),
            packs: BTreeMap::new(),
            names: BTreeMap::new(),
            lost: Vec::new(),
            future: Vec::new(),
            since: None,
            read: 0,
        }
    }

    /// Only mentors who started on or after `day`: one cohort.
    pub fn since(self, day: Option<Date>) -> Self {
        Builder { since: day, ..self }
    }

    /// Counts one export read from `path`.
    pub fn add(&mut self, path: PathBuf, export: &Export) {
        self.read += 1;
        let future = export.generated_at > self.now + Span::new().minutes(CLOCK_SLACK_MINUTES);
        if future {
            self.future.push(Dated {
                path: path.clone(),
                generated_at: export.generated_at,
                counted: false,
            });
        }
        let person = Person::of(export.person.as_deref(), &export.mentor);
        if let Person::Id(id) = &person {
            let names = self.names.entry(id.clone()).or_default();
            let name = clean_name(&export.mentor);
            // Not from the future first, then the newest.
            let rank = (!future, export.generated_at, name.clone());
            if names.newest.as_ref().is_none_or(|newest| *newest < rank) {
                names.newest = Some(rank);
            }
            names.all.insert(name);
        }
        self.seen(export);
        // A student's name as shown: "Bob" and "Bob " are one student.
        let key = (
            export.pack.id.clone(),
            person,
            export.run.as_deref().map(clean_name),
        );
        let candidate = Kept {
            path,
            at: export.generated_at,
            future,
            row: super::row::row(export, self.step_ids(&export.pack.id), self.today),
        };
        match self.kept.get_mut(&key) {
            None => {
                self.kept.insert(key, candidate);
            }
            Some(kept) => {
                let loser = if (!kept.future, kept.at) < (!candidate.future, candidate.at) {
                    std::mem::replace(kept, candidate)
                } else {
                    candidate
                };
                self.lost.push((loser.path, key));
            }
        }
    }

    /// Where each step seen of pack `id` is in its list.
    fn step_ids(&self, id: &str) -> Option<&HashMap<String, usize>> {
        self.packs.get(id).map(|seen| &seen.step_ids)
    }

    /// Stages and steps of the export's pack, in first-seen order; the newest export's
    /// title.
    fn seen(&mut self, export: &Export) {
        let seen = self.packs.entry(export.pack.id.clone()).or_default();
        if seen.title_at.is_none_or(|at| at < export.generated_at) {
            seen.title.clone_from(&export.pack.title);
            seen.title_at = Some(export.generated_at);
        }
        for item in &export.items {
            if item.depth == 0 && !seen.stages.iter().any(|(id, _)| *id == item.id) {
                seen.stages.push((item.id.clone(), item.title.clone()));
            }
            seen.due |= item.due.is_some();
            if item.step && !seen.step_ids.contains_key(&item.id) {
                seen.step_ids.insert(item.id.clone(), seen.steps.len());
                seen.steps.push((item.id.clone(), item.title.clone()));
            }
        }
        // Steps this mentor's answers rule out still have a column: "does not apply".
        for step in &export.not_applying {
            if !seen.step_ids.contains_key(&step.id) {
                seen.step_ids.insert(step.id.clone(), seen.steps.len());
                seen.steps.push((step.id.clone(), step.title.clone()));
            }
        }
    }

    /// The report, with the files that could not be read; `known` gives the newest
    /// version of a pack by id, whose steps and renames the rows are matched by.
    pub fn finish(
        mut self,
        unread: Vec<super::Unread>,
        known: impl Fn(&str) -> Option<Pack>,
    ) -> Report {
        self.merge_rows_from_before_ids();
        let renamed = self.name_changes();
        // A limit past any date there can be flags nobody rather than fail.
        let limit = (self.stale_days > 0)
            .then(|| {
                let hours = self.stale_days.checked_mul(24)?;
                let span = Span::new().try_hours(hours).ok()?;
                self.now.checked_sub(span).ok()
            })
            .flatten();
        // A copy from the future that is the only one is counted; one left out for an
        // earlier copy is said among the exports from the future, not as a duplicate.
        for dated in &mut self.future {
            dated.counted = self.kept.values().any(|kept| kept.path == dated.path);
        }
        let duplicates = self
            .lost
            .iter()
            .filter(|(ignored, _)| !self.future.iter().any(|f| f.path == *ignored))
            .filter_map(|(ignored, key)| {
                let kept = self.kept.get(key)?;
                Some(Duplicate {
                    ignored: ignored.clone(),
                    kept: kept.path.clone(),
                })
            })
            .collect();
        let files_read = self.read;
        let without_id = self
            .kept
            .keys()
            .filter(|(_, person, _)| matches!(person, Person::Name(_)))
            .count();
        let mut rows: BTreeMap<String, Vec<MentorRow>> = BTreeMap::new();
        for ((pack, person, _), kept) in std::mem::take(&mut self.kept) {
            let mut row = kept.row;
            if let Person::Id(id) = &person
                && let Some((_, _, name)) = self.names.get(id).and_then(|n| n.newest.clone())
            {
                row.mentor = name;
            }
            if self
                .since
                .is_some_and(|since| row.start.is_none_or(|start| start < since))
            {
                continue;
            }
            row.stale = limit.is_some_and(|limit| quiet(&row, limit));
            rows.entry(pack).or_default().push(row);
        }
        let packs = rows
            .into_iter()
            .map(|(id, rows)| {
                let seen = self.packs.remove(&id).unwrap_or_default();
                let pack = known(&id);
                super::section::section(id, seen, rows, pack.as_ref())
            })
            .collect();
        Report {
            generated_at: self.now.round(jiff::Unit::Second).unwrap_or(self.now),
            files_read,
            stale_days: self.stale_days,
            packs,
            unread,
            duplicates,
            future: self.future,
            renamed,
            without_id,
            since: self.since,
        }
    }

    /// A person's exports from before person ids, grouped by name, join the one person
    /// with an id who has that name on that pack and run, when they are older than that
    /// person's: one mentor who upgraded, not a ghost row. An export without an id made
    /// after one with it is someone else's (an older ticklist still in use): kept apart.
    fn merge_rows_from_before_ids(&mut self) {
        let by_name: Vec<Key> = self
            .kept
            .keys()
            .filter(|(_, person, _)| matches!(person, Person::Name(_)))
            .cloned()
            .collect();
        for old in by_name {
            let (pack, Person::Name(name), run) = &old else {
                continue;
            };
            let mut same: Vec<&Key> = self
                .kept
                .keys()
                .filter(|(p, person, r)| {
                    p == pack
                        && r == run
                        // Any name the person has exported under: they may have
                        // renamed themself since.
                        && matches!(person, Person::Id(id) if self.names.get(id)
                            .is_some_and(|names| names.all.contains(name)))
                })
                .collect();
            let (Some(new), None) = (same.pop(), same.pop()) else {
                continue;
            };
            let new = new.clone();
            if self.kept.get(&old).map(|k| k.at) > self.kept.get(&new).map(|k| k.at) {
                continue;
            }
            let (Some(older), Some(newer)) = (self.kept.remove(&old), self.kept.remove(&new))
            else {
                continue;
            };
            let (winner, loser) = if (!older.future, older.at) > (!newer.future, newer.at) {
                (older, newer)
            } else {
                (newer, older)
            };
            let mut winner = winner;
            winner.row.person = new.1.clone();
            self.lost.push((loser.path, new.clone()));
            for (_, key) in &mut self.lost {
                if *key == old {
                    key.clone_from(&new);
                }
            }
            self.kept.insert(new, winner);
        }
    }

    fn name_changes(&self) -> Vec<NameChange> {
        self.names
            .iter()
            .filter(|(_, names)| names.all.len() > 1)
            .filter_map(|(id, names)| {
                let (_, _, name) = names.newest.clone()?;
                let earlier = names.all.iter().filter(|n| **n != name).cloned().collect();
                Some(NameChange {
                    person: id.clone(),
                    name,
                    earlier,
                })
            })
            .collect()
    }
}

/// Quiet: not finished, and no tick since `limit`, counting from the start when there
/// is no tick (or the start came after it).
fn quiet(row: &MentorRow, limit: Timestamp) -> bool {
    if row.done >= row.total {
        return false;
    }
    match row.last_tick.max(stalls::start_moment(row.start)) {
        Some(since) => since < limit,
        None => true,
    }
}
