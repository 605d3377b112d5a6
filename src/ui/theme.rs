//! The one place colours and glyph styles are chosen. State is always carried by
//! glyphs and text too, so the mono theme (`NO_COLOR`) loses nothing.

use ratatui::style::{Color, Modifier, Style};

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub title: Style,
    pub border: Style,
    pub selected: Style,
    pub done: Style,
    pub partial: Style,
    pub todo: Style,
    pub warning: Style,
    pub note: Style,
    pub url: Style,
    pub dim: Style,
    pub gauge: Style,
    pub key: Style,
    pub info: Style,
    pub error: Style,
}

impl Theme {
    /// The default theme, or a colourless one when `color` is false.
    pub fn new(color: bool) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        if !color {
            return Theme {
                title: bold,
                border: Style::new(),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                done: Style::new(),
                partial: Style::new(),
                todo: Style::new(),
                warning: bold,
                note: Style::new(),
                url: Style::new().add_modifier(Modifier::UNDERLINED),
                dim: Style::new(),
                gauge: Style::new(),
                key: bold,
                info: Style::new(),
                error: bold,
            };
        }
        Theme {
            title: bold.fg(Color::Cyan),
            border: Style::new().fg(Color::DarkGray),
            selected: Style::new().bg(Color::Blue).fg(Color::White),
            done: Style::new().fg(Color::Green),
            partial: Style::new().fg(Color::Yellow),
            todo: Style::new(),
            warning: bold.fg(Color::Yellow),
            note: Style::new().fg(Color::Cyan),
            url: Style::new()
                .fg(Color::Blue)
                .add_modifier(Modifier::UNDERLINED),
            dim: Style::new().fg(Color::DarkGray),
            gauge: Style::new().fg(Color::Green).bg(Color::Black),
            key: bold.fg(Color::Cyan),
            info: Style::new().fg(Color::Green),
            error: bold.fg(Color::Red),
        }
    }

    /// Colour unless the `NO_COLOR` convention asks for none.
    pub fn from_env() -> Self {
        Theme::new(std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()))
    }
}
