//! `ticklist pack import FILE.md`: reads the Markdown and the previous pack, has
//! `import` make the pack, writes it (never over a file unasked), and says what could
//! not be carried, line by line.

use std::io::{Read, Write};
use std::path::Path;

use super::Failure;
use crate::import::{self, Imported, Options};
use crate::pack::{self, MAX_PACK_BYTES, Pack};
use crate::safe_text::printable;
use crate::text::{Lang, Text, fill};

/// What `pack import` was given.
pub struct ImportRequest<'a> {
    pub file: &'a Path,
    pub output: Option<&'a Path>,
    pub id: Option<&'a str>,
    /// `--lang`: the pack's language too.
    pub lang: Option<Lang>,
    pub manager_lang: Lang,
    pub previous: Option<&'a Path>,
    pub base_url: Option<&'a str>,
    pub force: bool,
}

/// Makes and writes the pack; the summary and what was left out go to `err` when the
/// pack itself goes to `out`.
pub fn import_pack(
    request: &ImportRequest<'_>,
    out: &mut impl Write,
    err: &mut impl Write,
    t: &'static Text,
) -> Result<(), Failure> {
    let markdown = read_markdown(request.file, t)?;
    let previous: Option<Pack> = request
        .previous
        .map(|path| pack::load_file_in(path, t))
        .transpose()?;
    let base = request.base_url.map(|url| base_url(url, t)).transpose()?;
    if let Some(id) = request.id
        && !pack::is_pack_id(id)
    {
        let max = pack::MAX_ID_LEN.to_string();
        let message = fill(
            t.imp_id_bad,
            &[("id", &printable(id, false)), ("max", &max)],
        );
        return Err(Failure::Import(message));
    }
    let to_stdout = request.output == Some(Path::new("-"));
    let output = match request.output {
        Some(path) => path.to_path_buf(),
        None => request.file.with_extension("yaml"),
    };
    let over_previous = request.previous.is_some_and(|p| same_file(p, &output));
    if !to_stdout && !request.force && !over_previous && output.exists() {
        let path = output.display().to_string();
        return Err(Failure::Import(fill(t.imp_exists, &[("path", &path)])));
    }
    let file_name = name_of(request.file);
    let output_name = if to_stdout {
        format!("{}.yaml", stem(request.file))
    } else {
        output.display().to_string()
    };
    let options = Options {
        file_name: &file_name,
        output_name: &output_name,
        fallback_title: &stem(request.file),
        id: request.id,
        lang: request.lang.map(Lang::code),
        manager_lang: request.manager_lang.code(),
        previous: previous.as_ref(),
        base_url: base.as_ref(),
    };
    let imported =
        import::import(&markdown, &options, t).map_err(|e| Failure::Import(e.message(t)))?;
    for lost in &imported.lost {
        let place = format!("{}:{}", request.file.display(), lost.line());
        let values = [("place", place.as_str()), ("message", &lost.message(t))];
        writeln!(err, "{}", fill(t.cli_warning, &values)).map_err(Failure::Output)?;
    }
    let said: &mut dyn Write = if to_stdout {
        out.write_all(imported.yaml.as_bytes())
            .map_err(Failure::Output)?;
        err
    } else {
        write_atomically(&output, imported.yaml.as_bytes())?;
        out
    };
    summary(&imported, &output_name, previous.is_some(), said, t).map_err(Failure::Output)
}

/// What was written, and with `--previous` how the steps relate to the last version.
fn summary(
    imported: &Imported,
    out_name: &str,
    with_previous: bool,
    said: &mut dyn Write,
    t: &Text,
) -> std::io::Result<()> {
    let pack = &imported.pack;
    let stages = pack.nodes.iter().filter(|n| n.depth == 0).count();
    let steps = (0..pack.nodes.len()).filter(|&i| pack.is_step(i)).count();
    let links: usize = pack.nodes.iter().map(|n| n.links.len()).sum();
    let counts = [stages, steps, links].map(|n| n.to_string());
    let out_name = printable(out_name, false);
    let values = [
        ("out", out_name.as_ref()),
        ("stages", &counts[0]),
        ("steps", &counts[1]),
        ("links", &counts[2]),
        ("id", &pack.id),
        ("version", &pack.version),
    ];
    writeln!(said, "{}", fill(t.imp_written, &values))?;
    if with_previous {
        let a = &imported.assigned;
        let counts = [a.kept, a.moved, a.new, a.removed.len()].map(|n| n.to_string());
        let values = [
            ("kept", counts[0].as_str()),
            ("moved", &counts[1]),
            ("new", &counts[2]),
            ("removed", &counts[3]),
        ];
        writeln!(said, "{}", fill(t.imp_ids, &values))?;
        if !a.removed.is_empty() {
            let titles: Vec<String> = a.removed.iter().map(|s| format!("“{s}”")).collect();
            let titles = titles.join(", ");
            writeln!(said, "{}", fill(t.imp_removed, &[("titles", &titles)]))?;
        }
    }
    writeln!(said, "{}", fill(t.imp_next, &[("out", &out_name)]))
}

/// The Markdown's text: at most a pack's size, UTF-8 (the line of the first bad byte).
fn read_markdown(path: &Path, t: &Text) -> Result<String, Failure> {
    let shown = path.display().to_string();
    let cannot = |e: std::io::Error| {
        Failure::Import(fill(
            t.imp_cannot_read,
            &[("path", &shown), ("error", &e.to_string())],
        ))
    };
    let mut bytes = Vec::new();
    std::fs::File::open(path)
        .and_then(|file| file.take(MAX_PACK_BYTES as u64 + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() > MAX_PACK_BYTES {
        let max = MAX_PACK_BYTES.to_string();
        return Err(Failure::Import(fill(
            t.imp_too_big,
            &[("path", &shown), ("max", &max)],
        )));
    }
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        Failure::Import(fill(
            t.imp_not_utf8,
            &[("path", &shown), ("line", &line.to_string())],
        ))
    })
}

/// `--base-url`: an address a pack could link to.
fn base_url(url: &str, t: &Text) -> Result<url::Url, Failure> {
    let bad = |why: &str| {
        let url = printable(url, false);
        Failure::Import(fill(t.imp_base_url, &[("url", &url), ("why", why)]))
    };
    pack::url::check(url).map_err(|problem| bad(problem.message(t)))?;
    url::Url::parse(url).map_err(|_| bad(pack::url::UrlProblem::NoHost.message(t)))
}

fn name_of(path: &Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// Beside the file, then renamed over it: the old pack or the new, never half of one.
fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    crate::atomic_file::write(path, bytes).map_err(|source| Failure::Write {
        path: path.to_path_buf(),
        source,
    })
}
