//! Drawing, from read-only app state: one file per screen region.

pub mod chooser;
mod details;
mod footer;
mod header;
mod overlay;
pub mod picker;
mod progress;
mod theme;
mod tree;

use std::borrow::Cow;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

use crate::app::{App, Overlay};
use crate::cut::Measure;
use crate::progress::{Check, NodeState};
use crate::text::fill;
pub use theme::{Theme, ThemeName};

/// Below this, the screen only asks for more room.
const MIN_WIDTH: u16 = 24;
const MIN_HEIGHT: u16 = 8;
/// Below this width the details go under the tree instead of beside it: beside a tree
/// narrower than 80 columns, the details pane is too narrow to read a link.
const SIDE_BY_SIDE_WIDTH: u16 = 80;

/// Where each region goes on a screen of a given size.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Regions {
    pub header: Rect,
    pub gauge: Rect,
    pub tree: Rect,
    pub details: Rect,
    /// Empty when there is no room for per-stage progress.
    pub progress: Rect,
    pub status: Rect,
    pub footer: Rect,
}

impl Regions {
    /// The layout for `area`, or `None` when the terminal is too small to be useful.
    /// Plain arithmetic: a constraint solver for five rows and two columns cost a
    /// tenth of a start-up (the test below holds it to ratatui's `Layout`).
    pub fn new(area: Rect, progress_rows: u16, status_rows: u16) -> Option<Self> {
        if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
            return None;
        }
        // The body keeps at least three rows; the status line gives way first.
        let status_rows = status_rows.min(area.height - 6);
        let row = |y: u16, height: u16| Rect::new(area.x, y, area.width, height);
        let header = row(area.y, 1);
        let gauge = row(area.y + 1, 1);
        let footer = row(area.bottom() - 1, 1);
        let status = row(footer.y - status_rows, status_rows);
        let body = row(area.y + 2, status.y - area.y - 2);
        let (tree, details, progress) = if area.width >= SIDE_BY_SIDE_WIDTH {
            let (tree, side) = split(body, 55, Split::Columns);
            let progress_height = progress_rows + 2;
            if progress_rows > 0 && side.height >= progress_height + 6 {
                let details = Rect {
                    height: side.height - progress_height,
                    ..side
                };
                let progress = Rect {
                    y: details.bottom(),
                    height: progress_height,
                    ..side
                };
                (tree, details, progress)
            } else {
                (tree, side, Rect::default())
            }
        } else {
            let (tree, details) = split(body, 60, Split::Rows);
            (tree, details, Rect::default())
        };
        Some(Regions {
            header,
            gauge,
            tree,
            details,
            progress,
            status,
            footer,
        })
    }

    /// Where the tree's rows are, inside its border.
    pub fn tree_rows(&self) -> Rect {
        Block::new().borders(Borders::ALL).inner(self.tree)
    }
}

#[derive(Clone, Copy)]
enum Split {
    Columns,
    Rows,
}

/// `area` cut in two, the first part `percent` of it (rounded to the nearest cell, as
/// ratatui rounds a percentage) and the second the rest.
fn split(area: Rect, percent: u16, split: Split) -> (Rect, Rect) {
    let whole = match split {
        Split::Columns => area.width,
        Split::Rows => area.height,
    };
    let first = u16::try_from((u32::from(whole) * u32::from(percent) + 50) / 100).unwrap_or(whole);
    match split {
        Split::Columns => (
            Rect {
                width: first,
                ..area
            },
            Rect {
                x: area.x + first,
                width: whole - first,
                ..area
            },
        ),
        Split::Rows => (
            Rect {
                height: first,
                ..area
            },
            Rect {
                y: area.y + first,
                height: whole - first,
                ..area
            },
        ),
    }
}

/// The regions for the app's pack on a screen of size `area`.
pub fn regions(app: &App, area: Rect) -> Option<Regions> {
    Regions::new(
        area,
        progress::rows(app),
        footer::status_rows(app, area.width),
    )
}

/// Tells the app what the next frame on a screen of `area` in `theme` holds: where the
/// tree's rows are (for the mouse and paging), how far the details and an open help can
/// scroll (measured once here, for the keys and the frame alike). Called before every
/// frame, by the UI and by the screen tests alike.
pub fn prepare(app: &mut App, area: Rect, theme: &Theme) {
    let regions = regions(app, area);
    app.set_shown(regions.is_some());
    if let Some(regions) = regions {
        app.set_tree_area(regions.tree_rows());
        let max = details::max_scroll(app, regions.details, theme);
        app.fit_details(regions.details, max);
    }
    let (max, page) = overlay::fit(app, area, theme);
    app.fit_overlay(max, page);
}

/// A screen too small to show anything but that, and the keys that quit: no other key
/// acts while it shows ([`crate::keymap::KeyMode::Hidden`]).
fn too_small(frame: &mut Frame, t: &crate::text::Text, keys: &[crate::keymap::Key]) {
    let keys: Vec<String> = keys.iter().map(|k| k.name(t)).collect();
    let said = fill(t.too_small, &[("keys", &keys.join("/"))]);
    frame.render_widget(Paragraph::new(said).wrap(Wrap { trim: true }), frame.area());
}

/// Draws the whole screen.
pub fn render(frame: &mut Frame, app: &App, theme: &Theme) {
    let area = frame.area();
    // The theme's own background, if it has one, under everything.
    if theme.base != Style::default() {
        frame.render_widget(Block::new().style(theme.base), area);
    }
    let Some(regions) = regions(app, area) else {
        let keys = app.keymap.unseen_quit_keys(app.typing());
        too_small(frame, app.text, &keys);
        return;
    };
    header::render(frame, regions.header, regions.gauge, app, theme);
    tree::render(frame, regions.tree, app, theme);
    details::render(frame, regions.details, app, theme);
    progress::render(frame, regions.progress, app, theme);
    footer::render(frame, regions.status, regions.footer, app, theme);
    match app.overlay() {
        Some(Overlay::Help) => overlay::help(frame, area, app, theme),
        Some(Overlay::Links { purpose, selected }) => {
            overlay::links(frame, area, app, theme, purpose, selected);
        }
        Some(Overlay::Completion) => overlay::completion(frame, area, app, theme),
        None => {}
    }
}

/// A selected row: the selection's colours win over each part's own, so that the row
/// keeps its contrast (a box's or a key's colour on the selection's background could
/// vanish); modifiers (bold, underline) stay.
fn selected_line<'a>(line: ratatui::text::Line<'a>, theme: &Theme) -> ratatui::text::Line<'a> {
    let spans: Vec<_> = line
        .spans
        .into_iter()
        .map(|span| {
            let style = span.style.patch(theme.selected);
            span.style(style)
        })
        .collect();
    ratatui::text::Line::from(spans).style(theme.selected)
}

/// The box a node shows ([`NodeState::glyph`]), and its style.
fn node_box(app: &App, index: usize, theme: &Theme) -> (&'static str, ratatui::style::Style) {
    let state = app.session.tracker().node_state(&app.session.pack, index);
    let style = match state {
        NodeState::Card => theme.note,
        NodeState::Skipped(_) | NodeState::Done(None) => theme.dim,
        NodeState::Done(Some(_)) => check_style(Check::Done, theme),
        NodeState::Partial => check_style(Check::Partial, theme),
        NodeState::Todo => check_style(Check::Empty, theme),
    };
    (state.glyph(), style)
}

/// The colour of a stage's or a step's state (the progress bars use it too).
fn check_style(check: Check, theme: &Theme) -> ratatui::style::Style {
    match check {
        Check::Empty => theme.todo,
        Check::Partial => theme.partial,
        Check::Done => theme.done,
    }
}

/// `text` within `width` terminal columns: cut on a grapheme boundary and ended with
/// `ellipsis`. Wide characters count two columns, combining marks stay on their letter,
/// and zero-width characters (which would leave a stray cell) are dropped.
fn shown(text: &str, width: usize, ellipsis: char) -> Cow<'_, str> {
    // Most titles are printable ASCII that fits: nothing to read grapheme by grapheme.
    if text.len() <= width && text.bytes().all(|b| (b' '..=b'~').contains(&b)) {
        return Cow::Borrowed(text);
    }
    let shown: String = text.graphemes(true).filter(|g| g.width() > 0).collect();
    Cow::Owned(crate::cut::cut(&shown, width, Measure::Columns, ellipsis).into_owned())
}

/// The same, padded with spaces to exactly `width` columns.
fn fit(text: &str, width: usize, ellipsis: char) -> String {
    let cut = shown(text, width, ellipsis);
    let pad = width.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::{Constraint, Layout};
    use unicode_width::UnicodeWidthStr;

    /// The regions as ratatui's constraint solver lays them out.
    fn solved(area: Rect, progress_rows: u16, status_rows: u16) -> Regions {
        let [header, gauge, body, status, footer] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(3),
            Constraint::Length(status_rows),
            Constraint::Length(1),
        ])
        .areas(area);
        let (tree, details, progress) = if area.width >= SIDE_BY_SIDE_WIDTH {
            let [tree, side] =
                Layout::horizontal([Constraint::Percentage(55), Constraint::Percentage(45)])
                    .areas(body);
            let progress_height = progress_rows + 2;
            if progress_rows > 0 && side.height >= progress_height + 6 {
                let [details, progress] =
                    Layout::vertical([Constraint::Min(0), Constraint::Length(progress_height)])
                        .areas(side);
                (tree, details, progress)
            } else {
                (tree, side, Rect::default())
            }
        } else {
            let [tree, details] =
                Layout::vertical([Constraint::Percentage(60), Constraint::Percentage(40)])
                    .areas(body);
            (tree, details, Rect::default())
        };
        Regions {
            header,
            gauge,
            tree,
            details,
            progress,
            status,
            footer,
        }
    }

    #[test]
    fn regions_are_those_ratatuis_layout_gives_at_every_size() {
        // Twenty widths side by side and ten heights: every rounding of 55 % and 60 %.
        for width in [MIN_WIDTH, 25, 50, 79]
            .into_iter()
            .chain(80..=99)
            .chain([101, 255])
        {
            for height in (MIN_HEIGHT..=22).chain([30, 100]) {
                for status_rows in [1, 4] {
                    let area = Rect::new(0, 0, width, height);
                    assert_eq!(
                        Regions::new(area, 4, status_rows),
                        Some(solved(area, 4, status_rows)),
                        "{width}x{height}, {status_rows} status rows"
                    );
                }
            }
        }
    }

    #[test]
    fn fit_counts_terminal_columns_and_cuts_on_graphemes() {
        // Fits: padded to the width, in columns.
        assert_eq!(fit("日本", 6, '…'), "日本  ");
        // Cut: wide characters never split, the ellipsis ends it, the width is exact.
        for (text, width) in [("日本語のタイトル", 7), ("👩‍💻👩‍💻👩‍💻", 5), ("🇫🇷🇫🇷🇫🇷", 4)]
        {
            let fitted = fit(text, width, '…');
            assert_eq!(fitted.width(), width, "{fitted:?}");
            assert!(fitted.trim_end().ends_with('…'), "{fitted:?}");
        }
        // Combining accents count for nothing, zero-width characters are dropped.
        assert_eq!(fit("Re\u{301}sume\u{301}", 6, '…'), "Re\u{301}sume\u{301}");
        assert_eq!(fit("a\u{200b}b\u{2060}c", 3, '…'), "abc");
        assert_eq!(fit("abcdef", 4, '…'), "abc…");
        assert_eq!(fit("abc", 0, '…'), "");
        // A title that fits is shown as written, borrowed.
        assert!(matches!(shown("Step 1", 6, '…'), Cow::Borrowed("Step 1")));
    }
}
