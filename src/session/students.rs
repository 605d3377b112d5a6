//! A pack done once per student (the first-session guide): the students' checklists
//! listed, opened or started (a name that exists opens that checklist: one rule for
//! every front end), renamed, archived and brought back. Archiving is taken back with
//! `u` like any change, under the same undo policy ([`UndoStack`]).

use jiff::Timestamp;
use jiff::civil::Date;

use crate::pack::Pack;
use crate::progress::{
    RunSummary, StateError, StateStore, Student, UndoStack, list_runs, open_or_start_run,
    rename_run, set_archived,
};

/// The students' checklists of one pack, in one person's store.
pub struct Students<'a> {
    store: &'a StateStore,
    pack: &'a Pack,
    /// Archivings (the key, and whether it was put away) `u` can take back, latest last.
    undo: UndoStack<(String, bool)>,
}

impl<'a> Students<'a> {
    pub fn new(store: &'a StateStore, pack: &'a Pack) -> Self {
        Students {
            store,
            pack,
            undo: UndoStack::default(),
        }
    }

    /// Every student's checklist, archived ones included, as on disk now.
    pub fn list(&self) -> Vec<RunSummary> {
        list_runs(self.store, self.pack)
    }

    /// The checklist of the student called `name`: theirs if the name exists (folded as
    /// people type it), else a new one, started on `start` when given.
    pub fn open_or_start(
        &self,
        name: &str,
        start: Option<Date>,
        now: Timestamp,
    ) -> Result<Student, StateError> {
        open_or_start_run(self.store, self.pack, name, start, now)
    }

    /// Gives the checklist under `key` a new name; its progress stays.
    pub fn rename(&self, key: &str, name: &str, now: Timestamp) -> Result<(), StateError> {
        match self.find(key) {
            Some(run) => rename_run(self.store, self.pack, &run, name, now),
            None => Ok(()),
        }
    }

    /// Puts the checklist under `key` away (or brings it back); `u` takes that back.
    /// The student's name, when there is such a checklist.
    pub fn archive(
        &mut self,
        key: &str,
        archived: bool,
        now: Timestamp,
    ) -> Result<Option<String>, StateError> {
        let Some(run) = self.find(key) else {
            return Ok(None);
        };
        set_archived(self.store, self.pack, &run, archived, now)?;
        self.undo.push((key.to_string(), archived));
        Ok(Some(run.run.name))
    }

    /// Takes back the last archiving or bringing back: the student's name and whether
    /// their checklist is archived now, or `None` when there is nothing to take back.
    pub fn undo(&mut self, now: Timestamp) -> Result<Option<(String, bool)>, StateError> {
        while let Some((key, archived)) = self.undo.pop() {
            // A checklist gone meanwhile (another window) has nothing to take back.
            if let Some(run) = self.find(&key) {
                set_archived(self.store, self.pack, &run, !archived, now)?;
                return Ok(Some((run.run.name, !archived)));
            }
        }
        Ok(None)
    }

    /// Whether `u` has something to take back.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    fn find(&self, key: &str) -> Option<RunSummary> {
        self.list().into_iter().find(|r| r.key == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    use crate::session::tests::at;

    fn archived(students: &Students<'_>) -> Vec<String> {
        let mut names: Vec<String> = students
            .list()
            .into_iter()
            .filter(|r| r.run.archived)
            .map(|r| r.run.name)
            .collect();
        names.sort();
        names
    }

    #[test]
    fn archivings_are_taken_back_one_by_one_latest_first() {
        let dir = tempfile::tempdir().unwrap();
        let store = StateStore::new(dir.path().to_path_buf());
        let pack = crate::pack::find_builtin("first-session")
            .unwrap()
            .load(Lang::En)
            .unwrap();
        let mut students = Students::new(&store, &pack);
        let alice = students.open_or_start("Alice", None, at(9)).unwrap();
        let bob = students.open_or_start("Bob", None, at(9)).unwrap();
        assert!(!students.can_undo());
        students.archive(alice.key(), true, at(10)).unwrap();
        students.archive(bob.key(), true, at(10)).unwrap();
        assert_eq!(archived(&students), ["Alice", "Bob"]);
        assert_eq!(students.undo(at(11)).unwrap(), Some(("Bob".into(), false)));
        assert_eq!(archived(&students), ["Alice"]);
        assert_eq!(
            students.undo(at(11)).unwrap(),
            Some(("Alice".into(), false))
        );
        assert!(archived(&students).is_empty() && !students.can_undo());
        assert_eq!(students.undo(at(11)).unwrap(), None);
        // A name that exists opens that checklist, never a second one.
        let again = students.open_or_start(" alice ", None, at(12)).unwrap();
        assert!(matches!(again, Student::Existing(_)));
        assert_eq!(students.list().len(), 2);
    }
}
