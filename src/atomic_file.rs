//! The one way ticklist replaces a file (progress, packs, the pack cache, published
//! exports, settings): written whole beside it, synced, renamed over it, and the rename
//! synced, so a reader or a crash sees the old content or the new, never half of it.
//! A leaf: it imports nothing of the crate.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;

/// The two syncs that make a replacement durable. A trait so that a test can count
/// them; [`Disk`] is the only real one.
pub trait Syncs: std::fmt::Debug + Send + std::marker::Sync {
    /// The new content reaches the disk before the rename publishes it.
    fn file(&self, file: &File) -> io::Result<()>;
    /// The rename itself reaches the disk (not every platform can open a directory:
    /// then there is nothing more to do).
    fn dir(&self, dir: &Path);
}

/// Syncs for real.
#[derive(Debug)]
pub struct Disk;

impl Syncs for Disk {
    fn file(&self, file: &File) -> io::Result<()> {
        file.sync_all()
    }

    fn dir(&self, dir: &Path) {
        if let Ok(dir) = File::open(dir) {
            let _ = dir.sync_all();
        }
    }
}

/// Where a replacement has got to, for the crash tests to stop a process at each point.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Started,
    HalfWritten,
    Written,
    Synced,
    Renamed,
}

/// Replaces `path` with `bytes` durably.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace(path, bytes, &Disk, |_| {})
}

/// [`write`] through `sync`, telling `at` each step. The temporary file is hidden (a
/// report reading the folder passes it by) and named with the process id (two
/// processes never share one); it is removed if anything fails.
pub fn replace(path: &Path, bytes: &[u8], sync: &dyn Syncs, at: impl Fn(Step)) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let tmp = dir.join(format!(
        ".{}.{}.tmp",
        name.to_string_lossy(),
        std::process::id()
    ));
    at(Step::Started);
    let (first, second) = bytes.split_at(bytes.len() / 2);
    let written = File::create(&tmp)
        .and_then(|mut file| {
            file.write_all(first)?;
            at(Step::HalfWritten);
            file.write_all(second)?;
            at(Step::Written);
            sync.file(&file)
        })
        .and_then(|()| {
            at(Step::Synced);
            fs::rename(&tmp, path)
        });
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    at(Step::Renamed);
    sync.dir(dir);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::MetadataExt;

    /// Records the syncs and the steps, in order.
    #[derive(Debug, Default)]
    struct Recorder(std::sync::Mutex<Vec<String>>);

    impl Syncs for Recorder {
        fn file(&self, file: &File) -> io::Result<()> {
            let len = file.metadata()?.len();
            self.0
                .lock()
                .unwrap()
                .push(format!("sync file of {len} bytes"));
            Ok(())
        }

        fn dir(&self, dir: &Path) {
            assert!(dir.is_dir());
            self.0.lock().unwrap().push("sync dir".into());
        }
    }

    #[test]
    fn the_whole_file_is_synced_before_the_rename_and_the_folder_after() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs::write(&path, "old").unwrap();
        let seen = Recorder::default();
        replace(&path, b"new content", &seen, |step| {
            seen.0.lock().unwrap().push(format!("{step:?}"));
        })
        .unwrap();
        assert_eq!(
            *seen.0.lock().unwrap(),
            [
                "Started",
                "HalfWritten",
                "Written",
                "sync file of 11 bytes",
                "Synced",
                "Renamed",
                "sync dir"
            ]
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "new content");
        let left: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left");
    }

    #[test]
    fn the_file_is_replaced_never_written_in_place() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        let (a, b) = (vec![b'a'; 256 * 1024], vec![b'b'; 300 * 1024]);
        write(&path, &a).unwrap();
        let before = fs::metadata(&path).unwrap().ino();
        write(&path, &b).unwrap();
        assert_ne!(fs::metadata(&path).unwrap().ino(), before, "a new file");

        // A reader looping while a writer alternates never sees half of either.
        let reader = {
            let path = path.clone();
            std::thread::spawn(move || {
                for _ in 0..300 {
                    let seen = fs::read(&path).unwrap();
                    let whole = seen == vec![b'a'; seen.len()] && seen.len() == 256 * 1024
                        || seen == vec![b'b'; seen.len()] && seen.len() == 300 * 1024;
                    assert!(whole, "a partial file of {} bytes", seen.len());
                }
            })
        };
        for n in 0..300 {
            write(&path, if n % 2 == 0 { &a } else { &b }).unwrap();
        }
        reader.join().unwrap();
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.json");
        fs::write(&path, "old").unwrap();
        #[derive(Debug)]
        struct Failing;
        impl Syncs for Failing {
            fn file(&self, _: &File) -> io::Result<()> {
                Err(io::Error::other("disk full"))
            }
            fn dir(&self, _: &Path) {}
        }
        assert!(replace(&path, b"new", &Failing, |_| {}).is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "old");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
