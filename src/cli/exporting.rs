//! `ticklist export|publish`: what leaves the machine — the mentor's export (JSON,
//! Markdown, a calendar) and the shared folder it is published to — and whose name it
//! carries.

use std::io::Write;

use super::progress::Opened;
use super::publishing::Publish;
use super::{ExportFormat, Failure, ProgressCommand};
use crate::export::{self, Author};
use crate::safe_text::printable;
use crate::settings::{Settings, account_full_name};
use crate::text::{Text, fill};

/// Runs `export` or `publish`.
pub(super) fn send(
    command: &ProgressCommand,
    c: &Opened<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
    ask: &mut Option<&mut dyn std::io::BufRead>,
) -> Result<(), Failure> {
    let (session, t, now) = (&c.session, c.t, c.now);
    match command {
        ProgressCommand::Export {
            format,
            output,
            name,
            email,
        } => {
            // A calendar is about the steps, not about who did them: no name asked.
            let calendar = matches!(format, ExportFormat::Ics);
            if calendar && !session.pack.has_due_dates() {
                return Err(Failure::NoDueDates);
            }
            let author = if calendar {
                export::Author::default()
            } else {
                author(name.as_deref(), email.as_deref(), out, ask, t)?
            };
            // Said, not silent: the manager's report tells this mentor apart by name only.
            if !calendar && author.person.is_none() {
                writeln!(err, "ticklist: {}", t.export_no_person).map_err(Failure::Output)?;
            }
            let tz = crate::clock::time_zone();
            let mut report = export::export(&session.pack, session.tracker(), &author, now, &tz);
            report.run.clone_from(&c.run);
            let mut text = Vec::new();
            match format {
                ExportFormat::Markdown => export::write_markdown(&mut text, &report, t),
                ExportFormat::Json => serde_json::to_writer_pretty(&mut text, &report)
                    .map_err(std::io::Error::from)
                    .and_then(|()| writeln!(text)),
                ExportFormat::Ics => crate::calendar::write_ics(
                    &mut text,
                    &session.pack,
                    session.tracker(),
                    report.run.as_deref(),
                    &tz,
                    now,
                ),
            }
            .map_err(Failure::Output)?;
            match output {
                Some(path) => std::fs::write(path, &text).and_then(|()| {
                    let path = path.display().to_string();
                    let said = if calendar {
                        fill(t.cli_calendar_written, &[("path", &path)])
                    } else {
                        fill(
                            t.cli_export_written,
                            &[("mentor", &author.name), ("path", &path)],
                        )
                    };
                    writeln!(err, "{said}")
                }),
                None => out.write_all(&text),
            }
            .map_err(Failure::Output)
        }
        ProgressCommand::Publish {
            dir,
            endpoint,
            region,
            encrypt_to,
            off,
            name,
            email,
        } => {
            let publish = Publish {
                dir: dir.as_deref(),
                endpoint: endpoint.as_deref(),
                region: region.as_deref(),
                encrypt_to: encrypt_to.as_deref(),
                off: *off,
                name: name.as_deref(),
                email: email.as_deref(),
            };
            super::publishing::publish(&publish, session, c.run.clone(), out, ask, t)
        }
        _ => Ok(()),
    }
}

/// Who an export is by: [`mentor_name`], the address given (then remembered) or the
/// one given last, and the mentor's person id.
pub(super) fn author(
    name: Option<&str>,
    email: Option<&str>,
    out: &mut impl Write,
    ask: &mut Option<&mut dyn std::io::BufRead>,
    t: &Text,
) -> Result<Author, Failure> {
    let name = mentor_name(name, out, ask, t)?;
    let Some(settings) = Settings::from_platform() else {
        return Ok(Author {
            email: email.map(String::from),
            ..Author::named(&name)
        });
    };
    if let Some(email) = email.map(str::trim).filter(|e| !e.is_empty()) {
        let email = printable(email, false);
        // Not remembering only costs giving it again next time.
        let _ = settings.set_email(&email);
    }
    Ok(settings.author(&name))
}

/// Who an export is about: the name given (then remembered), else the one given last,
/// else the account's full name, else asked on a terminal; with none of these, refused
/// with [`Failure::NeedsName`] — never a made-up name.
fn mentor_name(
    given: Option<&str>,
    out: &mut impl Write,
    ask: &mut Option<&mut dyn std::io::BufRead>,
    t: &Text,
) -> Result<String, Failure> {
    let settings = Settings::from_platform();
    let remember = |name: &str| {
        // Not remembering only costs a question next time.
        if let Some(settings) = &settings {
            let _ = settings.set_mentor_name(name);
        }
    };
    let given = given.map(str::trim).filter(|n| !n.is_empty());
    if let Some(name) = given {
        remember(name);
        return Ok(name.to_string());
    }
    if let Some(name) = settings.as_ref().and_then(Settings::mentor_name) {
        return Ok(name);
    }
    if let Some(name) = account_full_name() {
        remember(&name);
        return Ok(name);
    }
    let answer = super::ask_line(out, ask, t.ask_name)?.ok_or(Failure::NeedsName)?;
    let name = printable(&answer, false).into_owned();
    if name.is_empty() {
        return Err(Failure::NeedsName);
    }
    remember(&name);
    Ok(name)
}
