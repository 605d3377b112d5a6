//! A damaged progress file read entry by entry: a value that cannot be read loses that
//! entry only, and says which (step and field), never the whole file.

use std::collections::BTreeMap;

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::state::{FORMAT_VERSION, State};

/// Which part of a step's progress could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Tick,
    Note,
    Skip,
    Opened,
    New,
    Start,
    Run,
    /// An answer to one of the pack's questions (by question id).
    Answer,
    /// Something of the file that is no step's: its pack version, its layout.
    Other,
}

/// An entry left out, by step id (empty for the checklist's own start or run).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Unreadable {
    pub field: Field,
    pub id: String,
}

impl Unreadable {
    /// The entry in words: which step (or question), which field.
    pub fn words(&self, pack: &crate::pack::Pack, t: &crate::text::Text) -> String {
        let title = match self.field {
            Field::Answer => pack
                .question(&self.id)
                .map_or(self.id.as_str(), |q| pack.questions[q].text.as_str()),
            _ => pack
                .find(&self.id)
                .map_or(self.id.as_str(), |node| pack.nodes[node].title.as_str()),
        };
        let template = match self.field {
            Field::Tick => t.salvage_tick,
            Field::Note => t.salvage_note,
            Field::Skip => t.salvage_skip,
            Field::Opened => t.salvage_opened,
            Field::New => t.salvage_new,
            Field::Start => t.salvage_start,
            Field::Run => t.salvage_run,
            Field::Answer => t.salvage_answer,
            Field::Other => t.salvage_other,
        };
        let title = crate::safe_text::printable(title, false);
        crate::text::fill(template, &[("title", &title)])
    }
}

/// What could be read of a file whose whole did not parse: `None` when it is not even a
/// progress file of `pack_id` (not a JSON object, another pack, a newer format).
pub fn salvage(bytes: &[u8], pack_id: &str) -> Option<(State, Vec<Unreadable>)> {
    let Value::Object(object) = serde_json::from_slice::<Value>(bytes).ok()? else {
        return None;
    };
    if object.get("pack_id").and_then(Value::as_str) != Some(pack_id) {
        return None;
    }
    let format = object.get("format").and_then(Value::as_u64)?;
    if format > u64::from(FORMAT_VERSION) {
        return None;
    }
    let mut lost = Vec::new();
    let version = object.get("pack_version").and_then(Value::as_str);
    if version.is_none() {
        lost.push(Unreadable {
            field: Field::Other,
            id: String::new(),
        });
    }
    let mut state = State::new(pack_id, version.unwrap_or(""));
    state.ticks = entries(&object, "ticks", Field::Tick, &mut lost);
    state.notes = entries(&object, "notes", Field::Note, &mut lost);
    state.skipped = entries(&object, "skipped", Field::Skip, &mut lost);
    state.opened = entries(&object, "opened", Field::Opened, &mut lost);
    state.answers = entries(&object, "answers", Field::Answer, &mut lost);
    match object.get("new") {
        None | Some(Value::Null) => {}
        Some(Value::Array(new)) => {
            for id in new {
                match id.as_str() {
                    Some(id) => {
                        state.new.insert(id.to_string());
                    }
                    None => lost.push(Unreadable {
                        field: Field::New,
                        id: String::new(),
                    }),
                }
            }
        }
        Some(_) => lost.push(Unreadable {
            field: Field::New,
            id: String::new(),
        }),
    }
    state.start = one(&object, "start", Field::Start, &mut lost);
    state.run = one(&object, "run", Field::Run, &mut lost);
    // The whole did not parse: if no entry says why, something else of the file did not.
    if lost.is_empty() {
        lost.push(Unreadable {
            field: Field::Other,
            id: String::new(),
        });
    }
    Some((state, lost))
}

/// A map of id → value, each entry read on its own.
fn entries<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    field: Field,
    lost: &mut Vec<Unreadable>,
) -> BTreeMap<String, T> {
    let Some(value) = object.get(key) else {
        return BTreeMap::new();
    };
    let Value::Object(map) = value else {
        lost.push(Unreadable {
            field,
            id: String::new(),
        });
        return BTreeMap::new();
    };
    let mut kept = BTreeMap::new();
    for (id, value) in map {
        match serde_json::from_value(value.clone()) {
            Ok(read) => {
                kept.insert(id.clone(), read);
            }
            Err(_) => lost.push(Unreadable {
                field,
                id: id.clone(),
            }),
        }
    }
    kept
}

fn one<T: DeserializeOwned>(
    object: &Map<String, Value>,
    key: &str,
    field: Field,
    lost: &mut Vec<Unreadable>,
) -> Option<T> {
    let value = object.get(key).filter(|v| !v.is_null())?;
    match serde_json::from_value(value.clone()) {
        Ok(read) => Some(read),
        Err(_) => {
            lost.push(Unreadable {
                field,
                id: String::new(),
            });
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_bad_date_loses_that_tick_only() {
        let file = br#"{"format":2,"pack_id":"p","pack_version":"1",
            "ticks":{"a":"2026-11-02T08:15:00Z","b":"hier","c":"2026-11-03T08:15:00Z"},
            "notes":{"a":"ok","b":7},"start":"bientot",
            "answers":{"billing":{"value":"company","at":"2026-11-02T08:15:00Z"},"date":{"value":3}}}"#;
        let (state, lost) = salvage(file, "p").unwrap();
        assert_eq!(state.ticks.keys().collect::<Vec<_>>(), ["a", "c"]);
        assert_eq!(state.notes.get("a").map(String::as_str), Some("ok"));
        assert_eq!(
            state.answered().get("billing").map(String::as_str),
            Some("company")
        );
        assert_eq!(
            lost,
            [
                Unreadable {
                    field: Field::Tick,
                    id: "b".into()
                },
                Unreadable {
                    field: Field::Note,
                    id: "b".into()
                },
                Unreadable {
                    field: Field::Answer,
                    id: "date".into()
                },
                Unreadable {
                    field: Field::Start,
                    id: String::new()
                },
            ]
        );
    }

    #[test]
    fn another_pack_or_a_newer_format_is_not_salvaged() {
        assert!(salvage(br#"{"format":2,"pack_id":"q","ticks":{}}"#, "p").is_none());
        assert!(salvage(br#"{"format":99,"pack_id":"p"}"#, "p").is_none());
        assert!(salvage(b"not json", "p").is_none());
    }
}
