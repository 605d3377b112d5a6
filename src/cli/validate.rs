//! `ticklist validate PACK…`.

use std::collections::HashMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use crate::links::{self, LinkStatus};
use crate::pack::{self, Pack};

/// Requests in flight at once when checking links: polite to one help centre.
const LINK_CONCURRENCY: usize = 8;

/// `ticklist validate FILE…`: every problem of every file, then a summary. Warnings
/// (allowed, probably unintended) are printed too but do not fail. With `check_links`
/// (a time limit per link), dead links fail the pack and redirects are reported.
pub fn validate(
    files: &[PathBuf],
    check_links: Option<Duration>,
    out: &mut impl Write,
    err: &mut impl Write,
) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match pack::check_file(file) {
            Ok(pack::Validated { pack, warnings }) => {
                for w in &warnings {
                    let _ = writeln!(
                        err,
                        "{}:{}:{}: warning: {}",
                        file.display(),
                        w.line,
                        w.column,
                        w.message
                    );
                }
                if let Some(timeout) = check_links
                    && !links_answer(file, &pack, timeout, out, err)
                {
                    failed += 1;
                    continue;
                }
                let steps = (0..pack.nodes.len()).filter(|&i| pack.is_leaf(i)).count();
                let _ = writeln!(
                    out,
                    "{}: ok ({} \"{}\" v{}, {steps} steps to tick)",
                    file.display(),
                    pack.id,
                    pack.title,
                    pack.version
                );
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
        let _ = writeln!(err, "{failed} of {} pack(s) have problems", files.len());
        ExitCode::from(2)
    }
}

/// Checks the pack's web links; prints each one that is not plainly fine. Returns
/// whether none is dead.
fn links_answer(
    file: &Path,
    pack: &Pack,
    timeout: Duration,
    out: &mut impl Write,
    err: &mut impl Write,
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
    let (mut dead, mut moved) = (0, 0);
    for (url, status) in &results {
        let step = step_of.get(url).copied().unwrap_or_default();
        let what = match status {
            LinkStatus::Ok => continue,
            LinkStatus::Redirected { to } => {
                moved += 1;
                format!("warning: redirected to {to}: link there directly")
            }
            LinkStatus::Dead { status } => {
                dead += 1;
                format!("dead link (HTTP {status})")
            }
            LinkStatus::Failed { error } => {
                dead += 1;
                format!("no answer ({error})")
            }
        };
        let _ = writeln!(err, "{}: {url} (step {step}): {what}", file.display());
    }
    let _ = writeln!(
        out,
        "{}: {} web link(s) checked, {dead} dead, {moved} redirected",
        file.display(),
        results.len()
    );
    dead == 0
}
