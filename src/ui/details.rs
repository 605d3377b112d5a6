//! Everything about the selected node: its text, callouts, state and numbered links.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::app::PromptKind;
use crate::describe::describe;
use crate::pack::QuestionKind;
use crate::progress::Urgency;
use crate::text::fill;

use super::{Theme, node_box};
use crate::app::App;

/// How far the selected node's details can scroll in `area` (0 when they fit): measured
/// by [`super::prepare`], before each frame.
pub fn max_scroll(app: &App, area: Rect, theme: &Theme) -> usize {
    let Some(index) = app.tree.selected() else {
        return 0;
    };
    let inner = theme.block().inner(area);
    let rows = Paragraph::new(lines(app, theme, index))
        .wrap(Wrap { trim: false })
        .line_count(inner.width.max(1));
    rows.saturating_sub(usize::from(inner.height))
}

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = theme.block().title(app.text.details_title);
    let Some(index) = app.tree.selected() else {
        frame.render_widget(block, area);
        return;
    };
    // When the text is longer than the pane, its bottom border says how to read on.
    let max = app.details_max_scroll();
    let scroll = app.details_scroll().min(max);
    let hint = match (scroll > 0, scroll < max) {
        (_, true) => Some(app.text.details_more_below),
        (true, false) => Some(app.text.details_more_above),
        (false, false) => None,
    };
    let block = match hint {
        Some(hint) => {
            block.title_bottom(Line::styled(format!(" {hint} "), theme.dim).right_aligned())
        }
        None => block,
    };
    let paragraph = Paragraph::new(lines(app, theme, index))
        .block(block)
        .wrap(Wrap { trim: false })
        .scroll((u16::try_from(scroll).unwrap_or(u16::MAX), 0));
    frame.render_widget(paragraph, area);
}

fn lines<'a>(app: &'a App, theme: &Theme, index: usize) -> Vec<Line<'a>> {
    let t = app.text;
    if let Some(PromptKind::Answer(question)) = app.prompt().map(|p| p.kind) {
        return question_lines(app, theme, question);
    }
    let node = &app.session.pack.nodes[index];
    let (shown_box, box_style) = node_box(app, index, theme);
    let about = describe(
        &app.session.pack,
        app.session.tracker(),
        index,
        t,
        &app.tz,
        app.today,
    );
    let state = match about.counts {
        Some((done, total)) if done < total => fill(
            t.state_count,
            &[
                ("state", &about.state),
                ("done", &done.to_string()),
                ("total", &total.to_string()),
            ],
        ),
        _ => about.state,
    };
    let mut lines = vec![
        Line::styled(node.title.as_str(), theme.title),
        Line::from(vec![
            Span::styled(shown_box, box_style),
            Span::raw(" "),
            Span::styled(state, box_style),
        ]),
    ];
    if let Some(due) = about.due {
        let style = match due.urgency {
            Urgency::Overdue => theme.error,
            Urgency::Soon => theme.warning,
            Urgency::Met | Urgency::Later => theme.dim,
        };
        lines.push(Line::styled(due.describe(t, &app.session.pack), style));
    }
    if let Some(waits) = about.waits {
        lines.push(Line::styled(waits, theme.warning));
    }
    for depends in about.depends {
        lines.push(Line::styled(depends, theme.dim));
    }
    if let Some(from) = about.counted_from {
        lines.push(Line::styled(from, theme.dim));
    }
    if let Some(opened) = about.opened {
        lines.push(Line::styled(opened, theme.dim));
    }
    if let Some(warning) = &node.warning {
        lines.push(Line::default());
        let text = format!("{} {warning}", theme.glyphs.warning);
        lines.extend(text_lines(&text, theme.warning));
    }
    if let Some(details) = &node.details {
        lines.push(Line::default());
        lines.extend(text_lines(details, Style::default()));
    }
    if let Some(note) = &node.note {
        lines.push(Line::default());
        let text = format!("{} {note}", theme.glyphs.note);
        lines.extend(text_lines(&text, theme.note));
    }
    if let Some(mine) = about.my_note {
        lines.push(Line::default());
        lines.push(Line::styled(t.my_note, theme.title));
        lines.extend(mine.lines().map(|line| Line::raw(line.to_string())));
    }
    if !node.links.is_empty() {
        lines.push(Line::default());
        lines.push(Line::raw(t.links_heading));
        for (n, link) in node.links.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("{}. ", n + 1), theme.key),
                Span::raw(link.label.as_str()),
            ]));
            let url = crate::safe_text::readable_url(&link.url);
            lines.push(Line::styled(format!("   {url}"), theme.url));
        }
    }
    lines
}

/// The question being answered and what it takes: its choices, numbered; why the last
/// answer typed was none (the status line holds the prompt meanwhile).
fn question_lines<'a>(app: &'a App, theme: &Theme, question: usize) -> Vec<Line<'a>> {
    let asked = &app.session.pack.questions[question];
    let mut lines = vec![
        Line::styled(asked.text.as_str(), theme.title),
        Line::default(),
    ];
    if let Some(refused) = &app.refused {
        lines.push(Line::styled(refused.as_str(), theme.warning));
        lines.push(Line::default());
    }
    match &asked.kind {
        QuestionKind::Choice(choices) => {
            for (n, choice) in choices.iter().enumerate() {
                lines.push(Line::from(vec![
                    Span::styled(format!("{}. ", n + 1), theme.key),
                    Span::raw(choice.text.as_str()),
                ]));
            }
        }
        _ => lines.push(Line::raw(crate::pack::takes(asked, app.text))),
    }
    lines.push(Line::default());
    lines.push(Line::styled(app.text.answer_hint, theme.dim));
    lines
}

/// A pack text's own lines (a list in the details, a second paragraph), each a line of
/// the pane: one `Line` would run them together.
fn text_lines(text: &str, style: Style) -> Vec<Line<'static>> {
    text.lines()
        .map(|line| Line::styled(line.to_string(), style))
        .collect()
}
