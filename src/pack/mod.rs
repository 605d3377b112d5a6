//! Content packs: the YAML format, its validation, and the built-in pack.

mod builtin;
mod error;
mod model;
mod raw;
pub mod url;
mod validate;

use std::path::Path;

pub use builtin::{BUILTIN_NAME, BUILTIN_YAML, builtin};
pub use error::{PackError, Problem};
pub use model::{Level, Link, Node, Pack};

/// Hard limits against hostile packs; a real checklist is far below them.
const MAX_PACK_BYTES: usize = 16 * 1024 * 1024;

/// Loads and validates a pack file.
pub fn load_file(path: &Path) -> Result<Pack, PackError> {
    let text = std::fs::read_to_string(path).map_err(|source| PackError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    load_str(&text, &path.display().to_string())
}

/// Parses and validates pack text; `name` is how errors refer to the source.
pub fn load_str(text: &str, name: &str) -> Result<Pack, PackError> {
    if text.len() > MAX_PACK_BYTES {
        return Err(PackError::Invalid {
            file: name.into(),
            problems: vec![Problem {
                line: 1,
                column: 1,
                message: format!(
                    "the pack is {} bytes, more than the {MAX_PACK_BYTES} allowed: split it into several packs",
                    text.len()
                ),
            }],
        });
    }
    let raw: raw::RawPack = serde_saphyr::from_str_with_options(text, serde_saphyr::options! {})
        .map_err(|e| {
            let at = e.location();
            PackError::Syntax {
                line: at.map_or(0, |l| l.line()),
                column: at.map_or(0, |l| l.column()),
                rendered: e.render_with_options(serde_saphyr::render_options! {
                    source_name: Some(name),
                }),
            }
        })?;
    validate::validate(raw).map_err(|problems| PackError::Invalid {
        file: name.into(),
        problems,
    })
}
