//! `ticklist report EXPORT…|DIR`: the manager's report.

use std::io::Write;
use std::path::PathBuf;

use super::{Failure, ReportFormat};
use crate::report::{self, CsvOptions};
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// What `report` was asked for.
pub struct ReportRequest<'a> {
    pub files: &'a [PathBuf],
    pub format: ReportFormat,
    pub output: Option<&'a PathBuf>,
    pub stale_days: i64,
    pub csv: CsvOptions,
}

/// Reads every export under `files`, writes the report, and fails with
/// [`Failure::Unread`] (exit 1) after writing it when some files were not exports.
pub fn report(
    request: &ReportRequest<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
    t: &Text,
) -> Result<(), Failure> {
    let (exports, unread) = report::read_exports(request.files);
    let built = report::build(exports, unread, crate::clock::now(), request.stale_days);
    let mut text = Vec::new();
    match request.format {
        ReportFormat::Markdown => report::write_markdown(&mut text, &built, t),
        ReportFormat::Csv => report::write_csv(&mut text, &built, request.csv),
        ReportFormat::Html => report::write_html(&mut text, &built, t),
        ReportFormat::Json => serde_json::to_writer_pretty(&mut text, &built)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(text)),
    }
    .map_err(Failure::Output)?;
    match request.output {
        Some(path) => {
            std::fs::write(path, &text).map_err(|source| Failure::Write {
                path: path.clone(),
                source,
            })?;
            // The report is not on screen: the files it could not read are said here too.
            for file in &built.unread {
                // A synced file's name is anyone's: it must not drive the terminal.
                let path = file.path.display().to_string();
                let path = printable(&path, false);
                let said = fill(
                    t.report_unread_line,
                    &[("path", &path), ("why", &file.why.words(t))],
                );
                let _ = writeln!(err, "ticklist: {said}");
            }
        }
        None => out.write_all(&text).map_err(Failure::Output)?,
    }
    match built.unread.len() {
        0 => Ok(()),
        count => Err(Failure::Unread(count)),
    }
}
