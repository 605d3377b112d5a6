//! The one place colours and glyph styles are chosen. State is always carried by
//! glyphs and text too, so the mono theme (`NO_COLOR`) loses nothing: boxes `[x]`, the
//! selection marker, the "new" badge and callout glyphs are characters, not colours.

use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;
use ratatui::widgets::{Block, Borders};

/// The characters the interface is drawn with, beyond the pack's own text.
#[derive(Debug)]
pub struct Glyphs {
    pub border: border::Set<'static>,
    pub expanded: &'static str,
    pub collapsed: &'static str,
    /// Before the selected row: a character screen readers speak at their default
    /// punctuation level ("right arrow", "greater"), where `›` is often left silent.
    pub selected: &'static str,
    pub bar_done: &'static str,
    pub bar_todo: &'static str,
    pub ellipsis: char,
    pub separator: &'static str,
    pub warning: &'static str,
    pub note: &'static str,
    /// After the title of a step that has the mentor's own note.
    pub has_note: &'static str,
    /// Whether the whole-pack gauge may use block characters.
    pub blocks: bool,
}

pub static UNICODE: Glyphs = Glyphs {
    border: border::PLAIN,
    expanded: "▾",
    collapsed: "▸",
    selected: "→",
    bar_done: "█",
    bar_todo: "░",
    ellipsis: '…',
    separator: "·",
    warning: "⚠",
    note: "ℹ",
    has_note: "✎",
    blocks: true,
};

/// For terminals without Unicode line drawing (`TERM=dumb`, `vt100`, a non-UTF-8 locale).
pub static ASCII: Glyphs = Glyphs {
    border: border::Set {
        top_left: "+",
        top_right: "+",
        bottom_left: "+",
        bottom_right: "+",
        vertical_left: "|",
        vertical_right: "|",
        horizontal_top: "-",
        horizontal_bottom: "-",
    },
    expanded: "v",
    collapsed: ">",
    selected: ">",
    bar_done: "#",
    bar_todo: "-",
    ellipsis: '~',
    separator: "-",
    warning: "!",
    note: "i",
    has_note: "*",
    blocks: false,
};

/// The colour schemes a user can pick with `--theme`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ThemeName {
    /// Colours on the terminal's own background.
    Default,
    /// Its own black background under light text, every pair at WCAG AA contrast or
    /// better whatever the terminal's background: for low vision, washed-out screens and
    /// light terminals alike.
    HighContrast,
    /// No colour at all: bold, underline and reverse video only.
    Mono,
}

/// The high-contrast colours, by their xterm-256 index.
const BLACK: Color = Color::Indexed(16);
const WHITE: Color = Color::Indexed(231);
const YELLOW: Color = Color::Indexed(226);
const GREEN: Color = Color::Indexed(46);
const CYAN: Color = Color::Indexed(51);
const RED: Color = Color::Indexed(203);

#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub glyphs: &'static Glyphs,
    /// Under everything: the screen is filled with it first.
    pub base: Style,
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
    pub fn new(name: ThemeName) -> Self {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let underlined = Style::new().add_modifier(Modifier::UNDERLINED);
        match name {
            ThemeName::Default => Theme {
                glyphs: &UNICODE,
                base: Style::new(),
                title: bold.fg(Color::Cyan),
                border: Style::new().fg(Color::DarkGray),
                selected: Style::new().bg(Color::Blue).fg(Color::White),
                done: Style::new().fg(Color::Green),
                partial: Style::new().fg(Color::Yellow),
                todo: Style::new(),
                warning: bold.fg(Color::Yellow),
                note: Style::new().fg(Color::Cyan),
                url: underlined.fg(Color::Blue),
                dim: Style::new().fg(Color::DarkGray),
                gauge: Style::new().fg(Color::Green).bg(Color::Black),
                key: bold.fg(Color::Cyan),
                info: Style::new().fg(Color::Green),
                error: bold.fg(Color::Red),
            },
            // Colours of the xterm 256-colour cube, the same on every terminal that has it
            // (named colours follow each terminal's palette, so their contrast is unknown).
            ThemeName::HighContrast => Theme {
                glyphs: &UNICODE,
                base: Style::new().bg(BLACK).fg(WHITE),
                title: bold.fg(WHITE),
                border: Style::new().fg(WHITE),
                selected: bold.bg(YELLOW).fg(BLACK),
                done: bold.fg(GREEN),
                partial: bold.fg(YELLOW),
                todo: Style::new().fg(WHITE),
                warning: bold.fg(YELLOW),
                note: Style::new().fg(CYAN),
                url: underlined.fg(CYAN),
                dim: Style::new().fg(WHITE),
                gauge: Style::new().fg(GREEN).bg(BLACK),
                key: bold.fg(YELLOW),
                info: bold.fg(GREEN),
                error: bold.fg(RED),
            },
            ThemeName::Mono => Theme {
                glyphs: &UNICODE,
                base: Style::new(),
                title: bold,
                border: Style::new(),
                selected: Style::new().add_modifier(Modifier::REVERSED),
                done: Style::new(),
                partial: Style::new(),
                todo: Style::new(),
                warning: bold,
                note: Style::new(),
                url: underlined,
                dim: Style::new(),
                gauge: Style::new(),
                key: bold,
                info: Style::new(),
                error: bold,
            },
        }
    }

    /// The same colours, drawn with ASCII only.
    pub fn ascii(self) -> Self {
        Theme {
            glyphs: &ASCII,
            ..self
        }
    }

    /// The theme asked for with `--theme`, else `mono` when `NO_COLOR` asks for no colour
    /// or `TERM=dumb`, else the default (an explicit choice beats `NO_COLOR`, as
    /// no-color.org asks); ASCII glyphs on terminals that lack Unicode line drawing or
    /// under a locale that is not UTF-8.
    pub fn from_env(choice: Option<ThemeName>) -> Self {
        let var = |name| std::env::var(name).ok().filter(|v| !v.is_empty());
        let term = var("TERM").unwrap_or_default();
        let dumb = term == "dumb";
        let name = choice.unwrap_or(if var("NO_COLOR").is_some() || dumb {
            ThemeName::Mono
        } else {
            ThemeName::Default
        });
        let old_terminal = dumb || matches!(term.as_str(), "vt52" | "vt100" | "vt102" | "vt220");
        // The first of these that is set decides, as for every program using the locale.
        let locale = var("LC_ALL")
            .or_else(|| var("LC_CTYPE"))
            .or_else(|| var("LANG"));
        let not_utf8 = locale.is_some_and(|l| {
            let l = l.to_ascii_lowercase();
            !(l.contains("utf-8") || l.contains("utf8"))
        });
        let theme = Theme::new(name);
        if old_terminal || not_utf8 {
            theme.ascii()
        } else {
            theme
        }
    }

    /// A bordered block in the theme's border glyphs and style.
    pub fn block(&self) -> Block<'static> {
        Block::new()
            .borders(Borders::ALL)
            .border_set(self.glyphs.border)
            .border_style(self.border)
    }
}
