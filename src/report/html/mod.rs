//! The report as one self-contained HTML page: inline CSS and SVG, no script, font or
//! image from anywhere, readable offline, in a narrow window and on A4 paper. Every
//! text from an export is escaped; every chart has its figures written beside it or a
//! text alternative, and nothing is said by colour alone.

use std::io::{self, Write};

use html_escape::encode_double_quoted_attribute as attr;

mod charts;

use charts::{write_totals_chart, write_waits};

use super::markdown::{files_lines, generated, last_tick_cell, pack_lines, versions};
use super::{MentorRow, OpenStep, PackSection, Report, StepState};
use crate::progress::percent;
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// Mentors above which the chart of bars is left out: the table says every figure.
const CHART_MAX: usize = 100;

/// Steps per grid table: a table of this many narrow columns fits an A4 page's width.
const GRID_COLUMNS: usize = 20;

/// Text from an export made safe twice: controls and bidirectional overrides made
/// visible (never sent to a terminal the page is printed to, never reordering what a
/// browser shows), then escaped for HTML.
fn text(raw: &str) -> String {
    html_escape::encode_text(&printable(raw, false)).into_owned()
}

const STYLE: &str = "\
:root{--ink:#1b1b1b;--muted:#5a5a5a;--line:#c8c8c8;--fill:#2a6f97;--track:#e4e9ee}\
body{font:15px/1.45 system-ui,sans-serif;color:var(--ink);margin:1.5rem auto;max-width:72rem;padding:0 1rem}\
h1{font-size:1.6rem;margin:0 0 .3rem}h2{font-size:1.3rem;margin-top:2.2rem;border-bottom:2px solid var(--line)}\
h3{font-size:1.05rem;margin-top:1.4rem}p.meta{color:var(--muted);margin:.2rem 0}\
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid var(--line);padding:.25rem .5rem;text-align:left;vertical-align:middle}\
thead th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}td.date{white-space:nowrap}\
.scroll{overflow-x:auto;max-width:100%}\
svg.bar{vertical-align:middle;margin-right:.4rem}svg.bar .track{fill:var(--track)}svg.bar .fill{fill:var(--fill)}\
strong.quiet{font-weight:700;text-decoration:underline}\
table.grid td{text-align:center;min-width:1.6rem;padding:.1rem .2rem}\
table.grid thead th{position:sticky;top:0;background:#f3f3f3;z-index:1}\
table.grid th[scope=row]{position:sticky;left:0;background:#fff;white-space:nowrap}\
.grid-wrap{overflow:auto;max-height:80vh;max-width:100%}\
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}\
figure{margin:.5rem 0}figcaption{color:var(--muted);font-size:.9rem}\
@media (max-width:40rem){body{font-size:14px;margin:.5rem auto}th,td{padding:.2rem .3rem}}\
@page{size:A4;margin:12mm}\
@media print{body{max-width:none;margin:0;font-size:10pt}.scroll,.grid-wrap{overflow:visible;max-height:none}\
thead{display:table-header-group}table.grid thead th,table.grid th[scope=row]{position:static}\
section{break-inside:auto}tr,figure{break-inside:avoid}h2,h3{break-after:avoid}}";

pub fn write_html(out: &mut impl Write, report: &Report, t: &Text) -> io::Result<()> {
    writeln!(out, "<!DOCTYPE html>")?;
    writeln!(out, "<html lang=\"{}\">", attr(t.html_lang))?;
    writeln!(out, "<head>\n<meta charset=\"utf-8\">")?;
    writeln!(
        out,
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    )?;
    writeln!(out, "<title>{}</title>", text(t.report_title))?;
    writeln!(out, "<style>{STYLE}</style>\n</head>\n<body>")?;
    writeln!(out, "<header>\n<h1>{}</h1>", text(t.report_title))?;
    writeln!(
        out,
        "<p class=\"meta\">{}</p>\n</header>",
        text(&generated(report, t))
    )?;
    writeln!(out, "<main>")?;
    for (n, section) in report.packs.iter().enumerate() {
        write_section(out, n, section, t)?;
    }
    write_files(out, report, t)?;
    writeln!(out, "</main>\n</body>\n</html>")
}

fn write_section(out: &mut impl Write, n: usize, s: &PackSection, t: &Text) -> io::Result<()> {
    writeln!(out, "<section aria-labelledby=\"pack-{n}\">")?;
    writeln!(
        out,
        "<h2 id=\"pack-{n}\">{} <small>({})</small></h2>",
        text(&s.title),
        text(&s.id)
    )?;
    writeln!(out, "<p class=\"meta\">{}</p>", text(&versions(s, t)))?;
    for line in pack_lines(s, t) {
        writeln!(out, "<p class=\"meta\">{}</p>", text(&line))?;
    }
    if s.mentors.len() <= CHART_MAX {
        write_totals_chart(out, n, s, t)?;
    }
    write_table(out, s, t)?;
    write_steps(out, &s.most_open, t.report_most_open, t)?;
    write_steps(out, &s.most_late, t.report_most_late, t)?;
    write_waits(out, n, s, t)?;
    write_grid(out, s, t)?;
    write_remarks(out, s, t)?;
    writeln!(out, "</section>")
}

/// A small bar beside a figure; the figure carries the meaning, the bar is decoration.
fn bar(done: u32, total: u32) -> String {
    let width = percent(done, total);
    format!(
        "<svg class=\"bar\" aria-hidden=\"true\" width=\"60\" height=\"8\" viewBox=\"0 0 100 8\">\
         <rect class=\"track\" width=\"100\" height=\"8\"/><rect class=\"fill\" width=\"{width}\" height=\"8\"/></svg>"
    )
}

fn write_table(out: &mut impl Write, s: &PackSection, t: &Text) -> io::Result<()> {
    writeln!(out, "<h3>{}</h3>", text(t.report_who_where))?;
    writeln!(out, "<div class=\"scroll\"><table>")?;
    writeln!(
        out,
        "<caption class=\"sr\">{}</caption>",
        text(t.report_who_where)
    )?;
    write!(
        out,
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>",
        text(t.report_col_mentor),
        text(t.report_col_version),
        text(t.report_col_total)
    )?;
    for (_, title) in &s.stages {
        write!(out, "<th scope=\"col\">{}</th>", text(title))?;
    }
    writeln!(
        out,
        "<th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead>",
        text(t.report_started),
        text(t.report_col_late),
        text(t.report_col_last_tick)
    )?;
    writeln!(out, "<tbody>")?;
    for row in &s.mentors {
        write_row(out, s, row, t)?;
    }
    writeln!(out, "</tbody></table></div>")
}

fn write_row(out: &mut impl Write, s: &PackSection, row: &MentorRow, t: &Text) -> io::Result<()> {
    write!(
        out,
        "<tr><th scope=\"row\">{}</th><td>{}</td><td class=\"num\">{}{}/{} ({} %)</td>",
        text(&row.label()),
        text(&row.pack_version),
        bar(row.done, row.total),
        row.done,
        row.total,
        row.percent()
    )?;
    for (id, _) in &s.stages {
        match row.stages.get(id) {
            Some(&(done, total)) => write!(
                out,
                "<td class=\"num\">{}{} %</td>",
                bar(done, total),
                percent(done, total)
            )?,
            None => write!(
                out,
                "<td class=\"num\"><span aria-hidden=\"true\">–</span><span class=\"sr\">{}</span></td>",
                text(t.report_no_stage)
            )?,
        }
    }
    let start = row.start.map(|day| day.to_string()).unwrap_or_default();
    write!(
        out,
        "<td class=\"date\">{}</td><td class=\"num\">{}</td>",
        text(&start),
        row.late_cell(s.has_due_dates)
    )?;
    let last = if row.stale {
        let day = row.last_tick.map_or_else(
            || t.md_never.to_string(),
            |at| at.strftime("%Y-%m-%d").to_string(),
        );
        format!(
            "{} <strong class=\"quiet\">{}</strong>",
            text(&day),
            text(t.report_quiet)
        )
    } else {
        text(&last_tick_cell(row, t))
    };
    writeln!(out, "<td class=\"date\">{last}</td></tr>")
}

/// Steps most often open (or late), with how many and who.
fn write_steps(out: &mut impl Write, steps: &[OpenStep], title: &str, t: &Text) -> io::Result<()> {
    if steps.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h3>{}</h3>", text(title))?;
    writeln!(out, "<div class=\"scroll\"><table>")?;
    writeln!(
        out,
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        text(t.report_col_step),
        text(t.report_col_count),
        text(t.report_col_who)
    )?;
    for step in steps {
        let who: Vec<String> = step.who.iter().map(|w| text(w)).collect();
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td></tr>",
            text(&step.title),
            step.who.len(),
            who.join(", ")
        )?;
    }
    writeln!(out, "</tbody></table></div>")
}

/// Every mentor down, every step across (numbered, the numbers listed with their
/// titles), in tables of [`GRID_COLUMNS`] steps: any number of mentors scrolls under
/// sticky headers on screen, and on paper rows flow onto the next page under repeated
/// headers, so that nobody is cut off. A symbol each, with its word for screen readers.
fn write_grid(out: &mut impl Write, s: &PackSection, t: &Text) -> io::Result<()> {
    if s.mentors.is_empty() || s.steps.is_empty() {
        return Ok(());
    }
    let states = [
        (StepState::Done, "✓", t.report_state_done),
        (StepState::Skipped, "–", t.report_state_skipped),
        (StepState::Todo, "·", t.report_state_todo),
        (StepState::Partial, "◐", t.report_state_partial),
        (StepState::NotInVersion, "∅", t.report_no_stage),
        (StepState::DoesNotApply, "○", t.report_state_not_for_them),
    ];
    writeln!(out, "<h3>{}</h3>", text(t.report_grid))?;
    let legend: Vec<String> = states
        .iter()
        .map(|(_, symbol, word)| format!("{symbol} {}", text(word)))
        .collect();
    let late = format!("! {}", text(t.report_state_late));
    let legend: Vec<String> = legend
        .into_iter()
        .chain(s.has_due_dates.then_some(late))
        .collect();
    writeln!(out, "<p class=\"meta\">{}</p>", legend.join(" | "))?;
    writeln!(out, "<ol class=\"steps\">")?;
    for (_, title) in &s.steps {
        writeln!(out, "<li>{}</li>", text(title))?;
    }
    writeln!(out, "</ol>")?;
    for (chunk, steps) in s.steps.chunks(GRID_COLUMNS).enumerate() {
        let first = chunk * GRID_COLUMNS + 1;
        writeln!(out, "<div class=\"grid-wrap\"><table class=\"grid\">")?;
        write!(
            out,
            "<thead><tr><th scope=\"col\">{}</th>",
            text(t.report_col_mentor)
        )?;
        for (n, (_, title)) in steps.iter().enumerate() {
            write!(
                out,
                "<th scope=\"col\" title=\"{}\">{}</th>",
                attr(&printable(title, false)),
                first + n
            )?;
        }
        writeln!(out, "</tr></thead><tbody>")?;
        for row in &s.mentors {
            write!(out, "<tr><th scope=\"row\">{}</th>", text(&row.label()))?;
            for step in first - 1..first - 1 + steps.len() {
                let state = row
                    .states
                    .get(step)
                    .copied()
                    .unwrap_or(StepState::NotInVersion);
                let late = row.late.iter().any(|id| *id == s.steps[step].0);
                if let Some((_, symbol, word)) = states.iter().find(|(s, _, _)| *s == state) {
                    let (mark, said) = match late {
                        true => ("!", format!("{word}, {}", t.report_state_late)),
                        false => ("", (*word).to_string()),
                    };
                    write!(
                        out,
                        "<td><span aria-hidden=\"true\">{symbol}{mark}</span><span class=\"sr\">{}</span></td>",
                        text(&said)
                    )?;
                }
            }
            writeln!(out, "</tr>")?;
        }
        writeln!(out, "</tbody></table></div>")?;
    }
    Ok(())
}

fn write_remarks(out: &mut impl Write, s: &PackSection, t: &Text) -> io::Result<()> {
    if s.mentors
        .iter()
        .all(|m| m.remarks.is_empty() && m.answers.is_empty())
    {
        return Ok(());
    }
    writeln!(out, "<h3>{}</h3>\n<ul>", text(t.report_remarks))?;
    for row in &s.mentors {
        for (question, answer) in &row.answers {
            let (who, question, answer) = (text(&row.label()), text(question), text(answer));
            writeln!(out, "<li><b>{who}</b> — {question}: {answer}</li>")?;
        }
        for remark in &row.remarks {
            let who = text(&row.label());
            let title = text(&remark.title);
            if let Some(reason) = &remark.skipped {
                let said = t.not_applicable(reason);
                writeln!(out, "<li><b>{who}</b> — {title}: {}</li>", text(&said))?;
            }
            if let Some(note) = &remark.note {
                let said = fill(t.cli_note, &[("text", note)]);
                writeln!(out, "<li><b>{who}</b> — {title}: {}</li>", text(&said))?;
            }
        }
    }
    writeln!(out, "</ul>")
}

fn write_files(out: &mut impl Write, report: &Report, t: &Text) -> io::Result<()> {
    for (id, title, lines) in files_lines(report, t) {
        writeln!(
            out,
            "<section aria-labelledby=\"{id}\">\n<h2 id=\"{id}\">{}</h2>\n<ul>",
            text(title)
        )?;
        for line in lines {
            writeln!(out, "<li>{}</li>", text(&line))?;
        }
        writeln!(out, "</ul>\n</section>")?;
    }
    Ok(())
}
