//! The chooser's screen: every checklist within reach, how far the mentor is in each,
//! the one open now marked, and the chooser's keys.

use ratatui::Frame;
use ratatui::style::Style;
use ratatui::text::Line;

use super::Theme;
use super::picker::{Row, areas, keys, rows};
use crate::app::Chooser;
use crate::keymap::{CHOOSER_BINDINGS, PickerAction};
use crate::text::Text;

pub fn render(frame: &mut Frame, chooser: &Chooser, t: &Text, theme: &Theme) {
    if !super::picker::list_fits(frame.area()) {
        return super::picker::too_small(frame, CHOOSER_BINDINGS, false, t);
    }
    let [title, body, said, footer] = areas(frame, theme, chooser.problem.as_deref());
    frame.render_widget(
        Line::styled(format!(" {}", t.chooser_title), theme.title),
        title,
    );
    let block = theme.block();
    let inner = block.inner(body);
    frame.render_widget(block, body);
    let listed = chooser
        .shelf
        .iter()
        .map(|shelved| Row {
            text: shelved.title_words(t),
            after: if shelved.id == chooser.current {
                format!(" {}", t.chooser_current)
            } else {
                String::new()
            },
            right: shelved.how_far.words(t),
            style: Style::new(),
        })
        .collect();
    rows(frame, inner, listed, chooser.selected_row(), theme);
    if let Some(problem) = &chooser.problem {
        let problem = ratatui::widgets::Paragraph::new(format!(" {problem}"))
            .style(theme.error)
            .wrap(ratatui::widgets::Wrap { trim: false });
        frame.render_widget(problem, said);
    }
    let label = |action| match action {
        PickerAction::Open => Some(t.picker_open),
        PickerAction::Back => Some(t.chooser_back),
        PickerAction::Quit => Some(t.act_quit),
        _ => None,
    };
    frame.render_widget(keys(CHOOSER_BINDINGS, label, t, theme), footer);
}
