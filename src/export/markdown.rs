//! A mentor's export as Markdown to paste into a message: a GitHub/GitLab task list,
//! its answers and the steps they leave out, and a first line that lets `pack import`
//! read it back.

use std::io::{self, Write};

use super::{Export, ItemProgress};
use crate::progress::percent;
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// Steps settled and in all below item `i` (a stage, a part, an item with sub-items).
fn settled_below(items: &[ItemProgress], i: usize) -> (usize, usize) {
    let depth = items[i].depth;
    let below = items[i + 1..].iter().take_while(|item| item.depth > depth);
    below
        .filter(|item| item.step)
        .fold((0, 0), |(done, total), item| {
            let settled = matches!(item.state.as_str(), "done" | "skipped");
            (done + usize::from(settled), total + 1)
        })
}

/// Text inside a code span (`` `id` ``), where Markdown reads no escapes: only its
/// delimiter must go.
pub(crate) fn md_code(text: &str) -> String {
    printable(text, false).replace('`', "'")
}

/// What the Markdown export's first line says of its pack: which stages have parts
/// cannot be told from the nested task items alone.
fn marker(export: &Export) -> crate::import::Marker {
    let mut parts: Vec<bool> = Vec::new();
    for group in &export.groups {
        match (group.depth, parts.last_mut()) {
            (0, _) => parts.push(false),
            (_, Some(has_parts)) => *has_parts = true,
            (_, None) => {}
        }
    }
    crate::import::Marker {
        id: export.pack.id.clone(),
        version: export.pack.version.clone(),
        title: export.pack.title.clone(),
        parts,
        ids: export.items.iter().map(|item| item.id.clone()).collect(),
    }
}

/// Markdown text, escaped so that titles cannot break the table or the list, and read
/// back as written: every character Markdown gives a meaning to is backslashed.
pub(crate) fn md(text: &str) -> String {
    let text = printable(text, false);
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '#' | '!' | '&'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The export as a Markdown document a mentor can paste into a message. Its first line,
/// an HTML comment no one sees once pasted, lets `ticklist pack import` read the
/// checklist back.
pub fn write_markdown(out: &mut impl Write, export: &Export, t: &Text) -> io::Result<()> {
    writeln!(out, "{}", crate::import::marker_comment(&marker(export)))?;
    match &export.run {
        Some(run) => {
            let title = fill(t.run_title, &[("title", &export.pack.title), ("run", run)]);
            writeln!(out, "# {} — {}", md(&title), md(&export.mentor))?;
        }
        None => writeln!(out, "# {} — {}", md(&export.pack.title), md(&export.mentor))?,
    }
    writeln!(out)?;
    // Written out in the reader's language; the exact time and the pack's digest are in
    // the JSON export, for the report.
    let day = |at: jiff::Timestamp| t.date(at.to_zoned(jiff::tz::TimeZone::UTC).date());
    let values = [
        ("id", md_code(&export.pack.id)),
        ("version", md(&export.pack.version)),
        ("at", day(export.generated_at)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    writeln!(out, "{}", fill(t.md_pack, &values))?;
    writeln!(out)?;
    let (done, total) = (export.done.to_string(), export.total.to_string());
    let percent_done = percent(export.done, export.total).to_string();
    let values = [
        ("done", &*done),
        ("total", &total),
        ("percent", &percent_done),
    ];
    writeln!(out, "{}", fill(t.md_done, &values))?;
    writeln!(out)?;
    if !export.answers.is_empty() {
        writeln!(out, "**{}**", md(t.answers_title))?;
        writeln!(out)?;
        for answer in &export.answers {
            writeln!(out, "- {} — {}", md(&answer.question), md(&answer.words))?;
        }
        writeln!(out)?;
    }
    if !export.not_applying.is_empty() {
        let titles: Vec<String> = export
            .not_applying
            .iter()
            .map(|step| fill(t.quoted_title, &[("title", &md(&step.title))]))
            .collect();
        let count = export.not_applying.len().to_string();
        let values = [("count", count.as_str()), ("titles", &titles.join(", "))];
        writeln!(out, "{}", fill(t.md_not_applying, &values))?;
        writeln!(out)?;
    }
    writeln!(out, "{}", t.md_group_header)?;
    writeln!(out, "|---|---:|---:|")?;
    for g in &export.groups {
        let indent = if g.depth > 0 { "↳ " } else { "" };
        writeln!(
            out,
            "| {indent}{} | {}/{} | {} |",
            md(&g.title),
            g.done,
            g.total,
            percent(g.done, g.total)
        )?;
    }
    writeln!(out)?;
    writeln!(out, "{}", t.md_steps)?;
    writeln!(out)?;
    // GitHub and GitLab task lists: `- [ ]` and `- [x]` only, nested as the pack is.
    for (i, item) in export.items.iter().enumerate() {
        let indent = "  ".repeat(item.depth);
        let title = md(&item.title);
        let when = item
            .ticked_at
            .map(|at| format!(" — {}", fill(t.md_ticked, &[("date", &day(at))])))
            .unwrap_or_default();
        let line = match item.state.as_str() {
            // A reference card is read, not ticked: a plain item.
            "info" => format!("- {title}"),
            "skipped" => {
                let reason = t.not_applicable(&md(item.skipped.as_deref().unwrap_or_default()));
                format!("- [x] ~~{title}~~ — {reason}")
            }
            "done" => format!("- [x] {title}{when}"),
            _ if !item.step => {
                let (done, total) = settled_below(&export.items, i);
                format!("- [ ] {title} ({done}/{total})")
            }
            _ => format!("- [ ] {title}"),
        };
        writeln!(out, "{indent}{line}")?;
        for link in &item.links {
            writeln!(
                out,
                "{indent}  - [{}](<{}>)",
                md(&link.label),
                link.url.replace('>', "%3E")
            )?;
        }
        if let Some(at) = item.opened_at {
            let date = day(at);
            writeln!(out, "{indent}  - {}", fill(t.opened_on, &[("date", &date)]))?;
        }
        if let Some(note) = &item.note {
            let note = fill(t.cli_note, &[("text", &md(note))]);
            writeln!(out, "{indent}  - {note}")?;
        }
    }
    Ok(())
}
