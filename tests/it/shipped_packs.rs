//! Every pack shipped in the binary: it validates, its ids and links are what its source
//! says, and the first-session guide and the handbook are what they claim to be.

use std::path::Path;

use ticklist::pack::{self, BUILTINS, Kind, Pack};
use ticklist::search::{Query, find};
use ticklist::text::Lang;

fn shipped(id: &str) -> Pack {
    pack::find_builtin(id).unwrap().load(Lang::En).unwrap()
}

fn urls(pack: &Pack) -> Vec<&str> {
    pack.nodes
        .iter()
        .flat_map(|n| n.links.iter().map(|l| l.url.as_str()))
        .collect()
}

#[test]
fn every_shipped_pack_validates_in_every_language_and_has_its_id() {
    for builtin in BUILTINS {
        for lang in [Lang::En, Lang::Fr] {
            let pack = builtin.load(lang).unwrap();
            assert_eq!(pack.id, builtin.id);
        }
    }
    let files = [
        ("content/first-session.fr.yaml", 2),
        ("content/mentor-handbook.en.yaml", 0),
    ];
    for (file, warnings) in files {
        let checked = pack::check_file(Path::new(file)).unwrap();
        // first-session: the help centre and the contact form are presented in chapter 2
        // and offered again among the resources of chapter 4, on purpose.
        assert_eq!(
            checked.warnings.len(),
            warnings,
            "{file}: {:?}",
            checked.warnings
        );
    }
}

#[test]
fn links_are_canonical_and_point_where_the_guide_points() {
    for builtin in BUILTINS {
        let pack = builtin.load(Lang::Fr).unwrap();
        for url in urls(&pack) {
            assert!(url.starts_with("https://"), "{url}");
            assert!(!url.contains("/search/click"), "a tracking redirect: {url}");
            assert!(!url.contains("utm_"), "a tracking parameter: {url}");
            assert!(!url.contains("/admin/"), "one student's admin page: {url}");
        }
    }
    // Every link of the guide is in the pack, except the admin page of one student.
    let seed = include_str!("../../content/sources/001_e997f8777c1ccc8b.txt");
    let pack = shipped("first-session");
    let in_pack = urls(&pack);
    for url in seed.lines().filter(|l| l.starts_with("https://")) {
        if url.contains("/spaces/admin/students/") {
            continue;
        }
        assert!(in_pack.contains(&url.trim()), "{url} is missing");
    }
}

#[test]
fn the_first_session_guide_has_its_five_chapters_and_only_steps() {
    let pack = shipped("first-session");
    assert_eq!(pack.lang, "fr");
    let chapters: Vec<&str> = pack
        .children(None)
        .map(|i| pack.nodes[i].title.as_str())
        .collect();
    assert_eq!(
        chapters,
        [
            "01. Faites connaissance",
            "02. Abordez les différents interlocuteurs",
            "03. Parcourez la formation et ses spécificités",
            "04. Définissez ensemble votre organisation",
            "05. Établissez les objectifs de la prochaine session",
        ]
    );
    assert!(pack.nodes.iter().all(|n| n.kind == Kind::Step));
    let ids = |parent: &str| -> Vec<&str> {
        let parent = pack.find(parent).unwrap();
        pack.children(Some(parent))
            .map(|i| pack.nodes[i].id.as_str())
            .collect()
    };
    assert_eq!(
        ids("deroulement-formation"),
        ["comprendre-formation", "session-type", "projet-au-jury"]
    );
    assert_eq!(
        ids("session-type"),
        [
            "planifier-deux-semaines",
            "avant-la-session",
            "pendant-la-session",
            "apres-la-session"
        ]
    );
    // Routines that cannot happen in a first session are explained, not ticked: the
    // five moments of a session, what the student does after it, the review session and
    // the presentation are each one step whose text lists them, as the seed does.
    for (id, moments) in [
        ("pendant-la-session", 5),
        ("apres-la-session", 4),
        ("session-bilan", 3),
        ("soutenance", 5),
    ] {
        let node = &pack.nodes[pack.find(id).unwrap()];
        assert!(ids(id).is_empty(), "{id} has no boxes below it");
        let details = node.details.as_deref().unwrap_or_default();
        let numbered = details
            .lines()
            .filter(|l| l.starts_with(|c: char| c.is_ascii_digit()))
            .count();
        assert_eq!(numbered, moments, "{id}: {details}");
        assert!(
            node.title.starts_with("Expliquez"),
            "something the mentor does: {}",
            node.title
        );
    }
    assert_eq!(
        ids("bonnes-pratiques").len(),
        7,
        "the seven good-practice rules"
    );
    let leaves = (0..pack.nodes.len()).filter(|&i| pack.is_step(i)).count();
    assert_eq!(leaves, 38);
}

#[test]
fn the_handbook_is_cards_whose_answers_come_from_the_courses() {
    let pack = shipped("mentor-handbook");
    let cards: Vec<usize> = (0..pack.nodes.len()).filter(|&i| pack.is_leaf(i)).collect();
    assert_eq!(cards.len(), 25);
    for &i in &cards {
        let node = &pack.nodes[i];
        assert_eq!(node.kind, Kind::Info, "{}", node.id);
        assert!(node.details.is_some(), "{} has no answer", node.id);
    }
    assert!(
        !(0..pack.nodes.len()).any(|i| pack.is_step(i)),
        "nothing to tick"
    );
    // A distinctive fact of each answer, found in its source course.
    let sources = [
        include_str!("../../content/sources/002_b6ddf5956cb1d37e.txt"),
        include_str!("../../content/sources/003_16e5a2fccda6066b.txt"),
        include_str!("../../content/sources/004_2313a63b5fbdcea1.txt"),
    ]
    .concat();
    for (id, fact) in [
        (
            "training-completed",
            "recording your first mentoring session",
        ),
        ("recording-sessions", "Project presentations"),
        ("no-show", "more than 15 minutes late"),
        ("no-reply", "after a week"),
        ("request-presentation", "10 minutes of questions"),
        ("transfer-student", "a few days to a few weeks"),
        ("more-paths", "Premium Solo"),
        ("sign-contract", "Concord"),
        ("mentor-guides", "Never share the mentor guide"),
        ("workplace", "Mentor Community"),
    ] {
        let details = pack.nodes[pack.find(id).unwrap()].details.clone().unwrap();
        let fact_lower = fact.to_lowercase();
        assert!(
            details.to_lowercase().contains(&fact_lower),
            "{id}: {details}"
        );
        assert!(sources.to_lowercase().contains(&fact_lower), "{fact}");
    }
}

#[test]
fn searching_the_handbook_finds_the_no_show_answer() {
    let pack = shipped("mentor-handbook");
    let found = find(&pack, None, &Query::new("no show").unwrap());
    let ids: Vec<&str> = found.iter().map(|&i| pack.nodes[i].id.as_str()).collect();
    assert_eq!(ids, ["no-show"]);
}

/// The node of `pack` that holds a link to `url_part`.
fn linked_at<'a>(pack: &'a Pack, url_part: &str) -> Vec<&'a str> {
    pack.nodes
        .iter()
        .filter(|n| n.links.iter().any(|l| l.url.contains(url_part)))
        .map(|n| n.id.as_str())
        .collect()
}

#[test]
fn the_first_session_guide_puts_each_link_and_line_where_its_seed_does() {
    let pack = shipped("first-session");
    // "… la même semaine UNIQUEMENT si une soutenance est à retravailler … - Article".
    assert_eq!(linked_at(&pack, "Gerer-vos-sessions"), ["regle-cumul"]);
    // "L'organisation d'une session de mentorat classique": the heading's own link.
    assert_eq!(
        linked_at(&pack, "Comment-se-deroulent-les-sessions-de-mentorat"),
        ["session-type"]
    );
    let text = |id: &str| {
        let node = &pack.nodes[pack.find(id).unwrap()];
        node.details.clone().unwrap_or_default()
    };
    assert_eq!(
        text("comprendre-formation"),
        "Comment aborder chaque projet :"
    );
    assert!(
        text("ressources-entre-sessions")
            .contains("pour lui permettre d'avancer en toute sérénité")
    );
    assert_eq!(
        text("prochaine-session"),
        "La prochaine session de mentorat"
    );
    // The SMART expansion is not in the seed.
    assert!(
        !text("objectifs-smart").contains("mesurables"),
        "{}",
        text("objectifs-smart")
    );
}

#[test]
fn the_handbook_in_french_has_the_same_cards_each_with_its_source_and_date() {
    let handbook = ticklist::pack::find_builtin("mentor-handbook").unwrap();
    let en = handbook.load(ticklist::text::Lang::En).unwrap();
    let fr = handbook.load(ticklist::text::Lang::Fr).unwrap();
    assert_eq!(fr.lang, "fr");
    let ids = |p: &Pack| p.nodes.iter().map(|n| n.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        ids(&fr),
        ids(&en),
        "the same ids, so the same place in both"
    );
    assert_eq!(urls(&fr), urls(&en));
    for pack in [&en, &fr] {
        for node in pack
            .nodes
            .iter()
            .filter(|n| n.kind == ticklist::pack::Kind::Info)
        {
            let note = node.note.as_deref().unwrap_or_default();
            assert!(note.starts_with("Source"), "{}: {note}", node.id);
            assert!(
                note.contains("2021") || note.contains("2022"),
                "{}: a date: {note}",
                node.id
            );
        }
        // Newer than its source, the onboarding checklist has mentors on Slack.
        for id in ["workplace", "contacts"] {
            let warning = pack.nodes[pack.find(id).unwrap()]
                .warning
                .as_deref()
                .unwrap_or_default();
            assert!(warning.contains("Slack"), "{id}: {warning}");
        }
    }
    // What the source says, not more: "cancels 24 hours before" (flagged beside the
    // first-session guide's rule), "usually … monthly", "the higher your chances of being
    // accepted quickly".
    let details = |id: &str| {
        en.nodes[en.find(id).unwrap()]
            .details
            .clone()
            .unwrap_or_default()
    };
    assert!(
        details("no-show").contains("cancel 24 hours before")
            && details("no-show").contains("(the source's words; the first-session guide")
    );
    assert!(details("working-status").contains("usually says how much you are paid monthly"));
    assert!(details("how-to-apply").contains("the higher your chances of being accepted quickly"));
}

#[test]
fn the_english_checklist_says_which_pages_are_in_french() {
    let pack = ticklist::pack::builtin(ticklist::text::Lang::En).unwrap();
    for (i, node) in pack.nodes.iter().enumerate() {
        let french_page = node.links.iter().any(|l| {
            l.url.contains("/fr-fr/")
                || l.url.contains("/fr/courses")
                || l.url.contains("language=fr")
        });
        if !french_page || pack.nodes[i].parent.is_none() {
            continue;
        }
        let said = |n: &ticklist::pack::Node| {
            format!("{} {}", n.title, n.details.clone().unwrap_or_default()).contains("in French")
        };
        let parent = node.parent.map(|p| &pack.nodes[p]);
        assert!(
            said(node) || parent.is_some_and(said),
            "{}: links to a page in French without saying so: {}",
            node.id,
            node.title
        );
    }
    // French word order and names of French-only pages are gone.
    let titles: Vec<&str> = pack.nodes.iter().map(|n| n.title.as_str()).collect();
    for clumsy in [
        "The section Getting",
        "Ask to leave the novice",
        "this article of our Help Centre",
    ] {
        assert!(!titles.iter().any(|t| t.contains(clumsy)), "{clumsy}");
    }
}

/// Each built-in pack's content (its digest: comments and layout aside) pinned to its
/// version: a text changed without raising `version` fails here, so that a version names
/// one content. After raising it, pin the new digest below and say what changed in
/// content/README.md ("Packs here").
#[test]
fn every_built_in_packs_content_is_pinned_to_its_version() {
    const PINNED: &[(&str, &str, &str, &str)] = &[
        (
            "openclassrooms-mentor",
            "en",
            "2026.12",
            "7fe69b05d68b084376375b871051e0a9ccb86934171335c2ed9771747a11a96a",
        ),
        (
            "openclassrooms-mentor",
            "fr",
            "2026.12",
            "58d449aed57e2ca7db7ad62e107898db69b70d3a5a9a080ba25b2fb25de0608d",
        ),
        (
            "first-session",
            "fr",
            "2026.12.1",
            "172dfb55ba9ed49883f0a62c2c4db8f2a8fce221b91b6f29d040ef1027c780de",
        ),
        (
            "mentor-handbook",
            "en",
            "2026.12.1",
            "5ba15854c8040de695e47a8c3944534ba956bf07628d65311b2049231e9297a3",
        ),
        (
            "mentor-handbook",
            "fr",
            "2026.12.1",
            "0015b53416298801a34397fe618122a75848a82b3ea2dec567052478bfcf440f",
        ),
    ];
    let mut shipped = Vec::new();
    for builtin in BUILTINS {
        for lang in [Lang::En, Lang::Fr] {
            let pack = builtin.load(lang).unwrap();
            let found = (
                pack.id.clone(),
                pack.lang.clone(),
                pack.version.clone(),
                pack.digest(),
            );
            if !shipped.contains(&found) {
                shipped.push(found);
            }
        }
    }
    let pinned: Vec<(String, String, String, String)> = PINNED
        .iter()
        .map(|(id, lang, version, digest)| {
            (
                id.to_string(),
                lang.to_string(),
                version.to_string(),
                digest.to_string(),
            )
        })
        .collect();
    assert_eq!(
        shipped, pinned,
        "a built-in pack changed: raise its `version`, then pin its new digest"
    );
}
