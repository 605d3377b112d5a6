//! `ticklist pack new|install|update|list|use|remove|schema`.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use super::pack_import;
use super::pack_install::{self, Asked, InstallRequest, UpdateRequest};
use super::{Cli, Console, Failure, PackCommand, confirm, state_dir};
use crate::library::{Library, Listed, Origin};
use crate::pack;
use crate::progress::StateStore;
use crate::session::HowFar;
use crate::text::{Text, fill};

pub(super) fn library(cli: &Cli) -> Result<Library, Failure> {
    let library = Library::from_platform().ok_or(Failure::NoStateDir)?;
    Ok(library.with_builtin_lang(super::builtin_lang(cli)))
}

/// `ticklist pack …`: the packs installed for this user.
pub fn pack_command<O: Write, E: Write>(
    cli: &Cli,
    command: &PackCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, err, ask } = console;
    let t = super::builtin_lang(cli).text();
    let written = match command {
        PackCommand::Schema => out.write_all(pack::schema_json().as_bytes()),
        PackCommand::New { file } => {
            let id = file
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            new_pack(&id, file, super::builtin_lang(cli), t)?;
            let file = file.display().to_string();
            writeln!(
                out,
                "{}",
                fill(t.cli_pack_new, &[("file", &file), ("id", &id)])
            )
        }
        PackCommand::Import {
            file,
            output,
            id,
            previous,
            base_url,
            force,
        } => {
            let request = pack_import::ImportRequest {
                file,
                output: output.as_deref(),
                id: id.as_deref(),
                lang: cli.options.lang,
                manager_lang: super::builtin_lang(cli),
                previous: previous.as_deref(),
                base_url: base_url.as_deref(),
                force: *force,
            };
            return pack_import::import_pack(&request, out, err, t);
        }
        PackCommand::Install {
            file,
            sha256,
            allow_downgrade,
            force,
            timeout,
        } => {
            let request = InstallRequest {
                file,
                sha256: sha256.as_deref(),
                allow_downgrade: *allow_downgrade,
                timeout: Duration::from_secs(*timeout),
            };
            let mut asked = Asked {
                force: *force,
                out: &mut *out,
                ask,
            };
            let lines = pack_install::install(cli, &library(cli)?, &request, &mut asked, t)?;
            writeln!(out, "{}", lines.join("\n"))
        }
        PackCommand::Update {
            ids,
            all: _,
            allow_downgrade,
            force,
            timeout,
        } => {
            let request = UpdateRequest {
                ids,
                allow_downgrade: *allow_downgrade,
                force: *force,
                timeout: Duration::from_secs(*timeout),
            };
            return pack_install::update(cli, &library(cli)?, &request, out, err, ask, t);
        }
        PackCommand::List { verbose } => {
            let library = library(cli)?;
            let (listed, problems) = library.list()?;
            for problem in problems {
                writeln!(err, "{}", problem.words(t)).map_err(Failure::Output)?;
            }
            let store = StateStore::new(state_dir(cli.options.state_dir.clone())?);
            let lines: Vec<String> = listed
                .iter()
                .map(|listed| list_line(&library, &store, listed, *verbose, t))
                .collect();
            writeln!(out, "{}", lines.join("\n"))
        }
        PackCommand::Use { id } => {
            let pack = library(cli)?.use_pack(id)?;
            let values = [("id", pack.id.as_str()), ("title", &pack.title)];
            writeln!(out, "{}", fill(t.cli_pack_used, &values))
        }
        PackCommand::Remove { id, yes } => {
            let library = library(cli)?;
            let pack = library.resolve_id(id)?;
            let values = [("id", pack.id.as_str()), ("title", &pack.title)];
            let question = fill(t.cli_pack_remove_question, &values);
            if !yes && !confirm(out, ask, &question, t)? {
                return writeln!(out, "{}", t.cli_nothing_changed).map_err(Failure::Output);
            }
            library.remove(id)?;
            writeln!(out, "{}", fill(t.cli_pack_removed, &values))
        }
    };
    written.map_err(Failure::Output)
}

/// One pack of `pack list`: default mark, id, version, progress, title, then where it
/// comes from (and, verbose, its digest).
fn list_line(
    library: &Library,
    store: &StateStore,
    listed: &Listed,
    verbose: bool,
    t: &Text,
) -> String {
    let pack = &listed.pack;
    // A pack of reference cards has nothing to tick, one done per student has students:
    // say what it holds.
    let progress = match HowFar::of(pack, store) {
        HowFar::Steps { done, total } => format!("{done}/{total}"),
        how_far => how_far.words(t),
    };
    let mark = if listed.is_default { "*" } else { " " };
    let from = match &listed.origin {
        Origin::Builtin => t.list_builtin.to_string(),
        Origin::System(dir) => fill(t.list_system, &[("dir", &dir.display().to_string())]),
        Origin::Installed => match library.source(&pack.id) {
            Some(source) => {
                let tz = crate::clock::time_zone();
                let date = t.date(source.checked.to_zoned(tz).date());
                fill(t.list_from_url, &[("url", &source.url), ("date", &date)])
            }
            None => t.list_from_file.to_string(),
        },
    };
    let mut line = format!(
        "{mark} {}  v{}  {progress}  {}\n    {from}",
        pack.id, pack.version, pack.title
    );
    if verbose {
        line.push_str(&format!("\n    sha256:{}", pack.digest()));
    }
    line
}

/// The starter pack in the manager's language (`content/template.*.yaml`) under `id`,
/// written to `path` unless something is there already. It validates; its warnings say
/// which example texts and links are left to replace.
fn new_pack(
    id: &str,
    path: &Path,
    lang: crate::text::Lang,
    t: &'static Text,
) -> Result<(), Failure> {
    let text = pack::template(lang).replace("PACK_ID", id);
    // The id must be usable: check the whole pack before writing anything.
    pack::load_str_in(&text, &path.display().to_string(), t)?;
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .map_err(|source| Failure::Exists {
            path: path.to_path_buf(),
            source,
        })?;
    file.write_all(text.as_bytes()).map_err(Failure::Output)
}
