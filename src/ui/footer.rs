//! The status line and the key hints, the latter generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

use super::Theme;
use crate::app::{App, Line as TypedLine, PromptKind};
use crate::cut::{Measure, cut_start};
use crate::keymap::{Action, EDIT_BINDINGS, Edit};
use crate::session::Severity;
use crate::text::{Text, fill};

/// Lines the status message needs, so that a long URL is shown whole (up to 4 lines);
/// the stage's summary, shown when there is no message, takes up to 2.
pub fn status_rows(app: &App, width: u16) -> u16 {
    let (len, most) = match (&app.status, app.stage_summary()) {
        (Some(status), _) => (status.text.width() + 1, 4),
        (None, Some(summary)) if !app.typing() => (summary.width() + 1, 2),
        _ => return 1,
    };
    let width = usize::from(width.max(1));
    if len <= width {
        return 1;
    }
    // Word wrapping may leave ends of lines empty: allow one line more than the bare length.
    u16::try_from(len.div_ceil(width) + 1).map_or(most, |rows| rows.min(most))
}

/// A line being typed, in its template's `{text}`, in `area`, with a cursor of our own:
/// the grapheme under it in reverse video, or a reversed space at the end. The terminal's
/// cursor is put on it too ([`typing_point`]), for screen readers. A text too long for
/// the line scrolls: its start gives way to an ellipsis, the cursor stays in view.
pub fn typed(template: &str, line: &TypedLine, area: Rect, theme: &Theme) -> Line<'static> {
    let (head, tail) = template.split_once("{text}").unwrap_or((template, ""));
    let (before, under, after) = line.split();
    let before = shown_before(head, before, area.width, theme.glyphs.ellipsis);
    let cursor = theme.key.add_modifier(Modifier::REVERSED);
    Line::from(vec![
        Span::styled(format!(" {head}{before}"), theme.key),
        Span::styled(under.unwrap_or(" ").to_string(), cursor),
        Span::styled(format!("{after}{tail}"), theme.key),
    ])
}

/// The text before the cursor as [`typed`] shows it: whole, or its end after an ellipsis
/// when the whole would push the cursor past the line's `width` columns.
fn shown_before(head: &str, before: &str, width: u16, ellipsis: char) -> String {
    let room = usize::from(width).saturating_sub(2 + head.width());
    cut_start(before, room, Measure::Columns, ellipsis).into_owned()
}

/// The terminal's cursor where the next character typed goes, as [`typed`] lays it out.
pub(super) fn typing_point(
    frame: &mut Frame,
    area: Rect,
    template: &str,
    line: &TypedLine,
    theme: &Theme,
) {
    let head = template
        .split_once("{text}")
        .map_or(template, |(head, _)| head);
    let (before, _, _) = line.split();
    let before = shown_before(head, before, area.width, theme.glyphs.ellipsis);
    let x = 1 + head.width() + before.width();
    if let Ok(x) = u16::try_from(x)
        && x < area.width
    {
        frame.set_cursor_position((area.x + x, area.y));
    }
}

/// The footer's order, most needed first: when the line is too short, the last go first
/// (help, quit and the way back to the students stay whatever the width).
const FOOTER_ORDER: &[Action] = &[
    Action::Toggle,
    Action::Open,
    Action::Search,
    Action::Skip,
    Action::EditNote,
    Action::Ask,
    Action::Packs,
    Action::Copy,
    Action::Undo,
    Action::NextTodo,
    Action::Runs,
    Action::Help,
    Action::Quit,
];

pub fn render(frame: &mut Frame, status: Rect, hints: Rect, app: &App, theme: &Theme) {
    if let Some(asked) = app.prompt() {
        let template = match asked.kind {
            PromptKind::Skip { again: true, .. } => app.text.skip_prompt_again.into(),
            PromptKind::Skip { replaces: 0, .. } => app.text.skip_prompt.into(),
            PromptKind::Skip { replaces, .. } => fill(
                app.text.skip_prompt_replaces,
                &[("count", &replaces.to_string())],
            ),
            PromptKind::Note => app.text.note_prompt.into(),
            PromptKind::NothingToSkip => app.text.skip_prompt_card.into(),
            PromptKind::Answer(question) => {
                let asked = &app.session.pack.questions[question];
                fill(app.text.answer_prompt, &[("question", &asked.text)])
            }
        };
        frame.render_widget(typed(&template, &asked.line, status, theme), status);
        typing_point(frame, status, &template, &asked.line, theme);
    } else if let Some(search) = app.search.as_ref().filter(|_| app.typing()) {
        frame.render_widget(
            typed(app.text.search_prompt, &search.line, status, theme),
            status,
        );
        typing_point(frame, status, app.text.search_prompt, &search.line, theme);
    } else if let Some(s) = &app.status {
        let style = match s.severity {
            Severity::Info => theme.info,
            Severity::Warning => theme.warning,
            Severity::Error => theme.error,
        };
        let text = Paragraph::new(format!(" {}", s.text))
            .style(style)
            .wrap(Wrap { trim: false });
        frame.render_widget(text, status);
    } else if let Some(summary) = app.stage_summary() {
        let text = Paragraph::new(format!(" {summary}"))
            .style(theme.dim)
            .wrap(Wrap { trim: false });
        frame.render_widget(text, status);
    }
    // (keys, label) per hint; when they do not all fit, the rightmost go first, but help,
    // quit and the way back to the runs stay: the help lists the rest. While something is
    // typed, the keys of typing.
    let mut shown: Vec<(Option<Action>, String, String)> = if app.typing() {
        // A reason or a note is saved by Enter; a search is only kept.
        typing_hints(app.text, app.prompt().is_some())
            .map(|(keys, label)| (None, keys, label.to_string()))
            .collect()
    } else {
        app.keymap
            .footer()
            .filter(|binding| app.applies(binding.action, true))
            .map(|binding| {
                let keys: Vec<String> = binding.keys.iter().map(|&k| k.name(app.text)).collect();
                // `m` says whom it reaches: "write to Anne", "contact OpenClassrooms".
                let label = match binding.action {
                    Action::Ask => app.session.ask_words(app.text).0,
                    action => action.words(app.text).0.to_string(),
                };
                (Some(binding.action), keys.join("/"), label)
            })
            .collect()
    };
    // What a mentor needs first comes first, and stays when the line is short.
    shown.sort_by_key(|(action, _, _)| {
        FOOTER_ORDER
            .iter()
            .position(|first| Some(*first) == *action)
            .unwrap_or(FOOTER_ORDER.len())
    });
    let width = |shown: &[(Option<Action>, String, String)]| -> usize {
        1 + shown
            .iter()
            .map(|(_, keys, label)| keys.width() + label.width() + 3)
            .sum::<usize>()
    };
    while width(&shown) > usize::from(hints.width) + 2 {
        let Some(drop) = shown.iter().rposition(|(action, _, _)| {
            !matches!(action, Some(Action::Help | Action::Quit | Action::Runs))
        }) else {
            break;
        };
        shown.remove(drop);
    }
    let mut spans = vec![Span::raw(" ")];
    for (_, keys, label) in shown {
        spans.push(Span::styled(keys, theme.key));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Line::from(spans), hints);
}

/// The keys of typing, as (keys, label): Enter saves what is typed when `saves`, else
/// keeps it; Escape drops it; the arrows move the cursor.
pub(super) fn typing_hints(t: &Text, saves: bool) -> impl Iterator<Item = (String, &'static str)> {
    EDIT_BINDINGS.iter().map(move |&(key, edit)| {
        let label = match edit {
            Edit::Confirm if saves => t.act_save,
            edit => edit.label(t),
        };
        (key.name(t), label)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_scrolls_so_that_the_cursor_stays_in_view() {
        assert_eq!(shown_before("Note : ", "abc", 20, '…'), "abc");
        let long = "é".repeat(50);
        let shown = shown_before("Note : ", &long, 20, '…');
        assert!(shown.starts_with('…'), "{shown}");
        assert_eq!(2 + "Note : ".width() + shown.width(), 20, "{shown}");
        assert_eq!(shown_before("日本", "日本語の文", 9, '~'), "~文");
    }
}
