//! The report as CSV, for a spreadsheet: one row per mentor (and run) and pack, a
//! column per stage. Text that a spreadsheet would run as a formula is neutralised
//! (OWASP "CSV injection"): a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
//! return gets a leading `'`.

use std::io::{self, Write};

use super::Report;
use crate::safe_text::printable;

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

pub fn write_csv(out: &mut impl Write, report: &Report, options: CsvOptions) -> io::Result<()> {
    if options.bom {
        out.write_all("\u{feff}".as_bytes())?;
    }
    let sep = options.delimiter.to_string();
    // Every stage of every pack, once: a row leaves the other packs' stages empty.
    let stages: Vec<(&str, &str)> = report
        .packs
        .iter()
        .flat_map(|p| {
            p.stages
                .iter()
                .map(|(id, title)| (id.as_str(), title.as_str()))
        })
        .collect();
    let mut header: Vec<String> = ["pack", "mentor", "run", "pack_version", "done", "total"]
        .into_iter()
        .map(text_cell)
        .collect();
    header.extend(stages.iter().map(|(_, title)| text_cell(title)));
    header.push(text_cell("last_tick"));
    header.push(text_cell("stale"));
    writeln!(out, "{}", header.join(&sep))?;
    for pack in &report.packs {
        for row in &pack.mentors {
            let mut cells = vec![
                text_cell(&pack.id),
                text_cell(&row.mentor),
                text_cell(row.run.as_deref().unwrap_or_default()),
                text_cell(&row.pack_version),
                row.done.to_string(),
                row.total.to_string(),
            ];
            cells.extend(stages.iter().map(|(id, _)| {
                row.stages
                    .get(*id)
                    .filter(|_| pack.stages.iter().any(|(mine, _)| mine == id))
                    .map_or(String::new(), |&(done, total)| {
                        crate::progress::percent(done, total).to_string()
                    })
            }));
            cells.push(row.last_tick.map_or(String::new(), |t| t.to_string()));
            cells.push(row.stale.to_string());
            writeln!(out, "{}", cells.join(&sep))?;
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
