//! The built-in pack against its source, `content/sources/000_…txt`: every link of the
//! seed is present once per step, canonical, and attached to the step it belongs to.

use base64::Engine as _;
use ticklist::pack;

const SEED: &str = include_str!("../../content/sources/000_2e473c8613e44079.txt");

/// The seed's links in order of appearance, help-centre search redirects decoded.
fn seed_links() -> Vec<String> {
    SEED.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("https://"))
        .map(|l| {
            if l.contains("/search/click?data=") {
                article_behind_redirect(l)
            } else {
                l.to_string()
            }
        })
        .collect()
}

/// A redirect's `data` is base64 of a Ruby-marshalled record holding the article URL.
fn article_behind_redirect(redirect: &str) -> String {
    let data = redirect.split("data=").nth(1).unwrap();
    let data = data.split("--").next().unwrap();
    let data = data
        .replace("%2F", "/")
        .replace("%2B", "+")
        .replace("%3D", "=");
    let raw = base64::engine::general_purpose::STANDARD
        .decode(data)
        .unwrap();
    let key = b":\x08urlI\"";
    let at = raw.windows(key.len()).position(|w| w == key).unwrap() + key.len();
    // Marshal's integer encoding of the string length.
    let (len, start) = match raw[at] {
        1 => (usize::from(raw[at + 1]), at + 2),
        2 => (
            usize::from(raw[at + 1]) | usize::from(raw[at + 2]) << 8,
            at + 3,
        ),
        b @ 6..=127 => (usize::from(b) - 5, at + 1),
        b => panic!("unexpected length byte {b}"),
    };
    String::from_utf8(raw[start..start + len].to_vec()).unwrap()
}

/// Where each link of the seed belongs, in the order the seed lists them.
const ATTACHED: &[(&str, &str)] = &[
    (
        "video-candidats",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001457117-Candidats-d%C3%A9couvrez-la-mission-et-comment-devenir-mentor-chez-OpenClassrooms",
    ),
    (
        "cours-explorez-role",
        "https://openclassrooms.com/fr/courses/7766186-mentorat-explorez-le-role-du-mentor-openclassrooms",
    ),
    (
        "centre-aide-recrutement",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr",
    ),
    (
        "section-debuter-mentorat",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/sections/360000377237-D%C3%A9buter-le-mentorat",
    ),
    (
        "article-candidats-mission",
        "https://www.notion.so/FAQ-Candidats-d-couvrez-la-mission-de-mentor-chez-OpenClassrooms-18a484f1fa61800ab5c5cc7a36df3550?pvs=21",
    ),
    (
        "article-remuneration",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/27180745865873-Comment-sont-r%C3%A9mun%C3%A9r%C3%A9s-les-mentors",
    ),
    (
        "avis-recrutement",
        "https://app.satismeter.com/survey?token=KCsiPYDv6AOOiM8a&campaign=609b9bcc2e2c79093d068c0d",
    ),
    (
        "video-introduction-role",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001409577-Tout-savoir-avant-de-d%C3%A9buter",
    ),
    (
        "centre-aide-articles",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr",
    ),
    (
        "informations-facturation",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/4406262912657-Ajouter-vos-informations-de-facturation",
    ),
    (
        "profil-mentor",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001513957-Param%C3%A9trer-votre-profil-de-mentor",
    ),
    (
        "premier-etudiant",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001548677-Votre-premier-%C3%A9tudiant",
    ),
    (
        "compte-rendu-partage",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586837-Compl%C3%A9ter-une-session#h_01FYAA3B0JA14BGMZH4V2K6W8A",
    ),
    (
        "progression-etudiants",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586837-Compl%C3%A9ter-une-session#h_01HT2TCNE16M7ZVW1N7SHFH5TJ",
    ),
    (
        "fonctionnement-evaluations",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001586857-Le-fonctionnement-des-%C3%A9valuations",
    ),
    (
        "relire-cours-explorez-role",
        "https://openclassrooms.com/fr/courses/7766186-mentorat-explorez-le-role-du-mentor-openclassrooms",
    ),
    (
        "test-aise-mission",
        "https://openclassrooms.tfaforms.net/4984287",
    ),
    (
        "article-contacter",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001570917-Contacter-OpenClassrooms",
    ),
    (
        "mentorship-manager",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/22081026860433-Le-r%C3%B4le-du-Mentorship-Manager",
    ),
    ("mentorship-manager", "https://calendly.com/mentors-oc"),
    (
        "slack",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/11586561521425-Slack-Comment-l-utiliser-et-pourquoi",
    ),
    (
        "statut-novice",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001551057-Enlever-le-statut-de-novice",
    ),
    (
        "parrainage",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001927658-Parrainer-un-mentor",
    ),
    (
        "mentor-handi-accessible",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/32778844768273-Devenir-mentor-handi-accessible",
    ),
    (
        "etudiants-handicap",
        "https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/5866209970193-Les-%C3%A9tudiants-en-situation-de-handicap",
    ),
    (
        "companion",
        "https://openclassrooms.zendesk.com/hc/fr/articles/26609294500497-Qu-est-ce-que-Companion",
    ),
    (
        "cours-techniques-accompagnement",
        "https://openclassrooms.com/fr/courses/7870326-mentorat-renforcez-vos-techniques-daccompagnement",
    ),
];

#[test]
fn redirects_decode_to_help_centre_articles() {
    let links = seed_links();
    assert_eq!(links.len(), 32);
    assert!(links.iter().all(|l| !l.contains("/search/click")));
    assert!(links.contains(
        &"https://openclassrooms-mentorsandcoaches.zendesk.com/hc/fr-fr/articles/360001551057-Enlever-le-statut-de-novice".to_string()
    ));
}

#[test]
fn the_attachment_table_follows_the_seed() {
    // A URL repeated on consecutive lines is one link attached to two words of one line.
    let mut seed = seed_links();
    seed.dedup();
    let table: Vec<String> = ATTACHED.iter().map(|(_, url)| url.to_string()).collect();
    assert_eq!(table, seed);
}

#[test]
fn every_seed_link_is_attached_to_its_step_once() {
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let in_pack: Vec<(&str, &str)> = pack
        .nodes
        .iter()
        .flat_map(|n| n.links.iter().map(move |l| (n.id.as_str(), l.url.as_str())))
        .collect();
    assert_eq!(in_pack, ATTACHED);
}

#[test]
fn the_pack_has_the_seed_structure() {
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    let shape: Vec<(usize, &str)> = pack
        .nodes
        .iter()
        .filter(|n| n.depth < 2)
        .map(|n| (n.depth, n.id.as_str()))
        .collect();
    assert_eq!(
        shape,
        [
            (0, "etape-1"),
            (1, "video-candidats"),
            (1, "cours-explorez-role"),
            (1, "centre-aide-recrutement"),
            (1, "avis-recrutement"),
            (0, "etape-2"),
            (1, "partie-1"),
            (1, "partie-2")
        ]
    );
    let leaves = (0..pack.nodes.len()).filter(|&i| pack.is_leaf(i)).count();
    assert_eq!(leaves, 24);
    let warning = pack.nodes[pack.find("etape-2").unwrap()]
        .warning
        .as_deref()
        .unwrap();
    assert!(
        warning.starts_with("Dès que vous êtes notifié"),
        "{warning}"
    );
    assert!(warning.ends_with("un étudiant peut vous être assigné à tout moment !"));
    let done = pack.completion_message.as_deref().unwrap();
    assert!(
        done.starts_with("Si vous avez coché toutes les cases"),
        "{done}"
    );
    assert!(done.ends_with("Bon accompagnement !"), "{done}");
}

#[test]
fn every_item_title_comes_from_the_seed() {
    // PDF line breaks may be tidied, words may not change.
    let flat = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let seed = flat(SEED);
    let pack = pack::builtin(ticklist::text::Lang::Fr).unwrap();
    for node in &pack.nodes {
        assert!(
            seed.contains(&flat(&node.title)),
            "not in the seed: {:?}",
            node.title
        );
        for text in [&node.details, &node.warning].into_iter().flatten() {
            assert!(seed.contains(&flat(text)), "not in the seed: {text:?}");
        }
    }
    let done = pack.completion_message.unwrap();
    assert!(seed.contains(&flat(&done)), "not in the seed: {done:?}");
}

/// Ticks carry over when a mentor switches language only if both translations have the
/// same ids in the same places; "the same links" means the same targets, in order.
#[test]
fn the_english_pack_has_the_french_ids_and_links() {
    use ticklist::text::Lang;
    let fr = pack::builtin(Lang::Fr).unwrap();
    let en = pack::builtin(Lang::En).unwrap();
    assert_eq!((fr.lang.as_str(), en.lang.as_str()), ("fr", "en"));
    assert_eq!((&fr.id, &fr.version), (&en.id, &en.version));
    assert_eq!(fr.nodes.len(), en.nodes.len());
    for (f, e) in fr.nodes.iter().zip(&en.nodes) {
        assert_eq!(
            (&f.id, f.level, f.parent, f.end),
            (&e.id, e.level, e.parent, e.end),
            "the trees differ at {}",
            f.id
        );
        let urls = |n: &pack::Node| n.links.iter().map(|l| l.url.clone()).collect::<Vec<_>>();
        assert_eq!(urls(f), urls(e), "links of {}", f.id);
        // Same callouts and details present, translated.
        assert_eq!(f.warning.is_some(), e.warning.is_some(), "{}", f.id);
        assert_eq!(f.details.is_some(), e.details.is_some(), "{}", f.id);
        assert_ne!(f.title, e.title, "{} is not translated", f.id);
    }
    assert!(en.completion_message.is_some());
    // Both validate without warnings beyond the course linked twice on purpose.
    for file in [
        "content/openclassrooms-mentor.fr.yaml",
        "content/openclassrooms-mentor.en.yaml",
    ] {
        let checked = pack::check_file(std::path::Path::new(file)).unwrap();
        assert_eq!(checked.warnings.len(), 2, "{file}: {:?}", checked.warnings);
    }
}
