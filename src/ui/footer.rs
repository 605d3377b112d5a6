//! The status line and the key hints, the latter generated from the keymap.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use super::Theme;
use crate::app::{App, Severity};

/// Lines the status message needs, so that a long URL is shown whole (up to 4 lines).
pub fn status_rows(app: &App, width: u16) -> u16 {
    let Some(status) = &app.status else { return 1 };
    let len = status.text.chars().count() + 1;
    let width = usize::from(width.max(1));
    if len <= width {
        return 1;
    }
    // Word wrapping may leave ends of lines empty: allow one line more than the bare length.
    u16::try_from(len.div_ceil(width) + 1).map_or(4, |rows| rows.min(4))
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
    for binding in app.keymap.footer() {
        let keys: Vec<String> = binding.keys.iter().map(|&k| app.text.key(k)).collect();
        spans.push(Span::styled(keys.join("/"), theme.key));
        spans.push(Span::raw(format!(
            " {}  ",
            app.text.action(binding.action).0
        )));
    }
    frame.render_widget(Line::from(spans), hints);
}
