//! Keys to actions, and the rules every default binding keeps.

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

#[test]
fn while_typing_the_arrows_home_end_and_delete_edit_the_line() {
    let edit = |code| edit_for_key(KeyEvent::new(code, KeyModifiers::NONE));
    assert_eq!(edit(KeyCode::Left), Some(Edit::Left));
    assert_eq!(edit(KeyCode::Right), Some(Edit::Right));
    assert_eq!(edit(KeyCode::Home), Some(Edit::Home));
    assert_eq!(edit(KeyCode::End), Some(Edit::End));
    assert_eq!(edit(KeyCode::Delete), Some(Edit::DeleteForward));
    assert_eq!(edit(KeyCode::Backspace), Some(Edit::Delete));
    assert_eq!(
        edit(KeyCode::Char('q')),
        Some(Edit::Insert('q')),
        "text, not a command"
    );
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
