//! `ticklist search TEXT`: the UI's `/` across every pack a mentor has.

use std::io::Write;

use super::{Cli, Failure, state_dir};
use crate::cut::{Measure, cut};
use crate::library::Library;
use crate::pack::{self, Pack};
use crate::progress::{StateStore, list_runs};
use crate::safe_text::printable;
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
            .0
            .into_iter()
            .map(|listed| listed.pack)
            .collect(),
        None => pack::BUILTINS
            .iter()
            .map(|b| b.load(super::builtin_lang(cli)))
            .collect::<Result<_, _>>()?,
    };
    let store = state_dir(cli.options.state_dir.clone())
        .ok()
        .map(StateStore::new);
    let mut found = 0;
    for pack in &packs {
        // A pack done once per student keeps notes in each run: texts are searched once,
        // then each run's notes, shown with the run's name.
        let state = store.as_ref().filter(|_| !pack.repeatable).map(|s| {
            s.load(&pack.id, &pack.version, crate::clock::now())
                .into_state()
        });
        // The pack as the mentor sees it: steps their answers rule out are not found.
        let fitted = state
            .as_ref()
            .filter(|_| !pack.questions.is_empty())
            .and_then(|s| pack::fit(&std::sync::Arc::new(pack.clone()), &s.answered(), None));
        let pack = fitted.as_ref().unwrap_or(pack);
        for index in find(pack, state.as_ref(), &query) {
            found += 1;
            let node = &pack.nodes[index];
            writeln!(out, "{}/{}  {}", pack.id, node.id, node.title).map_err(Failure::Output)?;
            if let Some(details) = &node.details {
                writeln!(out, "    {}", cut(details, EXCERPT, Measure::Columns, '…'))
                    .map_err(Failure::Output)?;
            }
        }
        let Some(store) = store.as_ref().filter(|_| pack.repeatable) else {
            continue;
        };
        for run in list_runs(store, pack) {
            let state = store
                .for_run(&run.key)
                .load(&pack.id, &pack.version, crate::clock::now())
                .into_state();
            for (id, note) in &state.notes {
                let Some(index) = pack.find(id).filter(|_| query.matches(note)) else {
                    continue;
                };
                found += 1;
                let title = &pack.nodes[index].title;
                writeln!(out, "{}/{id}  {title}", pack.id).map_err(Failure::Output)?;
                let note = printable(note, false);
                writeln!(
                    out,
                    "    {}: {}",
                    run.run.name,
                    cut(&note, EXCERPT, Measure::Columns, '…')
                )
                .map_err(Failure::Output)?;
            }
        }
    }
    if found == 0 {
        return Err(Failure::NoMatch(text));
    }
    Ok(())
}
