//! Everything about the selected node: its text, callouts, state and numbered links.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

use crate::progress::{Urgency, due_date};
use crate::safe_text::printable;
use crate::text::fill;

use super::{Theme, node_box};
use crate::app::App;
use crate::progress::Check;

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = theme.block().title(app.text.details_title);
    let Some(index) = app.tree.selected() else {
        frame.render_widget(block, area);
        return;
    };
    let paragraph = Paragraph::new(lines(app, theme, index))
        .block(block)
        .wrap(Wrap { trim: false });
    frame.render_widget(paragraph, area);
}

fn lines<'a>(app: &'a App, theme: &Theme, index: usize) -> Vec<Line<'a>> {
    let t = app.text;
    let node = &app.pack.nodes[index];
    let check = app.tracker.check(index);
    let (shown_box, box_style) = node_box(app, index, theme);
    let (done, total) = app.tracker.counts(index);
    let count = |state: &str| {
        let (done, total) = (done.to_string(), total.to_string());
        fill(
            t.state_count,
            &[("state", state), ("done", &done), ("total", &total)],
        )
    };
    let date = |at: jiff::Timestamp| t.date_time(at.to_zoned(app.tz.clone()).datetime());
    let skip = app.tracker.skip_of(&app.pack, index);
    let state = match check {
        _ if total == 0 => t.reference_card.to_string(),
        _ if skip.is_some() => skip.map(|s| s.describe(t, &app.tz)).unwrap_or_default(),
        Check::Done => match app.tracker.ticked_at(&app.pack, index) {
            Some(at) => format!(
                "{} {}",
                t.ticked_on,
                t.date_time(at.to_zoned(app.tz.clone()).datetime())
            ),
            None => t.ticked_on.to_string(),
        },
        Check::Partial => count(t.state_partial),
        Check::Empty if total > 1 => count(t.state_todo),
        Check::Empty => t.state_todo.to_string(),
    };
    let mut lines = vec![
        Line::styled(node.title.as_str(), theme.title),
        Line::from(vec![
            Span::styled(shown_box, box_style),
            Span::raw(" "),
            Span::styled(state, box_style),
        ]),
    ];
    if let Some(due) = due_date(&app.pack, &app.tracker, index, app.today, &app.tz) {
        let style = match due.urgency {
            Urgency::Overdue => theme.error,
            Urgency::Soon => theme.warning,
            Urgency::Met | Urgency::Later => theme.dim,
        };
        lines.push(Line::styled(due.describe(t), style));
    }
    if let Some(at) = app.tracker.opened_at(&app.pack, index) {
        lines.push(Line::styled(
            fill(t.opened_on, &[("date", &date(at))]),
            theme.dim,
        ));
    }
    if let Some(warning) = &node.warning {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("{} {warning}", theme.glyphs.warning),
            theme.warning,
        ));
    }
    if let Some(details) = &node.details {
        lines.push(Line::default());
        lines.push(Line::raw(details.as_str()));
    }
    if let Some(note) = &node.note {
        lines.push(Line::default());
        lines.push(Line::styled(
            format!("{} {note}", theme.glyphs.note),
            theme.note,
        ));
    }
    if let Some(mine) = app.tracker.state().notes.get(&node.id) {
        // The mentor's own text, possibly edited by hand in the state file: made printable.
        lines.push(Line::default());
        lines.push(Line::styled(t.my_note, theme.title));
        for line in printable(mine, true).lines() {
            lines.push(Line::raw(line.to_string()));
        }
    }
    if !node.links.is_empty() {
        lines.push(Line::default());
        lines.push(Line::raw(t.links_heading));
        for (n, link) in node.links.iter().enumerate() {
            lines.push(Line::from(vec![
                Span::styled(format!("{}. ", n + 1), theme.key),
                Span::raw(link.label.as_str()),
            ]));
            lines.push(Line::styled(format!("   {}", link.url), theme.url));
        }
    }
    lines
}
