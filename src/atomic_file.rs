//! Replacing a file so that a reader sees the old content or the new, never half of it:
//! written beside it, then renamed over it. A leaf: it imports nothing of the crate.

use std::fs;
use std::io;
use std::path::Path;

/// Writes `bytes` to `path` through a temporary file in the same directory (named with
/// the process id, so two writers do not share it), removed if anything fails.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut tmp = path.to_path_buf();
    tmp.set_extension(format!("tmp-{}", std::process::id()));
    fs::write(&tmp, bytes)
        .and_then(|()| fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
}
