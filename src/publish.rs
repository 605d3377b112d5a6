//! Publishing to a shared folder: once a mentor opts in (`ticklist publish DIR`), every
//! saved change also writes their JSON export into a folder the team already syncs, so
//! the manager's `ticklist report DIR` needs no mail. One file per mentor, pack and run,
//! replaced atomically (a reader never sees half a file), under a name that sorts by
//! pack then mentor and cannot collide between two people whose names look alike.

use std::io;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use sha2::{Digest, Sha256};

use crate::export::export;
use crate::fold::fold;
use crate::pack::Pack;
use crate::progress::{State, Tracker};

/// Longest part of a file name taken from a name.
const SLUG_CHARS: usize = 40;

/// Where and as whom one checklist's progress is published.
#[derive(Debug, Clone)]
pub struct Publisher {
    dir: PathBuf,
    mentor: String,
    run: Option<String>,
    pack: Pack,
}

impl Publisher {
    pub fn new(dir: PathBuf, mentor: String, run: Option<String>, pack: Pack) -> Self {
        Publisher {
            dir,
            mentor,
            run,
            pack,
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// `openclassrooms-mentor--zoe-martin--3f2a9c1d.json`, with `--student` before the
    /// digest for a run: readable, sorted, and distinct for distinct people.
    pub fn file_name(&self) -> String {
        let mut hasher = Sha256::new();
        for part in [
            self.pack.id.as_str(),
            &self.mentor,
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
        let mut name = format!("{}--{}", slug(&self.pack.id), slug(&self.mentor));
        if let Some(run) = &self.run {
            name = format!("{name}--{}", slug(run));
        }
        format!("{name}--{digest}.json")
    }

    /// Writes the export of `state` as of `now`, replacing the previous one whole.
    pub fn publish(&self, state: &State, now: Timestamp) -> io::Result<PathBuf> {
        let tracker = Tracker::new(&self.pack, state.clone());
        let mut report = export(&self.pack, &tracker, &self.mentor, now);
        report.run = self.run.clone();
        let mut json = serde_json::to_vec_pretty(&report).map_err(io::Error::other)?;
        json.push(b'\n');
        let name = self.file_name();
        let path = self.dir.join(&name);
        crate::atomic_file::write(&path, &json)?;
        Ok(path)
    }
}

/// A name as a file name part: folded to lower case without accents, anything else
/// than letters and digits becoming one `-`.
fn slug(text: &str) -> String {
    let folded = fold(text);
    let mut slug = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug: String = slug.trim_matches('-').chars().take(SLUG_CHARS).collect();
    if slug.is_empty() { "x".into() } else { slug }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Lang;

    fn publisher(dir: &Path, mentor: &str, run: Option<&str>) -> Publisher {
        let pack = crate::pack::builtin(Lang::Fr).unwrap();
        Publisher::new(dir.into(), mentor.into(), run.map(String::from), pack)
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
        let read = crate::report::read_exports(&[dir.path().to_path_buf()]);
        assert_eq!(read.0[0].1.done, 1);
    }
}
