//! The pack's title and the gauge of the whole checklist.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Gauge, LineGauge};
use unicode_width::UnicodeWidthStr;

use super::{Theme, fit};
use crate::app::App;
use crate::pack::Kind;
use crate::text::fill;

pub fn render(frame: &mut Frame, title: Rect, gauge: Rect, app: &App, theme: &Theme) {
    let version = format!("v{}", app.session.pack.version);
    let room = usize::from(title.width).saturating_sub(version.width() + 2);
    let title_text = &app.session.pack.title;
    let heading = match &app.run {
        // On a narrow screen the pack's title gives way, the student's name stays: it
        // says whose checklist is being ticked.
        Some(run) => {
            let around = fill(app.text.run_title, &[("title", ""), ("run", run)]).width();
            let cut = fit(
                title_text,
                room.saturating_sub(around),
                theme.glyphs.ellipsis,
            );
            let heading = fill(
                app.text.run_title,
                &[("title", cut.trim_end()), ("run", run)],
            );
            fit(&heading, room, theme.glyphs.ellipsis)
        }
        None => fit(title_text, room, theme.glyphs.ellipsis),
    };
    let line = Line::from(vec![
        Span::styled(format!(" {heading}"), theme.title),
        Span::raw(" "),
        Span::styled(version, theme.dim),
    ]);
    frame.render_widget(line, title);

    let (done, total) = app.session.tracker().overall(&app.session.pack);
    let ratio = if total == 0 {
        1.0
    } else {
        f64::from(done) / f64::from(total)
    };
    let sep = theme.glyphs.separator;
    let label = if total == 0 {
        let cards = app
            .session
            .pack
            .nodes
            .iter()
            .filter(|n| n.kind == Kind::Info)
            .count();
        fill(app.text.cards_count, &[("count", &cards.to_string())])
    } else if done == total {
        format!("{done}/{total} {sep} {}", app.text.all_done)
    } else {
        format!("{done}/{total} {sep} {} %", (ratio * 100.0).floor())
    };
    if total == 0 {
        let line = Line::styled(label, theme.note).centered();
        frame.render_widget(line, gauge);
    } else if theme.glyphs.blocks {
        let bar = Gauge::default()
            .gauge_style(theme.gauge)
            .ratio(ratio)
            .label(label)
            .use_unicode(true);
        frame.render_widget(bar, gauge);
    } else {
        let bar = LineGauge::default()
            .filled_style(theme.gauge)
            .filled_symbol(theme.glyphs.bar_done)
            .unfilled_symbol(theme.glyphs.bar_todo)
            .ratio(ratio)
            .label(label);
        frame.render_widget(bar, gauge);
    }
}
