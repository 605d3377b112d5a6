//! `ticklist publish DIR|--off`: opting in (or out) of publishing every change to a
//! shared folder. The first export is written at once, so the manager sees the mentor
//! from the start, and writing there is proven to work.

use std::io::{BufRead, Write};
use std::path::Path;

use super::Failure;
use super::exporting::author;
use crate::publish::Publisher;
use crate::session::Session;
use crate::settings::Settings;
use crate::text::{Text, fill};

/// What `publish` was asked for.
pub struct Publish<'a> {
    pub dir: Option<&'a Path>,
    pub off: bool,
    pub name: Option<&'a str>,
    pub email: Option<&'a str>,
}

pub fn publish(
    asked: &Publish<'_>,
    session: &Session,
    run: Option<String>,
    out: &mut impl Write,
    ask: &mut Option<&mut dyn BufRead>,
    t: &Text,
) -> Result<(), Failure> {
    let settings = Settings::from_platform().ok_or(Failure::NoStateDir)?;
    let said = if asked.off {
        settings.set_publish_dir(None).map_err(Failure::Output)?;
        t.publish_off.to_string()
    } else if let Some(dir) = asked.dir {
        // Absolute, so that every later run finds it from any working directory.
        let dir = std::fs::canonicalize(dir)
            .and_then(|dir| match std::fs::metadata(&dir) {
                Ok(meta) if meta.is_dir() => Ok(dir),
                Ok(_) => Err(std::io::Error::other("not a directory")),
                Err(e) => Err(e),
            })
            .map_err(|error| Failure::NoFolder {
                dir: dir.to_path_buf(),
                error,
            })?;
        let author = author(asked.name, asked.email, &mut *out, ask, t)?;
        let name = author.name.clone();
        let publisher = Publisher::new(dir.clone(), author, run, session.pack.clone());
        let written = publisher
            .publish(session.tracker().state(), crate::clock::now())
            .map_err(|source| Failure::Write {
                path: dir.join(publisher.file_name()),
                source,
            })?;
        settings
            .set_publish_dir(Some(&dir))
            .map_err(Failure::Output)?;
        let file = written
            .file_name()
            .map(|f| f.to_string_lossy().into_owned())
            .unwrap_or_default();
        let dir = dir.display().to_string();
        fill(
            t.publish_on,
            &[("dir", &dir), ("name", &name), ("file", &file)],
        )
    } else {
        match (settings.publish_dir(), settings.mentor_name()) {
            (Some(dir), Some(name)) => {
                let dir = dir.display().to_string();
                fill(t.publish_status_on, &[("dir", &dir), ("name", &name)])
            }
            _ => t.publish_status_off.to_string(),
        }
    };
    writeln!(out, "{said}").map_err(Failure::Output)?;
    if !asked.off
        && let Some(id) = settings.person_id()
    {
        writeln!(out, "{}", fill(t.publish_person, &[("id", &id)])).map_err(Failure::Output)?;
    }
    Ok(())
}
