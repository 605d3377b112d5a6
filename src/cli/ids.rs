//! The ids the commands take (`check slack`, `note etape-1`): found in the pack, or
//! refused with the closest ids the pack has.

use crate::pack::Pack;
use crate::safe_text::printable;
use crate::text::{EN, Text, fill};

/// Why `check`/`uncheck` refused: ids the pack does not have, with close matches.
#[derive(Debug, thiserror::Error)]
#[error("{}", self.message(&EN))]
pub struct UnknownIds(pub Vec<(String, Vec<String>)>);

impl UnknownIds {
    /// One line per unknown id, in the language of `t`.
    pub fn message(&self, t: &Text) -> String {
        self.0
            .iter()
            .map(|(id, close)| {
                let id = printable(id, false);
                if close.is_empty() {
                    fill(t.cli_unknown_id, &[("id", &id)])
                } else {
                    let close = close.join(", ");
                    fill(t.cli_unknown_id_close, &[("id", &id), ("close", &close)])
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The node with this id, or an error naming the closest ids.
pub fn find(pack: &Pack, id: &str) -> Result<usize, UnknownIds> {
    pack.find(id)
        .ok_or_else(|| UnknownIds(vec![(id.to_string(), close_matches(pack, id))]))
}

/// Ids of `pack` close to `id`: containing it, or within a few edits of it.
fn close_matches(pack: &Pack, id: &str) -> Vec<String> {
    let mut scored: Vec<(usize, &str)> = pack
        .nodes
        .iter()
        .filter_map(|n| {
            let distance = crate::fold::edit_distance(&n.id, id);
            let near = distance <= 3.max(id.chars().count() / 4) || n.id.contains(id);
            near.then_some((distance, n.id.as_str()))
        })
        .collect();
    scored.sort();
    scored
        .into_iter()
        .take(5)
        .map(|(_, id)| id.to_string())
        .collect()
}

/// The nodes of `ids`, or every unknown one with its close matches.
pub fn find_all(pack: &Pack, ids: &[String]) -> Result<Vec<usize>, UnknownIds> {
    let mut found = Vec::new();
    let mut unknown = Vec::new();
    for id in ids {
        match find(pack, id) {
            Ok(i) => found.push(i),
            Err(UnknownIds(mut missing)) => unknown.append(&mut missing),
        }
    }
    if !unknown.is_empty() {
        return Err(UnknownIds(unknown));
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack;

    #[test]
    fn unknown_ids_are_refused_with_close_ones() {
        let pack = pack::builtin(crate::text::Lang::Fr).unwrap();
        let ids = ["slack".to_string(), "video-candidat".to_string()];
        let err = find_all(&pack, &ids).unwrap_err();
        assert!(
            err.to_string().contains("did you mean video-candidats"),
            "{err}"
        );
        let err = find_all(&pack, &["zzz".into()]).unwrap_err();
        assert!(err.to_string().contains("see `ticklist list`"), "{err}");
        assert_eq!(find_all(&pack, &["etape-1".into()]).unwrap(), [0]);
    }
}
