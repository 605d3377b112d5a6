//! Finding nodes by what they say, forgiving of case, accents and punctuation (the
//! rule is `fold`'s): "evaluation" finds "évaluations", "no show" finds "no-show". A
//! query is words: a node matches when each begins a word it holds, in any order and any
//! of its fields ("student late" finds the card titled "…student…" whose details say
//! "…late…").
//! Pure: the UI filters its tree with it, plain mode and `ticklist search` use it too.

use crate::fold::fold;
use crate::pack::Pack;
use crate::progress::State;

/// A query's folded words, ready to test node texts against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query(Vec<String>);

impl Query {
    /// `None` for a query with nothing to look for (only spaces or punctuation).
    pub fn new(text: &str) -> Option<Self> {
        let folded = fold(text);
        let words: Vec<String> = folded.split_whitespace().map(str::to_string).collect();
        (!words.is_empty()).then_some(Query(words))
    }

    /// Whether `text` holds every word.
    pub fn matches(&self, text: &str) -> bool {
        self.matches_folded(&fold(text))
    }

    /// For text already passed through [`fold`].
    pub fn matches_folded(&self, folded: &str) -> bool {
        self.matches_across(&[folded])
    }

    /// Whether every word of the query begins a word of one or another of these folded
    /// texts: "evaluation" finds "evaluations", "no" finds "no-show" but not "know".
    fn matches_across(&self, texts: &[&str]) -> bool {
        self.0.iter().all(|word| {
            texts.iter().any(|text| {
                text.split([' ', FIELD_END])
                    .any(|w| w.starts_with(word.as_str()))
            })
        })
    }
}

/// Between two fields of a node in the index: never in folded text, so a word cannot
/// match across the end of one field and the start of the next.
const FIELD_END: char = '\u{1f}';

/// Every node's texts (title, details, callouts, link labels), folded once: what `/`
/// keeps while the mentor types, and what `ticklist search` builds for one query.
#[derive(Debug, Clone)]
pub struct SearchIndex(Vec<String>);

impl SearchIndex {
    pub fn new(pack: &Pack) -> Self {
        SearchIndex(
            pack.nodes
                .iter()
                .map(|node| {
                    let fields = [Some(&node.title), node.details.as_ref()]
                        .into_iter()
                        .chain([node.warning.as_ref(), node.note.as_ref()])
                        .flatten()
                        .chain(node.links.iter().map(|l| &l.label));
                    let mut all = String::new();
                    for field in fields {
                        all.push_str(&fold(field));
                        all.push(FIELD_END);
                    }
                    all
                })
                .collect(),
        )
    }

    /// Nodes whose texts and the mentor's own note on them hold every word of the
    /// query, between them: in pack order.
    pub fn find(&self, pack: &Pack, state: Option<&State>, query: &Query) -> Vec<usize> {
        (0..pack.nodes.len())
            .filter(|&i| !pack.nodes[i].hidden)
            .filter(|&i| {
                let note = state
                    .and_then(|s| s.notes.get(&pack.nodes[i].id))
                    .map(|n| fold(n));
                match note {
                    Some(note) => query.matches_across(&[&self.0[i], &note]),
                    None => query.matches_folded(&self.0[i]),
                }
            })
            .collect()
    }
}

/// Nodes of `pack` whose title, details, callouts, link labels or the mentor's own note
/// match, in pack order.
pub fn find(pack: &Pack, state: Option<&State>, query: &Query) -> Vec<usize> {
    SearchIndex::new(pack).find(pack, state, query)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_find_words_inside_longer_ones() {
        let q = Query::new("evaluation").unwrap();
        assert!(q.matches("Le fonctionnement des évaluations"));
        assert!(!q.matches("Évaluer"));
        // A word begins a word: "no" is not found inside "know".
        assert!(!Query::new("no show").unwrap().matches("you know it shows"));
        assert!(
            Query::new("no show")
                .unwrap()
                .matches("What if my student is a no-show?")
        );
        assert_eq!(Query::new(" -- "), None);
    }

    #[test]
    fn find_looks_in_every_text_and_the_mentors_notes() {
        let pack = crate::pack::builtin(crate::text::Lang::Fr).unwrap();
        let ids = |query: &str, state: Option<&State>| -> Vec<String> {
            find(&pack, state, &Query::new(query).unwrap())
                .into_iter()
                .map(|i| pack.nodes[i].id.clone())
                .collect()
        };
        assert_eq!(ids("evaluation", None), ["fonctionnement-evaluations"]);
        assert_eq!(ids("assigne a tout moment", None), ["etape-2"], "a warning");
        assert_eq!(
            ids("agenda en ligne", None),
            ["mentorship-manager"],
            "a link label"
        );
        let mut state = State::new(&pack.id, &pack.version);
        state
            .notes
            .insert("slack".into(), "demander le canal #mentors".into());
        assert_eq!(ids("canal mentors", Some(&state)), ["slack"]);
        assert!(ids("canal mentors", None).is_empty());
        // Words, wherever they are in the node, in `/`, plain mode and `ticklist search`
        // alike (all use this index).
        let yaml = "id: t\nversion: \"1\"\nlang: en\ntitle: T\nstages:\n  - id: s\n    title: Meet the student\n    details: Late arrivals happen\n    items: [{id: a, title: A}]\n";
        let small = crate::pack::load_str(yaml, "t.yaml").unwrap();
        let found = |q: &str| find(&small, None, &Query::new(q).unwrap());
        assert_eq!(found("student"), [0]);
        assert_eq!(found("student late"), [0], "words, not a phrase");
        assert_eq!(found("late student"), [0], "in any order");
        assert_eq!(found("meet arrivals"), [0], "from two fields");
        assert!(found("student early").is_empty(), "every word");
        assert!(found("studentlate").is_empty());
        assert!(
            found("tudent").is_empty(),
            "the start of a word, not its middle"
        );
        // A word in a title and one in the mentor's note, between them.
        let mut note = State::new(&small.id, &small.version);
        note.notes
            .insert("s".into(), "ask about the calendar".into());
        let query = Query::new("calendar meet").unwrap();
        assert_eq!(find(&small, Some(&note), &query), [0]);
        assert!(find(&small, None, &query).is_empty());
    }
}
