//! Windows drawn over the main screen: help, link picker, completion message.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Clear, Paragraph, Wrap};

use super::Theme;
use crate::app::{App, LinkPurpose};
use crate::keymap::Action;
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
    clear_around(frame, area, rect, theme);
    let block = theme
        .block()
        .border_style(theme.title)
        .title(Span::styled(format!(" {title} "), theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    inner
}

/// Cells between a window and the screen's edge that are blanked too, rather than
/// left showing a sliver of what is below.
const SLIVER: u16 = 2;

/// Blanks `rect` and a cell around it (within `area`), and on to the screen's edge where
/// only a sliver would be left: nothing of the screen below shows through at the
/// window's edge, whatever the screen's size.
fn clear_around(frame: &mut Frame, area: Rect, rect: Rect, theme: &Theme) {
    let near = |gap: u16| if gap <= SLIVER { gap } else { 1 };
    let (left, top) = (near(rect.x - area.x), near(rect.y - area.y));
    let right = near(area.right().saturating_sub(rect.right()));
    let bottom = near(area.bottom().saturating_sub(rect.bottom()));
    let around = Rect {
        x: rect.x - left,
        y: rect.y - top,
        width: rect.width + left + right,
        height: rect.height + top + bottom,
    }
    .intersection(area);
    frame.render_widget(Clear, around);
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), around);
}

/// Width of the help popup, borders included.
const HELP_WIDTH: u16 = 76;
/// Width of the completion message's popup, borders included.
const COMPLETION_WIDTH: u16 = 60;

/// A window that is read: its text scrolls when it does not fit, with a closing line
/// that stays in view and says how to scroll when there is more.
struct Reading {
    title: &'static str,
    width: u16,
    /// The height the text would like, borders and closing line included.
    height: u16,
    lines: Vec<Line<'static>>,
    centered: bool,
}

impl Reading {
    /// The keys, then the mouse; the blank line before the mouse only when the screen
    /// has room for it (80×24 shows everything without scrolling).
    fn help(app: &App, theme: &Theme, area: Rect) -> Self {
        let t = app.text;
        let mut lines: Vec<Line<'static>> = app
            .keymap
            .bindings()
            .iter()
            .filter(|b| b.in_help() && app.applies(b.action, false))
            .map(|b| {
                let keys: Vec<String> = b.keys.iter().map(|&k| k.name(t)).collect();
                let help = match b.action {
                    Action::Ask => app.session.ask_words(t).1,
                    action => action.words(t).1.to_string(),
                };
                Line::from(vec![
                    Span::styled(format!(" {:<16}", keys.join(" ")), theme.key),
                    Span::raw(help),
                ])
            })
            .collect();
        if lines.len() + 5 <= usize::from(area.height) {
            lines.push(Line::default());
        }
        lines.push(Line::raw(format!(" {}", t.help_mouse)));
        let inner_width = usize::from(HELP_WIDTH.saturating_sub(2)).max(1);
        let rows: usize = lines
            .iter()
            .map(|l| l.width().max(1).div_ceil(inner_width))
            .sum();
        Reading {
            title: t.help_title,
            width: HELP_WIDTH,
            height: u16::try_from(rows + 3).unwrap_or(u16::MAX),
            lines,
            centered: false,
        }
    }

    fn completion(app: &App) -> Self {
        let message = completion_message(&app.session.pack, app.text);
        // A pack's paragraphs ("Félicitations." then "Bon accompagnement !") stay apart.
        let mut lines = vec![Line::default()];
        lines.extend(message.lines().map(|line| Line::raw(line.to_string())));
        lines.push(Line::default());
        let wrapped = Paragraph::new(lines.clone())
            .wrap(Wrap { trim: true })
            .line_count(COMPLETION_WIDTH - 2);
        Reading {
            title: app.text.completion_title,
            width: COMPLETION_WIDTH,
            height: u16::try_from(wrapped + 3).unwrap_or(u16::MAX),
            lines,
            centered: true,
        }
    }

    /// The popup in `area`, and the rows of text inside it.
    fn layout(&self, area: Rect) -> (Rect, Rect, Rect) {
        let rect = area.centered(
            Constraint::Length(self.width.min(area.width)),
            Constraint::Length(self.height.min(area.height)),
        );
        let inner = Rect {
            x: rect.x + 1,
            y: rect.y + 1,
            width: rect.width.saturating_sub(2),
            height: rect.height.saturating_sub(2),
        };
        let text = Rect {
            height: inner.height.saturating_sub(1),
            ..inner
        };
        let close = Rect {
            y: inner.y + text.height,
            height: inner.height.min(1),
            ..inner
        };
        (rect, text, close)
    }

    fn paragraph(&self) -> Paragraph<'static> {
        let paragraph = Paragraph::new(self.lines.clone()).wrap(Wrap {
            trim: self.centered,
        });
        if self.centered {
            paragraph.alignment(ratatui::layout::Alignment::Center)
        } else {
            paragraph
        }
    }

    /// How far the text can scroll in `area`, and how many rows it shows.
    fn fit(&self, area: Rect) -> (usize, usize) {
        let (_, text, _) = self.layout(area);
        let rows = self.paragraph().line_count(text.width.max(1));
        let page = usize::from(text.height);
        (rows.saturating_sub(page), page)
    }

    fn render(&self, frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
        let t = app.text;
        let (rect, text, close) = self.layout(area);
        let (max, _) = self.fit(area);
        let offset = app.overlay_scroll.min(max);
        clear_around(frame, area, rect, theme);
        let block = theme
            .block()
            .border_style(theme.title)
            .title(Span::styled(format!(" {} ", self.title), theme.title));
        frame.render_widget(block, rect);
        let scroll = u16::try_from(offset).unwrap_or(u16::MAX);
        frame.render_widget(self.paragraph().scroll((scroll, 0)), text);
        // A screen reader starts reading where the cursor is: at the text's start.
        frame.set_cursor_position((text.x, text.y));
        let hint = match (offset > 0, offset < max) {
            (_, true) => t.overlay_more_below,
            (true, false) => t.overlay_more_above,
            (false, false) if self.centered => t.completion_close,
            (false, false) => t.help_close,
        };
        let hint = if self.centered {
            Paragraph::new(Line::styled(hint, theme.dim))
                .alignment(ratatui::layout::Alignment::Center)
        } else {
            Paragraph::new(Line::styled(format!(" {hint}"), theme.dim))
        };
        frame.render_widget(hint, close);
    }
}

/// Every key binding, straight from the keymap.
pub fn help(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    Reading::help(app, theme, area).render(frame, area, app, theme);
}

/// How far the open help or completion message can scroll on a screen of `area`, and
/// a page of it: (0, 1) when neither is open.
pub fn fit(app: &App, area: Rect, theme: &Theme) -> (usize, usize) {
    match app.overlay() {
        Some(crate::app::Overlay::Help) => Reading::help(app, theme, area).fit(area),
        Some(crate::app::Overlay::Completion) => Reading::completion(app).fit(area),
        _ => (0, 1),
    }
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
            super::selected_line(label, theme)
        } else {
            label
        });
        let url = crate::safe_text::readable_url(&link.url);
        lines.push(Line::styled(format!("    {url}"), theme.url));
    }
    lines.push(Line::default());
    let hint = Paragraph::new(Line::styled(format!(" {}", t.links_hint), theme.dim))
        .wrap(Wrap { trim: false });
    let title = match purpose {
        LinkPurpose::Open => t.links_title_open,
        LinkPurpose::Copy => t.links_title_copy,
    };
    let height = u16::try_from(lines.len() + 7).unwrap_or(u16::MAX);
    let inner = popup(
        frame,
        area,
        area.width.saturating_sub(4),
        height,
        title,
        theme,
    );
    // The hint keeps its rows at the bottom, however little room the links leave.
    let hint_rows = u16::try_from(hint.line_count(inner.width.max(1)))
        .unwrap_or(1)
        .min(inner.height);
    let [list, hint_area] =
        Layout::vertical([Constraint::Min(0), Constraint::Length(hint_rows)]).areas(inner);
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: false }), list);
    frame.render_widget(hint, hint_area);
    // Each link takes two lines (its label, its address): the cursor on the chosen one.
    let row = u16::try_from(selected * 2).unwrap_or(u16::MAX);
    if row < inner.height {
        frame.set_cursor_position((inner.x, inner.y + row));
    }
}

/// The pack's closing message, shown when the last box is ticked.
pub fn completion(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    Reading::completion(app).render(frame, area, app, theme);
}
