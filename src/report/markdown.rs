//! The report as Markdown, to paste in a message or a wiki: one section per pack. The
//! lines every format shares (what a pack was matched by, the files set aside) are made
//! here as plain text, for each writer to escape its own way.

use std::io::{self, Write};

use super::{MentorRow, OpenStep, PackSection, Report, longest};
use crate::export::{md, md_code};
use crate::text::{Text, fill};

pub fn write_markdown(out: &mut impl Write, report: &Report, t: &Text) -> io::Result<()> {
    writeln!(out, "# {}", md(t.report_title))?;
    writeln!(out)?;
    writeln!(out, "{}", md(&generated(report, t)))?;
    for section in &report.packs {
        write_section(out, section, t)?;
    }
    for (_, title, lines) in files_lines(report, t) {
        writeln!(out)?;
        writeln!(out, "## {}", md(title))?;
        writeln!(out)?;
        for line in lines {
            writeln!(out, "- {}", md(&line))?;
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
    if let Some(since) = report.since {
        said = format!(
            "{said} {}",
            fill(t.report_since, &[("date", &t.date(since))])
        );
    }
    said
}

/// Days with their word: "1 day", "4.5 days", "1,5 jour", "3 jours".
pub(super) fn days_words(days: f64, t: &Text) -> String {
    // The count the language's rule picks the word by: a fraction of a day is plural in
    // English whatever its size, in French only from two.
    let n = match (days.fract() == 0.0, t.html_lang) {
        (true, _) | (false, "fr") => days.floor(),
        (false, _) => 2.0,
    };
    let n = format!("{n:.0}");
    fill(t.days_count, &[("days", &self::days(days, t)), ("n", &n)])
}

/// Days to a tenth, with the language's decimal mark: "4.5", "4,5".
pub(super) fn days(days: f64, t: &Text) -> String {
    let text = format!("{days:.1}");
    let text = text.strip_suffix(".0").unwrap_or(&text).to_string();
    match t.html_lang {
        "fr" => text.replace('.', ","),
        _ => text,
    }
}

/// "Stage 1: 4.5 days (median of 12 mentors)", a line per stage someone finished.
pub(super) fn stage_time_lines(s: &PackSection, t: &Text) -> Vec<String> {
    s.stage_times
        .iter()
        .map(|stage| {
            let (d, count) = (days_words(stage.median_days, t), stage.finished.to_string());
            fill(
                t.report_stage_time,
                &[("title", &stage.title), ("days", &d), ("count", &count)],
            )
        })
        .collect()
}

/// What a pack's rows were matched by: its newest version's steps, or ids alone.
pub(super) fn pack_lines(s: &PackSection, t: &Text) -> Vec<String> {
    vec![match &s.matched_with {
        Some(version) => fill(t.report_matched, &[("version", version)]),
        None => fill(t.report_unmatched, &[("id", &s.id)]),
    }]
}

/// A closing list of the report: an anchor, its title and its lines.
pub(super) type Listed<'t> = (&'static str, &'t str, Vec<String>);

/// The report's closing lists: files not read, copies counted once, exports from the
/// future, names that changed, rows known by name only.
pub(super) fn files_lines<'t>(report: &Report, t: &'t Text) -> Vec<Listed<'t>> {
    let path = |p: &std::path::Path| p.display().to_string();
    let mut lists = vec![
        (
            "unread",
            t.report_unread,
            report
                .unread
                .iter()
                .map(|file| {
                    let (file, why) = (path(&file.path), file.why.words(t));
                    fill(t.report_file_line, &[("path", &file), ("why", &why)])
                })
                .collect::<Vec<_>>(),
        ),
        (
            "duplicates",
            t.report_duplicates,
            report
                .duplicates
                .iter()
                .map(|d| {
                    let (ignored, kept) = (path(&d.ignored), path(&d.kept));
                    fill(
                        t.report_duplicate,
                        &[("ignored", &ignored), ("kept", &kept)],
                    )
                })
                .collect(),
        ),
        (
            "future",
            t.report_future,
            report
                .future
                .iter()
                .map(|f| {
                    let date = f.generated_at.to_string();
                    let file = path(&f.path);
                    let template = if f.counted {
                        t.report_future_counted
                    } else {
                        t.report_future_line
                    };
                    fill(template, &[("path", &file), ("date", &date)])
                })
                .collect(),
        ),
        (
            "renamed",
            t.report_renamed,
            report
                .renamed
                .iter()
                .map(|r| {
                    let earlier = r.earlier.join(", ");
                    fill(
                        t.report_renamed_line,
                        &[("name", &r.name), ("id", &r.person), ("earlier", &earlier)],
                    )
                })
                .collect(),
        ),
    ];
    if report.without_id > 0 {
        let count = report.without_id.to_string();
        lists.push((
            "people",
            t.report_people,
            vec![fill(t.report_without_id, &[("count", &count)])],
        ));
    }
    lists.retain(|(_, _, lines)| !lines.is_empty());
    lists
}

fn write_section(out: &mut impl Write, s: &PackSection, t: &Text) -> io::Result<()> {
    writeln!(out)?;
    writeln!(out, "## {} (`{}`)", md(&s.title), md_code(&s.id))?;
    writeln!(out)?;
    writeln!(out, "{}", md(&versions(s, t)))?;
    for line in pack_lines(s, t) {
        writeln!(out)?;
        writeln!(out, "{}", md(&line))?;
    }
    writeln!(out)?;
    let mut header = vec![
        t.report_col_mentor,
        t.report_col_version,
        t.report_col_total,
    ];
    header.extend(s.stages.iter().map(|(_, title)| title.as_str()));
    header.extend([t.report_started, t.report_col_late, t.report_col_last_tick]);
    let header: Vec<String> = header.into_iter().map(md).collect();
    writeln!(out, "| {} |", header.join(" | "))?;
    writeln!(
        out,
        "|---|---|---:|{}---|---:|---|",
        "---:|".repeat(s.stages.len())
    )?;
    for row in &s.mentors {
        let cells: Vec<String> = s.stages.iter().map(|(id, _)| stage_cell(row, id)).collect();
        let start = row.start.map(|d| d.to_string()).unwrap_or_default();
        writeln!(
            out,
            "| {} | {} | {}/{} ({} %) | {}{}{} | {} | {} |",
            md(&row.label()),
            md(&row.pack_version),
            row.done,
            row.total,
            row.percent(),
            cells.join(" | "),
            if cells.is_empty() { "" } else { " | " },
            start,
            row.late_cell(s.has_due_dates),
            md(&last_tick_cell(row, t))
        )?;
    }
    write_steps(out, &s.most_open, t.report_most_open, t)?;
    write_steps(out, &s.most_late, t.report_most_late, t)?;
    write_waits(out, s, t)?;
    let remarks: Vec<String> = s.mentors.iter().flat_map(|m| remarks(m, t)).collect();
    if !remarks.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", md(t.report_remarks))?;
        writeln!(out)?;
        for remark in remarks {
            writeln!(out, "- {remark}")?;
        }
    }
    Ok(())
}

/// Where mentors wait: a row per step someone ticked, the longest waits, each stage's
/// time to finish.
fn write_waits(out: &mut impl Write, s: &PackSection, t: &Text) -> io::Result<()> {
    if s.waits.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "### {}", md(t.report_waits))?;
    writeln!(out)?;
    writeln!(out, "{}", md(t.report_waits_about))?;
    writeln!(out)?;
    let header = [
        t.report_col_step,
        t.report_col_ticked,
        t.report_col_median,
        t.report_col_slowest,
    ];
    let header: Vec<String> = header.into_iter().map(md).collect();
    writeln!(out, "| {} |\n|---|---:|---:|---:|", header.join(" | "))?;
    for wait in &s.waits {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            md(&wait.title),
            wait.ticked,
            days(wait.median_days, t),
            days(wait.slowest_days, t)
        )?;
    }
    let longest = longest(&s.waits);
    if !longest.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", md(t.report_longest))?;
        writeln!(out)?;
    }
    for wait in longest {
        let line = fill(
            t.report_wait_line,
            &[
                ("title", &wait.title),
                ("days", &days_words(wait.median_days, t)),
            ],
        );
        writeln!(out, "- {}", md(&line))?;
    }
    let stages = stage_time_lines(s, t);
    if !stages.is_empty() {
        writeln!(out)?;
        writeln!(out, "{}", md(t.report_stage_times))?;
        writeln!(out)?;
        for line in stages {
            writeln!(out, "- {}", md(&line))?;
        }
    }
    Ok(())
}

/// "- 3 × Join Slack (`slack`): alice, bob, carol"
fn write_steps(out: &mut impl Write, steps: &[OpenStep], title: &str, t: &Text) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "### {}", md(title))?;
    writeln!(out)?;
    for step in steps {
        let who: Vec<String> = step.who.iter().map(|w| md(w)).collect();
        let (count, title) = (step.who.len().to_string(), md(&step.title));
        let id = format!("`{}`", md_code(&step.id));
        let line = fill(
            t.report_step_line,
            &[
                ("count", &count),
                ("title", &title),
                ("id", &id),
                ("who", &who.join(", ")),
            ],
        );
        writeln!(out, "- {line}")?;
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
    let mut lines: Vec<String> = row
        .answers
        .iter()
        .map(|(question, answer)| format!("{who} — {}: {}", md(question), md(answer)))
        .collect();
    for remark in &row.remarks {
        let title = md(&remark.title);
        if let Some(reason) = &remark.skipped {
            let said = t.not_applicable(&md(reason));
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
        fill(t.md_quiet, &[("day", &day)])
    } else {
        day
    }
}
