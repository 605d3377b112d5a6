//! `ticklist validate PACK…`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::links::{self, LinkStatus};
use crate::pack::{self, Pack};
use crate::text::{Text, fill};

/// Requests in flight at once when checking links: polite to one help centre.
const LINK_CONCURRENCY: usize = 8;

/// `ticklist validate FILE…`: every problem of every file, then a summary. Warnings
/// (allowed, probably unintended) are printed too but do not fail. With `check_links`
/// (a time limit per link, and whether unanswered links fail too), dead links fail the
/// pack, redirects are reported, and links that got no answer are said not checked.
pub fn validate(
    files: &[PathBuf],
    check_links: Option<(Duration, bool)>,
    out: &mut impl Write,
    err: &mut impl Write,
    t: &'static Text,
) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match pack::check_file_in(file, t) {
            Ok(pack::Validated { pack, warnings }) => {
                for w in &warnings {
                    let place = format!("{}:{}:{}", file.display(), w.line, w.column);
                    let values = [("place", place.as_str()), ("message", &w.message)];
                    let _ = writeln!(err, "{}", fill(t.cli_warning, &values));
                }
                for (place, message) in reused_ids(file, &pack, t) {
                    let values = [("place", place.as_str()), ("message", &message)];
                    let _ = writeln!(err, "{}", fill(t.cli_warning, &values));
                }
                if let Some(check) = check_links
                    && !links_answer(file, &pack, check, out, err, t)
                {
                    failed += 1;
                    continue;
                }
                let steps = (0..pack.nodes.len()).filter(|&i| pack.is_step(i)).count();
                let (file, steps) = (file.display().to_string(), steps.to_string());
                let values = [
                    ("file", file.as_str()),
                    ("id", &pack.id),
                    ("title", &pack.title),
                    ("version", &pack.version),
                    ("steps", &steps),
                ];
                let _ = writeln!(out, "{}", fill(t.cli_valid, &values));
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        let (failed, count) = (failed.to_string(), files.len().to_string());
        let values = [("failed", failed.as_str()), ("count", &count)];
        let _ = writeln!(err, "{}", fill(t.cli_invalid_count, &values));
        ExitCode::from(2)
    }
}

/// Steps that took the id of another step of the installed version: a step whose
/// title shares less than half its words with the old one's is another step, and the
/// ticks mentors saved on the old one would show on it. Each with where its id is.
fn reused_ids(file: &Path, pack: &Pack, t: &Text) -> Vec<(String, String)> {
    // Titles are compared with the installed version in the same language: a translation
    // shares ids, not words.
    let lang = crate::text::Lang::from_code(&pack.lang);
    let Some(installed) = crate::library::Library::from_platform()
        .map(|library| match lang {
            Some(lang) => library.with_builtin_lang(lang),
            None => library,
        })
        .and_then(|library| library.resolve_id(&pack.id).ok())
        .filter(|installed| installed.lang == pack.lang && installed.digest() != pack.digest())
    else {
        return Vec::new();
    };
    let words = |title: &str| -> std::collections::HashSet<String> {
        crate::fold::fold(title)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let text = std::fs::read_to_string(file).unwrap_or_default();
    (0..pack.nodes.len())
        .filter(|&i| pack.is_step(i))
        .filter_map(|i| {
            let node = &pack.nodes[i];
            let old = installed.find(&node.id).filter(|&o| installed.is_step(o))?;
            let (new_words, old_words) = (words(&node.title), words(&installed.nodes[old].title));
            let shared = new_words.intersection(&old_words).count();
            if shared * 2 >= new_words.len().max(old_words.len()) {
                return None;
            }
            let key = format!("id: {}", node.id);
            let (line, column) = text
                .lines()
                .enumerate()
                .find_map(|(n, l)| l.find(&key).map(|at| (n + 1, at + "id: ".len() + 1)))
                .unwrap_or((1, 1));
            let message = fill(
                t.cli_id_reused,
                &[
                    ("id", &node.id),
                    ("old", &installed.nodes[old].title),
                    ("version", &installed.version),
                ],
            );
            Some((format!("{}:{line}:{column}", file.display()), message))
        })
        .collect()
}

/// Checks the pack's web links; prints each one that is not plainly fine. Returns
/// whether none is dead (and, `strict`, none went unanswered).
fn links_answer(
    file: &Path,
    pack: &Pack,
    (timeout, strict): (Duration, bool),
    out: &mut impl Write,
    err: &mut impl Write,
    t: &Text,
) -> bool {
    // Each URL once, with the first step that links it.
    let mut urls: Vec<String> = Vec::new();
    let mut step_of: HashMap<String, &str> = HashMap::new();
    for node in &pack.nodes {
        for link in &node.links {
            if !step_of.contains_key(&link.url) {
                step_of.insert(link.url.clone(), &node.id);
                urls.push(link.url.clone());
            }
        }
    }
    let results = links::check_all(&urls, LINK_CONCURRENCY, timeout);
    let (mut dead, mut moved, mut unchecked) = (0, 0, 0);
    for (url, status) in &results {
        let step = step_of.get(url).copied().unwrap_or_default();
        let what = match status {
            LinkStatus::Ok => continue,
            LinkStatus::Redirected { to } => {
                moved += 1;
                fill(t.cli_link_redirected, &[("to", to)])
            }
            LinkStatus::Dead { status } => {
                dead += 1;
                fill(t.cli_link_dead, &[("status", &status.to_string())])
            }
            LinkStatus::Loop => {
                dead += 1;
                let max = crate::links::MAX_REDIRECTS.to_string();
                fill(t.cli_link_loop, &[("max", &max)])
            }
            LinkStatus::Failed { error } => {
                unchecked += 1;
                fill(t.cli_link_no_answer, &[("error", error)])
            }
        };
        let file = file.display().to_string();
        let values = [
            ("file", file.as_str()),
            ("url", url),
            ("step", step),
            ("what", &what),
        ];
        let _ = writeln!(err, "{}", fill(t.cli_link_line, &values));
    }
    let file = file.display().to_string();
    let count = (results.len() - unchecked).to_string();
    let (dead_count, moved) = (dead.to_string(), moved.to_string());
    let values = [
        ("file", file.as_str()),
        ("count", &count),
        ("dead", &dead_count),
        ("moved", &moved),
    ];
    let _ = writeln!(out, "{}", fill(t.cli_links_checked, &values));
    // No answer is not a dead page: offline, every link would say so.
    if unchecked > 0 {
        let values = [("file", file.as_str()), ("count", &unchecked.to_string())];
        let _ = writeln!(err, "{}", fill(t.cli_links_unchecked, &values));
    }
    dead == 0 && (unchecked == 0 || !strict)
}
