//! The manager's side, end to end: mentors publish to one shared folder while they
//! tick, the report reads the folder (a conflict copy and a stray file in it), the HTML
//! page is checked by an HTML parser and by a real browser, the CSV runs no formula,
//! and a report piped into `head` ends quietly.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::support::{FRENCH, NOW, Session, clean_env, cli, cli_output, command};

/// `ticklist` for the mentor whose home is `home`, "now" being `now`.
fn at(home: &Path, now: &str, args: &[&str]) -> Output {
    command(home, FRENCH)
        .args(args)
        .env("TICKLIST_NOW", now)
        .output()
        .unwrap()
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn published(shared: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(shared)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

/// Three mentors publish to one folder; Alice's sync client left a conflict copy of an
/// older export, and someone dropped a note there. Returns the folder's parent.
fn shared_folder() -> (tempfile::TempDir, PathBuf) {
    let root = tempfile::tempdir().unwrap();
    let shared = root.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let home = |name: &str| {
        let home = root.path().join(name);
        std::fs::create_dir(&home).unwrap();
        home
    };
    let (alice, bob, carol) = (home("alice"), home("bob"), home("carol"));
    let dir = shared.to_str().unwrap();
    let said = ok(at(
        &alice,
        "2026-11-20T09:00:00Z",
        &["publish", dir, "--name", "Alice"],
    ));
    assert!(said.contains("Alice"), "{said}");
    let before = crate::support::inode(&published(&shared)[0]);
    ok(at(
        &alice,
        "2026-11-20T09:00:00Z",
        &["check", "video-candidats"],
    ));
    assert_ne!(
        crate::support::inode(&published(&shared)[0]),
        before,
        "the export replaced whole, never written in place"
    );
    // The sync client's copy of that older export.
    let first = published(&shared).remove(0);
    std::fs::copy(&first, shared.join("alice (conflicted copy).json")).unwrap();

    // Alice ticks in the full-screen UI while Bob ticks with commands.
    ok(at(
        &bob,
        NOW,
        &["publish", dir, "--name", "=HYPERLINK(\"http://x\")"],
    ));
    let mut ui = Session::start(&alice);
    ui.wait_for_text("Étape 1");
    ui.keys(" ");
    ui.wait_for_text("2/24");
    ok(at(&bob, NOW, &["check", "etape-1"]));
    // Down to the next row, a part of three steps: all three ticked.
    ui.keys("j ");
    ui.wait_for_text("5/24");
    ui.quit();
    ok(at(
        &bob,
        NOW,
        &["skip", "slack", "--reason", "déjà inscrit"],
    ));
    ok(at(&carol, NOW, &["publish", dir, "--name", "Carole <b>"]));
    std::fs::write(shared.join("notes.txt"), "à relire lundi").unwrap();
    (root, shared)
}

#[test]
fn a_shared_folder_makes_one_report_of_every_mentor() {
    let (root, shared) = shared_folder();
    let dir = shared.to_str().unwrap();
    let names: Vec<String> = published(&shared)
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 5, "three exports, a copy, a note: {names:?}");
    assert!(names.iter().all(|n| !n.ends_with(".tmp")), "{names:?}");

    let json = at(root.path(), NOW, &["report", dir, "--format", "json"]);
    assert_eq!(json.status.code(), Some(1), "a stray file: exit 1");
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!(json["files_read"], 4, "three exports and a copy");
    let rows: Vec<(String, u64)> = json["packs"][0]["mentors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["mentor"].as_str().unwrap().into(),
                m["done"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Alice".to_string(), 5),
            ("Carole <b>".to_string(), 0),
            // By name as read, signs aside.
            ("=HYPERLINK(\"http://x\")".to_string(), 7),
        ],
        "the newest of Alice's two exports counts"
    );
    assert_eq!(
        json["duplicates"][0]["ignored"],
        shared
            .join("alice (conflicted copy).json")
            .to_str()
            .unwrap()
    );
    assert_eq!(
        json["unread"][0]["path"],
        shared.join("notes.txt").to_str().unwrap()
    );

    // The HTML page: to a file, the stray file said on stderr as well.
    let page = root.path().join("report.html");
    let out = at(
        root.path(),
        NOW,
        &[
            "report",
            dir,
            "--format",
            "html",
            "--output",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("notes.txt"), "{err}");
    let html = std::fs::read_to_string(&page).unwrap();
    let document = scraper::Html::parse_document(&html);
    let select = |css: &str| scraper::Selector::parse(css).unwrap();
    let row_headers: Vec<String> = document
        .select(&select("section table:first-of-type tbody th[scope=row]"))
        .map(|th| th.text().collect())
        .collect();
    assert_eq!(
        row_headers[..3],
        ["Alice", "Carole <b>", "=HYPERLINK(\"http://x\")"]
    );
    // A name like markup stays text: every bold element is a whole mentor's name.
    for b in document.select(&select("b")) {
        let text: String = b.text().collect();
        assert!(row_headers.contains(&text), "{text:?}");
    }
    assert!(html.contains("Carole &lt;b&gt;"), "escaped");
    let unread: String = document
        .select(&select("#unread + ul li"))
        .flat_map(|li| li.text())
        .collect();
    assert!(
        unread.contains("notes.txt") && unread.contains("pas du JSON"),
        "{unread}"
    );
    assert!(
        html.contains("sans objet : déjà inscrit"),
        "Bob's reason is in the page"
    );

    // The CSV: a would-be formula stays text, for a French spreadsheet.
    let csv = ok_or_unread(at(
        root.path(),
        NOW,
        &[
            "report",
            dir,
            "--format",
            "csv",
            "--delimiter",
            ";",
            "--bom",
        ],
    ));
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains(";\"'=HYPERLINK(\"\"http://x\"\")\";"), "{csv}");
    browser_renders(&page, root.path());
}

/// A report's output, from a run that read some files that were not exports.
fn ok_or_unread(out: Output) -> String {
    assert_eq!(out.status.code(), Some(1));
    String::from_utf8(out.stdout).unwrap()
}

/// Headless Chromium renders the page to a PNG and a DOM: the three mentors are there.
/// CI installs Chromium (and sets `TICKLIST_REQUIRE_CHROMIUM`); elsewhere, without it,
/// this part is skipped and says so.
fn browser_renders(page: &Path, scratch: &Path) {
    let Some(chromium) = tool(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]) else {
        return;
    };
    let url = format!("file://{}", page.display());
    let png = scratch.join("report.png");
    let dom = headless_until(chromium, scratch, &["--dump-dom"], &url, |out| {
        out.status.success() && !out.stdout.is_empty()
    });
    let dom = String::from_utf8(dom.stdout).unwrap();
    for mentor in ["Alice", "Carole &lt;b&gt;", "=HYPERLINK"] {
        assert!(dom.contains(mentor), "{mentor} not rendered: {dom}");
    }
    assert!(!dom.contains("Carole <b>"), "the name stayed text");
    headless_writing(
        &png,
        chromium,
        scratch,
        &[&format!("--screenshot={}", png.display())],
        &url,
    );
    let bytes = std::fs::read(&png).unwrap();
    assert!(
        bytes.starts_with(b"\x89PNG") && bytes.len() > 10_000,
        "{} bytes",
        bytes.len()
    );
}

/// A program the browser checks need: CI installs Chromium and poppler-utils (and sets
/// `TICKLIST_REQUIRE_CHROMIUM`); elsewhere, without them, the check is skipped and says so.
fn tool(paths: &[&'static str]) -> Option<&'static str> {
    let found = paths.iter().copied().find(|p| Path::new(p).exists());
    if found.is_none() {
        assert!(
            std::env::var_os("TICKLIST_REQUIRE_CHROMIUM").is_none(),
            "{paths:?} required here and not installed"
        );
        eprintln!("skipped: no {paths:?} (apt-get install chromium poppler-utils)");
    }
    found
}

/// Headless Chromium on `url`, with `extra` telling it what to make.
fn headless(chromium: &str, scratch: &Path, extra: &[&str], url: &str) -> Output {
    Command::new(chromium)
        .env_clear()
        .envs(clean_env(scratch, FRENCH))
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--window-size=1000,1400",
        ])
        .arg(format!(
            "--user-data-dir={}",
            scratch.join("chromium").display()
        ))
        .args(extra)
        .arg(url)
        .output()
        .unwrap()
}

/// Runs headless Chromium until `done` holds of what it did: now and then, on a loaded
/// machine, it exits early without doing its work. A second try, not a weaker check:
/// three failures fail.
fn headless_until(
    chromium: &str,
    scratch: &Path,
    extra: &[&str],
    url: &str,
    done: impl Fn(&Output) -> bool,
) -> Output {
    let mut said = Vec::new();
    for _ in 0..3 {
        let out = headless(chromium, scratch, extra, url);
        if done(&out) {
            return out;
        }
        said.push(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    panic!("Chromium never did {extra:?}: {said:#?}");
}

/// Runs headless Chromium until it has written `file`.
fn headless_writing(file: &Path, chromium: &str, scratch: &Path, extra: &[&str], url: &str) {
    headless_until(chromium, scratch, extra, url, |_| file.exists());
}

/// The page printed to A4 by Chromium keeps every mentor, whatever the team's size: at
/// 8, 50 and 1,000 mentors, every name is in the PDF's text (`pdftotext`), and the page
/// on screen is a real picture of the window's size.
#[test]
fn the_page_prints_on_a4_with_no_mentor_lost() {
    let (Some(chromium), Some(pdftotext)) = (
        tool(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]),
        tool(&["/usr/bin/pdftotext"]),
    ) else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    cli(home, &["check", "slack"]);
    let export = cli(home, &["export", "--format", "json", "--name", "x"]);
    let mut value: serde_json::Value = serde_json::from_str(&export).unwrap();
    for count in [8, 50, 1000] {
        let shared = home.join(format!("team-{count}"));
        std::fs::create_dir(&shared).unwrap();
        // Names no other name contains, so that finding one proves that row printed.
        let names: Vec<String> = (0..count).map(|n| format!("Mentor Q{n:04}Z")).collect();
        for (n, name) in names.iter().enumerate() {
            value["mentor"] = name.as_str().into();
            value["person"] = format!("{n:016x}").into();
            std::fs::write(shared.join(format!("{n}.json")), value.to_string()).unwrap();
        }
        let page = home.join(format!("report-{count}.html"));
        let page_arg = page.to_str().unwrap();
        ok(command(home, FRENCH)
            .args([
                "report",
                shared.to_str().unwrap(),
                "--format",
                "html",
                "-o",
                page_arg,
            ])
            .output()
            .unwrap());
        let url = format!("file://{}", page.display());
        let pdf = home.join(format!("report-{count}.pdf"));
        let print = format!("--print-to-pdf={}", pdf.display());
        headless_writing(
            &pdf,
            chromium,
            home,
            &[&print, "--no-pdf-header-footer"],
            &url,
        );
        let text = Command::new(pdftotext)
            .args(["-layout".as_ref(), pdf.as_os_str(), "-".as_ref()])
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&text.stdout);
        // Each name heads a row of both grid tables (24 steps, 20 a table), read in
        // the page's layout as the name then the row's symbols.
        let in_grid = |name: &str| {
            text.lines()
                .filter_map(|line| line.trim_start().strip_prefix(name))
                .filter(|rest| rest.trim_start().starts_with(['✓', '·', '–', '◐', '∅']))
                .count()
        };
        let lost: Vec<&String> = names.iter().filter(|n| in_grid(n) < 2).collect();
        assert!(
            lost.is_empty(),
            "{count} mentors: {} lost, first {:?}",
            lost.len(),
            lost.first()
        );
        if count == 50 {
            let png = home.join("report-50.png");
            let shot = format!("--screenshot={}", png.display());
            headless_writing(&png, chromium, home, &[&shot], &url);
            let bytes = std::fs::read(&png).unwrap();
            // The PNG header gives the picture's width and height.
            let size = |at: usize| u32::from_be_bytes(bytes[at..at + 4].try_into().unwrap());
            assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
            assert_eq!((size(16), size(20)), (1000, 1400), "the window's size");
            assert!(
                bytes.len() > 20_000,
                "a page drawn, not a blank: {} bytes",
                bytes.len()
            );
        }
    }
}

#[test]
fn output_piped_into_head_ends_quietly() {
    let home = tempfile::tempdir().unwrap();
    let big = home.path().join("big.yaml");
    std::fs::write(
        &big,
        cli(home.path(), &["generate-pack", "--items", "3000"]),
    )
    .unwrap();
    // Many exports, so that `head` leaves long before the report is written.
    let shared = home.path().join("shared");
    std::fs::create_dir(&shared).unwrap();
    let export = cli(home.path(), &["export", "--format", "json", "--name", "x"]);
    let mut value: serde_json::Value = serde_json::from_str(&export).unwrap();
    for n in 0..400 {
        value["mentor"] = format!("mentor {n}").into();
        std::fs::write(shared.join(format!("{n}.json")), value.to_string()).unwrap();
    }
    for (args, status) in [
        (format!("--pack {} list", big.display()), 0),
        (format!("report {}", shared.display()), 0),
        (format!("report --format html {}", shared.display()), 0),
        ("generate-pack --items 20000".to_string(), 0),
        (format!("validate {}", big.display()), 0),
    ] {
        let out = Command::new("/bin/bash")
            .env_clear()
            .envs(clean_env(home.path(), FRENCH))
            .arg("-c")
            .arg(format!(
                "set -o pipefail; '{}' {args} | head -1",
                crate::support::BIN
            ))
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.is_empty(), "{args}: {said}");
        assert_eq!(
            String::from_utf8_lossy(&out.stdout).lines().count(),
            1,
            "{args}"
        );
        assert_eq!(out.status.code(), Some(status), "{args}");
    }
    // The progress is still there.
    let _ = cli_output(home.path(), &["status"]);
}

#[test]
fn status_check_and_due_answer_scripts() {
    let home = tempfile::tempdir().unwrap();
    let out = cli_output(home.path(), &["status", "--check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty() && out.stderr.is_empty());
    cli(home.path(), &["check", "etape-1", "etape-2"]);
    let out = cli_output(home.path(), &["status", "--check"]);
    assert_eq!(out.status.code(), Some(0));
    // A pack with due dates, started long ago: its first-week steps are late.
    let pack = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/packs/due-dates.yaml");
    let pack = pack.to_str().unwrap();
    let en = |args: &[&str]| {
        let mut all = vec!["--lang", "en", "--pack", pack];
        all.extend_from_slice(args);
        cli(home.path(), &all)
    };
    en(&["runs", "start", "Alice", "--start", "2020-01-06"]);
    let due = en(&["--run", "Alice", "status", "--due"]);
    assert!(
        due.starts_with("overdue: Meet your student"),
        "overdue steps are listed: {due}"
    );
    assert!(!due.contains("total"), "and only them: {due}");
    // The built-in checklist has no due dates: said plainly, never nothing or an empty
    // calendar.
    let none = cli(home.path(), &["status", "--due"]);
    assert_eq!(none, "Cette checklist n'a pas de dates d'échéance.\n");
    let ics = cli_output(home.path(), &["export", "--format", "ics"]);
    assert_eq!(ics.status.code(), Some(1));
    assert!(ics.stdout.is_empty());
    let said = String::from_utf8(ics.stderr).unwrap();
    assert!(said.contains("aucun calendrier écrit"), "{said}");
}

#[test]
fn paths_say_where_things_are_and_show_the_id_without_making_one() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let before = cli(home, &["paths"]);
    assert!(before.contains("Pas encore d'identifiant"), "{before}");
    assert!(
        before.contains(&format!(
            "Vos touches : {} (n'existe pas encore)",
            home.join("config/ticklist/keys.yaml").display()
        )),
        "{before}"
    );
    assert!(
        !home.join("config/ticklist/person-id").exists(),
        "asking made none"
    );
    let shared = home.join("shared");
    std::fs::create_dir(&shared).unwrap();
    let said = cli(
        home,
        &["publish", shared.to_str().unwrap(), "--name", "Zoé"],
    );
    let id = std::fs::read_to_string(home.join("config/ticklist/person-id")).unwrap();
    let id = id.trim();
    assert!(said.contains(&format!("l'identifiant {id}")), "{said}");
    let after = cli(home, &["paths"]);
    assert!(
        after.contains(&format!("Identifiant de vos exports : {id}")),
        "{after}"
    );
    assert!(
        after.contains(&format!(
            "Publication dans : {}",
            shared.canonicalize().unwrap().display()
        )),
        "{after}"
    );
    // Every published file carries it, and its name is made from it.
    let json: serde_json::Value = serde_json::from_str(&cli(home, &["paths", "--json"])).unwrap();
    assert_eq!(json["person_id"], id);
    assert_eq!(json["progress"]["exists"], true, "{json}");
    assert_eq!(json["keys"]["exists"], false, "{json}");
    // Looking at other packs publishes nothing: only the mentor's doings are published.
    cli(home, &["--pack", "mentor-handbook", "status"]);
    cli(home, &["--pack", "first-session", "runs", "list"]);
    assert_eq!(published(&shared).len(), 1, "{:?}", published(&shared));
    let file = published(&shared).pop().unwrap();
    let export: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    assert_eq!(export["person"], id);
}
