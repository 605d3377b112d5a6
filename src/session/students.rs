//! A pack done once per student (the first-session guide): the students' checklists
//! listed, opened or started (a name that exists opens that checklist: one rule for
//! every front end), renamed, archived and brought back. Archiving is taken back with
//! `u` like any change, under the same undo policy ([`UndoStack`]).

use jiff::Timestamp;
use jiff::civil::Date;

use crate::fold::fold;
use crate::pack::Pack;
use crate::progress::{
    RunSummary, StateError, StateStore, Student, UndoStack, clean_name, list_runs,
    open_or_start_run, rename_run, set_archived,
};
use crate::text::{Text, fill};

/// Why a student's checklist was not started, renamed or changed.
#[derive(Debug, thiserror::Error)]
pub enum StudentError {
    /// No letter in the name once spaces and control characters are taken out.
    #[error("a student's name is needed")]
    NoName,
    /// Another student's checklist has that name (case, accents and punctuation aside):
    /// two students of one name could not be told apart, nor their reports.
    #[error("there is already a student named {0}")]
    Taken(String),
    #[error(transparent)]
    State(#[from] StateError),
}

impl StudentError {
    /// What went wrong, in `t`'s words.
    pub fn words(&self, t: &Text) -> String {
        match self {
            StudentError::NoName => t.student_name_needed.into(),
            StudentError::Taken(name) => fill(t.student_name_taken, &[("name", name)]),
            StudentError::State(e) => fill(t.students_unsaved, &[("error", &e.words(t))]),
        }
    }
}

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

    /// Whether students' checklists can be started and changed here: said as the list
    /// opens, not after a name was typed.
    pub fn writable(&self) -> Result<(), StudentError> {
        Ok(self.store.writable(&self.pack.id)?)
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
    ) -> Result<Student, StudentError> {
        let name = student_name(name)?;
        Ok(open_or_start_run(self.store, self.pack, &name, start, now)?)
    }

    /// A student's name close enough to `name` (a slip of one letter, or two in a longer
    /// name) to have been meant by it, when `name` is no student's own.
    pub fn like(&self, name: &str) -> Option<String> {
        let wanted = fold(name);
        let runs = self.list();
        if runs.iter().any(|r| fold(&r.run.name) == wanted) {
            return None;
        }
        runs.into_iter()
            .map(|r| {
                (
                    crate::fold::edit_distance(&fold(&r.run.name), &wanted),
                    r.run.name,
                )
            })
            .filter(|(distance, _)| *distance <= if wanted.chars().count() > 4 { 2 } else { 1 })
            .min()
            .map(|(_, name)| name)
    }

    /// Gives the checklist under `key` a new name, never another student's; its
    /// progress stays. The name it has now, if there is such a checklist.
    pub fn rename(
        &self,
        key: &str,
        name: &str,
        now: Timestamp,
    ) -> Result<Option<String>, StudentError> {
        let name = student_name(name)?;
        let runs = self.list();
        let wanted = fold(&name);
        if let Some(other) = runs
            .iter()
            .find(|r| r.key != key && fold(&r.run.name) == wanted)
        {
            return Err(StudentError::Taken(other.run.name.clone()));
        }
        let Some(run) = runs.into_iter().find(|r| r.key == key) else {
            return Ok(None);
        };
        rename_run(self.store, self.pack, &run, &name, now)?;
        Ok(Some(name))
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

/// A student's name as it is kept (trimmed, printable, not too long, with a letter):
/// the one rule for a name in every front end.
pub fn student_name(name: &str) -> Result<String, StudentError> {
    let name = clean_name(name);
    if name.chars().any(char::is_alphabetic) {
        Ok(name)
    } else {
        Err(StudentError::NoName)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    use crate::session::tests::at;

    /// A store in `dir` and the pack done once per student.
    fn first_session(dir: &std::path::Path) -> (StateStore, Pack) {
        let pack = crate::pack::find_builtin("first-session")
            .unwrap()
            .load(Lang::En)
            .unwrap();
        (StateStore::new(dir.to_path_buf()), pack)
    }

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
        let (store, pack) = first_session(dir.path());
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

    #[test]
    fn a_name_is_never_empty_nor_another_students() {
        let dir = tempfile::tempdir().unwrap();
        let (store, pack) = first_session(dir.path());
        let students = Students::new(&store, &pack);
        for blank in ["", "   ", "\n\t", "?!", "42"] {
            let refused = students.open_or_start(blank, None, at(9));
            assert!(matches!(refused, Err(StudentError::NoName)), "{blank:?}");
        }
        assert!(students.list().is_empty());
        let alice = students.open_or_start("Alice", None, at(9)).unwrap();
        let bob = students.open_or_start("Ann\nBob", None, at(9)).unwrap();
        let names = |s: &Students<'_>| s.list().into_iter().map(|r| r.run.name).collect::<Vec<_>>();
        assert_eq!(names(&students), ["Alice", "Ann Bob"]);
        // Renamed to another student's name (as people type it): refused, nothing changes.
        let taken = students.rename(bob.key(), " ALICE ", at(10));
        assert!(
            matches!(taken, Err(StudentError::Taken(ref n)) if n == "Alice"),
            "{taken:?}"
        );
        assert!(matches!(
            students.rename(bob.key(), " ", at(10)),
            Err(StudentError::NoName)
        ));
        assert_eq!(names(&students), ["Alice", "Ann Bob"]);
        // A student's own name, written otherwise, is theirs to take.
        let own = students.rename(alice.key(), "alice", at(10)).unwrap();
        assert_eq!(own.as_deref(), Some("alice"));
        assert_eq!(
            students
                .rename(bob.key(), "Bob", at(10))
                .unwrap()
                .as_deref(),
            Some("Bob")
        );
        assert_eq!(names(&students), ["alice", "Bob"]);
        // A name a letter or two from a student's may have meant theirs.
        assert_eq!(students.like("Alise").as_deref(), Some("alice"));
        assert_eq!(students.like("bbo").as_deref(), Some("Bob"));
        assert_eq!(students.like("ALICE"), None);
        assert_eq!(students.like("Zoé"), None);
    }
}
