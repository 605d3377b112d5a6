//! Finding nodes by what they say, forgiving of case, accents and punctuation (the
//! rule is `fold`'s): "evaluation" finds "évaluations", "no show" finds "no-show".
//! Pure: the UI filters its tree with it, `ticklist search` prints what it finds.

use crate::fold::fold;
use crate::pack::Pack;
use crate::progress::State;

/// A folded query, ready to test node texts against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query(String);

impl Query {
    /// `None` for a query with nothing to look for (only spaces or punctuation).
    pub fn new(text: &str) -> Option<Self> {
        let folded = fold(text);
        (!folded.is_empty()).then_some(Query(folded))
    }

    pub fn matches(&self, text: &str) -> bool {
        self.matches_folded(&fold(text))
    }

    /// For text already passed through [`fold`].
    pub fn matches_folded(&self, folded: &str) -> bool {
        folded.contains(&self.0)
    }
}

/// Nodes of `pack` whose title, details, callouts, link labels or the mentor's own note
/// match, in pack order.
pub fn find(pack: &Pack, state: Option<&State>, query: &Query) -> Vec<usize> {
    (0..pack.nodes.len())
        .filter(|&i| {
            let node = &pack.nodes[i];
            let texts = [&node.details, &node.warning, &node.note];
            query.matches(&node.title)
                || texts
                    .iter()
                    .any(|t| t.as_deref().is_some_and(|t| query.matches(t)))
                || node.links.iter().any(|l| query.matches(&l.label))
                || state
                    .and_then(|s| s.notes.get(&node.id))
                    .is_some_and(|note| query.matches(note))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn queries_find_words_inside_longer_ones() {
        let q = Query::new("evaluation").unwrap();
        assert!(q.matches("Le fonctionnement des évaluations"));
        assert!(!q.matches("Évaluer"));
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
    }
}
