//! Every checklist within a mentor's reach (built in, installed, preloaded) and how far
//! they are in each: what the chooser lists in the full-screen UI and plain mode, and
//! the progress `pack list` shows.

use crate::library::{Library, LibraryError};
use crate::pack::{Kind, Pack};
use crate::progress::{StateStore, Tracker, list_runs};
use crate::text::{Lang, Text, fill};

/// One checklist the chooser offers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelved {
    pub id: String,
    pub title: String,
    /// The language it is written in, when not the mentor's.
    pub written_in: Option<Lang>,
    pub how_far: HowFar,
}

impl Shelved {
    /// Its title, and the language it is written in when not the mentor's.
    pub fn title_words(&self, t: &Text) -> String {
        match self.written_in {
            Some(Lang::Fr) => format!("{} {}", self.title, t.written_in_fr),
            Some(Lang::En) => format!("{} {}", self.title, t.written_in_en),
            None => self.title.clone(),
        }
    }
}

/// How far a mentor is in a checklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HowFar {
    Steps {
        done: u32,
        total: u32,
    },
    /// Nothing to tick: a guide of reference cards.
    Cards(usize),
    /// Done once per student: how many students' checklists are open (not archived).
    Students(usize),
}

impl HowFar {
    /// Where the person stands in `pack`, from its progress in `store`, read without
    /// touching it: a damaged file is repaired when the checklist is opened, not listed.
    pub fn of(pack: &Pack, store: &StateStore) -> HowFar {
        if pack.repeatable {
            let runs = list_runs(store, pack);
            return HowFar::Students(runs.iter().filter(|r| !r.run.archived).count());
        }
        let state = store.peek(&pack.id, &pack.version);
        // Counted on the steps that apply, as the checklist itself counts them.
        let fitted = (!pack.questions.is_empty())
            .then(|| crate::pack::fit(&std::sync::Arc::new(pack.clone()), &state.answered(), None))
            .flatten();
        let pack = fitted.as_ref().unwrap_or(pack);
        match Tracker::new(pack, state).overall(pack) {
            (_, 0) => HowFar::Cards(pack.nodes.iter().filter(|n| n.kind == Kind::Info).count()),
            (done, total) => HowFar::Steps { done, total },
        }
    }

    pub fn words(self, t: &Text) -> String {
        match self {
            HowFar::Steps { done, total } => fill(
                t.shelf_steps,
                &[("done", &done.to_string()), ("total", &total.to_string())],
            ),
            HowFar::Cards(count) => fill(t.cards_count, &[("count", &count.to_string())]),
            HowFar::Students(count) => fill(t.shelf_students, &[("count", &count.to_string())]),
        }
    }
}

/// The checklists `library` holds, built-in ones first, with how far the person is in
/// each from `store` (the folder their progress is kept in); `lang` is theirs. Then the
/// installed and preloaded packs that could not be read, said in `lang`.
pub fn shelf(
    library: &Library,
    store: &StateStore,
    lang: Lang,
) -> Result<(Vec<Shelved>, Vec<String>), LibraryError> {
    let (listed, problems) = library.list()?;
    let problems = problems.iter().map(|p| p.words(lang.text())).collect();
    let shelved = listed
        .into_iter()
        .map(|listed| Shelved {
            how_far: HowFar::of(&listed.pack, store),
            written_in: Lang::from_code(&listed.pack.lang).filter(|written| *written != lang),
            id: listed.pack.id,
            title: listed.pack.title,
        })
        .collect();
    Ok((shelved, problems))
}
