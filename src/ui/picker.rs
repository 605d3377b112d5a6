//! The run picker's screen: the pack's title, its runs with their progress, the name
//! being typed, and the picker's keys. The chooser (`chooser.rs`) lists the same way.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

use super::{Theme, fit};
use crate::app::{Naming, RunPicker};
use crate::keymap::{Key, PICKER_BINDINGS, PickerAction};
use crate::text::{Text, fill};

/// The screen of a list: a title row, the list in a box, a row for typing or a word,
/// and the keys.
/// Whether a list shows at least one of its rows in `area` (a title, a bordered row, a
/// status line and the keys); smaller, it says so and takes no key but quitting.
pub fn list_fits(area: Rect) -> bool {
    area.height >= 6 && area.width >= 20
}

/// A list's screen when it does not fit: that, and the list's keys that quit (while a
/// name is typed, those that are not letters).
pub(super) fn too_small(
    frame: &mut Frame,
    bindings: &[(&[Key], PickerAction)],
    typing: bool,
    t: &Text,
) {
    let quit = bindings
        .iter()
        .find(|(_, action)| *action == PickerAction::Quit);
    let keys = crate::keymap::unseen_quit_keys(quit.map_or(&[], |(keys, _)| keys), typing);
    super::too_small(frame, t, &keys);
}

/// The title, the list, the status line (as many rows as `said` needs, up to three, so
/// that a long message is read whole) and the keys.
pub(super) fn areas(frame: &mut Frame, theme: &Theme, said: Option<&str>) -> [Rect; 4] {
    let area = frame.area();
    frame.render_widget(ratatui::widgets::Block::new().style(theme.base), area);
    let width = usize::from(area.width.max(1));
    let rows = said.map_or(1, |said| (said.width() + 1).div_ceil(width).clamp(1, 3));
    Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(u16::try_from(rows).unwrap_or(1)),
        Constraint::Length(1),
    ])
    .areas(area)
}

/// One row of a list: its text (cut to fit), what follows the text whole, what is
/// shown at the right edge, and its style when not selected.
pub(super) struct Row {
    pub text: String,
    pub after: String,
    pub right: String,
    pub style: Style,
}

/// A list's rows in `area`, scrolled to keep the selection on screen, which is marked,
/// highlighted, and holds the terminal's cursor (on its marker) for screen readers and
/// braille displays.
pub(super) fn rows(frame: &mut Frame, area: Rect, rows: Vec<Row>, selected: usize, theme: &Theme) {
    let width = usize::from(area.width);
    let height = usize::from(area.height).max(1);
    let first = selected.saturating_sub(height - 1);
    let lines: Vec<Line> = rows
        .into_iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(i, row)| {
            let marker = if i == selected {
                theme.glyphs.selected
            } else {
                " "
            };
            let right = if row.right.is_empty() {
                String::new()
            } else {
                format!("  {}", row.right)
            };
            let room = width.saturating_sub(2 + row.after.width() + right.width());
            let text = format!(
                "{}{}",
                fit(&row.text, room, theme.glyphs.ellipsis).trim_end(),
                row.after
            );
            let gap = width.saturating_sub(2 + text.width() + right.width());
            let line = Line::raw(format!("{marker} {text}{}{right}", " ".repeat(gap)));
            if i == selected {
                super::selected_line(line, theme)
            } else {
                line.style(row.style)
            }
        })
        .collect();
    if let Ok(y) = u16::try_from(selected - first)
        && y < area.height
        && !lines.is_empty()
    {
        frame.set_cursor_position((area.x, area.y + y));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// The keys of a list, with the label `label` gives each (none: not offered now).
pub(super) fn keys<'a>(
    bindings: &[(&[Key], PickerAction)],
    label: impl Fn(PickerAction) -> Option<&'a str>,
    t: &Text,
    theme: &Theme,
) -> Line<'a> {
    let mut spans = vec![Span::raw(" ")];
    for (keys, action) in bindings {
        if matches!(action, PickerAction::Up | PickerAction::Down) {
            continue;
        }
        let Some(label) = label(*action) else {
            continue;
        };
        let keys: Vec<String> = keys.iter().map(|&k| k.name(t)).collect();
        spans.push(Span::styled(keys.join("/"), theme.key));
        spans.push(Span::raw(format!(" {label}  ")));
    }
    Line::from(spans)
}

pub fn render(frame: &mut Frame, picker: &RunPicker, t: &Text, theme: &Theme) {
    if !list_fits(frame.area()) {
        return too_small(frame, PICKER_BINDINGS, picker.typing(), t);
    }
    let said = picker.said.as_deref().filter(|_| picker.naming.is_none());
    let [title, body, prompt, footer] = areas(frame, theme, said);
    let heading = fill(t.picker_title, &[("title", &picker.title)]);
    frame.render_widget(Line::styled(format!(" {heading}"), theme.title), title);

    let block = theme.block().title(if picker.show_archived {
        t.picker_all_runs
    } else {
        t.picker_runs
    });
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let runs = picker.visible();
    if runs.is_empty() {
        let empty = Line::styled(format!(" {}", t.picker_empty), theme.dim);
        frame.render_widget(empty, inner);
    } else {
        let listed = runs
            .iter()
            .map(|run| {
                let style = if run.run.archived {
                    theme.dim
                } else {
                    Style::new()
                };
                Row {
                    text: run.describe(t),
                    after: String::new(),
                    right: String::new(),
                    style,
                }
            })
            .collect();
        rows(frame, inner, listed, picker.selected_row(), theme);
    }

    if let Some((naming, name)) = &picker.naming {
        let ask = match naming {
            Naming::New => t.picker_new_name,
            Naming::Rename(_) => t.picker_rename_name,
        };
        frame.render_widget(super::footer::typed(ask, name, prompt, theme), prompt);
        super::footer::typing_point(frame, prompt, ask, name, theme);
    } else if let Some(said) = said {
        let said = Paragraph::new(format!(" {said}"))
            .style(theme.info)
            .wrap(ratatui::widgets::Wrap { trim: false });
        frame.render_widget(said, prompt);
    }

    // On an archived run, `a` brings it back.
    let label = |action| {
        picker
            .applies(action)
            .then(|| match (action, picker.selected()) {
                (PickerAction::Archive, Some(run)) if run.run.archived => t.picker_unarchive,
                _ => picker_label(t, action),
            })
    };
    // While a name is typed, the keys are those of typing: the list's letters are text.
    if picker.naming.is_some() {
        let mut spans = vec![Span::raw(" ")];
        for (keys, label) in super::footer::typing_hints(t, true) {
            spans.push(Span::styled(keys, theme.key));
            spans.push(Span::raw(format!(" {label}  ")));
        }
        frame.render_widget(Line::from(spans), footer);
    } else {
        frame.render_widget(keys(PICKER_BINDINGS, label, t, theme), footer);
    }
}

fn picker_label(t: &Text, action: PickerAction) -> &'static str {
    match action {
        PickerAction::Up | PickerAction::Down => "",
        PickerAction::Open => t.picker_open,
        PickerAction::New => t.picker_new,
        PickerAction::Rename => t.picker_rename,
        PickerAction::Archive => t.picker_archive,
        PickerAction::Undo => t.act_undo,
        PickerAction::ShowArchived => t.picker_show_archived,
        PickerAction::Back => t.chooser_back,
        PickerAction::Quit => t.act_quit,
    }
}
