//! Keys to actions, and the rules every default binding keeps.

use ratatui::crossterm::event::{
    Event, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

use super::*;

#[test]
fn pasted_text_is_one_line_of_printable_text() {
    assert_eq!(
        pasted("one\r\ntwo\nt j\tq\x1b[2J\x07", 100),
        "one two t j q[2J"
    );
    let long = "x".repeat(20_010);
    assert_eq!(pasted(&long, 20_000).chars().count(), 20_000);
}

fn press(code: KeyCode) -> Option<Action> {
    Keymap::default().action_for_key(KeyEvent::new(code, KeyModifiers::NONE))
}

#[test]
fn arrows_and_vim_keys_move() {
    assert_eq!(press(KeyCode::Up), Some(Action::Up));
    assert_eq!(press(KeyCode::Char('k')), Some(Action::Up));
    assert_eq!(press(KeyCode::Char('j')), Some(Action::Down));
    assert_eq!(press(KeyCode::Char('h')), Some(Action::Collapse));
    assert_eq!(press(KeyCode::Right), Some(Action::Expand));
    assert_eq!(press(KeyCode::Char('G')), Some(Action::Last));
    assert_eq!(press(KeyCode::PageDown), Some(Action::PageDown));
}

#[test]
fn digits_pick_a_link() {
    assert_eq!(press(KeyCode::Char('1')), Some(Action::OpenLink(1)));
    assert_eq!(press(KeyCode::Char('9')), Some(Action::OpenLink(9)));
    assert_eq!(press(KeyCode::Char('0')), None);
}

#[test]
fn chords_and_releases_do_nothing_but_ctrl_c() {
    let keymap = Keymap::default();
    let ctrl = |c| keymap.action_for_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    assert_eq!(ctrl('c'), Some(Action::Quit));
    assert_eq!(ctrl('j'), None);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    assert_eq!(keymap.action_for_key(release), None);
}

#[test]
fn every_binding_is_reachable_from_its_keys() {
    for binding in Keymap::default().bindings() {
        for key in &binding.keys {
            let code = match *key {
                Key::Char(c) => KeyCode::Char(c),
                Key::Digit => KeyCode::Char('1'),
                Key::Up => KeyCode::Up,
                Key::Down => KeyCode::Down,
                Key::Left => KeyCode::Left,
                Key::Right => KeyCode::Right,
                Key::Home => KeyCode::Home,
                Key::End => KeyCode::End,
                Key::PageUp => KeyCode::PageUp,
                Key::PageDown => KeyCode::PageDown,
                Key::Enter => KeyCode::Enter,
                Key::Esc => KeyCode::Esc,
            };
            assert_eq!(press(code), Some(binding.action), "{key:?}");
        }
    }
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

fn resolve(code: KeyCode, mode: KeyMode) -> Option<Input> {
    Keymap::default().resolve(key(code), mode, true)
}

const COMMANDS: KeyMode = KeyMode::Commands {
    after_closing: false,
};

#[test]
fn while_typing_every_key_is_text_or_moves_the_cursor() {
    let edit = |code| resolve(code, KeyMode::Typing);
    assert_eq!(edit(KeyCode::Left), Some(Input::Edit(Edit::Left)));
    assert_eq!(edit(KeyCode::Right), Some(Input::Edit(Edit::Right)));
    assert_eq!(edit(KeyCode::Home), Some(Input::Edit(Edit::Home)));
    assert_eq!(edit(KeyCode::End), Some(Input::Edit(Edit::End)));
    assert_eq!(
        edit(KeyCode::Delete),
        Some(Input::Edit(Edit::DeleteForward))
    );
    assert_eq!(edit(KeyCode::Backspace), Some(Input::Edit(Edit::Delete)));
    // Every letter a command uses elsewhere is text here.
    for binding in Keymap::default().bindings() {
        for k in &binding.keys {
            if let Key::Char(c) = *k {
                assert_eq!(edit(KeyCode::Char(c)), Some(Input::Edit(Edit::Insert(c))));
            }
        }
    }
    assert_eq!(edit(KeyCode::Esc), Some(Input::Edit(Edit::Cancel)));
}

#[test]
fn each_mode_gives_a_key_its_own_meaning() {
    assert_eq!(
        resolve(KeyCode::Char('q'), COMMANDS),
        Some(Input::Action(Action::Quit))
    );
    assert_eq!(
        resolve(KeyCode::Esc, COMMANDS),
        Some(Input::Action(Action::Quit))
    );
    // Right after something closed, Escape goes back no further: it is only taken.
    let back = KeyMode::Commands {
        after_closing: true,
    };
    assert_eq!(resolve(KeyCode::Esc, back), Some(Input::Dismiss));
    assert_eq!(
        resolve(KeyCode::Char('q'), back),
        Some(Input::Action(Action::Quit))
    );
    // Reading: the keys that scroll scroll, any other closes (even one bound to nothing).
    assert_eq!(
        resolve(KeyCode::Down, KeyMode::Reading),
        Some(Input::Action(Action::Down))
    );
    assert_eq!(
        resolve(KeyCode::Char(' '), KeyMode::Reading),
        Some(Input::Dismiss)
    );
    assert_eq!(
        resolve(KeyCode::Char('x'), KeyMode::Reading),
        Some(Input::Dismiss)
    );
    // The lists have their own keys.
    let chooser = KeyMode::List(CHOOSER_BINDINGS);
    assert_eq!(
        resolve(KeyCode::Esc, chooser),
        Some(Input::List(PickerAction::Back))
    );
    assert_eq!(resolve(KeyCode::Char('t'), chooser), None);
    // Ctrl-Z and pasted text are the same in every mode; a paste is never keys.
    let modes = [COMMANDS, KeyMode::Typing, KeyMode::Reading, chooser];
    for mode in modes {
        let ctrl_z = Event::Key(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        let keymap = Keymap::default();
        assert_eq!(keymap.resolve(ctrl_z, mode, false), Some(Input::Suspend));
        let paste = Event::Paste("q".into());
        assert_eq!(
            keymap.resolve(paste, mode, false),
            Some(Input::Paste("q".into()))
        );
        let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
        release.kind = KeyEventKind::Release;
        assert_eq!(keymap.resolve(Event::Key(release), mode, false), None);
    }
}

#[test]
fn a_screen_too_small_to_be_seen_takes_only_quitting_and_ctrl_z() {
    let hidden = KeyMode::Hidden { typing: false };
    for quit in [KeyCode::Char('q'), KeyCode::Esc] {
        assert_eq!(resolve(quit, hidden), Some(Input::Action(Action::Quit)));
    }
    // While something is typed, its letters stay text: q never quits it unseen.
    let typing = KeyMode::Hidden { typing: true };
    assert_eq!(resolve(KeyCode::Char('q'), typing), None);
    assert_eq!(
        resolve(KeyCode::Esc, typing),
        Some(Input::Action(Action::Quit))
    );
    for key in [' ', 'j', 'e', 's', '/', '?', 'u', '1'] {
        assert_eq!(resolve(KeyCode::Char(key), hidden), None, "{key}");
    }
    assert_eq!(resolve(KeyCode::Enter, hidden), None);
    let keymap = Keymap::default();
    let ctrl = |c| Event::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
    assert_eq!(
        keymap.resolve(ctrl('c'), hidden, true),
        Some(Input::Action(Action::Quit))
    );
    assert_eq!(
        keymap.resolve(ctrl('z'), hidden, true),
        Some(Input::Suspend)
    );
    assert_eq!(keymap.resolve(Event::Paste("t".into()), hidden, true), None);
    let click = Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column: 3,
        row: 3,
        modifiers: KeyModifiers::NONE,
    });
    assert_eq!(keymap.resolve(click, hidden, true), None);
}

/// Characters an AZERTY keyboard only types with AltGr.
const AZERTY_ALTGR: &str = "~#{[|`\\^@]}€¤";

#[test]
fn every_action_is_typed_without_altgr_ctrl_or_alt_on_azerty() {
    for binding in Keymap::default().bindings() {
        for key in &binding.keys {
            if let Key::Char(c) = key {
                assert!(!AZERTY_ALTGR.contains(*c), "{c} needs AltGr on AZERTY");
            }
        }
        assert!(!binding.keys.is_empty(), "{:?} has no key", binding.action);
    }
}

#[test]
fn every_action_has_one_name_and_its_words_in_both_languages() {
    let names: Vec<String> = Action::named().map(|(name, _)| name).collect();
    // The names keymap files already use: renaming one would break them.
    assert_eq!(
        names,
        [
            "up",
            "down",
            "collapse",
            "expand",
            "first",
            "last",
            "page-up",
            "page-down",
            "details-down",
            "details-up",
            "toggle",
            "next-todo",
            "undo",
            "skip",
            "note",
            "search",
            "previous-match",
            "open",
            "copy",
            "runs",
            "packs",
            "ask",
            "answer",
            "help",
            "quit"
        ]
    );
    for (name, action) in Action::named() {
        assert_eq!(Action::from_name(&name), Some(action));
        for t in [&crate::text::EN, &crate::text::FR] {
            let (label, help) = action.words(t);
            assert!(!label.is_empty() && !help.is_empty(), "{name}");
        }
    }
    let (label, help) = Action::OpenLink(3).words(&crate::text::FR);
    assert!(!label.is_empty() && !help.is_empty());
    assert_eq!(
        Action::OpenLink(3).name(),
        None,
        "the digits are not rebound"
    );
    assert_eq!(Action::from_name("open-link"), None);
}
