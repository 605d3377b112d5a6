//! Validated packs kept ready between runs. Parsing and checking YAML costs ~13 µs per
//! step (1.4 s for 100,000 items, 0.4 ms for 40); reading the validated model back in
//! `bitcode`'s binary form takes 1.9 ms at 10,000 steps (a 260 KB file), where the JSON
//! kept before took about 5 ms (939 KB) and was the larger part of a start-up. Only
//! packs under 2 KiB (a few steps) are parsed every time.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use bitcode::{Decode, Encode};

use super::{Pack, PackError, load_file_in};
use crate::text::{EN, Text};

/// Files below this size are parsed every time.
const MIN_CACHED_BYTES: u64 = 2 * 1024;

/// Bumped whenever what validation makes of a pack changes (2: text in NFC), so that an
/// entry written by an older build of the same version is not used.
const LOADER: u32 = 2;

/// The model's source, fingerprinted: the binary form has no field names, so an entry
/// written by a build with another model is never read as this one's.
const MODEL: u64 = crate::places::stable_hash(include_bytes!("model.rs"));

/// What the cached model was made from: any change and the pack is parsed again.
#[derive(Debug, PartialEq, Eq, Encode, Decode)]
struct Key {
    ticklist: String,
    model: u64,
    path: Vec<u8>,
    len: u64,
    modified_ns: u128,
}

#[derive(Encode, Decode)]
struct Entry {
    key: Key,
    pack: Pack,
}

/// A directory of validated packs, one file per pack path.
#[derive(Debug, Clone)]
pub struct PackCache {
    dir: PathBuf,
}

impl PackCache {
    /// Where the validated copies are kept.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn new(dir: impl Into<PathBuf>) -> Self {
        PackCache { dir: dir.into() }
    }

    /// Same result as [`load_file`], from the cache when the file has not changed.
    /// The cache is best effort: a missing, stale or unreadable entry means a parse.
    pub fn load_file(&self, path: &Path) -> Result<Pack, PackError> {
        self.load_file_in(path, &EN)
    }

    /// The same, problems written in the language of `t`.
    pub fn load_file_in(&self, path: &Path, t: &'static Text) -> Result<Pack, PackError> {
        let Some(key) = key(path) else {
            return load_file_in(path, t);
        };
        let name = crate::places::stable_name(&key.path);
        let entry_path = self.dir.join(format!("{name}.bin"));
        let cached = fs::read(&entry_path)
            .ok()
            .and_then(|bytes| bitcode::decode::<Entry>(&bytes).ok())
            .filter(|entry| entry.key == key);
        if let Some(entry) = cached {
            return Ok(entry.pack);
        }
        let pack = load_file_in(path, t)?;
        let entry = Entry { key, pack };
        write_atomically(&self.dir, &entry_path, &bitcode::encode(&entry));
        // Entries of builds that kept packs as JSON are of no more use.
        let _ = fs::remove_file(entry_path.with_extension("json"));
        Ok(entry.pack)
    }
}

/// The cache key of a big enough pack file, or `None` to parse it directly.
fn key(path: &Path) -> Option<Key> {
    let meta = fs::metadata(path).ok()?;
    if meta.len() < MIN_CACHED_BYTES {
        return None;
    }
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some(Key {
        ticklist: format!("{}/{LOADER}", env!("CARGO_PKG_VERSION")),
        model: MODEL,
        path: fs::canonicalize(path)
            .ok()?
            .into_os_string()
            .into_encoded_bytes(),
        len: meta.len(),
        modified_ns: modified.as_nanos(),
    })
}

/// Replaced whole, so a reader never sees half an entry. Failures are ignored: without
/// a cache the pack is simply parsed next time.
fn write_atomically(dir: &Path, path: &Path, bytes: &[u8]) {
    let _ = fs::create_dir_all(dir).and_then(|()| crate::atomic_file::write(path, bytes));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::generate;
    use crate::pack::load_file;

    #[test]
    fn a_big_pack_is_cached_and_reparsed_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PackCache::new(dir.path().join("cache"));
        let path = dir.path().join("big.yaml");
        fs::write(&path, generate(3_000, false)).unwrap();
        let parsed = cache.load_file(&path).unwrap();
        let entries = fs::read_dir(dir.path().join("cache")).unwrap().count();
        assert_eq!(entries, 1);
        assert_eq!(cache.load_file(&path).unwrap(), parsed);

        // Changed content (and size): the cache must not answer for it.
        fs::write(&path, generate(3_001, false)).unwrap();
        let changed = cache.load_file(&path).unwrap();
        assert!(changed.nodes.len() > parsed.nodes.len());

        // A damaged entry is ignored, not trusted.
        for entry in fs::read_dir(dir.path().join("cache")).unwrap() {
            fs::write(entry.unwrap().path(), "not an entry").unwrap();
        }
        assert_eq!(cache.load_file(&path).unwrap(), changed);
    }

    #[test]
    fn an_entry_written_with_another_model_is_never_read() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PackCache::new(dir.path().join("cache"));
        let path = dir.path().join("big.yaml");
        fs::write(&path, generate(3_000, false)).unwrap();
        let mut key = key(&path).unwrap();
        let entry_path = dir
            .path()
            .join("cache")
            .join(format!("{}.bin", crate::places::stable_name(&key.path)));
        // An entry of a build that kept packs as JSON: replaced, and removed.
        fs::create_dir_all(dir.path().join("cache")).unwrap();
        fs::write(entry_path.with_extension("json"), "{}").unwrap();
        let parsed = cache.load_file(&path).unwrap();
        assert!(entry_path.exists() && !entry_path.with_extension("json").exists());

        // Another pack under the same file's key, but written by a build whose model
        // differed: the pack is parsed again.
        let other = crate::pack::load_str(&generate(2_000, false), "other.yaml").unwrap();
        key.model ^= 1;
        let entry = Entry { key, pack: other };
        fs::write(&entry_path, bitcode::encode(&entry)).unwrap();
        assert_eq!(cache.load_file(&path).unwrap(), parsed);
        // With this build's model, the same entry is read: the test can tell.
        let mut entry = entry;
        entry.key.model ^= 1;
        fs::write(&entry_path, bitcode::encode(&entry)).unwrap();
        assert_eq!(cache.load_file(&path).unwrap(), entry.pack);
    }

    #[test]
    fn errors_are_the_same_with_or_without_the_cache() {
        let dir = tempfile::tempdir().unwrap();
        let cache = PackCache::new(dir.path().join("cache"));
        let path = dir.path().join("bad.yaml");
        fs::write(
            &path,
            generate(3_000, false).replace("title: Step 7 ", "title: ''\n#"),
        )
        .unwrap();
        let direct = load_file(&path).unwrap_err().to_string();
        assert_eq!(cache.load_file(&path).unwrap_err().to_string(), direct);
        assert!(
            !dir.path().join("cache").exists(),
            "nothing cached for a bad pack"
        );
        let missing = dir.path().join("missing.yaml");
        assert!(cache.load_file(&missing).is_err());
    }
}
