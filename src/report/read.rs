//! Reading exports for a report: files named, or every file under a folder (a shared,
//! synced one), recursively, folders behind links included (each read once). A file that
//! is not a readable export is set aside with why (never the end of the report); named
//! pipes, devices and sockets are named without being opened (a pipe would wait for ever);
//! hidden files (`.stfolder`, `.DS_Store`, a sync client's own) are not looked at.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::cut::{Measure, cut};
use crate::export::{EXPORT_FORMAT, EXPORT_VERSION, Export};
use crate::pack::MAX_PACK_BYTES;
use crate::safe_text::printable;
use crate::sealed::Identity;
use crate::text::{Text, fill};

/// How a mentor's Markdown export begins (see `import::marker_comment`).
const MARKDOWN_MARKER: &str = "<!-- ticklist-export ";

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
    /// A named pipe, a device or a socket: not opened.
    NotAFile,
    /// A link to a folder read already (a loop, or two links to one folder).
    LinkLoop,
    /// A file read already under another name (through a link).
    SameFile,
    /// Bigger than any export (its size in bytes).
    TooBig(u64),
    /// A mentor's Markdown export, which is for reading, not for reports.
    Markdown,
    NotJson,
    /// JSON, but not a ticklist export.
    NotExport,
    /// A ticklist export with a field that cannot be read (its path: `start`,
    /// `ticks.slack`): damaged or edited by hand.
    BadField(String),
    /// An export of a newer format than this ticklist reads.
    Newer(u32),
    /// Encrypted, and no key given that opens it (`--identity`).
    Sealed,
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
            Why::NotAFile => t.unread_not_a_file.into(),
            Why::LinkLoop => t.unread_link_loop.into(),
            Why::SameFile => t.unread_same_file.into(),
            Why::Markdown => t.unread_markdown.into(),
            Why::NotJson => t.unread_not_json.into(),
            Why::NotExport => t.unread_not_export.into(),
            Why::BadField(field) => fill(t.unread_bad_field, &[("field", field)]),
            Why::Sealed => t.unread_sealed.into(),
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

/// Every file under `paths` (files, or folders read recursively, in name order) to read
/// as an export, and what cannot be.
pub fn walk(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<Unread>) {
    let mut files = Vec::new();
    let mut unread = Vec::new();
    let mut seen = HashSet::new();
    for path in paths {
        collect(path, &mut seen, &mut files, &mut unread);
    }
    (files, unread)
}

/// `seen`: the real paths of the folders and files found so far: each is read once,
/// however many links lead to it.
fn collect(
    path: &Path,
    seen: &mut HashSet<PathBuf>,
    files: &mut Vec<PathBuf>,
    unread: &mut Vec<Unread>,
) {
    let mut skip = |why: Why| {
        unread.push(Unread {
            path: path.to_path_buf(),
            why,
        });
    };
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) => return skip(Why::Unreadable(e.to_string())),
    };
    if !meta.is_file() && !meta.is_dir() {
        return skip(Why::NotAFile);
    }
    let real = match std::fs::canonicalize(path) {
        Ok(real) => real,
        Err(e) => return skip(Why::Unreadable(e.to_string())),
    };
    if !seen.insert(real) {
        return skip(if meta.is_dir() {
            Why::LinkLoop
        } else {
            Why::SameFile
        });
    }
    if meta.is_file() {
        return files.push(path.to_path_buf());
    }
    let mut children: Vec<PathBuf> = match std::fs::read_dir(path) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(e) => return skip(Why::Unreadable(e.to_string())),
    };
    children.sort();
    for child in children {
        let hidden = child
            .file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'));
        if !hidden {
            collect(&child, seen, files, unread);
        }
    }
}

/// Files read at a time by [`read_each`]: enough to keep every core busy, few enough
/// that their exports take little memory.
const BATCH: usize = 64;

/// Reads every file in `files` as an export and gives each result to `each`, in the
/// order of `files`: the files of a batch are read and parsed on every core at once,
/// then handed over, so that no more than a batch is ever held.
pub fn read_each(
    files: Vec<PathBuf>,
    key: Option<&Identity>,
    mut each: impl FnMut(PathBuf, Result<Export, Why>),
) {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    for batch in files.chunks(BATCH) {
        let lanes = cores.min(batch.len()).max(1);
        let read: Vec<Vec<(usize, Result<Export, Why>)>> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..lanes)
                .map(|lane| {
                    scope.spawn(move || {
                        (lane..batch.len())
                            .step_by(lanes)
                            .map(|i| (i, read_one(&batch[i], key)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            workers
                .into_iter()
                .map(|worker| worker.join().unwrap_or_else(|_| Vec::new()))
                .collect()
        });
        let mut results: Vec<Option<Result<Export, Why>>> =
            (0..batch.len()).map(|_| None).collect();
        for (i, result) in read.into_iter().flatten() {
            results[i] = Some(result);
        }
        for (path, result) in batch.iter().zip(results) {
            // Only a reader that panicked leaves a hole: what it read is not an export.
            let result = result.unwrap_or(Err(Why::NotExport));
            each(path.clone(), result);
        }
    }
}

/// The export in the file at `path`, or why it is not one. Only regular files are
/// opened, and none bigger than an export can be; an encrypted one is opened with `key`.
pub fn read_one(path: &Path, key: Option<&Identity>) -> Result<Export, Why> {
    let unreadable = |e: std::io::Error| Why::Unreadable(e.to_string());
    let meta = std::fs::metadata(path).map_err(unreadable)?;
    if !meta.is_file() {
        return Err(Why::NotAFile);
    }
    if meta.len() > MAX_PACK_BYTES as u64 {
        return Err(Why::TooBig(meta.len()));
    }
    let bytes = std::fs::read(path).map_err(unreadable)?;
    if crate::sealed::is_sealed(&bytes) {
        let key = key.ok_or(Why::Sealed)?;
        let opened = crate::sealed::open(&bytes, key).map_err(|_| Why::Sealed)?;
        return parse(&opened);
    }
    parse(&bytes)
}

/// An export from its bytes, or why they are not one. Read straight into an export;
/// only what fails is read again to say why.
pub fn parse(bytes: &[u8]) -> Result<Export, Why> {
    // A byte order mark, as some editors on Windows put before a file they saved.
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if let Ok(export) = serde_json::from_slice::<Export>(bytes)
        && export.format == EXPORT_FORMAT
        && export.version <= EXPORT_VERSION
    {
        return Ok(export);
    }
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(value) => value,
        Err(_) => {
            let text = String::from_utf8_lossy(bytes);
            let text = text.trim_start_matches('\u{feff}').trim_start();
            // A Markdown export: its marker first, or (older ones) its "# Title — name".
            let first = text.lines().next().unwrap_or_default();
            let markdown = text.starts_with(MARKDOWN_MARKER)
                || (first.starts_with("# ") && first.contains(" — "));
            return Err(if markdown {
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
    serde_path_to_error::deserialize(&value).map_err(|e| {
        let mut field = field_name(e.path(), &value);
        // A field left out is reported where it is missing from: serde's words for it
        // are fixed ("missing field `mentor`"), and only its name is kept.
        let inner = e.inner().to_string();
        if let Some(missing) = inner
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split('`').next())
        {
            field = if field.is_empty() {
                missing.to_string()
            } else {
                format!("{field}.{missing}")
            };
        }
        if field.is_empty() {
            return Why::NotExport;
        }
        let field = printable(&field, false);
        Why::BadField(cut(&field, 80, Measure::Chars, '…').into_owned())
    })
}

/// The field an export could not be read at, as a manager can find it in the file: a
/// step's by the step's id (`slack.ticked_at`), not by its place in the list.
fn field_name(path: &serde_path_to_error::Path, value: &serde_json::Value) -> String {
    use serde_path_to_error::Segment;
    let segments: Vec<&Segment> = path.iter().collect();
    let named = |segments: &[&Segment]| -> Vec<String> {
        segments
            .iter()
            .map(|segment| match segment {
                Segment::Seq { index } => index.to_string(),
                segment => segment.to_string(),
            })
            .collect()
    };
    if let [Segment::Map { key }, Segment::Seq { index }, rest @ ..] = segments.as_slice()
        && key == "items"
        && let Some(id) = value["items"][*index]["id"].as_str()
    {
        let mut parts = vec![id.to_string()];
        parts.extend(named(rest));
        return parts.join(".");
    }
    named(&segments).join(".")
}
