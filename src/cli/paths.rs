//! `ticklist paths [--json]`: where this mentor's ticklist keeps things (each marked as
//! there or not yet created), where they publish, and who their exports say they are,
//! so that a file can be found, backed up or sent without guessing.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{Cli, Failure, state_dir};
use crate::keymap::KEYMAP_FILE;
use crate::library::Library;
use crate::settings::Settings;
use crate::text::{Text, fill};

/// One place, and whether it is there yet.
#[derive(Serialize)]
struct Place {
    path: PathBuf,
    exists: bool,
}

impl Place {
    fn at(path: &Path) -> Place {
        Place {
            path: path.to_path_buf(),
            exists: path.exists(),
        }
    }
}

/// Everything `paths` says, under the names `--json` gives it.
#[derive(Serialize)]
struct Paths {
    progress: Place,
    settings: Place,
    keys: Place,
    default_pack: Place,
    installed_packs: Place,
    preloaded_packs: Vec<Place>,
    cache: Place,
    publish: Option<Place>,
    person_id: Option<String>,
}

/// The places and the person id (never made here: only an export or a publish makes
/// one), as lines or as JSON.
pub fn paths(cli: &Cli, json: bool, out: &mut impl Write, t: &Text) -> Result<(), Failure> {
    let settings = Settings::from_platform().ok_or(Failure::NoStateDir)?;
    let library = Library::from_platform().ok_or(Failure::NoStateDir)?;
    let paths = Paths {
        progress: Place::at(&state_dir(cli.options.state_dir.clone())?),
        settings: Place::at(settings.dir()),
        keys: Place::at(&settings.dir().join(KEYMAP_FILE)),
        default_pack: Place::at(library.default_file()),
        installed_packs: Place::at(library.packs_dir()),
        preloaded_packs: library
            .system()
            .packs_dirs()
            .map(|dir| Place::at(&dir))
            .collect(),
        cache: Place::at(library.cache_dir()),
        publish: settings.publish_to().map(|to| match to {
            crate::settings::PublishTo::Folder(dir) => Place::at(&dir),
            // Storage is an address: whether it answers is `publish`'s to say.
            to => Place {
                path: PathBuf::from(to.shown()),
                exists: true,
            },
        }),
        person_id: settings.known_person_id(),
    };
    if json {
        return serde_json::to_writer_pretty(&mut *out, &paths)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out))
            .map_err(Failure::Output);
    }
    let line = |template: &str, place: &Place| {
        let state = if place.exists {
            t.paths_there
        } else {
            t.paths_not_yet
        };
        let path = place.path.display().to_string();
        format!("{} ({state})", fill(template, &[("path", &path)]))
    };
    let mut lines = vec![
        line(t.paths_progress, &paths.progress),
        line(t.paths_settings, &paths.settings),
        line(t.paths_keys, &paths.keys),
        line(t.paths_default_pack, &paths.default_pack),
        line(t.paths_packs, &paths.installed_packs),
    ];
    lines.extend(
        paths
            .preloaded_packs
            .iter()
            .map(|place| line(t.paths_preloaded, place)),
    );
    lines.push(line(t.paths_cache, &paths.cache));
    lines.push(match &paths.publish {
        Some(place) => line(t.paths_publish, place),
        None => t.paths_no_publish.to_string(),
    });
    lines.push(match &paths.person_id {
        Some(id) => fill(t.paths_person, &[("id", id)]),
        None => t.paths_no_person.to_string(),
    });
    writeln!(out, "{}", lines.join("\n")).map_err(Failure::Output)
}
