//! `ticklist pack install|list|use|remove`.

use std::io::Write;
use std::path::Path;

use super::{Cli, Console, Failure, PackCommand, confirm, state_dir};
use crate::library::{Installed, Library};
use crate::pack::{self, Kind};
use crate::progress::{StateStore, Tracker};
use crate::text::{Text, fill};

fn library(cli: &Cli) -> Result<Library, Failure> {
    let library = Library::from_platform().ok_or(Failure::NoStateDir)?;
    Ok(library.with_builtin_lang(super::builtin_lang(cli)))
}

/// `ticklist pack …`: the packs installed for this user.
pub fn pack_command<O: Write, E: Write>(
    cli: &Cli,
    command: &PackCommand,
    console: &mut Console<'_, O, E>,
) -> Result<(), Failure> {
    let Console { out, ask, .. } = console;
    let t = super::builtin_lang(cli).text();
    let written = match command {
        PackCommand::Schema => out.write_all(pack::schema_json().as_bytes()),
        PackCommand::New { file } => {
            let id = file
                .file_stem()
                .map(|stem| stem.to_string_lossy().into_owned())
                .unwrap_or_default();
            new_pack(&id, file, t)?;
            let file = file.display().to_string();
            writeln!(
                out,
                "{}",
                fill(t.cli_pack_new, &[("file", &file), ("id", &id)])
            )
        }
        PackCommand::Install { file } => {
            let (pack, installed) = library(cli)?.install(file)?;
            let (said, old) = match &installed {
                Installed::New => (t.cli_pack_installed, ""),
                Installed::Replaced(old) => (t.cli_pack_updated, old.as_str()),
            };
            let values = [
                ("id", pack.id.as_str()),
                ("version", &pack.version),
                ("title", &pack.title),
                ("old", old),
            ];
            writeln!(out, "{}", fill(said, &values))
        }
        PackCommand::List => {
            let store = StateStore::new(state_dir(cli.state_dir.clone())?);
            let mut lines = Vec::new();
            for (pack, is_default) in library(cli)?.list()? {
                let state = store
                    .load(&pack.id, &pack.version, crate::clock::now())
                    .into_state();
                let (done, total) = Tracker::new(&pack, state).overall(&pack);
                // A pack of reference cards has nothing to tick: say what it holds.
                let progress = if total == 0 {
                    let cards = pack.nodes.iter().filter(|n| n.kind == Kind::Info).count();
                    fill(t.cards_count, &[("count", &cards.to_string())])
                } else {
                    format!("{done}/{total}")
                };
                let mark = if is_default { "*" } else { " " };
                let digest = pack.digest();
                lines.push(format!(
                    "{mark} {}  v{}  {progress}  sha256:{}  {}",
                    pack.id,
                    pack.version,
                    digest.get(..12).unwrap_or(&digest),
                    pack.title
                ));
            }
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

/// The example pack of `content/template.yaml` under `id`, written to `path` unless
/// something is there already. The result validates, warnings included.
fn new_pack(id: &str, path: &Path, t: &'static Text) -> Result<(), Failure> {
    let text = TEMPLATE.replace("PACK_ID", id);
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

const TEMPLATE: &str = include_str!("../../content/template.yaml");
