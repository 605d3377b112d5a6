//! One bar per stage and part, each with done/total.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_segmentation::UnicodeSegmentation as _;
use unicode_width::UnicodeWidthStr as _;

use super::{Theme, check_style, fit};
use crate::app::App;
use crate::cut::{Measure, cut_middle};

/// Width of the text bar drawn for each group.
const BAR: usize = 8;

/// Most bars shown; a bigger pack shows its stages only, so the block keeps its place.
const MAX_BARS: usize = 12;

/// The stages and parts that get a bar: all of them, or the first stages of a big pack.
fn shown(app: &App) -> Box<dyn Iterator<Item = usize> + '_> {
    if app.session.pack.groups.len() <= MAX_BARS {
        Box::new(app.session.pack.groups.iter().copied())
    } else {
        Box::new(app.session.pack.children(None).take(MAX_BARS))
    }
}

/// Lines the block needs inside its border: none for a pack of reference cards only.
pub fn rows(app: &App) -> u16 {
    if app.session.tracker().overall(&app.session.pack).1 == 0 {
        return 0;
    }
    u16::try_from(shown(app).count()).unwrap_or(u16::MAX)
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    if area.is_empty() {
        return;
    }
    let block = theme.block().title(app.text.progress_title);
    let width = usize::from(block.inner(area).width);
    // Counts are right-aligned so that the bars line up.
    let (_, most) = app.session.tracker().overall(&app.session.pack);
    let counts_width = 2 * most.to_string().len() + 1;
    let groups: Vec<usize> = shown(app).take(usize::from(area.height)).collect();
    let room_of = |i: usize| {
        let indent = 2 * app.session.pack.nodes[i].depth;
        width.saturating_sub(indent + BAR + counts_width + 2)
    };
    let names = distinct_names(
        groups
            .iter()
            .map(|&i| (app.session.pack.nodes[i].title.as_str(), room_of(i))),
        theme.glyphs.ellipsis,
    );
    let lines: Vec<Line> = groups
        .iter()
        .zip(names)
        .map(|(&i, name)| {
            let node = &app.session.pack.nodes[i];
            let (done, total) = app.session.tracker().counts(i);
            let filled = if total == 0 {
                BAR
            } else {
                (done as usize * BAR) / total as usize
            };
            let bar = format!(
                "{}{}",
                theme.glyphs.bar_done.repeat(filled),
                theme.glyphs.bar_todo.repeat(BAR - filled)
            );
            let counts = format!(" {:>counts_width$}", format!("{done}/{total}"));
            let style = check_style(app.session.tracker().check(i), theme);
            Line::from(vec![
                Span::raw("  ".repeat(node.depth)),
                Span::raw(name),
                Span::raw(" "),
                Span::styled(bar, style),
                Span::styled(counts, style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}

/// Each title fitted to its room, such that two different titles never read the same:
/// where cutting the end makes them equal ("Partie …", "Partie …"), they are cut in the
/// middle instead, keeping their ends ("Par…cer", "Par…oin").
fn distinct_names<'a>(
    titles: impl Iterator<Item = (&'a str, usize)>,
    ellipsis: char,
) -> Vec<String> {
    let titles: Vec<(&str, usize)> = titles.collect();
    let cut: Vec<String> = titles
        .iter()
        .map(|&(t, room)| fit(t, room, ellipsis))
        .collect();
    (0..cut.len())
        .map(|i| {
            let clash = (0..cut.len()).any(|j| cut[j] == cut[i] && titles[j].0 != titles[i].0);
            if clash {
                fit_middle(titles[i].0, titles[i].1, ellipsis)
            } else {
                cut[i].clone()
            }
        })
        .collect()
}

/// `text` in `width` columns, cut in the middle: its start, `ellipsis`, its end.
fn fit_middle(text: &str, width: usize, ellipsis: char) -> String {
    let shown: String = text.graphemes(true).filter(|g| g.width() > 0).collect();
    let cut = cut_middle(&shown, width, Measure::Columns, ellipsis);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_cut_alike_are_cut_in_the_middle_instead() {
        let names = distinct_names(
            [
                ("Partie 1 : Pour commencer", 7),
                ("Partie 2 : Pour aller plus loin", 7),
                ("Étape 2", 9),
            ]
            .into_iter(),
            '…',
        );
        assert_eq!(names, ["Par…cer", "Par…oin", "Étape 2  "]);
        // Titles that fit, or that differ once cut, are left as they are.
        let names = distinct_names([("Alpha beta", 6), ("Gamma delta", 6)].into_iter(), '…');
        assert_eq!(names, ["Alpha…", "Gamma…"]);
    }
}
