//! The page's charts: horizontal bars drawn in SVG, every figure written beside its bar
//! and in the chart's text alternative.

use std::io::{self, Write};

use super::text;
use crate::cut::{Measure, cut};
use crate::report::markdown::{days, days_words, stage_time_lines};
use crate::report::{PackSection, longest};
use crate::text::{Text, fill};

/// One bar of a chart: its label, its length from 0 to 1, and its figure in words.
struct Bar {
    label: String,
    length: f64,
    figure: String,
}

/// A chart of horizontal bars in SVG, titled `title`: each bar's figure is written
/// beside it and, with its label, in the text alternative (`described`), so that nothing
/// is said by the drawing alone.
fn bar_chart(
    out: &mut impl Write,
    id: &str,
    title: &str,
    described: &[String],
    bars: &[Bar],
) -> io::Result<()> {
    const ROW: usize = 22;
    const LABEL: usize = 250;
    const WIDTH: usize = 260;
    const WIDE: usize = LABEL + WIDTH + 70;
    let height = ROW * bars.len() + 4;
    writeln!(out, "<figure>")?;
    writeln!(
        out,
        "<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" viewBox=\"0 0 {WIDE} {height}\" width=\"100%\" style=\"max-width:{WIDE}px\">"
    )?;
    writeln!(out, "<title id=\"{id}-title\">{}</title>", text(title))?;
    writeln!(
        out,
        "<desc id=\"{id}-desc\">{}</desc>",
        text(&described.join("; "))
    )?;
    for (i, bar) in bars.iter().enumerate() {
        let y = i * ROW + 2;
        // Whole pixels: the bar is decoration, the figure beside it says the number.
        let width = (bar.length.clamp(0.0, 1.0) * WIDTH as f64).round() as usize;
        let label = shortened(&bar.label);
        writeln!(
            out,
            "<text x=\"0\" y=\"{}\" font-size=\"13\">{}</text>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{WIDTH}\" height=\"14\" fill=\"#e4e9ee\"/>\
             <rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"14\" fill=\"#2a6f97\"/>\
             <text x=\"{}\" y=\"{}\" font-size=\"13\">{}</text>",
            y + 12,
            text(&label),
            LABEL + WIDTH + 6,
            y + 12,
            text(&bar.figure)
        )?;
    }
    writeln!(out, "</svg>")?;
    writeln!(out, "<figcaption>{}</figcaption>\n</figure>", text(title))
}

/// Characters of a bar's label drawn beside it; the whole label is in the chart's
/// text alternative.
const LABEL_CHARS: usize = 34;

/// A label cut at a word's end, with `…`, when it is longer than [`LABEL_CHARS`].
fn shortened(label: &str) -> String {
    let cut = cut(label, LABEL_CHARS, Measure::Chars, '…');
    if cut == label {
        return label.to_string();
    }
    let head = cut.strip_suffix('…').unwrap_or(&cut);
    let head = match head.rfind(' ') {
        Some(space) if space > LABEL_CHARS / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([' ', ',', ':', ';']))
}

/// One bar per mentor: the share of their steps done.
pub(super) fn write_totals_chart(
    out: &mut impl Write,
    n: usize,
    s: &PackSection,
    t: &Text,
) -> io::Result<()> {
    let described: Vec<String> = s
        .mentors
        .iter()
        .map(|m| {
            let percent = m.percent().to_string();
            fill(
                t.report_chart_line,
                &[("who", &m.label()), ("percent", &percent)],
            )
        })
        .collect();
    let bars: Vec<Bar> = s
        .mentors
        .iter()
        .map(|m| Bar {
            label: m.label(),
            length: f64::from(m.percent()) / 100.0,
            figure: format!("{} %", m.percent()),
        })
        .collect();
    bar_chart(
        out,
        &format!("chart-{n}"),
        t.report_chart,
        &described,
        &bars,
    )
}

/// Where mentors wait: the longest waits as bars (their figures written beside them and
/// in a text alternative), every step's figures in a table, each stage's time.
pub(super) fn write_waits(
    out: &mut impl Write,
    n: usize,
    s: &PackSection,
    t: &Text,
) -> io::Result<()> {
    if s.waits.is_empty() {
        return Ok(());
    }
    writeln!(out, "<h3>{}</h3>", text(t.report_waits))?;
    writeln!(out, "<p class=\"meta\">{}</p>", text(t.report_waits_about))?;
    let longest = longest(&s.waits);
    let most = longest.first().map_or(1.0, |w| w.median_days.max(0.1));
    let described: Vec<String> = longest
        .iter()
        .map(|w| {
            let d = days_words(w.median_days, t);
            fill(t.report_wait_line, &[("title", &w.title), ("days", &d)])
        })
        .collect();
    let bars: Vec<Bar> = longest
        .iter()
        .map(|w| Bar {
            label: w.title.clone(),
            length: w.median_days / most,
            figure: days_words(w.median_days, t),
        })
        .collect();
    if !bars.is_empty() {
        let id = format!("waits-{n}");
        bar_chart(out, &id, t.report_longest, &described, &bars)?;
    }
    writeln!(out, "<div class=\"scroll\"><table>")?;
    writeln!(
        out,
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        text(t.report_col_step),
        text(t.report_col_ticked),
        text(t.report_col_median),
        text(t.report_col_slowest)
    )?;
    for wait in &s.waits {
        writeln!(
            out,
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            text(&wait.title),
            wait.ticked,
            text(&days(wait.median_days, t)),
            text(&days(wait.slowest_days, t))
        )?;
    }
    writeln!(out, "</tbody></table></div>")?;
    let stages = stage_time_lines(s, t);
    if !stages.is_empty() {
        writeln!(out, "<p>{}</p>\n<ul>", text(t.report_stage_times))?;
        for line in stages {
            writeln!(out, "<li>{}</li>", text(&line))?;
        }
        writeln!(out, "</ul>")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::shortened;

    #[test]
    fn a_long_label_is_cut_at_a_word_with_an_ellipsis() {
        assert_eq!(shortened("Join Slack"), "Join Slack");
        let cut = shortened("Regardez la vidéo “Candidats, découvrez la mission de mentor”");
        assert_eq!(cut, "Regardez la vidéo “Candidats…");
        assert_eq!(shortened(&"x".repeat(40)), format!("{}…", "x".repeat(33)));
    }
}
