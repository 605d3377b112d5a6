//! One bar per stage and part, each with done/total.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, check_style, fit};
use crate::app::App;

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
    let lines: Vec<Line> = shown(app)
        .take(usize::from(area.height))
        .map(|i| {
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
            let indent = "  ".repeat(node.depth);
            let room = width.saturating_sub(indent.len() + BAR + counts.len() + 1);
            let style = check_style(app.session.tracker().check(i), theme);
            Line::from(vec![
                Span::raw(indent),
                Span::raw(fit(&node.title, room, theme.glyphs.ellipsis)),
                Span::raw(" "),
                Span::styled(bar, style),
                Span::styled(counts, style),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines).block(block), area);
}
