//! `ticklist report EXPORT…`: the manager's table.

use std::io::Write;
use std::path::PathBuf;

use super::{Failure, ReportFormat};
use crate::export;
use crate::text::Text;

/// `ticklist report EXPORT…`: one row per mentor, a column per stage, the steps most
/// often left open, and who has gone quiet.
pub fn report(
    files: &[PathBuf],
    format: ReportFormat,
    stale_days: Option<i64>,
    out: &mut impl Write,
    t: &Text,
) -> Result<(), Failure> {
    let mut exports = Vec::new();
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| Failure::BadExport {
            path: path.clone(),
            reason: e.to_string(),
        })?;
        let parsed = export::parse_export(&bytes).map_err(|reason| Failure::BadExport {
            path: path.clone(),
            reason,
        })?;
        exports.push(parsed);
    }
    let summary = export::summarize(&exports, crate::clock::now(), stale_days);
    match format {
        ReportFormat::Markdown => export::write_summary_markdown(out, &summary, t),
        ReportFormat::Csv => export::write_summary_csv(out, &summary),
        ReportFormat::Json => serde_json::to_writer_pretty(&mut *out, &summary)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
    }
    .map_err(Failure::Output)
}
