//! The manager's report over one folder holding everything a real team's shared folder
//! ends up holding: two namesakes, a person who renamed themself, one name written three
//! ways, two pack versions (a renamed and a removed step), an export that lies about its
//! figures, one from the future, a named pipe, a folder behind a link and a name made
//! to drive a terminal. Its rows and figures are read back in Markdown, CSV, JSON and
//! HTML, in English and in French.

use std::path::Path;

use serde_json::{Value, json};

use crate::support::command;

/// The newest version of the team's pack: `b` renamed `b2`, `c` removed, `d` added, and
/// `a` due three days after the start.
const PACK_V2: &str = r#"id: team
version: "2"
lang: en
title: Team onboarding
renamed:
  b: b2
stages:
  - id: week-1
    title: First week
    items:
      - {id: a, title: Meet the team, due: {days: 3}}
      - {id: b2, title: Read the handbook}
      - {id: d, title: Shadow a session}
"#;

/// An export of the team pack, version `version`, with `steps` as (id, title, state),
/// started on `start` and made at `at`.
fn export(
    mentor: &str,
    person: Option<&str>,
    version: &str,
    at: &str,
    start: &str,
    steps: &[(&str, &str, &str)],
) -> Value {
    let due = jiff::civil::Date::strptime("%Y-%m-%d", start)
        .unwrap()
        .checked_add(jiff::Span::new().days(3))
        .unwrap()
        .to_string();
    let mut items = vec![json!({
        "id": "week-1", "title": "First week", "depth": 0, "step": false,
        "state": "todo", "ticked_at": null, "note": null,
    })];
    for (id, title, state) in steps {
        let ticked = (*state == "done").then_some("2026-11-20T10:00:00Z");
        let mut item = json!({
            "id": id, "title": title, "depth": 1, "step": true, "state": state,
            "ticked_at": ticked, "note": null,
        });
        if *id == "a" && version == "2" {
            item["due"] = due.clone().into();
        }
        items.push(item);
    }
    let done = steps.iter().filter(|(_, _, s)| *s == "done").count();
    let mut export = json!({
        "format": "ticklist-export", "version": 1, "generated_at": at,
        "mentor": mentor, "start": start,
        "pack": {"id": "team", "version": version, "title": "Team onboarding", "digest": ""},
        "done": done, "total": steps.len(), "groups": [], "items": items,
    });
    if let Some(person) = person {
        export["person"] = person.into();
    }
    export
}

const V2_TODO: &[(&str, &str, &str)] = &[
    ("a", "Meet the team", "todo"),
    ("b2", "Read the handbook", "todo"),
    ("d", "Shadow a session", "todo"),
];

const V2_A_DONE: &[(&str, &str, &str)] = &[
    ("a", "Meet the team", "done"),
    ("b2", "Read the handbook", "todo"),
    ("d", "Shadow a session", "todo"),
];

/// The shared folder, and the pack file the manager gives with `--pack`.
fn team_folder(home: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = home.join("shared");
    let elsewhere = home.join("elsewhere");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::create_dir_all(&elsewhere).unwrap();
    let write = |name: &str, export: Value| {
        std::fs::write(dir.join(name), serde_json::to_vec_pretty(&export).unwrap()).unwrap();
    };
    let now = "2026-11-22T09:00:00Z";
    // Two people named Marie Dupont: one gave her address, the other started weeks ago
    // and has ticked nothing since (late and quiet).
    let mut marie = export(
        "Marie Dupont",
        Some("a1a1a1a1a1a1a1a1"),
        "2",
        now,
        "2026-11-20",
        V2_A_DONE,
    );
    marie["email"] = "marie.d@example.org".into();
    write("team--marie-dupont--1.json", marie);
    write(
        "team--marie-dupont--2.json",
        export(
            "Marie Dupont",
            Some("b2b2b2b2b2b2b2b2"),
            "2",
            now,
            "2026-11-01",
            V2_TODO,
        ),
    );
    // Jean, who now signs with his new name.
    let jean = "c3c3c3c3c3c3c3c3";
    write(
        "jean-old.json",
        export(
            "Jean Martin",
            Some(jean),
            "2",
            "2026-11-10T09:00:00Z",
            "2026-11-20",
            V2_TODO,
        ),
    );
    write(
        "jean-new.json",
        export(
            "Jean Martin-Leroy",
            Some(jean),
            "2",
            now,
            "2026-11-20",
            V2_A_DONE,
        ),
    );
    // One name three ways, from a ticklist too old to give ids.
    for (n, name) in ["Zo\u{e9} Martin", "Zoe\u{301} Martin", "Zo\u{e9} Martin  "]
        .iter()
        .enumerate()
    {
        let at = format!("2026-11-{}T09:00:00Z", 18 + n);
        write(
            &format!("zoe-{n}.json"),
            export(name, None, "2", &at, "2026-11-18", V2_TODO),
        );
    }
    // Omar is on the first version: `b` (now `b2`) done, `c` (since removed) open.
    let omar = "d4d4d4d4d4d4d4d4";
    let v1 = [
        ("a", "Meet the team", "done"),
        ("b", "Read the handbook", "done"),
        ("c", "Fill in the old form", "todo"),
    ];
    write(
        "omar.json",
        export("Omar", Some(omar), "1", now, "2026-11-20", &v1),
    );
    // A copy of Omar's from a machine whose clock is a month ahead: named, not preferred.
    let all_done = [
        ("a", "Meet the team", "done"),
        ("b", "Read the handbook", "done"),
        ("c", "Fill in the old form", "done"),
    ];
    write(
        "omar-future.json",
        export(
            "Omar Wrongclock",
            Some(omar),
            "1",
            "2026-12-24T09:00:00Z",
            "2026-11-20",
            &all_done,
        ),
    );
    // Léa's export claims 99 of 7 steps done.
    let mut lea = export(
        "Léa",
        Some("e5e5e5e5e5e5e5e5"),
        "2",
        now,
        "2026-11-20",
        V2_TODO,
    );
    lea["done"] = 99.into();
    lea["total"] = 7.into();
    write("lea.json", lea);
    // A name made to retitle the terminal and turn "evil" into "live".
    write(
        "eve.json",
        export(
            "Eve\u{1b}]0;pwned\u{7}\u{202e}evil",
            Some("f6f6f6f6f6f6f6f6"),
            "2",
            now,
            "2026-11-20",
            V2_A_DONE,
        ),
    );
    // Nadia's export sits in a folder the shared one links to.
    let nadia = export(
        "Nadia",
        Some("a7a7a7a7a7a7a7a7"),
        "2",
        now,
        "2026-11-20",
        V2_A_DONE,
    );
    std::fs::write(elsewhere.join("nadia.json"), nadia.to_string()).unwrap();
    std::os::unix::fs::symlink(&elsewhere, dir.join("more")).unwrap();
    // A named pipe: opening it would wait for ever.
    let made = std::process::Command::new("mkfifo")
        .arg(dir.join("pipe.json"))
        .status()
        .unwrap();
    assert!(made.success());
    let pack = home.join("team-v2.yaml");
    std::fs::write(&pack, PACK_V2).unwrap();
    (dir, pack)
}

fn report(home: &Path, lang: &str, format: &str) -> String {
    let (dir, pack) = team_folder_once(home);
    let out = command(home, lang)
        .args([
            "report",
            dir.to_str().unwrap(),
            "--pack",
            pack.to_str().unwrap(),
        ])
        .args(["--format", format])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "the pipe is named: exit 1");
    String::from_utf8(out.stdout).unwrap()
}

fn team_folder_once(home: &Path) -> (std::path::PathBuf, std::path::PathBuf) {
    let dir = home.join("shared");
    if dir.exists() {
        (dir, home.join("team-v2.yaml"))
    } else {
        team_folder(home)
    }
}

/// No byte of the report can drive a terminal or reorder text.
fn assert_inert(text: &str, format: &str) {
    for c in ['\u{1b}', '\u{7}', '\u{202e}'] {
        assert!(!text.contains(c), "{format}: {c:?} in {text}");
    }
}

const EVE: &str = "Eve␛]0;pwned␇�evil";

#[test]
fn one_shared_folder_gives_one_row_per_person_with_figures_counted_not_believed() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();

    let json_text = report(home, "C", "json");
    // The names exactly as exported, escaped rather than written raw.
    assert_inert(&json_text, "json");
    let json: Value = serde_json::from_str(&json_text).unwrap();
    let section = &json["packs"][0];
    assert_eq!(json["packs"].as_array().unwrap().len(), 1);
    assert_eq!(section["matched_with"], "2");
    let rows: Vec<(String, Option<&str>, u64, u64, bool)> = section["mentors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["mentor"].as_str().unwrap().to_string(),
                m["namesake"].as_str(),
                m["done"].as_u64().unwrap(),
                m["total"].as_u64().unwrap(),
                m["stale"].as_bool().unwrap(),
            )
        })
        .collect();
    let eve = "Eve\u{1b}]0;pwned\u{7}\u{202e}evil".to_string();
    assert_eq!(
        rows,
        [
            (eve, None, 1, 3, false),
            ("Jean Martin-Leroy".into(), None, 1, 3, false),
            ("Léa".into(), None, 0, 3, false),
            ("Marie Dupont".into(), Some("id b2b2b2"), 0, 3, true),
            (
                "Marie Dupont".into(),
                Some("marie.d@example.org"),
                1,
                3,
                false
            ),
            ("Nadia".into(), None, 1, 3, false),
            ("Omar".into(), None, 2, 3, false),
            ("Zoé Martin".into(), None, 0, 3, false),
        ]
    );
    // Omar's version: `b` counts as `b2`, the removed `c` is open for nobody, the new `d`
    // is not in his version.
    let omar = &section["mentors"][6]["states"];
    assert_eq!(
        omar,
        &json!({"a": "done", "b2": "done", "d": "not_in_version"})
    );
    let open: Vec<&str> = section["most_open"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    assert!(!open.contains(&"c") && !open.contains(&"b"), "{open:?}");
    // `a` is due three days after the start: late for the Marie who started on 1
    // November and for Zoé, who started on the 18th and has not done it.
    let late: Vec<(&str, usize)> = section["most_late"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap(),
                s["who"].as_array().unwrap().len(),
            )
        })
        .collect();
    assert_eq!(late, [("a", 2)]);
    assert_eq!(section["mentors"][3]["late"], json!(["a"]));
    // Where mentors wait: `a` ticked 0.4 days after the start by five mentors, Omar's
    // `b` (now `b2`) in the same minute as his `a`; nobody has finished the stage.
    let waits: Vec<(&str, u64, f64, f64)> = section["waits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| {
            (
                w["id"].as_str().unwrap(),
                w["ticked"].as_u64().unwrap(),
                w["median_days"].as_f64().unwrap(),
                w["slowest_days"].as_f64().unwrap(),
            )
        })
        .collect();
    assert_eq!(waits, [("a", 5, 0.4, 0.4), ("b2", 1, 0.0, 0.0)]);
    assert_eq!(
        section["longest_waits"],
        json!(["a"]),
        "none waited on for no time"
    );
    assert_eq!(section["stage_times"], json!([]));
    // What the report set aside or merged, each said.
    assert_eq!(json["files_read"], 12, "every copy read, eight people");
    assert_eq!(json["without_id"], 1, "Zoé, by her name");
    // A name from a wrong clock's export is not the newest name.
    assert_eq!(json["renamed"][1]["name"], "Omar");
    assert_eq!(json["renamed"][0]["name"], "Jean Martin-Leroy");
    assert_eq!(json["renamed"][0]["earlier"], json!(["Jean Martin"]));
    let future = json["future"][0]["path"].as_str().unwrap();
    assert!(future.ends_with("omar-future.json"), "{future}");
    assert_eq!(
        json["future"][0]["counted"], false,
        "an earlier copy is counted"
    );
    assert_eq!(
        json["duplicates"].as_array().unwrap().len(),
        3,
        "{}",
        json["duplicates"]
    );
    let unread = &json["unread"][0];
    assert!(unread["path"].as_str().unwrap().ends_with("pipe.json"));
    assert_eq!(unread["why"]["kind"], "not_a_file");

    let md = report(home, "C", "markdown");
    assert_inert(&md, "markdown");
    let row = |label: &str| {
        md.lines()
            .find(|l| l.starts_with(&format!("| {label} |")))
            .unwrap_or_else(|| panic!("{label}: {md}"))
            .to_string()
    };
    assert!(
        row("Eve␛\\]0;pwned␇�evil").contains("| 1/3 (33 %) |"),
        "{md}"
    );
    assert!(row("Léa").contains("| 0/3 (0 %) |"), "{md}");
    assert!(row("Marie Dupont (marie.d@example.org)").contains("| 1/3 (33 %) |"));
    let quiet = row("Marie Dupont (id b2b2b2)");
    assert!(
        quiet.contains("| 2026-11-01 | 1 |") && quiet.ends_with("(quiet) |"),
        "{quiet}"
    );
    assert!(
        md.contains("Jean Martin-Leroy (id c3c3c3c3c3c3c3c3) has also exported as Jean Martin")
    );
    assert!(md.contains("omar-future.json: dated 2026-12-24T09:00:00Z, after this report"));
    assert!(md.contains("pipe.json: not a regular file"));
    assert!(md.contains("### Steps most often late\n\n- 2 × Meet the team (`a`): Marie Dupont (id b2b2b2), Zoé Martin"));
    assert!(md.contains(
        "Rows told apart by name only (exports of an older ticklist, with no person id): 1."
    ));

    let csv = report(home, "C", "csv");
    assert_inert(&csv, "csv");
    assert!(md.contains("| Meet the team | 5 | 0.4 | 0.4 |"), "{md}");
    let (mentors, waits) = csv.split_once("\n\n").unwrap();
    assert_eq!(
        waits.lines().nth(1),
        Some("\"team\",\"Meet the team\",5,0.4,0.4")
    );
    let lines: Vec<&str> = mentors.lines().collect();
    assert_eq!(lines.len(), 9, "a header and a row per person: {csv}");
    assert!(lines[0].starts_with("\"Pack id\",\"Mentor\",\"Person id\",\"Email\",\"Student\",\"Pack version\",\"Steps done\",\"Steps in all\",\"Done (%)\",\"First week\",\"Started\",\"Late steps\",\"Last tick\",\"Quiet\""), "{csv}");
    assert!(
        lines.contains(
            &"\"team\",\"Marie Dupont\",\"b2b2b2b2b2b2b2b2\",\"\",\"\",\"2\",0,3,0%,0%,2026-11-01,1,,\"yes\""
        ),
        "{csv}"
    );
    assert!(
        lines.contains(
            &"\"team\",\"Omar\",\"d4d4d4d4d4d4d4d4\",\"\",\"\",\"1\",2,3,66%,66%,2026-11-20,0,2026-11-20 10:00:00,\"no\""
        ),
        "{csv}"
    );

    let html = report(home, "C", "html");
    assert_inert(&html, "html");
    // The late step is marked in the grid, in words for screen readers too.
    assert_eq!(
        html.matches("to do, late").count(),
        2,
        "Marie and Zoé, on `a`"
    );
    let page = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let heads: Vec<String> = page
        .select(&select("table.grid tbody th[scope=row]"))
        .map(|th| th.text().collect())
        .collect();
    assert_eq!(
        heads,
        [
            EVE,
            "Jean Martin-Leroy",
            "Léa",
            "Marie Dupont (id b2b2b2)",
            "Marie Dupont (marie.d@example.org)",
            "Nadia",
            "Omar",
            "Zoé Martin",
        ]
    );
    let omar_cells: Vec<String> = page
        .select(&select("table.grid tbody tr"))
        .nth(6)
        .unwrap()
        .select(&select("td .sr"))
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(omar_cells, ["done", "done", "not in their version"]);
    let late: String = page
        .select(&select("h3"))
        .map(|h| h.text().collect::<String>())
        .collect::<Vec<_>>()
        .join("|");
    assert!(late.contains("Steps most often late"), "{late}");

    // The same folder as a French manager reads it.
    let fr = report(home, "fr_FR.UTF-8", "markdown");
    assert!(fr.contains("(inactif) |"), "{fr}");
    assert!(fr.contains("### Tâches le plus souvent en retard"), "{fr}");
    assert!(
        fr.contains("a aussi exporté sous le nom Jean Martin"),
        "{fr}"
    );
    assert!(fr.contains("| Meet the team | 5 | 0,4 | 0,4 |"), "{fr}");
    let fr_csv = report(home, "fr_FR.UTF-8", "csv");
    assert!(fr_csv.contains(";\"oui\"\n"), "{fr_csv}");
    assert!(
        fr_csv.contains("\n\"team\";\"Meet the team\";5;0,4;0,4\n"),
        "{fr_csv}"
    );
}
