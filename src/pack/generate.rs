//! Synthetic packs of any size, for benchmarks and limit tests: the shape of a real
//! checklist (stages, parts, items with details, links and sub-items), repeated.

use std::fmt::Write as _;

const ITEMS_PER_PART: usize = 50;
const PARTS_PER_STAGE: usize = 20;

/// YAML text of a valid pack with `items` items. Every fifth item has two sub-items,
/// every third has details, each has a link. With `questions`, the pack asks two (a
/// choice `billing`, a yes-no `employee`), every tenth item applies under one answer
/// to `billing` (alternately `a` and `b`), and every hundredth waits for the one
/// before it: the conditions a benchmark fits the pack to.
pub fn generate(items: usize, questions: bool) -> String {
    let mut yaml = String::with_capacity(items * 120 + 200);
    yaml.push_str("id: generated\nversion: \"1\"\nlang: en\ntitle: Generated pack\n");
    if questions {
        yaml.push_str(concat!(
            "questions:\n",
            "  - {id: billing, text: How do you invoice?, choices: [{id: a, text: Alone}, {id: b, text: Company}]}\n",
            "  - {id: employee, text: Are you an employee?, kind: yes-no}\n",
        ));
    }
    yaml.push_str("stages:\n");
    let parts = items.div_ceil(ITEMS_PER_PART).max(1);
    let mut item = 0;
    for part in 0..parts {
        if part % PARTS_PER_STAGE == 0 {
            let stage = part / PARTS_PER_STAGE;
            let _ = write!(
                yaml,
                "  - id: stage-{stage}\n    title: Stage {stage}\n    parts:\n"
            );
        }
        let _ = write!(
            yaml,
            "      - id: part-{part}\n        title: Part {part}\n        items:\n"
        );
        let end = (item + ITEMS_PER_PART).min(items.max(1));
        while item < end {
            // Flow style keeps 100,000 items well under the 16 MiB pack limit.
            let _ = write!(
                yaml,
                "          - {{id: i{item}, title: Step {item} of the checklist, links: [{{label: Article, url: \"https://openclassrooms.com/c/{item}\"}}]"
            );
            if item % 3 == 0 {
                yaml.push_str(", details: \"Read it, then note what surprised you.\"");
            }
            if questions && item % 10 == 0 {
                let answer = if item % 20 == 0 { "a" } else { "b" };
                let _ = write!(yaml, ", when: {{billing: {answer}}}");
            }
            if questions && item % 100 == 1 && item > 1 {
                let _ = write!(yaml, ", waits_for: [i{}]", item - 1);
            }
            if item % 5 == 0 {
                let _ = write!(
                    yaml,
                    ", items: [{{id: i{item}a, title: First half}}, {{id: i{item}b, title: Second half}}]"
                );
            }
            yaml.push_str("}\n");
            item += 1;
        }
    }
    yaml
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pack::{Level, load_str};

    #[test]
    fn generated_packs_are_valid_and_have_the_asked_size() {
        for n in [1, 40, 1_000] {
            let pack = load_str(&generate(n, false), "generated.yaml").unwrap();
            let items = pack.nodes.iter().filter(|n| n.level == Level::Item).count();
            assert_eq!(items, n);
        }
        let pack = load_str(&generate(1_000, true), "generated.yaml").unwrap();
        assert_eq!(pack.questions.len(), 2);
        assert_eq!(
            pack.nodes.iter().filter(|n| !n.when.is_empty()).count(),
            100
        );
        assert_eq!(
            pack.nodes
                .iter()
                .filter(|n| !n.waits_for.is_empty())
                .count(),
            9
        );
    }
}
