//! Runs of a repeatable pack: the first-session checklist is done once per student, so
//! each student gets a run, kept in its own state file (`<pack-id>@<key>.json`) with its
//! own ticks, notes and skips, its name and whether it is archived.

use jiff::Timestamp;
use jiff::civil::Date;

use super::{Changes, Run, State, StateError, StateStore, Tracker};
use crate::fold::fold;
use crate::pack::Pack;
use crate::text::{Text, fill};

/// The longest run name kept.
pub const MAX_RUN_NAME: usize = 80;

/// A run as the picker and `ticklist runs` show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSummary {
    /// Its file key, stable when the run is renamed.
    pub key: String,
    pub run: Run,
    /// The day its due dates count from, when one was given.
    pub start: Option<Date>,
    pub done: u32,
    pub total: u32,
}

/// The file key for a new run named `name`: letters and digits of the folded name, joined
/// by dashes ("Élodie N'Diaye" → "elodie-n-diaye"), or "run" when nothing is left.
pub fn run_key(name: &str) -> String {
    let key = crate::fold::slug(name, 40);
    if key.is_empty() { "run".into() } else { key }
}

/// The runs of `pack` in `store`'s directory, oldest first; archived ones too. Files that
/// cannot be read as a run are not listed.
pub fn list_runs(store: &StateStore, pack: &Pack) -> Vec<RunSummary> {
    let prefix = format!("{}@", pack.id);
    let Ok(entries) = std::fs::read_dir(store.dir()) else {
        return Vec::new();
    };
    let mut runs: Vec<RunSummary> = entries
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|name| {
            let key = name.strip_prefix(&prefix)?.strip_suffix(".json")?;
            (!key.is_empty()).then(|| key.to_string())
        })
        .filter_map(|key| {
            // Read only: a damaged run file is left for opening it to deal with (it is
            // moved aside then, with a notice).
            let bytes = std::fs::read(store.for_run(&key).path(&pack.id)).ok()?;
            let state = State::parse(&bytes, &pack.id).ok()?;
            let run = state.run.clone()?;
            let start = state.start;
            // Counted on the steps that apply to this student, as their checklist counts.
            let fitted = (!pack.questions.is_empty())
                .then(|| {
                    let whole = std::sync::Arc::new(pack.clone());
                    crate::pack::fit(&whole, &state.answered(), Some(&run.name))
                })
                .flatten();
            let pack = fitted.as_ref().unwrap_or(pack);
            let (done, total) = Tracker::new(pack, state).overall(pack);
            Some(RunSummary {
                key,
                run,
                start,
                done,
                total,
            })
        })
        .collect();
    runs.sort_by(|a, b| (a.run.created, &a.key).cmp(&(b.run.created, &b.key)));
    runs
}

/// The run called `name` (case, accents and punctuation aside), or with that key.
pub fn find_run<'a>(runs: &'a [RunSummary], name: &str) -> Option<&'a RunSummary> {
    let wanted = fold(name);
    runs.iter()
        .find(|r| fold(&r.run.name) == wanted || r.key == name)
}

/// A student's checklist named by the mentor: theirs if they have one, else a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Student {
    /// The name (case, accents and punctuation aside) is a listed run's: this key opens it.
    Existing(String),
    /// A new run, with this key.
    Started(String),
}

impl Student {
    pub fn key(&self) -> &str {
        match self {
            Student::Existing(key) | Student::Started(key) => key,
        }
    }
}

/// The one rule for a student's name, in every front end: a name that exists opens that
/// student's checklist; a new one starts one (from `start`, if given), whose key is never
/// an existing run's, archived or not.
pub fn open_or_start_run(
    store: &StateStore,
    pack: &Pack,
    name: &str,
    start: Option<Date>,
    now: Timestamp,
) -> Result<Student, StateError> {
    let runs = list_runs(store, pack);
    // By name only: a new student is not someone else's file key.
    let wanted = fold(name);
    if let Some(existing) = runs.iter().find(|r| fold(&r.run.name) == wanted) {
        return Ok(Student::Existing(existing.key.clone()));
    }
    let taken: Vec<&str> = runs.iter().map(|r| r.key.as_str()).collect();
    let base = run_key(name);
    let key = std::iter::once(base.clone())
        .chain((2..).map(|n| format!("{base}-{n}")))
        .find(|k| !taken.contains(&k.as_str()) && !store.for_run(k).path(&pack.id).exists())
        .unwrap_or(base);
    let changes = Changes {
        run: Some(Run {
            name: clean_name(name),
            created: now.round(jiff::Unit::Second).unwrap_or(now),
            archived: false,
        }),
        start,
        ..Changes::default()
    };
    save_changes(&store.for_run(&key), pack, &changes, now)?;
    Ok(Student::Started(key))
}

/// Gives the run a new name (its key and progress stay).
pub fn rename_run(
    store: &StateStore,
    pack: &Pack,
    summary: &RunSummary,
    name: &str,
    now: Timestamp,
) -> Result<(), StateError> {
    let run = Run {
        name: clean_name(name),
        ..summary.run.clone()
    };
    save_run(&store.for_run(&summary.key), pack, run, now)
}

/// Puts a run away (it leaves the picker's list) or brings it back.
pub fn set_archived(
    store: &StateStore,
    pack: &Pack,
    summary: &RunSummary,
    archived: bool,
    now: Timestamp,
) -> Result<(), StateError> {
    let run = Run {
        archived,
        ..summary.run.clone()
    };
    save_run(&store.for_run(&summary.key), pack, run, now)
}

fn save_run(store: &StateStore, pack: &Pack, run: Run, now: Timestamp) -> Result<(), StateError> {
    let changes = Changes {
        run: Some(run),
        ..Changes::default()
    };
    save_changes(store, pack, &changes, now)
}

/// Writes a run's own changes (its name, archive mark, start) over its progress.
fn save_changes(
    store: &StateStore,
    pack: &Pack,
    changes: &Changes,
    now: Timestamp,
) -> Result<(), StateError> {
    let mut mine = store.load(&pack.id, &pack.version, now).into_state();
    mine.apply(changes);
    store.save(&mine, changes, now).map(|_| ())
}

/// A run name on one line, printable, not too long.
/// A student's name as it is kept: printable, on one line, trimmed, not too long.
pub fn clean_name(name: &str) -> String {
    let name = crate::safe_text::printable(name.trim(), false);
    name.chars()
        .take(MAX_RUN_NAME)
        .collect::<String>()
        .trim()
        .to_string()
}

impl RunSummary {
    /// "Alice  3/51 (5%)  started 2 November 2026" (the start given, else the day it
    /// was created), archived runs marked.
    pub fn describe(&self, t: &Text) -> String {
        let (done, total) = (self.done.to_string(), self.total.to_string());
        let percent = super::percent(self.done, self.total).to_string();
        let created = self.run.created.to_zoned(jiff::tz::TimeZone::UTC).date();
        let date = t.date(self.start.unwrap_or(created));
        let mut line = fill(
            t.run_line,
            &[
                ("name", &self.run.name),
                ("done", &done),
                ("total", &total),
                ("percent", &percent),
                ("date", &date),
            ],
        );
        if self.run.archived {
            line.push_str(&format!(" ({})", t.run_archived_mark));
        }
        line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pack() -> Pack {
        crate::pack::find_builtin("first-session")
            .unwrap()
            .load(crate::text::Lang::Fr)
            .unwrap()
    }

    fn at(day: i8) -> Timestamp {
        jiff::civil::date(2026, 11, day)
            .at(9, 0, 0, 0)
            .to_zoned(jiff::tz::TimeZone::UTC)
            .unwrap()
            .timestamp()
    }

    #[test]
    fn a_students_list_counts_the_steps_that_apply_to_that_student() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let yaml =
            crate::pack::QUESTIONS_PACK.replace("title: T\n", "title: T\nrepeatable: true\n");
        let pack = crate::pack::load_str(&yaml, "q.yaml").unwrap();
        let Student::Started(key) = open_or_start_run(&store, &pack, "Léa", None, at(2)).unwrap()
        else {
            panic!("a new name starts a run")
        };
        let run_store = store.for_run(&key);
        let mut state = run_store.load(&pack.id, &pack.version, at(3)).into_state();
        let mut changes = crate::progress::Changes::new();
        let answer = crate::progress::Answer {
            value: Some("company".into()),
            at: at(3),
        };
        changes.answers.insert("billing".into(), Some(answer));
        state.apply(&changes);
        run_store.save(&state, &changes, at(3)).unwrap();
        let runs = list_runs(&store, &pack);
        assert_eq!(
            runs[0].total, 4,
            "kbis, sign, welcome, prepare: not urssaf nor tell"
        );
    }

    #[test]
    fn keys_are_plain_and_stable() {
        assert_eq!(run_key("Élodie N'Diaye"), "elodie-n-diaye");
        assert_eq!(run_key("  ¿? "), "run");
        assert_eq!(run_key("../../etc"), "etc");
    }

    #[test]
    fn runs_are_started_listed_renamed_and_archived_each_with_its_own_ticks() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let pack = pack();
        let start = |name, day| open_or_start_run(&store, &pack, name, None, at(day)).unwrap();
        let Student::Started(alice) = start("Alice", 2) else {
            panic!("a new name starts a run")
        };
        let bob = start("Bob", 3).key().to_string();
        assert_eq!((alice.as_str(), bob.as_str()), ("alice", "bob"));
        // The same name, written otherwise, is the same student: theirs opens.
        assert_eq!(start("ALICE ", 4), Student::Existing("alice".into()));
        // A name whose key is taken by someone else's run gets its own key.
        rename_run(&store, &pack, &list_runs(&store, &pack)[0], "Alicia", at(4)).unwrap();
        let alice_again = start("alice", 4).key().to_string();
        assert_eq!(
            alice_again, "alice-2",
            "a second run never takes the first's file"
        );
        rename_run(&store, &pack, &list_runs(&store, &pack)[0], "Alice", at(4)).unwrap();

        // Alice's run gets two ticks; Bob's none.
        let alice_store = store.for_run(&alice);
        let mut tracker = Tracker::new(
            &pack,
            alice_store
                .load(&pack.id, &pack.version, at(5))
                .into_state(),
        );
        tracker.set(
            &pack,
            pack.find("faites-connaissance").unwrap(),
            true,
            at(5),
        );
        let changes = tracker.take_changes();
        alice_store.save(tracker.state(), &changes, at(5)).unwrap();

        let runs = list_runs(&store, &pack);
        let names: Vec<(&str, u32)> = runs.iter().map(|r| (r.run.name.as_str(), r.done)).collect();
        assert_eq!(names, [("Alice", 3), ("Bob", 0), ("alice", 0)]);
        assert_eq!(find_run(&runs, "ALICE").unwrap().key, "alice");
        assert_eq!(find_run(&runs, "alice-2").unwrap().run.name, "alice");

        rename_run(&store, &pack, &runs[1], "Robert", at(6)).unwrap();
        set_archived(&store, &pack, &runs[2], true, at(6)).unwrap();
        let runs = list_runs(&store, &pack);
        assert_eq!(runs[1].run.name, "Robert");
        assert_eq!(runs[1].key, "bob", "the key stays");
        assert!(runs[2].run.archived);
        assert_eq!(runs[0].done, 3, "renaming others leaves Alice's ticks");
        // The plain pack file is not a run.
        assert!(!store.path(&pack.id).exists());
    }

    #[test]
    fn listing_skips_damaged_run_files_and_leaves_them_alone() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path());
        let pack = pack();
        open_or_start_run(&store, &pack, "Alice", None, at(2)).unwrap();
        let damaged = store.for_run("zed").path(&pack.id);
        std::fs::write(&damaged, "{ not json").unwrap();
        std::fs::write(dir.path().join("other-pack@x.json"), "{}").unwrap();
        let names: Vec<String> = list_runs(&store, &pack)
            .into_iter()
            .map(|r| r.run.name)
            .collect();
        assert_eq!(names, ["Alice"]);
        assert_eq!(
            std::fs::read_to_string(&damaged).unwrap(),
            "{ not json",
            "untouched"
        );
    }
}
