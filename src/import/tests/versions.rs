//! Ids: slugs, and what a step keeps from the previous version of its pack.

use super::*;

#[test]
fn ids_are_unique_ascii_slugs_of_the_titles() {
    assert_eq!(ids::slug("Créer son compte Zoom"), "creer-son-compte-zoom");
    assert_eq!(ids::slug("Œuvre & cœur — ça va ?"), "oeuvre-coeur-ca-va");
    assert_eq!(ids::slug("🎉"), "");
    assert_eq!(
        ids::slug("Read the whole mentor handbook before the first session"),
        "read-the-whole-mentor-handbook"
    );
    let pack = import_en("- [ ] Read it\n- [ ] Read it\n- [ ] 🎉\n- [ ] 🎉\n").pack;
    let ids: Vec<&str> = pack.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        ["onboarding", "read-it", "read-it-2", "step", "step-2"]
    );
}

#[test]
fn versions_count_up_from_their_last_number() {
    assert_eq!(next_version("1"), "2");
    assert_eq!(next_version("1.9"), "1.10");
    assert_eq!(next_version("2026.09"), "2026.10");
    assert_eq!(next_version("v3-beta"), "v4-beta");
    assert_eq!(next_version("draft"), "draft.1");
}

/// The steps' ids of `pack`, and a state with every one of them ticked.
fn all_ticked(pack: &Pack) -> State {
    let mut tracker = Tracker::new(pack, State::new(&pack.id, &pack.version));
    let now = "2026-12-01T10:00:00Z".parse().unwrap();
    for i in 0..pack.nodes.len() {
        if pack.is_step(i) {
            tracker.set(pack, i, true, now);
        }
    }
    tracker.state().clone()
}

#[test]
fn importing_again_after_editing_two_titles_keeps_every_tick() {
    let first = import_en(github()).pack;
    let state = all_ticked(&first);
    let (done, total) = Tracker::new(&first, state.clone()).overall(&first);
    assert_eq!(done, total);
    // One title edited on a step with a link, one on a step without (found by its place).
    let edited = github()
        .replace(
            "Sign your freelance contract in the",
            "Sign and return your contract in the",
        )
        .replace("Set up your calendar", "Set up your diary");
    let second = import_over(&first, &edited);
    let pack = &second.pack;
    assert_eq!(pack.version, "2");
    assert_eq!(
        pack.renamed,
        [
            (
                "set-up-your-calendar".to_string(),
                "set-up-your-diary".to_string()
            ),
            (
                "sign-your-freelance-contract-in".to_string(),
                "sign-and-return-your-contract".to_string()
            ),
        ]
    );
    assert_eq!(second.assigned.moved, 2);
    assert_eq!(second.assigned.new, 0);
    assert!(second.assigned.removed.is_empty());
    let (done, total) = Tracker::new(pack, state).overall(pack);
    assert_eq!((done, total), (11, 11));
    assert!(second.yaml.contains("# Steps whose title changed"));
}

#[test]
fn importing_again_without_a_change_keeps_the_version_and_every_id() {
    let first = import_en(github()).pack;
    let again = import_over(&first, github());
    assert_eq!(again.pack, first);
    let steps = first
        .nodes
        .iter()
        .filter(|n| n.depth > 0 && n.level != Level::Part)
        .count();
    assert_eq!(again.assigned.kept, steps);
}

#[test]
fn a_removed_steps_id_never_goes_to_a_new_step() {
    // Ids written by hand: the step `read-the-charter` is about the code of conduct.
    let yaml = "\
id: onboarding
version: \"1\"
lang: en
title: Onboarding
stages:
  - id: week-1
    title: Onboarding
    items:
      - {id: contract, title: Sign the contract}
      - {id: read-the-charter, title: Sign the code of conduct}
";
    let previous = crate::pack::load_str(yaml, "previous.yaml").unwrap();
    let markdown = "- [ ] Sign the contract\n- [ ] Book a call\n- [ ] Read the charter\n";
    let imported = import_over(&previous, markdown);
    let ids: Vec<&str> = imported.pack.nodes.iter().map(|n| n.id.as_str()).collect();
    // A mentor's tick on the code of conduct must not show on the charter.
    assert_eq!(
        ids,
        ["week-1", "contract", "book-a-call", "read-the-charter-2"]
    );
    assert_eq!(imported.assigned.removed, ["Sign the code of conduct"]);
    assert_eq!(imported.assigned.new, 2);
}

#[test]
fn due_dates_and_the_contact_set_in_the_previous_yaml_stay() {
    let yaml = "\
id: onboarding
version: \"2026.11\"
lang: fr
title: Onboarding
contact: {name: Équipe mentorat, url: \"https://openclassrooms.com/fr/contact\"}
stages:
  - id: week-1
    title: Week 1
    items:
      - {id: contract, title: Sign the contract, due: {days: 3}}
      - {id: charter, title: Read the charter, due: {days: 2, after: \"stage:week-1\"}}
";
    let previous = crate::pack::load_str(yaml, "previous.yaml").unwrap();
    let markdown = "## Week 1\n- [ ] Sign the contract\n- [ ] Read the charter\n";
    let imported = import_over(&previous, markdown);
    let pack = &imported.pack;
    assert_eq!(pack.id, "onboarding");
    assert_eq!(pack.lang, "fr");
    assert_eq!(pack.version, "2026.12");
    assert_eq!(pack.contact, previous.contact);
    assert_eq!(node(pack, "contract").due, node(&previous, "contract").due);
    assert_eq!(node(pack, "charter").due, node(&previous, "charter").due);
}

#[test]
fn a_step_retitled_with_other_words_is_found_by_its_place() {
    let first = import_en("## Week 1\n- [ ] Contract\n- [ ] Charter\n").pack;
    // Same place under the same heading, as many steps as before: the same step.
    let second = import_over(&first, "## Week 1\n- [ ] Paperwork\n- [ ] Charter\n");
    assert_eq!(
        second.pack.renamed,
        [("contract".to_string(), "paperwork".to_string())]
    );
    // One step more: a new title there is a new step, and the old one is gone.
    let third = import_over(
        &first,
        "## Week 1\n- [ ] Paperwork\n- [ ] Charter\n- [ ] Zoom\n",
    );
    assert_eq!(third.pack.renamed, []);
    assert_eq!(third.assigned.removed, ["Contract"]);
}

#[test]
fn alike_titles_keep_the_id_they_had_under_their_own_heading() {
    let first = import_en("## Week 1\n- [ ] Read it\n## Week 2\n- [ ] Read it\n").pack;
    let ids = |pack: &Pack| -> Vec<(String, String)> {
        pack.nodes
            .iter()
            .map(|n| (n.title.clone(), n.id.clone()))
            .collect()
    };
    assert_eq!(
        ids(&first),
        [
            ("Week 1".into(), "week-1".into()),
            ("Read it".into(), "read-it".into()),
            ("Week 2".into(), "week-2".into()),
            ("Read it".into(), "read-it-2".into()),
        ]
    );
    // The weeks swapped: each "Read it" goes with its week.
    let swapped = import_over(
        &first,
        "## Week 2\n- [ ] Read it\n## Week 1\n- [ ] Read it\n",
    )
    .pack;
    assert_eq!(
        ids(&swapped),
        [
            ("Week 2".into(), "week-2".into()),
            ("Read it".into(), "read-it-2".into()),
            ("Week 1".into(), "week-1".into()),
            ("Read it".into(), "read-it".into()),
        ]
    );
    assert_eq!(swapped.renamed, []);
}

#[test]
fn a_title_edited_only_in_case_accents_or_punctuation_keeps_its_id() {
    let first = import_en("- [ ] Read the charter\n- [ ] Créer son compte\n").pack;
    let again = import_over(&first, "- [ ] Read the Charter!\n- [ ] Creer son compte\n");
    let ids: Vec<&str> = again.pack.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(ids, ["onboarding", "read-the-charter", "creer-son-compte"]);
    assert_eq!(again.assigned.kept, 2);
    assert_eq!(again.pack.renamed, []);
}

#[test]
fn questions_and_waits_of_the_previous_version_are_said_to_stay_behind() {
    let previous = crate::pack::load_str(crate::pack::QUESTIONS_PACK, "q.yaml").unwrap();
    let imported = import_over(&previous, "# Register\n\n- [ ] Declare yourself\n");
    assert!(
        imported.lost.contains(&Lost::Conditions),
        "{:?}",
        imported.lost
    );
    assert!(imported.pack.questions.is_empty());
    let plain = import_over(&imported.pack, "# Register\n\n- [ ] Declare yourself\n");
    assert!(
        !plain.lost.contains(&Lost::Conditions),
        "nothing to lose: nothing said"
    );
}
