//! The manager's report over a folder anyone can write to: every text from an export
//! escaped in the HTML page, a file over the limit named without being read, hidden
//! files and folders behind links passed by, a hostile file name kept off the
//! terminal, and one row for each mentor, pack and student.

use std::path::Path;

use serde_json::Value;

use crate::support::{english, failed_with, succeeded};

/// A mentor's JSON export, made by `ticklist export` in `home` with `args` before it.
fn exported(home: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend(["export", "--format", "json", "--name", "Alice"]);
    serde_json::from_str(&succeeded(&english(home, &all))).unwrap()
}

fn write(path: &Path, export: &Value) {
    std::fs::write(path, serde_json::to_vec_pretty(export).unwrap()).unwrap();
}

/// `ticklist report DIR --format FORMAT` as a manager runs it: its output and stderr.
fn report(home: &Path, dir: &Path, format: &str) -> (String, String, Option<i32>) {
    let out = english(home, &["report", dir.to_str().unwrap(), "--format", format]);
    let said = String::from_utf8_lossy(&out.stderr).into_owned();
    (
        String::from_utf8(out.stdout).unwrap(),
        said,
        out.status.code(),
    )
}

#[test]
fn every_text_from_an_export_is_escaped_in_the_html_page() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("shared");
    std::fs::create_dir(&dir).unwrap();
    let mut export = exported(home, &[]);
    export["mentor"] = "<i>MENTOR</i>".into();
    // A pack not installed here: its title and steps are the export's own.
    export["pack"]["id"] = "team-pack".into();
    export["pack"]["title"] = "<i>PACK</i>".into();
    // Every step's title, so the grid, the most-open steps and the remarks show one.
    for item in export["items"].as_array_mut().unwrap() {
        item["title"] = "<i>STEP</i>".into();
    }
    export["items"][1]["note"] = "<i>NOTE</i>".into();
    // An older copy under a hostile name: listed among the duplicates.
    let mut older = export.clone();
    older["generated_at"] = "2026-01-01T00:00:00Z".into();
    write(&dir.join("alice.json"), &export);
    write(&dir.join("<i>DUPLICATE.json"), &older);
    std::fs::write(dir.join("<i>UNREAD.json"), "not an export").unwrap();

    let (html, _, code) = report(home, &dir, "html");
    assert_eq!(code, Some(1), "a file was not an export");
    for marker in [
        "MENTOR</i>",
        "PACK</i>",
        "STEP</i>",
        "NOTE</i>",
        "DUPLICATE",
        "UNREAD",
    ] {
        let marker = marker.replace("</i>", "&lt;/i&gt;");
        assert!(
            html.contains(&format!("&lt;i&gt;{marker}")),
            "{marker} shown escaped"
        );
    }
    assert!(!html.contains("<i>"), "no text from an export read as HTML");
    // The step grid, the most-open steps and the remarks each show the title.
    let step = "&lt;i&gt;STEP&lt;/i&gt;";
    for section in html.split("<h3>").skip(1) {
        let heading = section.split("</h3>").next().unwrap();
        if ["Step by step", "Steps most often open", "Remarks"].contains(&heading) {
            assert!(section.contains(step), "{heading}: {section:.300}");
        }
    }
}

#[test]
fn a_file_over_the_size_limit_is_named_without_being_read() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("shared");
    std::fs::create_dir(&dir).unwrap();
    // A real export of 17 MiB: a note makes it long.
    let mut export = exported(home, &[]);
    export["items"][1]["note"] = "x".repeat(17 * 1024 * 1024).into();
    write(&dir.join("big.json"), &export);
    let (json, said, code) = report(home, &dir, "json");
    assert_eq!(code, Some(1), "{said}");
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["files_read"], 0, "{said}");
    let unread = &report["unread"][0];
    assert!(unread["path"].as_str().unwrap().ends_with("big.json"));
    assert_eq!(unread["why"]["kind"], "too_big", "{unread}");
}

#[test]
fn hidden_files_are_passed_by_linked_folders_read_once_and_pipes_never_opened() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("shared");
    let elsewhere = home.join("elsewhere");
    std::fs::create_dir_all(dir.join(".sync-trash")).unwrap();
    std::fs::create_dir(&elsewhere).unwrap();
    let export = exported(home, &[]);
    write(&dir.join("alice.json"), &export);
    let mut other = export.clone();
    other["mentor"] = "Hidden".into();
    write(&dir.join(".alice.json.1234.tmp"), &other);
    write(&dir.join(".sync-trash/hidden.json"), &other);
    other["mentor"] = "Linked".into();
    // Someone else's export: not Alice under another name.
    other.as_object_mut().unwrap().remove("person");
    write(&elsewhere.join("linked.json"), &other);
    std::os::unix::fs::symlink(&elsewhere, dir.join("link")).unwrap();
    // A second link to the same folder: its files are not read twice.
    std::os::unix::fs::symlink(&elsewhere, dir.join("more")).unwrap();
    // A loop of links is named, and ends.
    std::os::unix::fs::symlink(&dir, dir.join("loop")).unwrap();
    // A named pipe would hang whoever opens it: it is named, never opened.
    let fifo = dir.join("pipe.json");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );

    let (json, said, code) = report(home, &dir, "json");
    assert_eq!(code, Some(1), "the loop and the pipe are named: {said}");
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["files_read"], 2, "{json:.400}");
    let mentors: Vec<&str> = report["packs"][0]["mentors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["mentor"].as_str().unwrap())
        .collect();
    assert_eq!(mentors, ["Alice", "Linked"]);
    let unread: Vec<(String, &str)> = report["unread"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| {
            let path = u["path"].as_str().unwrap();
            let name = path.rsplit('/').next().unwrap().to_string();
            (name, u["why"]["kind"].as_str().unwrap())
        })
        .collect();
    assert_eq!(
        unread,
        [
            ("loop".to_string(), "link_loop"),
            ("more".to_string(), "link_loop"),
            ("pipe.json".to_string(), "not_a_file")
        ]
    );
}

#[test]
fn one_mentor_has_a_row_for_each_pack_and_each_student() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("shared");
    std::fs::create_dir(&dir).unwrap();
    let students = ["--pack", "first-session"];
    for student in ["Bob", "Carol"] {
        succeeded(&english(
            home,
            &[students[0], students[1], "runs", "start", student],
        ));
        let export = exported(home, &[students[0], students[1], "--run", student]);
        write(&dir.join(format!("first-session-{student}.json")), &export);
    }
    write(&dir.join("checklist.json"), &exported(home, &[]));
    let handbook = exported(home, &["--pack", "mentor-handbook"]);
    write(&dir.join("handbook.json"), &handbook);

    let (json, said, code) = report(home, &dir, "json");
    assert_eq!(code, Some(0), "{said}");
    let report: Value = serde_json::from_str(&json).unwrap();
    assert_eq!(report["duplicates"], serde_json::json!([]));
    let mut rows: Vec<String> = report["packs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|pack| {
            let id = pack["id"].as_str().unwrap().to_string();
            pack["mentors"]
                .as_array()
                .unwrap()
                .iter()
                .map(move |row| format!("{id} {} {}", row["mentor"], row["run"]))
        })
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            "first-session \"Alice\" \"Bob\"",
            "first-session \"Alice\" \"Carol\"",
            "mentor-handbook \"Alice\" null",
            "openclassrooms-mentor \"Alice\" null",
        ]
    );
}

#[test]
fn a_hostile_file_name_never_reaches_the_terminal() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let dir = home.join("shared");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("x\u{1b}]0;pwned\u{7}.json"), "not an export").unwrap();
    let output = home.join("report.md");
    let out = english(
        home,
        &[
            "report",
            dir.to_str().unwrap(),
            "--output",
            output.to_str().unwrap(),
        ],
    );
    let said = failed_with(&out, 1);
    assert!(said.contains("x␛]0;pwned␇.json"), "{said}");
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{7}'),
        "{said:?}"
    );
}

#[test]
fn a_folder_that_is_not_there_is_said_not_reported_empty() {
    let home = tempfile::tempdir().unwrap();
    let missing = home.path().join("shraed");
    let said = failed_with(
        &english(home.path(), &["report", missing.to_str().unwrap()]),
        2,
    );
    assert!(said.contains("shraed: no such file or folder"), "{said}");
}
