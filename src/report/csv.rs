//! The report as CSV, for a spreadsheet: one row per mentor (and run) and pack, a
//! column per stage. Text that a spreadsheet would run as a formula is neutralised
//! (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`.

use std::io::{self, Write};

use super::markdown::days;
use super::{PackSection, Person, Report};
use crate::safe_text::printable;
use crate::text::Text;

/// How the spreadsheet at the other end wants its CSV.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    /// `,` by default; `;` for spreadsheets set to French (where `,` is the decimal mark).
    pub delimiter: char,
    /// A UTF-8 byte order mark first, so that Excel reads accented names right.
    pub bom: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            delimiter: ',',
            bom: false,
        }
    }
}

/// A text cell: quoted, its quotes doubled, a would-be formula made text.
fn text_cell(raw: &str) -> String {
    let formula = raw.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let text = printable(raw, false);
    let text = if formula {
        format!("'{text}")
    } else {
        text.into_owned()
    };
    format!("\"{}\"", text.replace('"', "\"\""))
}

/// One table per pack, each under its own header row (a blank line between): a row
/// carries only its pack's stages, never a union of every pack's. Headers and yes/no in
/// the report's language; dates as `2026-11-20 09:30:00` (UTC), which spreadsheets read
/// as dates; percentages with their `%`, which they read as percentages. The JSON report
/// keeps the machine names.
pub fn write_csv(
    out: &mut impl Write,
    report: &Report,
    options: CsvOptions,
    t: &Text,
) -> io::Result<()> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let sep = options.delimiter.to_string();
    for (n, pack) in report.packs.iter().enumerate() {
        if n > 0 {
            writeln!(out)?;
        }
        let mut header: Vec<String> = [
            t.csv_pack,
            t.report_col_mentor,
            t.csv_person,
            t.csv_email,
            t.csv_student,
            t.report_col_version,
            t.csv_done,
            t.csv_total,
            t.csv_percent,
        ]
        .into_iter()
        .map(text_cell)
        .collect();
        header.extend(pack.stages.iter().map(|(_, title)| text_cell(title)));
        for word in [
            t.report_started,
            t.report_col_late,
            t.report_col_last_tick,
            t.csv_quiet,
        ] {
            header.push(text_cell(word));
        }
        // A column per question the mentors answered, last, in the order first met.
        let mut questions: Vec<&str> = Vec::new();
        for (question, _) in pack.mentors.iter().flat_map(|row| &row.answers) {
            if !questions.contains(&question.as_str()) {
                questions.push(question);
            }
        }
        header.extend(questions.iter().map(|q| text_cell(q)));
        writeln!(out, "{}", header.join(&sep))?;
        for row in &pack.mentors {
            let mut cells = vec![
                text_cell(&pack.id),
                text_cell(&row.mentor),
                text_cell(match &row.person {
                    Person::Id(id) => id,
                    Person::Name(_) => "",
                }),
                text_cell(row.email.as_deref().unwrap_or_default()),
                text_cell(row.run.as_deref().unwrap_or_default()),
                text_cell(&row.pack_version),
                row.done.to_string(),
                row.total.to_string(),
                format!("{}%", row.percent()),
            ];
            cells.extend(pack.stages.iter().map(|(id, _)| {
                row.stages.get(id).map_or(String::new(), |&(done, total)| {
                    format!("{}%", crate::progress::percent(done, total))
                })
            }));
            cells.push(row.start.map(|day| day.to_string()).unwrap_or_default());
            // Empty, not "–", for a pack without due dates: the column stays numbers.
            cells.push(match pack.has_due_dates {
                true => row.late.len().to_string(),
                false => String::new(),
            });
            cells.push(row.last_tick.map_or(String::new(), |at| {
                at.strftime("%Y-%m-%d %H:%M:%S").to_string()
            }));
            cells.push(text_cell(if row.stale { t.csv_yes } else { t.csv_no }));
            cells.extend(questions.iter().map(|question| {
                let answer = row.answers.iter().find(|(q, _)| q == question);
                text_cell(answer.map_or("", |(_, a)| a.as_str()))
            }));
            writeln!(out, "{}", cells.join(&sep))?;
        }
        write_waits(out, pack, &sep, t)?;
    }
    Ok(())
}

/// A number as a cell: bare, unless its decimal mark is the separator.
fn number(text: String, sep: &str) -> String {
    if text.contains(sep) {
        format!("\"{text}\"")
    } else {
        text
    }
}

/// Where the pack's mentors wait, as a table of its own below theirs.
fn write_waits(out: &mut impl Write, pack: &PackSection, sep: &str, t: &Text) -> io::Result<()> {
    if pack.waits.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    let header = [
        t.csv_pack,
        t.report_col_step,
        t.report_col_ticked,
        t.report_col_median,
        t.report_col_slowest,
    ];
    let header: Vec<String> = header.into_iter().map(text_cell).collect();
    writeln!(out, "{}", header.join(sep))?;
    // The days with the language's decimal mark, so the spreadsheet reads numbers.
    for wait in &pack.waits {
        let cells = [
            text_cell(&pack.id),
            text_cell(&wait.title),
            wait.ticked.to_string(),
            number(days(wait.median_days, t), sep),
            number(days(wait.slowest_days, t), sep),
        ];
        writeln!(out, "{}", cells.join(sep))?;
    }
    if !pack.stage_times.is_empty() {
        writeln!(out)?;
        let header = [t.csv_pack, t.csv_stage, t.csv_finished, t.report_col_median];
        let header: Vec<String> = header.into_iter().map(text_cell).collect();
        writeln!(out, "{}", header.join(sep))?;
        for stage in &pack.stage_times {
            let cells = [
                text_cell(&pack.id),
                text_cell(&stage.title),
                stage.finished.to_string(),
                number(days(stage.median_days, t), sep),
            ];
            writeln!(out, "{}", cells.join(sep))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::text_cell;

    #[test]
    fn formulas_become_text_and_quotes_are_doubled() {
        assert_eq!(text_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        // A carriage return is dropped from the text: what follows it must not be a formula.
        for start in ["+1", "-1", "@SUM(A1)", "\tx", "\r=1+2", "\r\n=1"] {
            assert!(text_cell(start).starts_with("\"'"), "{start}");
        }
        assert_eq!(text_cell("Zoé"), "\"Zoé\"");
        assert_eq!(text_cell("a\nb"), "\"a b\"");
    }
}
