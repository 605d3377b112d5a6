//! Windows drawn over the main screen: help, link picker, completion message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::{App, LinkPurpose};
use crate::session::completion_message;

fn popup(
    frame: &mut Frame,
    area: Rect,
    width: u16,
    height: u16,
    title: &str,
    theme: &Theme,
) -> Rect {
    let rect = area.centered(
        Constraint::Length(width.min(area.width)),
        Constraint::Length(height.min(area.height)),
    );
    frame.render_widget(Clear, rect);
    let block = theme
        .block()
        .border_style(theme.title)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// Width of the help popup, borders included.
const HELP_WIDTH: u16 = 76;

/// Every key binding, straight from the keymap.
pub fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.text;
    let mut lines: Vec<Line> = app
        .keymap
        .bindings()
        .iter()
        .filter(|b| b.in_help())
        .map(|b| {
            let keys: Vec<String> = b.keys.iter().map(|&k| k.name(t)).collect();
            Line::from(vec![
                Span::styled(format!(" {:<16}", keys.join(" ")), theme.key),
                Span::raw(b.action.words(t).1),
            ])
        })
        .collect();
    // The blank line and the mouse go first when the screen is short (24 lines and up
    // show everything).
    let room = usize::from(area.height).saturating_sub(2);
    if lines.len() + 3 <= room {
        lines.push(Line::default());
    }
    if lines.len() + 2 <= room {
        lines.push(Line::raw(format!(" {}", t.help_mouse)));
    }
    lines.push(Line::styled(format!(" {}", t.help_close), theme.dim));
    // Rows once wrapped inside the popup's border, so that the last line is never cut.
    let inner_width = usize::from(HELP_WIDTH.min(area.width).saturating_sub(2)).max(1);
    let rows: usize = lines
        .iter()
        .map(|l| l.width().max(1).div_ceil(inner_width))
        .sum();
    let height = u16::try_from(rows + 2).unwrap_or(u16::MAX);
    let inner = popup(frame, area, HELP_WIDTH, height, t.help_title, theme);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The selected node's links, numbered, one of them highlighted.
pub fn links(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    theme: &Theme,
    purpose: LinkPurpose,
    selected: usize,
) {
    let t = app.text;
    let Some(node) = app.tree.selected() else {
        return;
    };
    let mut lines = Vec::new();
    for (i, link) in app.session.pack.nodes[node].links.iter().enumerate() {
        let marker = if i == selected {
            theme.glyphs.selected
        } else {
            " "
        };
        let label = Line::from(vec![
            Span::styled(format!("{marker}{}. ", i + 1), theme.key),
            Span::raw(link.label.as_str()),
        ]);
        lines.push(if i == selected {
            label.style(theme.selected)
        } else {
            label
        });
        lines.push(Line::styled(format!("    {}", link.url), theme.url));
    }
    lines.push(Line::default());
    lines.push(Line::styled(format!(" {}", t.links_hint), theme.dim));
    let title = match purpose {
        LinkPurpose::Open => t.links_title_open,
        LinkPurpose::Copy => t.links_title_copy,
    };
    let height = u16::try_from(lines.len() + 6).unwrap_or(u16::MAX);
    let inner = popup(
        frame,
        area,
        area.width.saturating_sub(4),
        height,
        title,
        theme,
    );
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The pack's closing message, shown when the last box is ticked.
pub fn completion(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let t = app.text;
    let message = completion_message(&app.session.pack, t);
    let lines = vec![
        Line::default(),
        Line::raw(message),
        Line::default(),
        Line::styled(t.completion_close, theme.dim),
    ];
    let inner = popup(frame, area, 60, 12, t.completion_title, theme);
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(Wrap { trim: true })
            .alignment(ratatui::layout::Alignment::Center),
        inner,
    );
}
