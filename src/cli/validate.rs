//! `ticklist validate PACK…`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use crate::pack;

/// `ticklist validate FILE…`: every problem of every file, then a summary. Warnings
/// (allowed, probably unintended) are printed too but do not fail.
pub fn validate(files: &[PathBuf], out: &mut impl Write, err: &mut impl Write) -> ExitCode {
    let mut failed = 0;
    for file in files {
        match pack::check_file(file) {
            Ok(pack::Validated { pack, warnings }) => {
                for w in &warnings {
                    let _ = writeln!(
                        err,
                        "{}:{}:{}: warning: {}",
                        file.display(),
                        w.line,
                        w.column,
                        w.message
                    );
                }
                let steps = (0..pack.nodes.len()).filter(|&i| pack.is_leaf(i)).count();
                let _ = writeln!(
                    out,
                    "{}: ok ({} \"{}\" v{}, {steps} steps to tick)",
                    file.display(),
                    pack.id,
                    pack.title,
                    pack.version
                );
            }
            Err(e) => {
                failed += 1;
                let _ = writeln!(err, "{e}");
            }
        }
    }
    if failed == 0 {
        ExitCode::SUCCESS
    } else {
        let _ = writeln!(err, "{failed} of {} pack(s) have problems", files.len());
        ExitCode::from(2)
    }
}
