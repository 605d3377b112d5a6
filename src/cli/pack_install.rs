//! `ticklist pack install FILE|URL` and `ticklist pack update`: a new version of a
//! pack is validated and weighed against the installed one, what it changes for this
//! mentor is said (steps added, removed, renamed; where the ticks go), and only then is
//! it installed. Nothing is touched when anything fails.

use std::io::{BufRead, Write};
use std::path::Path;
use std::time::Duration;

use sha2::Digest as _;

use super::{Cli, Failure, state_dir};
use crate::fetch::{self, Fetched, Validators};
use crate::library::{Change, Library, Offered, Source, Standing};
use crate::pack::{self, Pack};
use crate::progress::{State, StateStore, list_runs};
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// What `pack install` was asked.
pub struct InstallRequest<'a> {
    pub file: &'a Path,
    pub sha256: Option<&'a str>,
    pub allow_downgrade: bool,
    pub timeout: Duration,
}

/// Whether an install that would stop counting most of the mentor's ticks goes ahead:
/// with `--force`, or when the mentor says so at a terminal.
pub struct Asked<'a, 'b> {
    pub force: bool,
    pub out: &'a mut dyn Write,
    pub ask: &'a mut Option<&'b mut dyn BufRead>,
}

/// Installs a file or a download; the lines to print.
pub fn install(
    cli: &Cli,
    library: &Library,
    request: &InstallRequest<'_>,
    asked: &mut Asked<'_, '_>,
    t: &'static Text,
) -> Result<Vec<String>, Failure> {
    let given = request.file.to_string_lossy();
    let pin = request.sha256.map(parse_sha256).transpose()?;
    if !fetch::is_url(&given) {
        if pin.is_some() {
            return Err(Failure::Sha256Local);
        }
        let text = pack::read_text(request.file, t)?;
        let offered = library.offer(text, &request.file.display().to_string())?;
        return settle(
            cli,
            library,
            offered,
            None,
            request.allow_downgrade,
            asked,
            t,
        );
    }
    let url = given.into_owned();
    let timeout = request.timeout;
    let Fetched::Body { bytes, validators } = fetch::fetch(&url, &Validators::default(), timeout)?
    else {
        // Without validators a server has nothing to say "not modified" about.
        return Err(Failure::Fetch(fetch::FetchError::Status {
            url,
            status: 304,
        }));
    };
    let source = downloaded(&url, &bytes, validators, pin.as_deref())?;
    let offered = library.offer(pack::decode(bytes, &url, t)?, &url)?;
    settle(
        cli,
        library,
        offered,
        Some(source),
        request.allow_downgrade,
        asked,
        t,
    )
}

/// Asks again for the packs `ids` (all installed from an address, if empty), saying
/// on `out` what became of each. One that fails is said on `err` and left as it was; the
/// others go on.
pub fn update(
    cli: &Cli,
    library: &Library,
    request: &UpdateRequest<'_>,
    out: &mut dyn Write,
    err: &mut dyn Write,
    ask: &mut Option<&mut dyn BufRead>,
    t: &'static Text,
) -> Result<(), Failure> {
    let ids: Vec<String> = if request.ids.is_empty() {
        let (listed, _) = library.list()?;
        listed
            .into_iter()
            .map(|listed| listed.pack.id)
            .filter(|id| library.source(id).is_some())
            .collect()
    } else {
        request.ids.to_vec()
    };
    if ids.is_empty() {
        return writeln!(out, "{}", t.cli_pack_none_from_url).map_err(Failure::Output);
    }
    let mut failed = false;
    for id in &ids {
        let mut asked = Asked {
            force: request.force,
            out: &mut *out,
            ask: &mut *ask,
        };
        match update_one(cli, library, id, request, &mut asked, t) {
            Ok(lines) => writeln!(out, "{}", lines.join("\n")).map_err(Failure::Output)?,
            Err(failure) => {
                failed = true;
                writeln!(err, "{}", failure.message(t)).map_err(Failure::Output)?;
            }
        }
    }
    if failed {
        return Err(Failure::NotUpdated);
    }
    Ok(())
}

/// What `pack update` was asked.
pub struct UpdateRequest<'a> {
    pub ids: &'a [String],
    pub allow_downgrade: bool,
    pub force: bool,
    pub timeout: Duration,
}

fn update_one(
    cli: &Cli,
    library: &Library,
    id: &str,
    request: &UpdateRequest<'_>,
    asked: &mut Asked<'_, '_>,
    t: &'static Text,
) -> Result<Vec<String>, Failure> {
    let installed = library.resolve_id(id)?;
    let Some(source) = library.source(&installed.id) else {
        return Ok(vec![fill(
            t.cli_pack_not_from_url,
            &[("id", &installed.id)],
        )]);
    };
    let since = Validators {
        etag: source.etag.clone(),
        last_modified: source.last_modified.clone(),
    };
    let now = crate::clock::now();
    match fetch::fetch(&source.url, &since, request.timeout)? {
        Fetched::NotModified => {
            library.set_source(
                &installed.id,
                Some(&Source {
                    checked: now,
                    ..source.clone()
                }),
            )?;
            Ok(vec![up_to_date(&installed, &source.url, t)])
        }
        Fetched::Body { bytes, validators } => {
            let pin = source.pinned.then_some(source.sha256.as_str());
            let fresh = downloaded(&source.url, &bytes, validators, pin)?;
            if fresh.sha256 == source.sha256 {
                library.set_source(&installed.id, Some(&fresh))?;
                return Ok(vec![up_to_date(&installed, &source.url, t)]);
            }
            let offered = library.offer(pack::decode(bytes, &source.url, t)?, &source.url)?;
            settle(
                cli,
                library,
                offered,
                Some(fresh),
                request.allow_downgrade,
                asked,
                t,
            )
        }
    }
}

fn up_to_date(pack: &Pack, url: &str, t: &Text) -> String {
    let values = [
        ("id", pack.id.as_str()),
        ("version", &pack.version),
        ("url", url),
    ];
    fill(t.cli_pack_up_to_date, &values)
}

/// The record of a download, after checking its digest against `pin`.
fn downloaded(
    url: &str,
    bytes: &[u8],
    validators: Validators,
    pin: Option<&str>,
) -> Result<Source, Failure> {
    let sha256 = hex(&sha2::Sha256::digest(bytes));
    if let Some(expected) = pin
        && expected != sha256
    {
        return Err(Failure::Sha256Mismatch {
            url: url.into(),
            actual: sha256,
            expected: expected.into(),
        });
    }
    Ok(Source {
        url: url.into(),
        etag: validators.etag,
        last_modified: validators.last_modified,
        sha256,
        pinned: pin.is_some(),
        checked: crate::clock::now(),
    })
}

/// Installs `offered` unless it is older (and not allowed) or identical; says what
/// changed.
fn settle(
    cli: &Cli,
    library: &Library,
    offered: Offered,
    source: Option<Source>,
    allow_downgrade: bool,
    asked: &mut Asked<'_, '_>,
    t: &'static Text,
) -> Result<Vec<String>, Failure> {
    let pack = &offered.pack;
    let standing = offered.standing();
    let old = offered
        .installed
        .as_ref()
        .map_or("", |old| old.version.as_str());
    let values = [
        ("id", pack.id.as_str()),
        ("version", &pack.version),
        ("title", &pack.title),
        ("old", old),
    ];
    let headline = match standing {
        Standing::Older if !allow_downgrade => {
            return Err(Failure::Downgrade {
                id: pack.id.clone(),
                old: old.into(),
                version: pack.version.clone(),
            });
        }
        Standing::Identical => {
            // A file installed again from an address (or the reverse) now updates from it.
            library.set_source(&pack.id, source.as_ref())?;
            return Ok(vec![fill(t.cli_pack_identical, &values)]);
        }
        Standing::New => t.cli_pack_installed,
        Standing::Newer => t.cli_pack_updated,
        Standing::Older => t.cli_pack_downgraded,
        Standing::Reworked => t.cli_pack_reworked,
    };
    let mut lines = vec![fill(headline, &values)];
    if let Some(installed) = &offered.installed {
        let states = progress_on(cli, installed)?;
        let change = Change::between(installed, pack, &states);
        lines.extend(describe(&change, t));
        if change.loses_most() && !asked.force && !goes_ahead(&change, &lines, asked, t)? {
            return Err(Failure::TicksWouldStop {
                id: pack.id.clone(),
                version: pack.version.clone(),
                lost: change.lost,
                counted: change.kept + change.moved + change.lost,
                steps: change.orphaned,
                same_titles: change.same_titles,
            });
        }
    }
    library.commit(&offered, source.as_ref())?;
    Ok(lines)
}

/// At a terminal, what the install changes is said and the mentor asked; in a script,
/// nobody is there to say yes.
fn goes_ahead(
    change: &Change,
    lines: &[String],
    asked: &mut Asked<'_, '_>,
    t: &Text,
) -> Result<bool, Failure> {
    if asked.ask.is_none() {
        return Ok(false);
    }
    let said: Vec<String> = lines
        .iter()
        .cloned()
        .chain(Change::renamed_lines(&change.same_titles, t))
        .collect();
    writeln!(asked.out, "{}", said.join("\n")).map_err(Failure::Output)?;
    super::confirm(&mut asked.out, asked.ask, t.ask_ticks_would_stop, t)
}

/// The mentor's progress on `pack`: their own and, for a repeatable pack, each run's.
fn progress_on(cli: &Cli, pack: &Pack) -> Result<Vec<State>, Failure> {
    let store = StateStore::new(state_dir(cli.options.state_dir.clone())?);
    let now = crate::clock::now();
    let mut states = vec![store.load(&pack.id, &pack.version, now).into_state()];
    for run in list_runs(&store, pack) {
        let state = store.for_run(&run.key).load(&pack.id, &pack.version, now);
        states.push(state.into_state());
    }
    Ok(states)
}

/// The lines that tell a change, steps named.
pub fn describe(change: &Change, t: &Text) -> Vec<String> {
    let quote = |title: &str| format!("“{}”", printable(title, false));
    let renamed: Vec<String> = change
        .renamed
        .iter()
        .map(|(old, new)| format!("{} → {}", quote(old), quote(new)))
        .collect();
    let named = |titles: &[String]| titles.iter().map(|title| quote(title)).collect::<Vec<_>>();
    let mut lines = Vec::new();
    for (template, steps) in [
        (t.change_added, named(&change.added)),
        (t.change_removed, named(&change.removed)),
        (t.change_renamed, renamed),
        (t.change_orphaned, named(&change.orphaned)),
    ] {
        if !steps.is_empty() {
            lines.push(format!(
                "  {}",
                fill(template, &[("steps", &steps.join(", "))])
            ));
        }
    }
    if change.is_empty() {
        lines.push(format!("  {}", t.change_same_steps));
    }
    let parts: Vec<String> = [
        (t.change_kept, change.kept),
        (t.change_moved, change.moved),
        (t.change_lost, change.lost),
    ]
    .into_iter()
    .filter(|(_, count)| *count > 0)
    .map(|(template, count)| fill(template, &[("count", &count.to_string())]))
    .collect();
    if !parts.is_empty() {
        let parts = parts.join(" · ");
        lines.push(format!("  {}", fill(t.change_ticks, &[("parts", &parts)])));
    }
    lines
}

fn parse_sha256(given: &str) -> Result<String, Failure> {
    let hex = given.trim().to_ascii_lowercase();
    if hex.len() == 64 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
        Ok(hex)
    } else {
        Err(Failure::Sha256Bad(printable(given, false).into_owned()))
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
