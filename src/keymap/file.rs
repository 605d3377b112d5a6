//! The optional keymap file (`keys.yaml` in the config directory): a user's own keys for
//! some actions, e.g. `down: [s, Down]`. Each action listed gets exactly the keys given;
//! the others keep their defaults. Errors name the line and column and what to change.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Action, Key, Keymap};
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// The keymap file's name in the config directory.
pub const KEYMAP_FILE: &str = "keys.yaml";

/// Larger than any keymap a person writes; refused before parsing.
const MAX_BYTES: usize = 64 * 1024;

#[derive(Debug, thiserror::Error)]
pub enum KeymapError {
    #[error("{}: cannot read the keymap: {source}", path.display())]
    Io {
        path: std::path::PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Not YAML of the keymap's shape; the parser's text carries the place and a snippet.
    #[error("{0}")]
    Syntax(String),
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: u64,
        column: u64,
        message: String,
    },
}

/// One key or a list of keys.
#[derive(Deserialize)]
#[serde(untagged)]
enum Keys {
    One(String),
    Many(Vec<String>),
}

/// Named keys, as written in the file (case does not matter).
const NAMED_KEYS: &[(&str, Key)] = &[
    ("space", Key::Char(' ')),
    ("enter", Key::Enter),
    ("esc", Key::Esc),
    ("up", Key::Up),
    ("down", Key::Down),
    ("left", Key::Left),
    ("right", Key::Right),
    ("home", Key::Home),
    ("end", Key::End),
    ("pageup", Key::PageUp),
    ("pagedown", Key::PageDown),
];

impl Keymap {
    /// The defaults with `path` applied; the defaults alone when there is no such file.
    pub fn load(path: &Path, t: &Text) -> Result<Keymap, KeymapError> {
        let io = |source| KeymapError::Io {
            path: path.to_path_buf(),
            source,
        };
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            // No file, or no config directory to hold one (a file in its place): no keymap.
            Err(e)
                if matches!(
                    e.kind(),
                    std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                ) =>
            {
                return Ok(Keymap::default());
            }
            Err(e) => return Err(io(e)),
        };
        let name = path.display().to_string();
        if bytes.len() > MAX_BYTES {
            return Err(invalid(&name, (1, 1), t.keymap_too_big.into()));
        }
        let text = String::from_utf8(bytes)
            .map_err(|_| invalid(&name, (1, 1), t.keymap_not_utf8.into()))?;
        Keymap::from_yaml(&text, &name, t)
    }

    /// The defaults with the keymap `text` applied; `name` is how errors name the file,
    /// `t` the language they are written in.
    pub fn from_yaml(text: &str, name: &str, t: &Text) -> Result<Keymap, KeymapError> {
        let options = serde_saphyr::options! {
            budget: serde_saphyr::budget! { max_depth: 4, max_documents: 1, max_aliases: 0 },
            duplicate_keys: serde_saphyr::DuplicateKeyPolicy::Error,
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let entries: Option<BTreeMap<String, Spanned<Keys>>> =
            serde_saphyr::from_str_with_options(text, options).map_err(|e| {
                let rendered = e.render_with_options(serde_saphyr::render_options! {
                    source_name: Some(name),
                });
                KeymapError::Syntax(format!(
                    "{}\n{}",
                    printable(&rendered, true),
                    t.keymap_shape
                ))
            })?;
        let mut keymap = Keymap::default();
        // Where each rebound action was written, to point at it in a conflict.
        let mut written_at: Vec<(Action, (u64, u64))> = Vec::new();
        for (action_name, keys) in entries.unwrap_or_default() {
            let place = (keys.referenced.line(), keys.referenced.column());
            let at = |message: String| invalid(name, place, message);
            let action = Action::from_name(&action_name)
                .filter(|action| action.name().is_some())
                .ok_or_else(|| {
                    let known: Vec<String> = Action::named().map(|(n, _)| n).collect();
                    let action = printable(&action_name, false);
                    let known = known.join(", ");
                    at(fill(
                        t.keymap_unknown_action,
                        &[("action", &action), ("known", &known)],
                    ))
                })?;
            let written = match &keys.value {
                Keys::One(key) => vec![key.clone()],
                Keys::Many(keys) => keys.clone(),
            };
            if written.is_empty() {
                return Err(at(fill(t.keymap_no_key, &[("action", &action_name)])));
            }
            let parsed = written
                .iter()
                .map(|k| parse_key(k, t).map_err(&at))
                .collect::<Result<Vec<Key>, _>>()?;
            if let Some(binding) = keymap.bindings.iter_mut().find(|b| b.action == action) {
                binding.keys = parsed;
            }
            written_at.push((action, place));
        }
        // A key given in the file leaves the default of any other action that had it
        // (`down: [s, Down]` takes `s` from skip, which keeps `-`).
        let rebound: Vec<Action> = written_at.iter().map(|(a, _)| *a).collect();
        let given: Vec<Key> = keymap
            .bindings
            .iter()
            .filter(|b| rebound.contains(&b.action))
            .flat_map(|b| b.keys.clone())
            .collect();
        for binding in &mut keymap.bindings {
            if !rebound.contains(&binding.action) {
                binding.keys.retain(|k| !given.contains(k));
                if binding.keys.is_empty() {
                    let action = action_name(binding.action);
                    return Err(invalid(
                        name,
                        (1, 1),
                        fill(t.keymap_no_key_left, &[("action", &action)]),
                    ));
                }
            }
        }
        check_conflicts(&keymap, name, &written_at, t)?;
        Ok(keymap)
    }
}

fn parse_key(written: &str, t: &Text) -> Result<Key, String> {
    let mut chars = written.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if ('1'..='9').contains(&c) {
            return Err(fill(t.keymap_digit, &[("key", &c.to_string())]));
        }
        if c.is_control() {
            return Err(t.keymap_control.into());
        }
        return Ok(Key::Char(c));
    }
    let lower = written.to_lowercase();
    NAMED_KEYS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|&(_, key)| key)
        .ok_or_else(|| {
            let names = "Space, Enter, Esc, Up, Down, Left, Right, Home, End, PageUp, PageDown";
            let key = printable(written, false);
            fill(t.keymap_unknown_key, &[("key", &key), ("names", names)])
        })
}

/// One key, one action: a key left on two actions would silently do only the first.
fn check_conflicts(
    keymap: &Keymap,
    name: &str,
    written_at: &[(Action, (u64, u64))],
    t: &Text,
) -> Result<(), KeymapError> {
    let mut seen: Vec<(Key, Action)> = Vec::new();
    for binding in &keymap.bindings {
        for &key in &binding.keys {
            if let Some(&(_, other)) = seen.iter().find(|(k, _)| *k == key) {
                // Point at whichever of the two the file rebound.
                let place = written_at
                    .iter()
                    .find(|(a, _)| *a == binding.action || *a == other)
                    .map_or((1, 1), |&(_, place)| place);
                let key = key_name(key);
                let values = [
                    ("key", key.as_str()),
                    ("first", &action_name(other)),
                    ("second", &action_name(binding.action)),
                ];
                return Err(invalid(name, place, fill(t.keymap_conflict, &values)));
            }
            seen.push((key, binding.action));
        }
    }
    Ok(())
}

fn action_name(action: Action) -> String {
    action.name().unwrap_or_else(|| "open-link".into())
}

fn key_name(key: Key) -> String {
    match key {
        Key::Char(' ') => "Space".into(),
        Key::Char(c) => c.to_string(),
        Key::Digit => "1-9".into(),
        other => NAMED_KEYS
            .iter()
            .find(|(_, k)| *k == other)
            .map(|(n, _)| n.to_string())
            .unwrap_or_default(),
    }
}

fn invalid(file: &str, (line, column): (u64, u64), message: String) -> KeymapError {
    KeymapError::Invalid {
        file: file.into(),
        line,
        column,
        message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{EN, FR};
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

    fn press(keymap: &Keymap, c: char) -> Option<Action> {
        keymap.action_for_key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE))
    }

    #[test]
    fn a_rebound_action_gets_exactly_the_keys_given() {
        let keymap = Keymap::from_yaml("down: [s, Down]\nup: z\n", "keys.yaml", &EN).unwrap();
        assert_eq!(press(&keymap, 's'), Some(Action::Down));
        assert_eq!(press(&keymap, 'j'), None, "j no longer moves down");
        assert_eq!(press(&keymap, 'z'), Some(Action::Up));
        assert_eq!(
            press(&keymap, 'q'),
            Some(Action::Quit),
            "others keep defaults"
        );
        assert_eq!(
            press(&keymap, '-'),
            Some(Action::Skip),
            "skip keeps its other key"
        );
        let toggle = Keymap::from_yaml("toggle: j\n", "keys.yaml", &EN).unwrap();
        assert_eq!(
            press(&toggle, 'j'),
            Some(Action::Toggle),
            "j left down's defaults"
        );
        assert_eq!(press(&toggle, 'k'), Some(Action::Up));
        let down = keymap.bindings().iter().find(|b| b.action == Action::Down);
        assert_eq!(down.unwrap().keys, vec![Key::Char('s'), Key::Down]);
    }

    #[test]
    fn an_empty_file_is_the_defaults() {
        assert_eq!(Keymap::from_yaml("", "k", &EN).unwrap(), Keymap::default());
        assert_eq!(
            Keymap::from_yaml("# nothing\n", "k", &EN).unwrap(),
            Keymap::default()
        );
    }

    fn error(text: &str) -> String {
        Keymap::from_yaml(text, "keys.yaml", &EN)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn mistakes_are_located_and_say_what_to_write() {
        let e = error("down: s\nsideways: x\n");
        assert!(
            e.starts_with("keys.yaml:2:11: unknown action `sideways`"),
            "{e}"
        );
        assert!(e.contains("page-down"), "{e}");
        let e = error("down: [s, Dwn]\n");
        assert!(e.starts_with("keys.yaml:1:7: unknown key `Dwn`"), "{e}");
        assert!(e.contains("PageDown"), "{e}");
        let e = error("open: '4'\n");
        assert!(e.contains("digits 1 to 9 open links"), "{e}");
        let e = error("down: []\n");
        assert!(e.contains("`down` needs at least one key"), "{e}");
        let e = error("toggle: j\ndown: [j, Down]\n");
        assert!(
            e.starts_with("keys.yaml:2:7: key `j` is bound to both `down` and `toggle`"),
            "{e}"
        );
        let e = error("down: [s, '-']\n");
        assert!(e.contains("`skip` has no key left"), "{e}");
        let french = Keymap::from_yaml("haut: z\n", "keys.yaml", &FR).unwrap_err();
        assert!(
            french.to_string().contains("action inconnue `haut`"),
            "{french}"
        );
        let e = error("down: [s\n");
        assert!(e.contains("keys.yaml"), "{e}");
        assert!(e.contains("down: [s, Down]"), "{e}");
        let e = error("down: s\ndown: x\n");
        assert!(e.contains("keys.yaml:2"), "{e}");
    }

    #[test]
    fn a_missing_file_is_the_defaults_and_an_unreadable_one_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(KEYMAP_FILE);
        assert_eq!(Keymap::load(&path, &EN).unwrap(), Keymap::default());
        std::fs::create_dir(&path).unwrap();
        assert!(matches!(
            Keymap::load(&path, &EN),
            Err(KeymapError::Io { .. })
        ));
        std::fs::remove_dir(&path).unwrap();
        std::fs::write(&path, b"down: \xff\n").unwrap();
        assert!(
            Keymap::load(&path, &EN)
                .unwrap_err()
                .to_string()
                .contains("UTF-8")
        );
    }
}
