//! A manager's pack handed out by address: installed from a local HTTP server, asked
//! again with a conditional request, changed (a step added, one renamed, one dropped)
//! with every tick kept, and every kind of bad answer refused with the installed pack
//! untouched.
#![cfg(unix)]

use std::path::Path;

use crate::http::{Reply, Server};
use crate::support::{FRENCH, command, inode};

use crate::support::{english as run, failed_with as failed, succeeded as ok};

/// The team's pack: one part of steps `(id, title)`, and `renamed:` lines if any.
fn team(version: &str, steps: &[(&str, &str)], renamed: &str) -> String {
    let mut yaml = format!(
        "id: team\nversion: \"{version}\"\nlang: en\ntitle: Team onboarding\n{renamed}stages:\n  - id: week-1\n    title: First week\n    items:\n"
    );
    for (id, title) in steps {
        yaml.push_str(&format!("      - {{id: {id}, title: {title}}}\n"));
    }
    yaml
}

fn v1() -> String {
    team(
        "1",
        &[
            ("slack", "Join Slack"),
            ("buddy", "Meet your buddy"),
            ("old-form", "Fill in the paper form"),
        ],
        "",
    )
}

fn installed(home: &Path) -> String {
    std::fs::read_to_string(home.join("data/ticklist/packs/team.yaml")).unwrap()
}

#[test]
fn a_mentor_installs_by_address_and_an_update_keeps_every_tick() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let server = Server::start();
    let url = server.url("/team.yaml");
    server.serve("/team.yaml", &v1(), "one");

    assert_eq!(
        ok(&run(home, &["pack", "install", &url])),
        "installed team v1: Team onboarding\n"
    );
    ok(&run(
        home,
        &["--pack", "team", "check", "slack", "buddy", "old-form"],
    ));
    let list = ok(&run(home, &["pack", "list"]));
    assert!(
        list.ends_with(&format!(
            "  team  v1  3/3  Team onboarding\n    from {url}, last checked 23 November 2026\n"
        )),
        "{list}"
    );

    // Unchanged: the second request is conditional and the answer is "not modified".
    assert_eq!(
        ok(&run(home, &["pack", "update"])),
        format!("team v1 is up to date ({url})\n")
    );
    let asked = server.requests();
    assert_eq!(asked.len(), 2);
    assert_eq!(
        asked[1].headers.get("if-none-match").map(String::as_str),
        Some("\"one\"")
    );

    // The manager reworks the pack: a step renamed (with `renamed:`), one dropped, one added.
    let v2 = team(
        "2",
        &[
            ("slack", "Join Slack"),
            ("meet-buddy", "Meet your buddy and the team"),
            ("handbook", "Read the handbook"),
        ],
        "renamed:\n  buddy: meet-buddy\n",
    );
    server.serve("/team.yaml", &v2, "two");
    let first = inode(&home.join("data/ticklist/packs/team.yaml"));
    assert_eq!(
        ok(&run(home, &["pack", "update", "team"])),
        "updated team from v1 to v2: Team onboarding\n\
         \x20 added: “Read the handbook”\n\
         \x20 removed: “Fill in the paper form”\n\
         \x20 renamed: “Meet your buddy” → “Meet your buddy and the team”\n\
         \x20 no longer counting, but still saved in case the step comes back: “Fill in the paper form”\n\
         \x20 your ticks: kept 1 · moved with a renamed step 1 · no longer counting 1\n"
    );
    // At first opening, the mentor is told which ticked steps are gone, by name.
    let transcript = plain(home, &["--pack", "team"], "q\n");
    assert!(
        transcript.contains(
            "Some steps you had ticked are no longer in version 2 of this checklist: \
             “Fill in the paper form”. Those ticks stay saved."
        ),
        "{transcript}"
    );
    let status = ok(&run(home, &["--pack", "team", "status"]));
    assert!(status.contains("total 2/3"), "both ticks count: {status}");
    ok(&run(home, &["--pack", "team", "check", "handbook"]));
    assert_eq!(installed(home), v2);
    assert_ne!(
        inode(&home.join("data/ticklist/packs/team.yaml")),
        first,
        "the installed pack replaced whole, never written in place"
    );

    // Going back to the first version is refused unless asked for, and nothing moves.
    server.serve("/team.yaml", &v1(), "one");
    let said = failed(&run(home, &["pack", "update"]), 1);
    assert!(
        said.contains(
            "team v2 is installed and this pack is v1, an older version: nothing changed"
        ) && said.contains("--allow-downgrade"),
        "{said}"
    );
    assert_eq!(installed(home), v2);
    // Going back would stop counting two of the three ticks: a script must say so too.
    let said = failed(&run(home, &["pack", "update", "--allow-downgrade"]), 1);
    assert!(
        said.contains("would stop counting 2 of your 3 ticks") && said.contains("--force"),
        "{said}"
    );
    assert_eq!(installed(home), v2);
    let back = ok(&run(
        home,
        &["pack", "update", "--allow-downgrade", "--force"],
    ));
    assert!(
        back.starts_with("went back from v2 to v1 of team")
            && back.contains(
                "no longer counting, but still saved in case the step comes back: \
                 “Meet your buddy and the team”, “Read the handbook”"
            )
            && back.contains("your ticks: kept 1 · no longer counting 2"),
        "{back}"
    );
}

#[test]
fn a_redirect_is_followed_and_a_pinned_digest_is_checked() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let server = Server::start();
    server.serve("/packs/team.yaml", &v1(), "one");
    server.set("/team", Reply::Redirect("/packs/team.yaml".into()));
    let url = server.url("/team");
    let digest = sha256(v1().as_bytes());

    let wrong = "0".repeat(64);
    let said = failed(
        &run(home, &["pack", "install", &url, "--sha256", &wrong]),
        1,
    );
    assert!(
        said.contains(&format!("its SHA-256 is {digest}, not {wrong}")),
        "{said}"
    );
    assert!(
        !home.join("data/ticklist/packs/team.yaml").exists(),
        "nothing installed"
    );
    let said = failed(&run(home, &["pack", "install", &url, "--sha256", "abc"]), 2);
    assert!(said.contains("64 hexadecimal characters"), "{said}");

    let upper = digest.to_uppercase();
    ok(&run(home, &["pack", "install", &url, "--sha256", &upper]));
    assert_eq!(installed(home), v1());
    let paths: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(paths.last().map(String::as_str), Some("/packs/team.yaml"));
    // A malformed digest is refused before anything is asked.
    assert_eq!(
        paths.iter().filter(|p| *p == "/team").count(),
        2,
        "{paths:?}"
    );

    // Pinned: other content from the same address is refused.
    let v2 = team("2", &[("slack", "Join Slack")], "");
    server.serve("/packs/team.yaml", &v2, "two");
    let said = failed(&run(home, &["pack", "update"]), 1);
    assert!(
        said.contains("not ") && said.contains("new --sha256"),
        "{said}"
    );
    assert_eq!(installed(home), v1());
}

#[test]
fn bad_answers_are_refused_and_the_installed_pack_stays() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let server = Server::start();
    server.serve("/team.yaml", &v1(), "one");
    ok(&run(home, &["pack", "install", &server.url("/team.yaml")]));

    let closed = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        format!("http://{}/team.yaml", listener.local_addr().unwrap())
    };
    server.set("/gone", Reply::Status(404));
    server.set("/broken", Reply::Status(500));
    server.set("/loop", Reply::Redirect("/loop".into()));
    server.set("/silent", Reply::Silent);
    server.set("/flood", Reply::Flood { declared: false });
    server.set("/huge", Reply::Flood { declared: true });
    server.serve("/page.html", "<html><body>Hello</body></html>", "html");
    server.serve(
        "/renamed.yaml",
        &v1().replace("id: team", "id: other team"),
        "bad",
    );
    let cases: Vec<(String, &str)> = vec![
        (
            server.url("/gone"),
            "there is no pack at this address (the server answered 404)",
        ),
        (
            server.url("/broken"),
            "the server has a problem (it answered 500): try again later",
        ),
        (server.url("/loop"), "more than 5 redirects"),
        (server.url("/silent"), "did not answer within 1 s"),
        (server.url("/flood"), "larger than a pack may be (16 MiB)"),
        (server.url("/huge"), "larger than a pack may be (16 MiB)"),
        (server.url("/page.html"), "/page.html"),
        (server.url("/renamed.yaml"), "/renamed.yaml"),
        (closed, "cannot reach"),
        ("http://example.org/team.yaml".into(), "only over https"),
        ("ftp://example.org/team.yaml".into(), "is not a web address"),
    ];
    for (url, expected) in cases {
        // A short wait only where the wait is the point: 16 MiB takes a while to refuse on
        // a loaded machine.
        let timeout = if url.ends_with("/silent") { "1" } else { "20" };
        let out = run(home, &["pack", "install", &url, "--timeout", timeout]);
        assert!(!out.status.success(), "{url}");
        let said = String::from_utf8_lossy(&out.stderr);
        assert!(said.contains(expected), "{url}: {said}");
        assert_eq!(installed(home), v1(), "{url}: the installed pack stays");
    }

    // The same through `pack update`, in French: the server now fails.
    server.set("/team.yaml", Reply::Status(500));
    let out = command(home, FRENCH)
        .args(["pack", "update"])
        .output()
        .unwrap();
    let said = failed(&out, 1);
    assert!(
        said.contains("le serveur a un problème (il a répondu 500)"),
        "{said}"
    );
    assert!(
        said.contains("certains packs n'ont pas pu être mis à jour"),
        "{said}"
    );
    assert_eq!(installed(home), v1());
}

#[test]
fn files_over_an_installed_pack_follow_the_same_rules() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let file = |name: &str, yaml: &str| {
        let path = home.join(name);
        std::fs::write(&path, yaml).unwrap();
        path.to_str().unwrap().to_string()
    };
    let v2 = team("2", &[("slack", "Join Slack")], "");
    ok(&run(home, &["pack", "install", &file("v2.yaml", &v2)]));
    let said = failed(&run(home, &["pack", "install", &file("v1.yaml", &v1())]), 2);
    assert!(said.contains("an older version: nothing changed"), "{said}");
    assert_eq!(installed(home), v2);
    assert_eq!(
        ok(&run(home, &["pack", "install", &file("again.yaml", &v2)])),
        "team v2 is already installed with the same content: nothing changed\n"
    );
    let reworked = team("2", &[("slack", "Join the Slack workspace")], "");
    let out = ok(&run(
        home,
        &["pack", "install", &file("reworked.yaml", &reworked)],
    ));
    assert!(
        out.starts_with("installed team: it keeps version 2 but its content changed")
            && out.contains("renamed: “Join Slack” → “Join the Slack workspace”"),
        "{out}"
    );
    let said = failed(
        &run(
            home,
            &["pack", "install", "v2.yaml", "--sha256", &"a".repeat(64)],
        ),
        2,
    );
    assert!(said.contains("--sha256 checks a download"), "{said}");
    let said = failed(
        &run(
            home,
            &[
                "pack",
                "install",
                &file("builtin.yaml", &v2.replace("id: team", "id: first-session")),
            ],
        ),
        2,
    );
    assert!(said.contains("is the id of a built-in pack"), "{said}");
    assert_eq!(
        ok(&run(home, &["pack", "update"])),
        "no pack was installed from an address: nothing to update\n"
    );
    assert!(
        ok(&run(home, &["pack", "update", "team"])).contains("was not installed from an address")
    );
}

/// Plain mode through a pipe, fed `input`: its transcript.
fn plain(home: &Path, args: &[&str], input: &str) -> String {
    let mut all = args.to_vec();
    all.push("--plain");
    ok(&crate::support::piped(home, "C", &all, input))
}

fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn a_pack_announced_over_the_limit_is_refused_before_it_is_read() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let server = Server::start();
    // Just over the limit, and far over it; the server sends a real pack and hangs up.
    for (path, length) in [("/over", 16 * 1024 * 1024 + 1), ("/gigabyte", 1 << 30)] {
        server.set(path, Reply::Announce { length, body: v1() });
        let said = failed(&run(home, &["pack", "install", &server.url(path)]), 1);
        assert!(
            said.contains("larger than a pack may be (16 MiB)"),
            "{path}: {said}"
        );
    }
    // At the limit's own size the body is read: the short one is refused as cut.
    server.set(
        "/at-limit",
        Reply::Announce {
            length: 16 * 1024 * 1024,
            body: v1(),
        },
    );
    let said = failed(
        &run(home, &["pack", "install", &server.url("/at-limit")]),
        1,
    );
    assert!(!said.contains("larger than a pack"), "{said}");
}

#[test]
fn redirects_are_followed_up_to_the_limit_and_each_hop_is_checked() {
    let home = tempfile::tempdir().unwrap();
    let home = home.path();
    let server = Server::start();
    server.serve("/team.yaml", &v1(), "one");
    // A chain of n redirects: /n → /n-1 → … → /1 → the pack.
    for n in 1..=6 {
        let to = if n == 1 {
            "/team.yaml".to_string()
        } else {
            format!("/hop{}", n - 1)
        };
        server.set(&format!("/hop{n}"), Reply::Redirect(to));
    }
    ok(&run(home, &["pack", "install", &server.url("/hop5")]));
    let said = failed(&run(home, &["pack", "install", &server.url("/hop6")]), 1);
    assert!(said.contains("more than 5 redirects"), "{said}");

    // A hop to plain http elsewhere than this machine is refused, even two hops down.
    // (0.0.0.0 reaches this machine too, so no request leaves it if the check is lost.)
    let port = server.base.rsplit(':').next().unwrap();
    let away = format!("http://0.0.0.0:{port}/team.yaml");
    server.set("/away", Reply::Redirect(away.clone()));
    server.set("/via", Reply::Redirect("/away".into()));
    for start in ["/away", "/via"] {
        let said = failed(&run(home, &["pack", "install", &server.url(start)]), 1);
        assert!(
            said.contains(&away) && said.contains("only over https"),
            "{start}: {said}"
        );
    }
    // And so is a hop to another scheme.
    server.set("/ftp", Reply::Redirect("ftp://127.0.0.1/team.yaml".into()));
    let said = failed(&run(home, &["pack", "install", &server.url("/ftp")]), 1);
    assert!(said.contains("is not a web address"), "{said}");
    let fetched: Vec<String> = server.requests().into_iter().map(|r| r.path).collect();
    assert_eq!(
        fetched.iter().filter(|p| *p == "/team.yaml").count(),
        1,
        "the pack fetched by the good chain only: {fetched:?}"
    );
}
