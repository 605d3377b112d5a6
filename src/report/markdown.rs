//! The report as Markdown, to paste in a message or a wiki: one section per pack.

use std::io::{self, Write};

use super::{MentorRow, PackSection, Report};
use crate::export::{md, md_code};
use crate::text::{Text, fill};

pub fn write_markdown(out: &mut impl Write, report: &Report, t: &Text) -> io::Result<()> {
    writeln!(out, "# {}", t.report_title)?;
    writeln!(out)?;
    writeln!(out, "{}", generated(report, t))?;
    for section in &report.packs {
        write_section(out, section, t)?;
    }
    if !report.unread.is_empty() {
        writeln!(out)?;
        writeln!(out, "## {}", t.report_unread)?;
        writeln!(out)?;
        for file in &report.unread {
            let path = md_code(&file.path.display().to_string());
            writeln!(out, "- `{path}`: {}", md(&file.why.words(t)))?;
        }
    }
    if !report.duplicates.is_empty() {
        writeln!(out)?;
        writeln!(out, "## {}", t.report_duplicates)?;
        writeln!(out)?;
        for duplicate in &report.duplicates {
            let line = fill(
                t.report_duplicate,
                &[
                    ("ignored", &md(&duplicate.ignored.display().to_string())),
                    ("kept", &md(&duplicate.kept.display().to_string())),
                ],
            );
            writeln!(out, "- {line}")?;
        }
    }
    Ok(())
}

/// "Generated on … from 3 exports; quiet after 14 days without a tick."
pub(super) fn generated(report: &Report, t: &Text) -> String {
    let date = t.date(report.generated_at.to_zoned(jiff::tz::TimeZone::UTC).date());
    let count = report.files_read.to_string();
    let mut said = fill(t.report_generated, &[("date", &date), ("count", &count)]);
    if report.stale_days > 0 {
        let days = report.stale_days.to_string();
        said = format!("{said} {}", fill(t.report_quiet_after, &[("days", &days)]));
    }
    said
}

fn write_section(out: &mut impl Write, s: &PackSection, t: &Text) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## {} (`{}`)", md(&s.title), md_code(&s.id))?;
    writeln!(out)?;
    writeln!(out, "{}", md(&versions(s, t)))?;
    writeln!(out)?;
    let titles: Vec<String> = s.stages.iter().map(|(_, title)| md(title)).collect();
    let stages = titles.join(" | ");
    writeln!(out, "{}", fill(t.md_report_header, &[("stages", &stages)]))?;
    writeln!(out, "|---|---|---:|{}---|", "---:|".repeat(titles.len()))?;
    for row in &s.mentors {
        let cells: Vec<String> = s.stages.iter().map(|(id, _)| stage_cell(row, id)).collect();
        writeln!(
            out,
            "| {} | {} | {}/{} ({} %) | {} | {} |",
            md(&row.label()),
            md(&row.pack_version),
            row.done,
            row.total,
            row.percent(),
            cells.join(" | "),
            last_tick_cell(row, t)
        )?;
    }
    if !s.most_open.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t.md_most_open)?;
        writeln!(out)?;
        for step in &s.most_open {
            let who: Vec<String> = step.who.iter().map(|w| md(w)).collect();
            writeln!(
                out,
                "- {} × {} (`{}`): {}",
                step.who.len(),
                md(&step.title),
                md_code(&step.id),
                who.join(", ")
            )?;
        }
    }
    let remarks: Vec<String> = s.mentors.iter().flat_map(|m| remarks(m, t)).collect();
    if !remarks.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", t.report_remarks)?;
        writeln!(out)?;
        for remark in remarks {
            writeln!(out, "- {remark}")?;
        }
    }
    Ok(())
}

/// "Versions in use: 2026.11 (2 mentors), 2025.01 (1 mentor)."
pub(super) fn versions(s: &PackSection, t: &Text) -> String {
    let list: Vec<String> = s
        .versions
        .iter()
        .map(|(version, count)| {
            let count = count.to_string();
            fill(t.report_version, &[("version", version), ("count", &count)])
        })
        .collect();
    fill(t.report_versions, &[("versions", &list.join(", "))])
}

fn remarks(row: &MentorRow, t: &Text) -> Vec<String> {
    let who = md(&row.label());
    let mut lines = Vec::new();
    for remark in &row.remarks {
        let title = md(&remark.title);
        if let Some(reason) = &remark.skipped {
            let said = fill(t.skip_reason, &[("reason", &md(reason))]);
            lines.push(format!("{who} — {title}: {said}"));
        }
        if let Some(note) = &remark.note {
            let said = fill(t.cli_note, &[("text", &md(note))]);
            lines.push(format!("{who} — {title}: {said}"));
        }
    }
    lines
}

fn stage_cell(row: &MentorRow, stage: &str) -> String {
    row.stages.get(stage).map_or_else(
        || "–".to_string(),
        |&(done, total)| format!("{} %", crate::progress::percent(done, total)),
    )
}

pub(super) fn last_tick_cell(row: &MentorRow, t: &Text) -> String {
    let day = row.last_tick.map_or_else(
        || t.md_never.to_string(),
        |at| at.strftime("%Y-%m-%d").to_string(),
    );
    if row.stale {
        fill(t.md_stale, &[("day", &day)])
    } else {
        day
    }
}
