//! What plain mode says about where the reader is: a step ("Step 3 of 24, in …") or a
//! heading, with its state, due date, callouts, notes and numbered links; the progress;
//! what is left in the stage. Every state is said in words, for a screen reader.

use super::Plain;
use crate::describe::describe;
use crate::progress::{LeafState, percent};
use crate::text::fill;

impl Plain {
    /// The current node as sentences.
    pub fn describe(&self) -> Vec<String> {
        let t = self.text;
        let index = self.current;
        let pack = &self.session.pack;
        let node = &pack.nodes[index];
        let numbered = |list: &[usize], template: &str| {
            let n = list.binary_search(&index).ok()?;
            let (n, count) = ((n + 1).to_string(), list.len().to_string());
            Some(fill(template, &[("n", &n), ("count", &count)]))
        };
        // Steps are numbered as progress counts them; headings are context.
        let position = numbered(&self.steps, t.plain_position)
            .or_else(|| numbered(&self.cards, t.plain_card_position))
            .unwrap_or_else(|| t.plain_heading.to_string());
        let mut lines = vec![match node.parent {
            Some(parent) => {
                let within = fill(t.plain_in, &[("parent", &pack.nodes[parent].title)]);
                format!("{position}, {within}")
            }
            None => position,
        }];
        lines.push(node.title.clone());
        let tracker = self.session.tracker();
        let about = describe(pack, tracker, index, t, &self.tz, self.today);
        lines.push(match about.counts {
            Some((done, total)) => {
                let below = fill(
                    t.plain_below,
                    &[("done", &done.to_string()), ("total", &total.to_string())],
                );
                format!("{}. {below}", about.state)
            }
            None => format!("{}.", about.state),
        });
        if tracker.is_new(pack, index) {
            lines.push(t.plain_new.into());
        }
        if let Some(due) = about.due {
            lines.push(format!("{}.", due.describe(t, pack)));
        }
        lines.extend(about.waits);
        lines.extend(about.depends);
        if let Some(from) = about.counted_from {
            lines.push(from);
        }
        if let Some(opened) = about.opened {
            lines.push(format!("{opened}."));
        }
        if let Some(warning) = &node.warning {
            lines.push(fill(t.plain_warning, &[("text", warning)]));
        }
        if let Some(details) = &node.details {
            lines.push(details.clone());
        }
        if let Some(note) = &node.note {
            lines.push(fill(t.plain_note, &[("text", note)]));
        }
        if let Some(mine) = about.my_note {
            let mine = mine.replace('\n', " ");
            lines.push(fill(t.plain_my_note, &[("text", &mine)]));
        }
        for (n, link) in node.links.iter().enumerate() {
            lines.push(fill(
                t.plain_link,
                &[
                    ("n", &(n + 1).to_string()),
                    ("label", &link.label),
                    ("url", &crate::safe_text::readable_url(&link.url)),
                ],
            ));
        }
        lines
    }

    pub(super) fn overall(&self) -> String {
        let (done, total) = self.session.tracker().overall(&self.session.pack);
        fill(
            self.text.plain_status,
            &[
                ("done", &done.to_string()),
                ("total", &total.to_string()),
                ("percent", &percent(done, total).to_string()),
            ],
        )
    }

    /// The whole progress, then each stage's.
    pub fn status(&self) -> Vec<String> {
        let pack = &self.session.pack;
        // A guide of reference cards has nothing to tick: say what it holds.
        if self.session.tracker().overall(pack).1 == 0 {
            let t = self.text;
            let cards = fill(t.cards_count, &[("count", &self.cards.len().to_string())]);
            let title = pack.title.as_str();
            return vec![fill(
                t.plain_intro_cards,
                &[("title", title), ("cards", &cards)],
            )];
        }
        let mut lines = vec![self.overall()];
        for stage in pack.children(None) {
            let (done, total) = self.session.tracker().counts(stage);
            lines.push(fill(
                self.text.plain_stage,
                &[
                    ("title", &pack.nodes[stage].title),
                    ("done", &done.to_string()),
                    ("total", &total.to_string()),
                ],
            ));
        }
        lines
    }

    /// The steps still to do in the current stage, by title.
    pub(super) fn left(&self) -> String {
        let pack = &self.session.pack;
        let mut stage = self.current;
        while let Some(parent) = pack.nodes[stage].parent {
            stage = parent;
        }
        let tracker = self.session.tracker();
        let todo: Vec<String> = pack
            .leaves(stage)
            .filter(|&leaf| tracker.leaf_state(pack, leaf) == LeafState::Todo)
            .map(|leaf| format!("“{}”", pack.nodes[leaf].title))
            .collect();
        let title = pack.nodes[stage].title.as_str();
        if todo.is_empty() {
            fill(self.text.plain_left_none, &[("title", title)])
        } else {
            let steps = todo.join(", ");
            let count = todo.len().to_string();
            fill(
                self.text.plain_left,
                &[("title", title), ("count", &count), ("steps", &steps)],
            )
        }
    }
}
