//! Screen snapshots on ratatui's TestBackend: the main screen at two sizes, the help
//! overlay, an item with several links, the link picker and the completion message.

use jiff::Timestamp;
use jiff::tz::TimeZone;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ticklist::app::App;
use ticklist::effects::Core;
use ticklist::keymap::Keymap;
use ticklist::keymap::{Action, Edit};
use ticklist::pack;
use ticklist::progress::{State, Tracker};
use ticklist::session::Session;
use ticklist::text::{EN, FR, Lang};
use ticklist::ui::{self, Theme, ThemeName};

fn now() -> Timestamp {
    "2026-11-22T09:30:00Z".parse().unwrap()
}

/// The built-in pack with a few steps ticked on fixed dates.
fn app() -> App {
    app_in(Lang::Fr)
}

/// The same, in another language: the built-in pack's translation and catalogue.
fn app_in(lang: Lang) -> App {
    let pack = pack::builtin(lang).unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    for (id, at) in [
        ("video-candidats", "2026-11-02T08:15:00Z"),
        ("cours-explorez-role", "2026-11-03T17:40:00Z"),
        ("section-debuter-mentorat", "2026-11-04T10:05:00Z"),
    ] {
        state.ticks.insert(id.into(), at.parse().unwrap());
    }
    let tracker = Tracker::new(&pack, state);
    let mut app = App::new(Session::new(pack, tracker), lang.text(), TimeZone::UTC);
    app.update(Action::First, now());
    app
}

/// Renders as the event loop does: layout first, so the app knows its tree area.
fn draw(app: &mut App, width: u16, height: u16) -> Terminal<TestBackend> {
    draw_with(app, width, height, &Theme::new(ThemeName::Mono))
}

fn draw_with(app: &mut App, width: u16, height: u16, theme: &Theme) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    redraw(&mut terminal, app, theme);
    terminal
}

/// Draws on an existing terminal, after a resize for instance.
fn redraw(terminal: &mut Terminal<TestBackend>, app: &mut App, theme: &Theme) {
    let area = terminal.size().unwrap();
    ui::prepare(app, area.into(), theme);
    terminal
        .draw(|frame| ui::render(frame, app, theme))
        .unwrap();
}

fn select(app: &mut App, id: &str) {
    let node = app.session.pack.find(id).unwrap();
    app.tree.select_node(node);
}

#[test]
fn main_screen_80x24() {
    let mut app = app();
    draw(&mut app, 80, 24);
    select(&mut app, "cours-explorez-role");
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn main_screen_120x40() {
    let mut app = app();
    draw(&mut app, 120, 40);
    select(&mut app, "etape-2");
    insta::assert_snapshot!(draw(&mut app, 120, 40).backend());
}

#[test]
fn help_overlay() {
    let mut app = app();
    app.update(Action::Help, now());
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn the_help_scrolls_at_60x20_and_says_there_is_more() {
    let mut app = app();
    app.update(Action::Help, now());
    let top = draw(&mut app, 60, 20);
    let top = format!("{:?}", top.backend());
    assert!(top.contains(FR.overlay_more_below), "{top}");
    app.update(Action::Last, now());
    insta::assert_snapshot!(draw(&mut app, 60, 20).backend());
    assert_ne!(app.overlay_scroll, 0);
    // A key that does not scroll closes it, and does nothing else.
    let before = app.session.tracker().overall(&app.session.pack);
    app.update(Action::Toggle, now());
    assert_eq!(app.overlay(), None);
    assert_eq!(
        app.session.tracker().overall(&app.session.pack),
        before,
        "nothing ticked"
    );
}

#[test]
fn at_60x20_the_details_go_under_the_tree_and_scroll_to_the_whole_url() {
    let mut app = app();
    draw(&mut app, 60, 20);
    select(&mut app, "mentorship-manager");
    let top = draw(&mut app, 60, 20);
    insta::assert_snapshot!("stacked_60x20_top", top.backend());
    // J to the end: the last link's URL whole, and the border says how to go back.
    for _ in 0..40 {
        app.update(Action::DetailsDown, now());
    }
    let end = draw(&mut app, 60, 20);
    let screen = end.backend().to_string();
    assert!(screen.contains(FR.details_more_above), "{screen}");
    insta::assert_snapshot!("stacked_60x20_end", end.backend());
    // The wheel over the details scrolls them, not the tree.
    let selected = app.tree.selected();
    let before = app.details_scroll();
    let details_row = 15;
    app.update(
        Action::ScrollUp {
            column: 10,
            row: details_row,
        },
        now(),
    );
    draw(&mut app, 60, 20);
    assert!(
        app.details_scroll() < before,
        "the wheel scrolled the details"
    );
    assert_eq!(app.tree.selected(), selected);
    // Another step starts at the top of its details.
    app.update(Action::Down, now());
    draw(&mut app, 60, 20);
    assert_eq!(app.details_scroll(), 0);
}

#[test]
fn at_80x24_a_long_step_scrolls_in_the_details_pane_beside_the_tree() {
    let mut app = app();
    draw(&mut app, 80, 24);
    select(&mut app, "mentorship-manager");
    let top = draw(&mut app, 80, 24);
    assert!(top.backend().to_string().contains(FR.details_more_below));
    for _ in 0..40 {
        app.update(Action::DetailsDown, now());
    }
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn details_of_an_item_with_several_links() {
    let mut app = app();
    draw(&mut app, 100, 30);
    select(&mut app, "mentorship-manager");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn link_picker() {
    let mut app = app();
    draw(&mut app, 80, 24);
    select(&mut app, "mentorship-manager");
    app.update(Action::Open, now());
    app.update(Action::Down, now());
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

/// Where the window titled `title` is on `screen`: its border's top, bottom, left and
/// right (inclusive).
fn window(screen: &[Vec<char>], title: &str) -> (usize, usize, usize, usize) {
    let top = screen
        .iter()
        .position(|row| row.iter().collect::<String>().contains(title))
        .unwrap();
    // The window's corners are the nearest to its title: another box's may share its row.
    let row: String = screen[top].iter().collect();
    let at = row[..row.find(title).unwrap()].chars().count();
    let left = screen[top][..at].iter().rposition(|&c| c == '┌').unwrap();
    let right = at + screen[top][at..].iter().position(|&c| c == '┐').unwrap();
    let bottom = (top..screen.len())
        .find(|&y| screen[y].get(left) == Some(&'└'))
        .unwrap();
    (top, bottom, left, right)
}

#[test]
fn nothing_from_below_shows_at_a_windows_edge_at_any_size() {
    for (width, height) in [(100, 30), (80, 24), (40, 12)] {
        for which in ["help", "links"] {
            let mut app = app();
            draw(&mut app, width, height);
            let title = match which {
                "help" => {
                    app.update(Action::Help, now());
                    "Aide"
                }
                _ => {
                    select(&mut app, "mentorship-manager");
                    app.update(Action::Open, now());
                    "Ouvrir quel lien"
                }
            };
            let terminal = draw(&mut app, width, height);
            let buffer = terminal.backend().buffer();
            let screen: Vec<Vec<char>> = (0..height)
                .map(|y| {
                    (0..width)
                        .map(|x| buffer[(x, y)].symbol().chars().next().unwrap_or(' '))
                        .collect()
                })
                .collect();
            let (top, bottom, left, right) = window(&screen, title);
            if which == "links" {
                // However small the screen, the window says how to choose and to cancel.
                let shown: String = screen.iter().flatten().collect();
                assert!(
                    shown.contains("annuler"),
                    "links at {width}×{height}:\n{shown}"
                );
            }
            // The cell around the window is blank, where the screen has one.
            let blank = |x: usize, y: usize| {
                screen
                    .get(y)
                    .and_then(|r| r.get(x))
                    .is_none_or(|&c| c == ' ')
            };
            for y in top.saturating_sub(1)..=bottom + 1 {
                for x in [left.wrapping_sub(1), right + 1] {
                    assert!(
                        blank(x, y),
                        "{which} at {width}×{height}: {:?} at ({x}, {y})",
                        screen.get(y).and_then(|r| r.get(x))
                    );
                }
            }
            for x in left.saturating_sub(1)..=right + 1 {
                for y in [top.wrapping_sub(1), bottom + 1] {
                    assert!(
                        blank(x, y),
                        "{which} at {width}×{height}: {:?} at ({x}, {y})",
                        screen.get(y).and_then(|r| r.get(x))
                    );
                }
            }
        }
    }
}

#[test]
fn completion_message() {
    let mut app = app();
    for stage in app.session.pack.children(None).collect::<Vec<_>>() {
        app.tree.select_node(stage);
        if app.session.tracker().check(stage) != ticklist::progress::Check::Done {
            app.update(Action::Toggle, now());
        }
    }
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn narrow_terminal_stacks_the_details() {
    let mut app = app();
    draw(&mut app, 50, 24);
    select(&mut app, "video-candidats");
    insta::assert_snapshot!(draw(&mut app, 50, 24).backend());
}

/// Every overlay and the plain screen, drawn at `width`×`height`.
fn draw_every_screen(width: u16, height: u16) {
    let mut app = app();
    select(&mut app, "mentorship-manager");
    draw(&mut app, width, height);
    for open in [Action::Help, Action::Open] {
        app.update(open, now());
        draw(&mut app, width, height);
        app.update(Action::Quit, now());
    }
    app.mode = ticklist::app::Mode::Overlay(ticklist::app::Overlay::Completion);
    draw(&mut app, width, height);
}

#[test]
fn tiny_and_huge_terminals_never_panic() {
    for width in 0..=30 {
        for height in 0..=10 {
            draw_every_screen(width, height);
        }
    }
    draw_every_screen(400, 120);
    draw_every_screen(u16::MAX, 3);
    let mut app = app();
    let screen = format!("{}", draw(&mut app, 20, 5).backend());
    assert!(screen.contains("Terminal trop"), "{screen}");
}

#[test]
fn a_long_url_in_the_status_line_is_shown_whole() {
    let mut app = app();
    draw(&mut app, 80, 24);
    select(&mut app, "fonctionnement-evaluations");
    let url = app.session.pack.nodes[app.tree.selected().unwrap()].links[0]
        .url
        .clone();
    app.report(ticklist::session::EffectResult::NoBrowser(url));
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

#[test]
fn resizing_with_the_help_open_keeps_it_open_and_whole() {
    let mut app = app();
    let theme = Theme::new(ThemeName::Mono);
    let mut terminal = draw(&mut app, 80, 24);
    app.update(Action::Help, now());
    for (width, height) in [(80, 24), (30, 8), (10, 3), (120, 40)] {
        terminal.backend_mut().resize(width, height);
        redraw(&mut terminal, &mut app, &theme);
    }
    assert_eq!(app.overlay(), Some(ticklist::app::Overlay::Help));
    let screen = format!("{}", terminal.backend());
    assert!(screen.contains(FR.help_title), "{screen}");
    assert!(screen.contains(FR.help_close), "{screen}");
}

#[test]
fn a_terminal_without_unicode_gets_ascii_chrome() {
    let mut app = app();
    let theme = Theme::new(ThemeName::Mono).ascii();
    draw_with(&mut app, 80, 24, &theme);
    select(&mut app, "etape-2");
    let terminal = draw_with(&mut app, 80, 24, &theme);
    let buffer = terminal.backend().buffer();
    // Text may have accents and quotes; the chrome has no arrows, line drawing,
    // blocks or other symbols that such terminals show as garbage.
    for cell in buffer.content() {
        for c in cell.symbol().chars() {
            assert!(
                !matches!(c, '\u{2190}'..='\u{21ff}' | '\u{2500}'..='\u{259f}')
                    && !"→▾▸…·⚠ℹ".contains(c),
                "{c:?} drawn on an ASCII terminal"
            );
        }
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_mentors_own_note_shows_in_the_details() {
    let mut app = app();
    draw(&mut app, 100, 30);
    select(&mut app, "slack");
    let mut state = app.session.tracker().state().clone();
    state.notes.insert(
        "slack".into(),
        "Demander l'accès au canal #mentors\nle lundi".into(),
    );
    app.session = Session::new(
        app.session.pack.clone(),
        Tracker::new(&app.session.pack, state),
    );
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn main_screen_in_english() {
    let mut app = app_in(Lang::En);
    draw(&mut app, 100, 30);
    select(&mut app, "cours-explorez-role");
    insta::assert_snapshot!(draw(&mut app, 100, 30).backend());
}

#[test]
fn help_overlay_in_english() {
    let mut app = app_in(Lang::En);
    app.update(Action::Help, now());
    insta::assert_snapshot!(draw(&mut app, 80, 24).backend());
}

/// A screen with every state at once: ticked, partly ticked and empty boxes, a new
/// step, the selection, a callout.
fn every_state(theme: &Theme) -> Terminal<TestBackend> {
    let mut app = app();
    let mut state = app.session.tracker().state().clone();
    state.new.insert("avis-recrutement".into());
    app.session = Session::new(
        app.session.pack.clone(),
        Tracker::new(&app.session.pack, state),
    );
    draw_with(&mut app, 100, 30, theme);
    select(&mut app, "etape-2");
    draw_with(&mut app, 100, 30, theme)
}

#[test]
fn without_colour_every_state_still_shows() {
    let terminal = every_state(&Theme::new(ThemeName::Mono));
    let buffer = terminal.backend().buffer();
    for cell in buffer.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset, "{cell:?}");
        assert_eq!(cell.bg, ratatui::style::Color::Reset, "{cell:?}");
    }
    let screen = terminal.backend().to_string();
    for shown in ["[x]", "[~]", "[ ]", "→ ▾ [ ] Étape 2", "nouveau", "⚠"] {
        assert!(screen.contains(shown), "{shown} missing:\n{screen}");
    }
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn the_themes_differ_in_colour_only() {
    let text = |name| every_state(&Theme::new(name)).backend().to_string();
    let mono = text(ThemeName::Mono);
    assert_eq!(text(ThemeName::Default), mono);
    assert_eq!(text(ThemeName::HighContrast), mono);
    // High contrast never uses dark grey, which washes out on many screens.
    let terminal = every_state(&Theme::new(ThemeName::HighContrast));
    for cell in terminal.backend().buffer().content() {
        assert_ne!(cell.fg, ratatui::style::Color::DarkGray, "{cell:?}");
    }
}

/// The RGB of an xterm-256 colour of the cube (16–231) or the grey ramp (232–255).
fn xterm_rgb(color: ratatui::style::Color) -> Option<(f64, f64, f64)> {
    let ratatui::style::Color::Indexed(index) = color else {
        return None;
    };
    let level = |v: u8| f64::from(if v == 0 { 0 } else { 55 + 40 * v });
    match index {
        16..=231 => {
            let i = index - 16;
            Some((level(i / 36), level((i / 6) % 6), level(i % 6)))
        }
        232..=255 => {
            let v = f64::from(8 + 10 * (index - 232));
            Some((v, v, v))
        }
        _ => None,
    }
}

/// WCAG 2 contrast ratio between two colours.
fn contrast(a: (f64, f64, f64), b: (f64, f64, f64)) -> f64 {
    let luminance = |(r, g, b): (f64, f64, f64)| {
        let channel = |c: f64| {
            let c = c / 255.0;
            if c <= 0.039_28 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    };
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn high_contrast_paints_its_own_background_and_every_cell_reaches_wcag_aa() {
    for (width, height) in [(100, 30), (60, 20)] {
        let mut app = app();
        let theme = Theme::new(ThemeName::HighContrast);
        select(&mut app, "mentorship-manager");
        let mut terminals = vec![draw_with(&mut app, width, height, &theme)];
        app.update(Action::Help, now());
        terminals.push(draw_with(&mut app, width, height, &theme));
        app.update(Action::Quit, now());
        app.update(Action::Open, now());
        terminals.push(draw_with(&mut app, width, height, &theme));
        for terminal in terminals {
            for cell in terminal.backend().buffer().content() {
                let (fg, bg) = (xterm_rgb(cell.fg), xterm_rgb(cell.bg));
                // No cell is left to the terminal's own colours, light or dark.
                let (Some(fg), Some(bg)) = (fg, bg) else {
                    panic!("a cell without the theme's colours: {cell:?}");
                };
                let ratio = contrast(fg, bg);
                assert!(ratio >= 4.5, "contrast {ratio:.2} below AA: {cell:?}");
            }
        }
    }
}

#[test]
fn rebound_keys_show_in_the_footer_and_the_help() {
    let mut app = app_in(Lang::En);
    app.keymap = Keymap::from_yaml("down: [s, Down]\nquit: x\n", "keys.yaml", &EN).unwrap();
    let screen = draw(&mut app, 100, 30).backend().to_string();
    assert!(screen.contains("x quit"), "{screen}");
    app.update(Action::Help, now());
    let help = draw(&mut app, 100, 30).backend().to_string();
    let line = help
        .lines()
        .find(|l| l.contains("Go to the next line"))
        .unwrap();
    assert!(line.contains(" s ↓ "), "{line}");
    assert!(!line.contains(" j"), "{line}");
    assert!(
        help.lines()
            .any(|l| l.contains(" x ") && l.contains("Quit"))
    );
}

/// A shipped pack as a mentor first sees it: fresh progress, in the pack's language.
/// A built-in pack in `lang` with no progress, as a new mentor opens it.
fn fresh(id: &str, lang: Lang) -> App {
    let pack = pack::find_builtin(id).unwrap().load(lang).unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    App::new(Session::new(pack, tracker), lang.text(), TimeZone::UTC)
}

fn first_screen(id: &str, lang: Lang) -> Terminal<TestBackend> {
    let mut app = fresh(id, lang);
    draw(&mut app, 100, 30);
    draw(&mut app, 100, 30)
}

#[test]
fn first_screen_of_the_first_session_guide() {
    insta::assert_snapshot!(first_screen("first-session", Lang::Fr).backend());
}

#[test]
fn first_screen_of_the_handbook() {
    let terminal = first_screen("mentor-handbook", Lang::En);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("25 reference cards"), "{screen}");
    assert!(!screen.contains("[ ]"), "cards have no box: {screen}");
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn slash_no_show_finds_the_answer_in_the_handbook() {
    let mut app = fresh("mentor-handbook", Lang::En);
    draw(&mut app, 100, 30);
    app.update(Action::Search, now());
    for c in "no show".chars() {
        app.edit(Edit::Insert(c), now());
    }
    let typing = draw(&mut app, 100, 30).backend().to_string();
    assert!(typing.contains("Search: no show "), "{typing}");
    app.edit(Edit::Confirm, now());
    let terminal = draw(&mut app, 100, 30);
    let screen = terminal.backend().to_string();
    assert!(screen.contains("1 match for “no show”"), "{screen}");
    assert!(
        screen.contains("than 15 minutes late"),
        "the answer is shown: {screen}"
    );
    insta::assert_snapshot!(terminal.backend());
}

#[test]
fn overdue_and_due_soon_steps_are_marked_in_words() {
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/packs/due-dates.yaml");
    let pack = pack::load_file(&file).unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    state.start = Some(jiff::civil::date(2026, 11, 16));
    let tracker = Tracker::new(&pack, state);
    let mut app = App::new(Session::new(pack, tracker), &EN, TimeZone::UTC);
    app.today = jiff::civil::date(2026, 11, 21);
    draw(&mut app, 80, 24);
    let terminal = draw(&mut app, 80, 24);
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Meet your student") && screen.contains("overdue"),
        "{screen}"
    );
    assert!(screen.contains("due soon"), "{screen}");
    assert!(
        screen.contains("Due 18 November 2026 (overdue)"),
        "{screen}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// Titles in many scripts: wide (CJK, fullwidth), emoji with ZWJ and flags, combining
/// accents, zero-width characters.
const WIDE_PACK: &str = "id: wide\nversion: \"1\"\nlang: fr\ntitle: \"Ｗｉｄｅ 文字のパック\"\nstages:\n  - id: s\n    title: \"多言語のステージ：日本語と中文のタイトルはとても長い\"\n    items:\n      - {id: a, title: \"👩‍💻 Développeuse 🇫🇷 avec une équipe très longue à lire\"}\n      - {id: b, title: \"Re\\u0301sume\\u0301 q\\u0301 x\\u0308 avec des accents combinants\"}\n      - {id: c, title: \"Zero\\u200bwidth\\u2060chars\\ufeff everywhere in this long title\"}\n      - {id: d, title: \"Ｆｕｌｌｗｉｄｔｈ ｔｅｘｔ ｉｓ ｗｉｄｅ ｔｏｏ\"}\n";

#[test]
fn titles_in_any_script_are_cut_by_columns() {
    use unicode_width::UnicodeWidthStr;
    let pack = pack::load_str(WIDE_PACK, "wide.yaml").unwrap();
    let state = State::new(&pack.id, &pack.version);
    let tracker = Tracker::new(&pack, state);
    for (width, height) in [(80, 24), (40, 12)] {
        let mut app = App::new(
            Session::new(pack.clone(), tracker.clone()),
            Lang::Fr.text(),
            TimeZone::UTC,
        );
        app.update(Action::First, now());
        let terminal = draw(&mut app, width, height);
        let buffer = terminal.backend().buffer();
        // The tree's right border, from its top corner: the same column on every row.
        let top = (0..width)
            .position(|x| buffer[(x, 2)].symbol() == "┐")
            .expect("the tree's top right corner") as u16;
        // Each row as the terminal shows it: a wide character covers the next cell.
        let rows: Vec<String> = (0..height)
            .map(|y| {
                let mut row = String::new();
                let mut x = 0;
                while x < width {
                    let symbol = buffer[(x, y)].symbol();
                    row.push_str(symbol);
                    x += u16::try_from(symbol.width().max(1)).unwrap();
                }
                row
            })
            .collect();
        let bottom = (3..height)
            .find(|&y| buffer[(top, y)].symbol() == "┘")
            .expect("the tree's bottom right corner");
        assert!(bottom > 4, "{}", rows.join("\n"));
        for y in 3..bottom {
            assert_eq!(
                buffer[(top, y)].symbol(),
                "│",
                "row {y}:\n{}",
                rows.join("\n")
            );
        }
        for row in &rows {
            assert_eq!(row.width(), usize::from(width), "{row:?}");
            assert!(
                !row.contains('\u{200b}') && !row.contains('\u{feff}'),
                "{row:?}"
            );
        }
        let tree: Vec<&String> = rows.iter().filter(|r| r.contains("[ ]")).collect();
        assert!(tree[0].contains("0/4"), "the parent's count: {}", tree[0]);
        assert!(tree.iter().all(|r| r.contains('…')), "{tree:#?}");
        insta::assert_snapshot!(format!("wide_titles_{width}x{height}"), rows.join("\n"));
    }
}

#[test]
fn the_details_pane_and_plain_mode_describe_an_all_skipped_item_alike() {
    use ticklist::plain::Plain;
    use ticklist::progress::Skip;
    let pack = pack::builtin(Lang::Fr).unwrap();
    let mut state = State::new(&pack.id, &pack.version);
    for id in [
        "section-debuter-mentorat",
        "article-candidats-mission",
        "article-remuneration",
    ] {
        let skip = Skip {
            reason: "déjà lu".into(),
            at: now(),
        };
        state.skipped.insert(id.into(), skip);
    }
    let tracker = Tracker::new(&pack, state);
    let index = pack.find("centre-aide-recrutement").unwrap();

    let mut app = App::new(
        Session::new(pack.clone(), tracker.clone()),
        &FR,
        TimeZone::UTC,
    );
    while app.tree.selected() != Some(index) {
        app.update(Action::Down, now());
    }
    let terminal = draw(&mut app, 200, 40);
    let screen: String = format!("{:?}", terminal.backend());
    assert!(screen.contains(FR.state_all_skipped), "{screen}");
    // Its box says not applicable too, never ticked.
    let row = screen.lines().find(|l| l.contains('→')).unwrap();
    assert!(row.contains("[-]"), "{row}");

    let lines = crate::support::plain_go(&pack, "centre-aide-recrutement");
    let mut plain = Plain::new(Session::new(pack, tracker), &FR, TimeZone::UTC);
    let mut reply = Default::default();
    for line in lines.lines() {
        reply = plain.command(line, now());
    }
    let reply: ticklist::plain::Reply = reply;
    let said = format!("{}. ", FR.state_all_skipped);
    assert!(
        reply.lines.iter().any(|l| l.starts_with(&said)),
        "{:?}",
        reply.lines
    );
}

#[test]
fn plain_mode_opens_on_the_same_step_as_the_full_screen_ui() {
    use ticklist::plain::Plain;
    let pack = pack::builtin(Lang::En).unwrap();
    let fresh = State::new(&pack.id, &pack.version);
    let mut returning = fresh.clone();
    for id in ["video-candidats", "cours-explorez-role"] {
        returning.ticks.insert(id.into(), now());
    }
    for state in [fresh, returning] {
        let tracker = Tracker::new(&pack, state);
        let app = App::new(
            Session::new(pack.clone(), tracker.clone()),
            &EN,
            TimeZone::UTC,
        );
        let plain = Plain::new(Session::new(pack.clone(), tracker), &EN, TimeZone::UTC);
        assert_eq!(app.tree.selected(), Some(plain.current()));
        assert!(pack.is_step(plain.current()));
    }
}

#[test]
fn typing_a_note_shows_the_keys_of_typing() {
    let mut app = app();
    draw(&mut app, 80, 24);
    select(&mut app, "slack");
    app.update(Action::EditNote, now());
    for c in "demander #mentors".chars() {
        app.edit(Edit::Insert(c), now());
    }
    // The cursor moves: typing after Left goes in where it is.
    for _ in 0.."mentors".chars().count() {
        app.edit(Edit::Left, now());
    }
    app.edit(Edit::Insert('@'), now());
    app.edit(Edit::Delete, now());
    app.edit(Edit::DeleteForward, now());
    app.edit(Edit::Insert('M'), now());
    assert_eq!(app.prompt().unwrap().line.text, "demander #Mentors");
    let terminal = draw(&mut app, 80, 24);
    let screen = terminal.backend().to_string();
    assert!(
        screen.contains("Entrée enregistrer  Échap annuler"),
        "{screen}"
    );
    assert!(
        !screen.contains("cocher") && !screen.contains("quitter"),
        "no command hints while typing: {screen}"
    );
    // The cursor is drawn on the character after it, in reverse video.
    let column = " Votre note : demander #M".chars().count() as u16;
    let cell = &terminal.backend().buffer()[(column, 22)];
    assert_eq!(cell.symbol(), "e");
    assert!(
        cell.modifier.contains(ratatui::style::Modifier::REVERSED),
        "{cell:?}"
    );
    insta::assert_snapshot!(terminal.backend());
}

/// A step whose details are a list (the first-session guide's "during the session"):
/// each line of it on a line of its own.
#[test]
fn details_written_as_a_list_keep_their_lines() {
    let pack = pack::find_builtin("first-session")
        .unwrap()
        .load(Lang::Fr)
        .unwrap();
    let tracker = Tracker::new(&pack, State::new(&pack.id, &pack.version));
    let mut app = App::new(Session::new(pack, tracker), Lang::Fr.text(), TimeZone::UTC);
    select(&mut app, "pendant-la-session");
    insta::assert_snapshot!(draw(&mut app, 120, 30).backend());
}

/// The chooser at the three sizes a mentor meets: every checklist with how far they are
/// in it, the open one marked, the marker and the cursor on the selected row.
#[test]
fn the_chooser_at_three_sizes() {
    use ticklist::app::Chooser;
    use ticklist::session::{HowFar, Shelved};
    let shelved = |id: &str, title: &str, written_in, how_far| Shelved {
        id: id.into(),
        title: title.into(),
        written_in,
        how_far,
    };
    let shelf = vec![
        shelved(
            "openclassrooms-mentor",
            "Getting started as an OpenClassrooms mentor",
            None,
            HowFar::Steps { done: 3, total: 24 },
        ),
        shelved(
            "first-session",
            "Première session avec un nouvel étudiant",
            Some(Lang::Fr),
            HowFar::Students(1),
        ),
        shelved(
            "mentor-handbook",
            "The mentor's handbook",
            None,
            HowFar::Cards(25),
        ),
    ];
    let theme = Theme::new(ThemeName::Mono);
    for (width, height) in [(100, 30), (80, 24), (40, 12)] {
        let mut chooser = Chooser::new(shelf.clone(), "openclassrooms-mentor");
        chooser.key(ticklist::keymap::PickerAction::Down);
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal
            .draw(|frame| ui::chooser::render(frame, &chooser, &EN, &theme))
            .unwrap();
        terminal.backend_mut().assert_cursor_position((1, 3));
        insta::assert_snapshot!(format!("chooser_{width}x{height}"), terminal.backend());
    }
}

/// On a narrow screen the guide's title gives way and the student's name stays: the
/// mentor always sees whose checklist they tick.
#[test]
fn a_students_name_stays_in_the_header_at_40_columns() {
    let mut app = fresh("first-session", Lang::Fr);
    app.run = Some("Alice".into());
    let terminal = draw(&mut app, 40, 12);
    let header = terminal.backend().to_string();
    let first = header.lines().next().unwrap();
    assert!(first.contains("… · Alice v2026.12"), "{first}");
}
