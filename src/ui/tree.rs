//! The checklist as a tree of rows with boxes. Only the rows on screen are built, each
//! as its title on the left and its counts and badges on the right: the columns between
//! are left blank, never filled with spaces to draw one by one.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

use super::{Theme, node_box, shown};
use crate::app::{App, box_column};
use crate::progress::{Check, Urgency, due_date};

pub fn render(frame: &mut Frame, area: Rect, app: &App, theme: &Theme) {
    let block = theme.block().title(app.text.tree_title);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = usize::from(inner.width);
    let rows = app.tree.rows();
    let first = app.tree.offset();
    let last = (first + usize::from(inner.height)).min(rows.len());
    for (y, row) in (inner.y..).zip(first..last) {
        let area = Rect {
            y,
            height: 1,
            ..inner
        };
        let selected = row == app.tree.cursor();
        let (left, right) = line(app, theme, rows[row], selected, width);
        let buffer = frame.buffer_mut();
        if selected {
            buffer.set_style(area, theme.selected);
        }
        buffer.set_line(area.x, y, &left, area.width);
        let right_width = u16::try_from(right.width()).unwrap_or(u16::MAX);
        let right_x = area.right().saturating_sub(right_width).max(area.x);
        buffer.set_line(right_x, y, &right, area.width.min(right_width));
    }
    // The terminal's cursor on the selected row's box: screen readers and braille
    // displays follow it to tell which row is selected.
    let cursor = app.tree.cursor();
    if (first..last).contains(&cursor) {
        let depth = app.session.pack.nodes[rows[cursor]].depth;
        let x = u16::try_from(box_column(depth)).unwrap_or(u16::MAX);
        let y = u16::try_from(cursor - first).unwrap_or(u16::MAX);
        if x < inner.width {
            frame.set_cursor_position((inner.x + x, inner.y + y));
        }
    }
}

/// A row's two parts: what it is, and its note, badge and counts.
fn line<'a>(
    app: &'a App,
    theme: &Theme,
    index: usize,
    selected: bool,
    width: usize,
) -> (Line<'a>, Line<'a>) {
    let node = &app.session.pack.nodes[index];
    let leaf = app.session.pack.is_leaf(index);
    let (check_box, box_style) = node_box(app, index, theme);
    let glyphs = theme.glyphs;
    let fold = match (leaf, app.tree.is_expanded(index)) {
        (true, _) => " ",
        (false, true) => glyphs.expanded,
        (false, false) => glyphs.collapsed,
    };
    let marker = if selected { glyphs.selected } else { " " };
    let prefix = format!("{marker} {}{fold} ", "  ".repeat(node.depth));
    debug_assert_eq!(prefix.chars().count(), box_column(node.depth));
    let (done, total) = app.session.tracker().counts(index);
    let counts = if leaf || total == 0 {
        String::new()
    } else {
        format!(" {done}/{total}")
    };
    let due = app.session.pack.nodes[index].due.and_then(|_| {
        due_date(
            &app.session.pack,
            app.session.tracker(),
            index,
            app.today,
            &app.tz,
        )
    });
    let (badge, badge_style) = match due.map(|d| d.urgency) {
        Some(Urgency::Overdue) => (format!(" {}", app.text.overdue_badge), theme.error),
        Some(Urgency::Soon) => (format!(" {}", app.text.soon_badge), theme.warning),
        _ if app.session.tracker().check(index) != Check::Done
            && app.session.tracker().waits(&app.session.pack, index) =>
        {
            (format!(" {}", app.text.waiting_badge), theme.dim)
        }
        _ if app.session.tracker().is_new(&app.session.pack, index) => {
            (format!(" {}", app.text.new_badge), theme.warning)
        }
        _ => (String::new(), theme.warning),
    };
    // A step with the mentor's own note says so, as a glyph that needs no colour.
    let has_note = app.session.tracker().state().notes.contains_key(&node.id);
    let note = if has_note {
        format!(" {}", glyphs.has_note)
    } else {
        String::new()
    };
    let used = prefix.width() + 4 + counts.width() + badge.width() + note.width();
    let room = width.saturating_sub(used);
    let left = Line::from(vec![
        Span::raw(prefix),
        Span::styled(check_box, box_style),
        Span::raw(" "),
        Span::raw(shown(&node.title, room, glyphs.ellipsis)),
    ]);
    let right = Line::from(vec![
        Span::styled(note, theme.note),
        Span::styled(badge, badge_style),
        Span::styled(counts, theme.dim),
    ]);
    if selected {
        (
            super::selected_line(left, theme),
            super::selected_line(right, theme),
        )
    } else {
        (left, right)
    }
}
