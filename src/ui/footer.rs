//! The status line and the key hints, the latter generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use crate::app::{App, Severity};
use crate::keymap;

/// Lines the status message needs: two when it does not fit on one (a long URL).
pub fn status_rows(app: &App, width: u16) -> u16 {
    match &app.status {
        Some(s) if s.text.chars().count() + 1 > usize::from(width) => 2,
        _ => 1,
    }
}

pub fn render(frame: &mut Frame, status: Rect, hints: Rect, app: &App, theme: &Theme) {
    if let Some(s) = &app.status {
        let style = match s.severity {
            Severity::Info => theme.info,
            Severity::Warning => theme.warning,
            Severity::Error => theme.error,
        };
        let text = Paragraph::new(format!(" {}", s.text))
            .style(style)
            .wrap(Wrap { trim: false });
        frame.render_widget(text, status);
    }
    let mut spans = vec![Span::raw(" ")];
    for binding in keymap::footer() {
        let keys: Vec<String> = binding.keys.iter().map(|&k| app.text.key(k)).collect();
        spans.push(Span::styled(keys.join("/"), theme.key));
        spans.push(Span::raw(format!(
            " {}  ",
            app.text.action(binding.action).0
        )));
    }
    frame.render_widget(Line::from(spans), hints);
}
