//! `ticklist publish DIR|ADDRESS|--off`: opting in (or out) of publishing every change
//! to a shared folder, a bucket or a WebDAV folder. The first export is written at once,
//! so the manager sees the mentor from the start, and writing there is proven to work.

use std::io::{BufRead, Write};

use super::Failure;
use super::exporting::author;
use crate::publish::{Publisher, Record};
use crate::session::{Session, destination};
use crate::settings::{PublishTo, Settings};
use crate::text::{Text, fill};

/// What `publish` was asked for.
pub struct Publish<'a> {
    pub dir: Option<&'a str>,
    pub endpoint: Option<&'a str>,
    pub region: Option<&'a str>,
    pub encrypt_to: Option<&'a str>,
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
        settings
            .set_publish_to(None, None)
            .map_err(Failure::Output)?;
        t.publish_off.to_string()
    } else if let Some(dir) = asked.dir {
        let to = publish_to(asked, dir)?;
        let destination = destination(&to).map_err(Failure::Remote)?;
        // Encryption once asked for stays (a new address does not turn it off; `--off`
        // does), and a key that is not one is refused before anything is sent.
        let key = asked
            .encrypt_to
            .map(str::to_string)
            .or_else(|| settings.publish_encrypt_to());
        let recipient = key
            .as_deref()
            .map(crate::sealed::recipient)
            .transpose()
            .map_err(Failure::Sealed)?;
        let author = author(asked.name, asked.email, &mut *out, ask, t)?;
        let name = author.name.clone();
        let mut publisher = Publisher::new(destination, author, run, session.pack.clone())
            .recorded_in(settings.dir().to_path_buf());
        if let Some(recipient) = recipient {
            publisher = publisher.sealed_for(recipient);
        }
        publisher
            .publish_anyway(session.tracker().state(), crate::clock::now())
            .map_err(Failure::Publish)?;
        settings
            .set_publish_to(Some(&to), key.as_deref())
            .map_err(Failure::Output)?;
        let dir = to.shown();
        let file = publisher.file_name();
        let mut said = fill(
            t.publish_on,
            &[("dir", &dir), ("name", &name), ("file", &file)],
        );
        if let Some(key) = &key {
            said.push('\n');
            said.push_str(&fill(t.publish_encrypted, &[("key", key)]));
        }
        said
    } else {
        match (settings.publish_to(), settings.mentor_name()) {
            (Some(to), Some(name)) => {
                let dir = to.shown();
                let mut said = fill(t.publish_status_on, &[("dir", &dir), ("name", &name)]);
                if let Some(key) = settings.publish_encrypt_to() {
                    said.push('\n');
                    said.push_str(&fill(t.publish_encrypted, &[("key", &key)]));
                }
                said.push('\n');
                match crate::session::publisher(&settings, &session.pack, run) {
                    Ok(current) => said.push_str(&status(session, current.as_ref(), t)),
                    // Why nothing can be published now, rather than "never".
                    Err(why) => said.push_str(&fill(t.publish_failed, &[("error", &why)])),
                }
                said
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

/// When this checklist's export last reached its destination, and what waits: a
/// pending export is sent again now, and the outcome said.
fn status(session: &Session, publisher: Option<&Publisher>, t: &Text) -> String {
    let Some(publisher) = publisher else {
        return t.publish_never.to_string();
    };
    let dir = Settings::from_platform().map(|s| s.dir().to_path_buf());
    let record = dir
        .map(|dir| Record::all(&dir).remove(&publisher.file_name()))
        .unwrap_or_default()
        .unwrap_or_default();
    let day = |at: jiff::Timestamp| t.date_time(at.to_zoned(crate::clock::time_zone()).datetime());
    let mut said = match record.last_ok {
        Some(at) => fill(t.publish_last_ok, &[("when", &day(at))]),
        None => t.publish_never.to_string(),
    };
    if let Some(since) = record.pending_since {
        let error = record.error.unwrap_or_default();
        said.push('\n');
        said.push_str(&fill(
            t.publish_pending,
            &[("since", &day(since)), ("error", &error)],
        ));
        said.push('\n');
        said.push_str(
            match publisher.publish_anyway(session.tracker().state(), crate::clock::now()) {
                Ok(_) => t.publish_retried_ok.to_string(),
                Err(e) => fill(t.publish_retried_failed, &[("error", &e.message(t))]),
            }
            .as_str(),
        );
    }
    said
}

/// Where `dir` says to publish: storage by its address, or a folder that exists, made
/// absolute so that every later run finds it from any working directory.
fn publish_to(asked: &Publish<'_>, dir: &str) -> Result<PublishTo, Failure> {
    if crate::remote::is_remote(dir) {
        // What the environment says now is kept: a later session may not have it.
        let from_env = |names: &[&str]| {
            names
                .iter()
                .find_map(|name| std::env::var(name).ok().filter(|v| !v.trim().is_empty()))
        };
        let s3 = dir.starts_with("s3://");
        return Ok(PublishTo::Remote {
            address: dir.to_string(),
            endpoint: asked
                .endpoint
                .map(str::to_string)
                .or_else(|| from_env(&["AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL"]).filter(|_| s3)),
            region: asked
                .region
                .map(str::to_string)
                .or_else(|| from_env(&["AWS_REGION", "AWS_DEFAULT_REGION"]).filter(|_| s3)),
        });
    }
    let given = std::path::Path::new(dir);
    std::fs::canonicalize(given)
        .and_then(|dir| match std::fs::metadata(&dir) {
            Ok(meta) if meta.is_dir() => Ok(dir),
            Ok(_) => Err(std::io::Error::other("not a directory")),
            Err(e) => Err(e),
        })
        .map(PublishTo::Folder)
        .map_err(|error| Failure::NoFolder {
            dir: given.to_path_buf(),
            error,
        })
}
