//! `ticklist search TEXT`: the UI's `/` across every pack a mentor has.

use std::io::Write;

use jiff::Timestamp;

use super::{Cli, Failure, state_dir};
use crate::library::Library;
use crate::pack::{self, Pack};
use crate::progress::StateStore;
use crate::search::{Query, find};

/// Longest excerpt of a match's details printed under it.
const EXCERPT: usize = 160;

/// One line per match, `pack/id  title`, with the start of its details beneath.
pub fn search(cli: &Cli, words: &[String], out: &mut impl Write) -> Result<(), Failure> {
    let text = words.join(" ");
    let Some(query) = Query::new(&text) else {
        return Err(Failure::NoMatch(text));
    };
    let packs: Vec<Pack> = match Library::from_platform() {
        Some(library) => library
            .with_builtin_lang(super::builtin_lang(cli))
            .list()?
            .into_iter()
            .map(|(pack, _)| pack)
            .collect(),
        None => pack::BUILTINS
            .iter()
            .map(|b| b.load(super::builtin_lang(cli)))
            .collect::<Result<_, _>>()?,
    };
    let store = state_dir(cli.state_dir.clone()).ok().map(StateStore::new);
    let mut found = 0;
    for pack in &packs {
        let state = store.as_ref().map(|s| {
            s.load(&pack.id, &pack.version, Timestamp::now())
                .into_state()
        });
        for index in find(pack, state.as_ref(), &query) {
            found += 1;
            let node = &pack.nodes[index];
            writeln!(out, "{}/{}  {}", pack.id, node.id, node.title).map_err(Failure::Output)?;
            if let Some(details) = &node.details {
                let mut excerpt: String = details.chars().take(EXCERPT).collect();
                if details.chars().count() > EXCERPT {
                    excerpt.push('…');
                }
                writeln!(out, "    {excerpt}").map_err(Failure::Output)?;
            }
        }
    }
    if found == 0 {
        return Err(Failure::NoMatch(text));
    }
    Ok(())
}
