//! Reading exports for a report: files named, or every file under a folder (a shared,
//! synced one), recursively. A file that is not a readable export is set aside with why
//! (never the end of the report); hidden files (`.stfolder`, `.DS_Store`, a sync client's
//! own) are not looked at.

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::export::{EXPORT_FORMAT, EXPORT_VERSION, Export};
use crate::pack::MAX_PACK_BYTES;
use crate::text::{Text, fill};

/// A file the report could not use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unread {
    pub path: PathBuf,
    pub why: Why,
}

/// Why a file is not in the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "detail")]
pub enum Why {
    /// The system refused to read it (the error's text).
    Unreadable(String),
    /// Bigger than any export (its size in bytes).
    TooBig(u64),
    /// A mentor's Markdown export, which is for reading, not for reports.
    Markdown,
    NotJson,
    /// JSON, but not a ticklist export.
    NotExport,
    /// An export of a newer format than this ticklist reads.
    Newer(u32),
}

impl Why {
    pub fn words(&self, t: &Text) -> String {
        match self {
            Why::Unreadable(error) => fill(t.unread_io, &[("error", error)]),
            Why::TooBig(size) => {
                let max = (MAX_PACK_BYTES / (1024 * 1024)).to_string();
                fill(
                    t.unread_too_big,
                    &[("size", &size.to_string()), ("max", &max)],
                )
            }
            Why::Markdown => t.unread_markdown.into(),
            Why::NotJson => t.unread_not_json.into(),
            Why::NotExport => t.unread_not_export.into(),
            Why::Newer(version) => fill(
                t.unread_newer,
                &[
                    ("version", &version.to_string()),
                    ("known", &EXPORT_VERSION.to_string()),
                ],
            ),
        }
    }
}

/// Every export found under `paths` (files, or folders read recursively, in name
/// order), and every file that is not one.
pub fn read_exports(paths: &[PathBuf]) -> (Vec<(PathBuf, Export)>, Vec<Unread>) {
    let mut files = Vec::new();
    let mut unread = Vec::new();
    for path in paths {
        collect(path, &mut files, &mut unread);
    }
    let mut exports = Vec::new();
    for path in files {
        match read_one(&path) {
            Ok(export) => exports.push((path, export)),
            Err(why) => unread.push(Unread { path, why }),
        }
    }
    (exports, unread)
}

fn collect(path: &Path, files: &mut Vec<PathBuf>, unread: &mut Vec<Unread>) {
    let entries = match std::fs::metadata(path) {
        Ok(meta) if meta.is_dir() => std::fs::read_dir(path),
        Ok(_) => return files.push(path.to_path_buf()),
        Err(e) => {
            let why = Why::Unreadable(e.to_string());
            return unread.push(Unread {
                path: path.to_path_buf(),
                why,
            });
        }
    };
    let mut children: Vec<PathBuf> = match entries {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => {
            let why = Why::Unreadable(e.to_string());
            return unread.push(Unread {
                path: path.to_path_buf(),
                why,
            });
        }
    };
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        // A link to a folder is not followed: a loop of links must not hang a report.
        let linked_dir = std::fs::symlink_metadata(&child)
            .is_ok_and(|m| m.file_type().is_symlink())
            && child.is_dir();
        if !hidden && !linked_dir {
            collect(&child, files, unread);
        }
    }
}

fn read_one(path: &Path) -> Result<Export, Why> {
    let unreadable = |e: std::io::Error| Why::Unreadable(e.to_string());
    let size = std::fs::metadata(path).map_err(unreadable)?.len();
    if size > MAX_PACK_BYTES as u64 {
        return Err(Why::TooBig(size));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    parse(&bytes)
}

/// An export from its bytes, or why they are not one.
pub fn parse(bytes: &[u8]) -> Result<Export, Why> {
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            let text = text.trim_start_matches('\u{feff}').trim_start();
            return Err(if text.starts_with("# ") {
                Why::Markdown
            } else {
                Why::NotJson
            });
        }
    };
    if value.get("format").and_then(|f| f.as_str()) != Some(EXPORT_FORMAT) {
        return Err(Why::NotExport);
    }
    let version = value.get("version").and_then(serde_json::Value::as_u64);
    match version.and_then(|v| u32::try_from(v).ok()) {
        Some(v) if v > EXPORT_VERSION => return Err(Why::Newer(v)),
        Some(_) => {}
        None => return Err(Why::NotExport),
    }
    serde_json::from_value(value).map_err(|_| Why::NotExport)
}
