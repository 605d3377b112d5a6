//! `ticklist report EXPORT…|DIR`: the manager's report.

use std::io::Write;
use std::path::PathBuf;

use super::{Failure, ReportFormat};
use crate::pack::Pack;
use crate::remote::{Remote, sync_to_folder};
use crate::report::{self, Builder, CsvOptions, Unread};
use crate::safe_text::printable;
use crate::text::{Text, fill};

/// What `report` was asked for.
pub struct ReportRequest<'a> {
    pub files: &'a [PathBuf],
    /// Packs given with `--pack`, matched before installed and built-in ones.
    pub packs: &'a [PathBuf],
    pub format: ReportFormat,
    pub output: Option<&'a PathBuf>,
    pub stale_days: i64,
    pub csv: CsvOptions,
    pub tz: jiff::tz::TimeZone,
    /// Which language's built-in packs the rows are matched by.
    pub lang: crate::text::Lang,
    /// Only mentors who started on or after this day.
    pub since: Option<jiff::civil::Date>,
    /// The manager's key, for exports encrypted to it.
    pub identity: Option<&'a PathBuf>,
}

/// `files` with each bucket or WebDAV folder replaced by the user's cached copy of it,
/// brought up to date (only what changed since the last report is downloaded); says
/// on `err` how many files each had and how many were downloaded.
pub fn from_storage(
    files: &[PathBuf],
    (endpoint, region): (Option<&str>, Option<&str>),
    err: &mut impl Write,
    t: &Text,
) -> Result<Vec<PathBuf>, Failure> {
    let mut local = Vec::with_capacity(files.len());
    for file in files {
        let address = file.to_string_lossy();
        if !crate::remote::is_remote(&address) {
            local.push(file.clone());
            continue;
        }
        let remote = Remote::parse(&address, endpoint, region).map_err(Failure::Remote)?;
        let cache = crate::places::dirs()
            .map(|dirs| dirs.cache_dir().join("reports"))
            .ok_or(Failure::NoStateDir)?
            .join(crate::places::stable_name(address.as_bytes()));
        let synced = sync_to_folder(&remote, &cache).map_err(Failure::Remote)?;
        let said = fill(
            t.report_synced,
            &[
                ("address", &remote.address()),
                ("count", &synced.listed.to_string()),
                ("downloaded", &synced.downloaded.to_string()),
            ],
        );
        writeln!(err, "{said}").map_err(Failure::Output)?;
        local.push(synced.folder);
    }
    Ok(local)
}

/// Reads every export under `files` one at a time into the report, writes it, and
/// fails with [`Failure::Unread`] (exit 1) after writing it when some files were not
/// exports.
pub fn report(
    request: &ReportRequest<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
    t: &Text,
) -> Result<(), Failure> {
    let given = given_packs(request.packs)?;
    // A mistyped folder is a mistake to fix, not an empty report.
    if let Some(missing) = request
        .files
        .iter()
        .find(|p| std::fs::symlink_metadata(p).is_err())
    {
        return Err(Failure::NoSuchPath(missing.clone()));
    }
    let (files, mut unread) = report::walk(request.files);
    let mut builder =
        Builder::new(crate::clock::now(), &request.tz, request.stale_days).since(request.since);
    let key = request
        .identity
        .map(|path| crate::sealed::identity(path))
        .transpose()
        .map_err(Failure::Sealed)?;
    report::read_each(files, key.as_ref(), |path, read| match read {
        Ok(export) => builder.add(path, &export),
        Err(why) => unread.push(Unread { path, why }),
    });
    let library = crate::library::Library::from_platform()
        .map(|library| library.with_builtin_lang(request.lang));
    let built = builder.finish(unread, |id| {
        given
            .iter()
            .find(|pack| pack.id == id)
            .cloned()
            .or_else(|| {
                library
                    .as_ref()
                    .and_then(|library| library.resolve_id(id).ok())
            })
    });
    let write = |mut out: &mut dyn Write| match request.format {
        ReportFormat::Markdown => report::write_markdown(&mut out, &built, t),
        ReportFormat::Csv => report::write_csv(&mut out, &built, request.csv, t),
        ReportFormat::Html => report::write_html(&mut out, &built, t),
        ReportFormat::Json => report::write_json(&mut out, &built),
    };
    match request.output {
        Some(path) => {
            let mut text = Vec::new();
            write(&mut text).map_err(Failure::Output)?;
            crate::atomic_file::write(path, &text).map_err(|source| Failure::Write {
                path: path.clone(),
                source,
            })?;
            // The report is not on screen: the files it could not read are said here too.
            for file in &built.unread {
                // A synced file's name is anyone's: it must not drive the terminal.
                let path = file.path.display().to_string();
                let path = printable(&path, false);
                let said = fill(
                    t.report_unread_line,
                    &[("path", &path), ("why", &file.why.words(t))],
                );
                let _ = writeln!(err, "ticklist: {said}");
            }
        }
        // Written as it is made: a page for ten thousand mentors is never held whole.
        None => {
            let mut out = std::io::BufWriter::new(out);
            write(&mut out)
                .and_then(|()| out.flush())
                .map_err(Failure::Output)?;
        }
    }
    match built.unread.len() {
        0 => Ok(()),
        count => Err(Failure::Unread(count)),
    }
}

/// The packs given with `--pack`: one that cannot be read ends the report, since the
/// manager asked for it by name.
fn given_packs(paths: &[PathBuf]) -> Result<Vec<Pack>, Failure> {
    paths
        .iter()
        .map(|path| Ok(crate::pack::load_file(path)?))
        .collect()
}
