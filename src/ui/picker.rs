//! The run picker's screen: the pack's title, its runs with their progress, the name
//! being typed, and the picker's keys.

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Theme, fit};
use crate::app::{Naming, RunPicker};
use crate::keymap::{PICKER_BINDINGS, PickerAction};
use crate::text::{Text, fill};

pub fn render(frame: &mut Frame, picker: &RunPicker, t: &Text, theme: &Theme) {
    frame.render_widget(
        ratatui::widgets::Block::new().style(theme.base),
        frame.area(),
    );
    let [title, body, prompt, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(3),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(frame.area());
    let heading = fill(t.picker_title, &[("title", &picker.title)]);
    frame.render_widget(Line::styled(format!(" {heading}"), theme.title), title);

    let block = theme.block().title(if picker.show_archived {
        t.picker_all_runs
    } else {
        t.picker_runs
    });
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let width = usize::from(inner.width);
    let runs = picker.visible();
    let lines: Vec<Line> = if runs.is_empty() {
        vec![Line::styled(format!(" {}", t.picker_empty), theme.dim)]
    } else {
        // Keep the selection on screen in a long list.
        let height = usize::from(inner.height).max(1);
        let first = picker.selected_row().saturating_sub(height - 1);
        runs.iter()
            .enumerate()
            .skip(first)
            .take(height)
            .map(|(i, run)| {
                let selected = i == picker.selected_row();
                let marker = if selected { theme.glyphs.selected } else { " " };
                let text = fit(
                    &run.describe(t),
                    width.saturating_sub(2),
                    theme.glyphs.ellipsis,
                );
                let line = Line::raw(format!("{marker} {text}"));
                match (selected, run.run.archived) {
                    (true, _) => super::selected_line(line, theme),
                    (false, true) => line.style(theme.dim),
                    (false, false) => line,
                }
            })
            .collect()
    };
    frame.render_widget(Paragraph::new(lines), inner);

    if let Some((naming, name)) = &picker.naming {
        let ask = match naming {
            Naming::New => t.picker_new_name,
            Naming::Rename(_) => t.picker_rename_name,
        };
        frame.render_widget(super::footer::typed(ask, name, theme), prompt);
    } else if let Some(said) = &picker.said {
        frame.render_widget(Line::styled(format!(" {said}"), theme.info), prompt);
    }

    let mut spans = vec![Span::raw(" ")];
    for (keys, action) in PICKER_BINDINGS {
        if matches!(action, PickerAction::Up | PickerAction::Down) || !picker.applies(*action) {
            continue;
        }
        let keys: Vec<String> = keys.iter().map(|&k| k.name(t)).collect();
        spans.push(Span::styled(keys.join("/"), theme.key));
        // On an archived run, `a` brings it back.
        let label = match (action, picker.selected()) {
            (PickerAction::Archive, Some(run)) if run.run.archived => t.picker_unarchive,
            _ => picker_label(t, *action),
        };
        spans.push(Span::raw(format!(" {label}  ")));
    }
    frame.render_widget(Line::from(spans), footer);
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
        PickerAction::Quit => t.act_quit,
    }
}
