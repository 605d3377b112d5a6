//! Errors a pack author can act on: each names the file, line and column.

use std::fmt;
use std::path::PathBuf;

use crate::text::{Text, fill};

/// One semantic problem found in a pack, located in its source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: u64,
    pub column: u64,
    /// What is wrong and what to change.
    pub message: String,
}

/// Why a pack could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum PackError {
    #[error("{}: cannot read the pack: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The file is not YAML of the pack's shape; `rendered` comes from the parser
    /// and already carries `file:line:column` and a snippet.
    #[error("{rendered}")]
    Syntax {
        line: u64,
        column: u64,
        rendered: String,
    },
    #[error("{}", Problems { file, problems })]
    Invalid {
        file: String,
        problems: Vec<Problem>,
    },
}

impl PackError {
    /// The error in the language of `t` (the problems were written in it already).
    pub fn message(&self, t: &Text) -> String {
        match self {
            PackError::Io { path, source } => {
                let path = path.display().to_string();
                fill(
                    t.pv_cannot_read,
                    &[("path", &path), ("error", &source.to_string())],
                )
            }
            other => other.to_string(),
        }
    }

    /// Every located problem, for callers (and tests) that want line and column.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            PackError::Io { .. } => Vec::new(),
            PackError::Syntax {
                line,
                column,
                rendered,
            } => vec![Problem {
                line: *line,
                column: *column,
                message: rendered.clone(),
            }],
            PackError::Invalid { problems, .. } => problems.clone(),
        }
    }
}

struct Problems<'a> {
    file: &'a str,
    problems: &'a [Problem],
}

impl fmt::Display for Problems<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, p) in self.problems.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{}:{}:{}: {}", self.file, p.line, p.column, p.message)?;
        }
        Ok(())
    }
}
