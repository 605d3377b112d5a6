//! `ticklist completions` and `ticklist man`, both generated from the clap definition
//! (with its help in the interface language) so they cannot drift from the real command
//! line. With `--dir` they write the files a package installs: a page per command, a
//! script per shell, each under the name its reader looks for.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Command, ValueEnum};
use clap_complete::{Generator, Shell};

use super::Failure;
use crate::text::{Lang, Text};

/// One shell's script on `out`, or (with `dir`) the scripts of `shell` or of every shell
/// written into `dir`, their paths on `out`.
pub fn completions(
    shell: Option<Shell>,
    dir: Option<&Path>,
    lang: Lang,
    out: &mut impl Write,
) -> Result<(), Failure> {
    let Some(dir) = dir else {
        let script = script(shell.unwrap_or(Shell::Bash), lang);
        return out.write_all(&script).map_err(Failure::Output);
    };
    let shells: Vec<Shell> = match shell {
        Some(shell) => vec![shell],
        None => Shell::value_variants().to_vec(),
    };
    create(dir)?;
    let mut written = Vec::new();
    for shell in shells {
        // clap_complete's own file names: ticklist.bash, _ticklist, ticklist.fish,
        // _ticklist.ps1, ticklist.elv.
        let path = dir.join(shell.file_name("ticklist"));
        write(&path, &script(shell, lang))?;
        written.push(path);
    }
    say_written(&written, out)
}

/// The files written, a line each, once every one is: a reader that goes away early
/// (`| head -1`) never leaves the set half written.
fn say_written(written: &[std::path::PathBuf], out: &mut impl Write) -> Result<(), Failure> {
    for path in written {
        writeln!(out, "{}", path.display()).map_err(Failure::Output)?;
    }
    Ok(())
}

/// The script is built in memory first: clap_complete panics on a write error (a closed
/// pipe, say), a plain write reports it.
fn script(shell: Shell, lang: Lang) -> Vec<u8> {
    let mut script = Vec::new();
    clap_complete::generate(
        shell,
        &mut super::help::command(lang),
        "ticklist",
        &mut script,
    );
    script
}

/// The manual page of `ticklist` on `out`, or (with `dir`) one page per command written
/// into `dir` (`ticklist.1`, `ticklist-pack.1`, `ticklist-pack-install.1`…), their paths
/// on `out`.
pub fn man(lang: Lang, dir: Option<&Path>, out: &mut impl Write) -> Result<(), Failure> {
    let mut cmd = super::help::command(lang).disable_help_subcommand(true);
    cmd.build();
    let Some(dir) = dir else {
        return out
            .write_all(&page(&cmd, lang.text())?)
            .map_err(Failure::Output);
    };
    create(dir)?;
    let mut pages = Vec::new();
    collect(&cmd, &mut pages);
    let mut written = Vec::new();
    for cmd in pages {
        let path = dir.join(format!("{}.1", name(cmd)));
        write(&path, &page(cmd, lang.text())?)?;
        written.push(path);
    }
    say_written(&written, out)
}

/// `cmd` and its visible subcommands, depth first.
fn collect<'a>(cmd: &'a Command, pages: &mut Vec<&'a Command>) {
    pages.push(cmd);
    for sub in cmd.get_subcommands().filter(|sub| !sub.is_hide_set()) {
        collect(sub, pages);
    }
}

fn name(cmd: &Command) -> &str {
    cmd.get_display_name().unwrap_or_else(|| cmd.get_name())
}

/// One page in roff. clap_mangen writes its NAME heading in English and leaves the
/// header's date empty, which shifts the fields; both are written here.
fn page(cmd: &Command, t: &Text) -> Result<Vec<u8>, Failure> {
    let mut roff = Vec::new();
    clap_mangen::Man::new(cmd.clone())
        .render(&mut roff)
        .map_err(Failure::Output)?;
    let header = format!(
        ".TH \"{}\" 1 \"\" \"ticklist {}\" \"{}\"",
        name(cmd).to_uppercase(),
        env!("CARGO_PKG_VERSION"),
        t.man_manual
    );
    let text: Vec<String> = String::from_utf8_lossy(&roff)
        .lines()
        .map(|line| match line {
            _ if line.starts_with(".TH ") => header.clone(),
            ".SH NAME" => format!(".SH {}", t.man_name),
            _ => line.to_string(),
        })
        .collect();
    Ok((text.join("\n") + "\n").into_bytes())
}

fn create(dir: &Path) -> Result<(), Failure> {
    std::fs::create_dir_all(dir).map_err(|source| Failure::Write {
        path: PathBuf::from(dir),
        source,
    })
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    std::fs::write(path, bytes).map_err(|source| Failure::Write {
        path: path.to_path_buf(),
        source,
    })
}
