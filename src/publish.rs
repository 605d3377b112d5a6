//! Publishing to a shared folder: once a mentor opts in (`ticklist publish DIR`), every
//! saved change also writes their JSON export into a folder the team already syncs, so
//! the manager's `ticklist report DIR` needs no mail. One file per mentor, pack and run,
//! replaced atomically (a reader never sees half a file), under a name that sorts by
//! pack then mentor and cannot collide between two people whose names look alike.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use jiff::Timestamp;
use sha2::{Digest, Sha256};

use crate::export::{Author, export};
use crate::pack::Pack;
use crate::progress::{State, Tracker};
use crate::remote::{Remote, RemoteError};
use crate::sealed::Recipient;
use crate::text::Text;

/// Longest part of a file name taken from a name.
const SLUG_CHARS: usize = 40;

/// Where the exports go: a folder the team syncs, or storage.
#[derive(Debug, Clone)]
pub enum Destination {
    Folder(PathBuf),
    Remote(Box<Remote>),
}

impl From<PathBuf> for Destination {
    fn from(dir: PathBuf) -> Self {
        Destination::Folder(dir)
    }
}

impl From<&Path> for Destination {
    fn from(dir: &Path) -> Self {
        Destination::Folder(dir.to_path_buf())
    }
}

/// Why an export did not reach its destination.
#[derive(Debug, thiserror::Error)]
pub enum PublishError {
    #[error("{path}: {source}")]
    Write { path: PathBuf, source: io::Error },
    #[error("{0}")]
    Remote(#[from] RemoteError),
    #[error("{0}")]
    Sealed(#[from] crate::sealed::SealError),
}

impl PublishError {
    /// The same, in the language of `t` (a file's error as the system says it).
    pub fn message(&self, t: &Text) -> String {
        match self {
            PublishError::Remote(e) => e.message(t),
            PublishError::Sealed(e) => e.message(t),
            PublishError::Write { .. } => self.to_string(),
        }
    }
}

/// Where and as whom one checklist's progress is published.
#[derive(Debug, Clone)]
pub struct Publisher {
    to: Destination,
    author: Author,
    run: Option<String>,
    pack: Arc<Pack>,
    /// The manager's key, when exports are encrypted to it (`.json.age`).
    sealed_for: Option<Recipient>,
    /// Where what came of each publish is kept (none in tests that do not ask).
    record_dir: Option<PathBuf>,
    /// The words a failure is said in.
    text: Words,
}

/// The catalogue a publisher speaks (not worth printing in a `Debug`).
#[derive(Clone, Copy)]
struct Words(&'static Text);

impl std::fmt::Debug for Words {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.html_lang)
    }
}

/// What became of the last publishes of one export: when one last reached its
/// destination, and since when (and why) the newest has not.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Record {
    pub last_ok: Option<Timestamp>,
    pub pending_since: Option<Timestamp>,
    pub error: Option<String>,
    /// The version the storage gave the last export this machine wrote: the next write
    /// is made on that condition.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
}

/// Where an export went, and the version the storage gave it.
struct Written {
    place: String,
    etag: Option<String>,
}

/// The file, in the mentor's config folder, of every export's [`Record`] by file name.
const RECORD_FILE: &str = "published.json";

impl Record {
    /// The records in `dir`, by published file name.
    pub fn all(dir: &Path) -> std::collections::BTreeMap<String, Record> {
        std::fs::read(dir.join(RECORD_FILE))
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    fn note(dir: &Path, name: &str, now: Timestamp, result: Result<&&Written, &String>) {
        let mut all = Record::all(dir);
        let record = all.entry(name.to_string()).or_default();
        match result {
            Ok(written) => {
                *record = Record {
                    last_ok: Some(now),
                    etag: written.etag.clone(),
                    ..Record::default()
                }
            }
            Err(e) => {
                record.pending_since.get_or_insert(now);
                record.error = Some((*e).clone());
            }
        }
        if let Ok(json) = serde_json::to_vec_pretty(&all) {
            // Best effort: the record only feeds `ticklist publish`'s words.
            let _ = std::fs::create_dir_all(dir)
                .and_then(|()| crate::atomic_file::write(&dir.join(RECORD_FILE), &json));
        }
    }
}

impl Publisher {
    pub fn new(
        to: impl Into<Destination>,
        author: Author,
        run: Option<String>,
        pack: impl Into<Arc<Pack>>,
    ) -> Self {
        Publisher {
            to: to.into(),
            author,
            run,
            pack: pack.into(),
            sealed_for: None,
            record_dir: None,
            text: Words(&crate::text::EN),
        }
    }

    /// The same, every export encrypted to `recipient` (only its holder reads them).
    pub fn sealed_for(mut self, recipient: Recipient) -> Self {
        self.sealed_for = Some(recipient);
        self
    }

    /// Whether publishing waits on the network (storage, not a folder).
    pub fn over_network(&self) -> bool {
        matches!(self.to, Destination::Remote(_))
    }

    /// `openclassrooms-mentor--zoe-martin--3f2a9c1d.json`, with `--student` before the
    /// digest for a run: readable, sorted, and distinct for distinct people (the digest
    /// is of the person id, so two mentors of one name never share a file). Encrypted:
    /// `openclassrooms-mentor--3f2a9c1d.json.age`, no name at all.
    pub fn file_name(&self) -> String {
        let mut hasher = Sha256::new();
        let who = self.author.person.as_ref().unwrap_or(&self.author.name);
        for part in [
            self.pack.id.as_str(),
            who,
            self.run.as_deref().unwrap_or(""),
        ] {
            hasher.update(part.as_bytes());
            hasher.update([0]);
        }
        let digest: String = hasher
            .finalize()
            .iter()
            .take(4)
            .map(|b| format!("{b:02x}"))
            .collect();
        // Encrypted, the name says nothing either: neither the mentor nor the student.
        if self.sealed_for.is_some() {
            return format!("{}--{digest}.json.age", slug(&self.pack.id));
        }
        let mut name = format!("{}--{}", slug(&self.pack.id), slug(&self.author.name));
        if let Some(run) = &self.run {
            name = format!("{name}--{}", slug(run));
        }
        format!("{name}--{digest}.json")
    }

    /// Writes the export of `state` as of `now`, replacing the previous one whole; says
    /// where it went (the file, or the object's address). What came of it is recorded
    /// for `ticklist publish` to tell ([`Record`]).
    /// On storage, the write is conditional on the version this machine last wrote: when
    /// another copy of ticklist wrote since, [`RemoteError::Changed`] says so, and the
    /// caller, who can read the progress merged from every window, decides
    /// ([`Publisher::publish_over`]).
    pub fn publish(&self, state: &State, now: Timestamp) -> Result<String, PublishError> {
        let expected = self
            .record_dir
            .as_ref()
            .and_then(|dir| Record::all(dir).remove(&self.file_name()))
            .and_then(|record| record.etag);
        self.recorded(state, now, expected.as_deref())
    }

    /// [`Publisher::publish`], and when another copy of ticklist wrote since, the export
    /// of `state` over it all the same (a mentor's own `ticklist publish`).
    pub fn publish_anyway(&self, state: &State, now: Timestamp) -> Result<String, PublishError> {
        match self.publish(state, now) {
            Err(PublishError::Remote(RemoteError::Changed { .. })) => self.publish_over(state, now),
            result => result,
        }
    }

    /// The same, whatever was written since: the export of the progress as it is now.
    pub fn publish_over(&self, state: &State, now: Timestamp) -> Result<String, PublishError> {
        self.recorded(state, now, None)
    }

    fn recorded(
        &self,
        state: &State,
        now: Timestamp,
        expected: Option<&str>,
    ) -> Result<String, PublishError> {
        let result = self.write(state, now, expected);
        if let Some(dir) = &self.record_dir {
            let said = result.as_ref().map_err(|e| self.words(e));
            Record::note(dir, &self.file_name(), now, said.as_ref());
        }
        result.map(|written| written.place)
    }

    /// The same, saying what goes wrong in the words of `text`.
    pub fn speaking(mut self, text: &'static Text) -> Self {
        self.text = Words(text);
        self
    }

    /// What went wrong, in this publisher's words.
    pub fn words(&self, error: &PublishError) -> String {
        error.message(self.text.0)
    }

    /// Keeps what becomes of each publish in `dir` (the mentor's config folder).
    pub fn recorded_in(mut self, dir: PathBuf) -> Self {
        self.record_dir = Some(dir);
        self
    }

    fn write(
        &self,
        state: &State,
        now: Timestamp,
        expected: Option<&str>,
    ) -> Result<Written, PublishError> {
        let fitted = crate::pack::fit(&self.pack, &state.answered(), self.run.as_deref());
        let pack = fitted.as_ref().unwrap_or(&self.pack);
        let tracker = Tracker::new(pack, state.clone());
        let tz = crate::clock::time_zone();
        let mut report = export(pack, &tracker, &self.author, now, &tz);
        report.run = self.run.clone();
        let name = self.file_name();
        let mut json = serde_json::to_vec_pretty(&report).unwrap_or_default();
        json.push(b'\n');
        if let Some(recipient) = &self.sealed_for {
            json = crate::sealed::seal(&json, recipient)?;
        }
        match &self.to {
            Destination::Folder(dir) => {
                let path = dir.join(&name);
                match crate::atomic_file::write(&path, &json) {
                    Ok(()) => Ok(Written {
                        place: path.display().to_string(),
                        etag: None,
                    }),
                    Err(source) => Err(PublishError::Write { path, source }),
                }
            }
            Destination::Remote(remote) => {
                let etag = remote.put(&name, &json, expected)?;
                let place = format!("{}/{name}", remote.address().trim_end_matches('/'));
                Ok(Written { place, etag })
            }
        }
    }
}

/// A name as a file name part ([`crate::fold::slug`]), "x" when nothing is left.
fn slug(text: &str) -> String {
    let slug = crate::fold::slug(text, SLUG_CHARS);
    if slug.is_empty() { "x".into() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn publisher(dir: &Path, mentor: &str, run: Option<&str>) -> Publisher {
        let person = format!("{:016x}", mentor.len());
        publisher_of(dir, mentor, &person, run)
    }

    fn publisher_of(dir: &Path, mentor: &str, person: &str, run: Option<&str>) -> Publisher {
        let pack = crate::pack::builtin(Lang::Fr).unwrap();
        let author = Author {
            name: mentor.into(),
            person: Some(person.into()),
            email: None,
        };
        Publisher::new(dir, author, run.map(String::from), pack)
    }

    #[test]
    fn namesakes_publish_to_two_files_and_a_new_spelling_to_the_same_digest() {
        let dir = Path::new("/shared");
        let one = publisher_of(dir, "Marie Dupont", "00000000000000a1", None).file_name();
        let two = publisher_of(dir, "Marie Dupont", "00000000000000b2", None).file_name();
        assert_ne!(one, two, "two people of one name");
        let renamed = publisher_of(dir, "Marie Dupont-Leroy", "00000000000000a1", None);
        let digest = |name: &str| name.rsplit("--").next().unwrap().to_string();
        assert_eq!(digest(&renamed.file_name()), digest(&one));
    }

    #[test]
    fn names_sort_by_pack_and_mentor_and_never_collide() {
        let dir = Path::new("/shared");
        let zoe = publisher(dir, "Zoé Martin", None).file_name();
        assert!(
            zoe.starts_with("openclassrooms-mentor--zoe-martin--"),
            "{zoe}"
        );
        assert!(zoe.ends_with(".json"));
        let lookalike = publisher(dir, "zoe martin", None).file_name();
        assert_ne!(zoe, lookalike, "same slug, different people");
        let run = publisher(dir, "Zoé Martin", Some("Bob")).file_name();
        assert!(run.contains("--zoe-martin--bob--"), "{run}");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd");
        assert_eq!(slug("***"), "x");
    }

    #[test]
    fn a_publish_replaces_the_file_whole_and_leaves_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let p = publisher(dir.path(), "Zoé", None);
        let pack = crate::pack::builtin(Lang::Fr).unwrap();
        let mut state = State::new(&pack.id, &pack.version);
        let now: Timestamp = "2026-11-22T09:30:00Z".parse().unwrap();
        let first = p.publish(&state, now).unwrap();
        state.ticks.insert("slack".into(), now);
        let second = p.publish(&state, now).unwrap();
        assert_eq!(first, second);
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 1, "{names:?}");
        let read = crate::report::read_one(std::path::Path::new(&second), None).unwrap();
        assert_eq!(read.done, 1);
        assert_eq!(read.person.as_deref(), Some("0000000000000004"));
    }
}
