//! The only place that touches the outside world on the app's behalf: saving
//! progress, handing URLs to a browser, and copying them to the clipboard.

use std::ffi::OsString;
use std::process::{Command, Stdio};

use base64::Engine as _;

use crate::pack::url;
use crate::session::EffectResult;

mod runner;
mod save;
mod saver;

pub use runner::{Core, Runner};
pub use save::Saving;
pub use saver::Saver;

/// Environment variable naming a command that receives each URL to open as its
/// single argument (used by tests, and by anyone who wants a specific browser).
pub const OPENER_ENV: &str = "TICKLIST_OPENER";

/// How URLs reach a browser.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Opener {
    /// A user-chosen command, given the URL as its only argument.
    Command(OsString),
    /// The platform's default handler, through the `open` crate.
    System,
    /// No graphical session: launching anything would only fail or block.
    Headless,
}

impl Opener {
    /// Picks the opener from the environment. On Linux outside WSL with neither
    /// `DISPLAY` nor `WAYLAND_DISPLAY`, nothing can show a page: launch nothing.
    pub fn from_env() -> Self {
        if let Some(cmd) = std::env::var_os(OPENER_ENV).filter(|c| !c.is_empty()) {
            return Opener::Command(cmd);
        }
        let has = |name| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        let linux_without_display = cfg!(target_os = "linux")
            && !has("WSL_DISTRO_NAME")
            && !has("DISPLAY")
            && !has("WAYLAND_DISPLAY");
        if linux_without_display {
            Opener::Headless
        } else {
            Opener::System
        }
    }

    /// Hands `url` over without waiting for the browser. Only web and mail links
    /// are ever passed, as one argument and never through a shell.
    pub fn open(&self, url: &str) -> EffectResult {
        if let Err(why) = url::check(url) {
            return EffectResult::Refused {
                url: url.into(),
                problem: why,
            };
        }
        let launched = match self {
            Opener::Headless => return EffectResult::NoBrowser(url.into()),
            Opener::System => open::that_detached(url),
            Opener::Command(cmd) => Command::new(cmd)
                .arg(url)
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .map(|mut child| {
                    // Reap the child without blocking the UI.
                    std::thread::spawn(move || child.wait());
                }),
        };
        match launched {
            Ok(()) => EffectResult::Opened(url.into()),
            Err(e) => EffectResult::OpenFailed {
                url: url.into(),
                error: e.to_string(),
            },
        }
    }
}

/// The escape sequence that asks the terminal to put `text` on the clipboard (OSC 52).
/// It travels through SSH, so it works where no local clipboard tool does.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osc52_wraps_base64() {
        assert_eq!(osc52("hi"), "\x1b]52;c;aGk=\x07");
    }

    #[test]
    fn headless_launches_nothing_but_gives_the_url() {
        assert_eq!(
            Opener::Headless.open("https://example.org"),
            EffectResult::NoBrowser("https://example.org".into())
        );
    }

    #[test]
    fn unsafe_urls_never_reach_the_opener() {
        let opener = Opener::Command("/nonexistent/opener".into());
        for url in [
            "file:///etc/passwd",
            "-x",
            "--new-window=https://example.org",
            "javascript:alert(1)",
            "../relative/path",
            "example.org/no-scheme",
            "https://example.org/a b",
            "https://example.org/\u{1b}[2J",
            "https://example.org/\n--flag",
        ] {
            assert!(
                matches!(opener.open(url), EffectResult::Refused { .. }),
                "{url}"
            );
        }
    }

    /// Shell metacharacters reach the opener as one literal argument: no shell runs.
    #[cfg(unix)]
    #[test]
    fn the_url_is_one_argument_never_a_shell_command() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let log = dir.path().join("log");
        let script = dir.path().join("opener");
        let body = format!(
            "#!/bin/sh\nprintf '%s|%s' \"$#\" \"$1\" > '{}.tmp' && mv '{0}.tmp' '{0}'\n",
            log.display()
        );
        std::fs::write(&script, body).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let url = "https://example.org/?q=a;touch${IFS}pwned&x=`id`|$(id)";
        let opener = Opener::Command(script.into_os_string());
        assert_eq!(opener.open(url), EffectResult::Opened(url.into()));
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
        while !log.exists() {
            assert!(std::time::Instant::now() < deadline, "opener never ran");
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        assert_eq!(std::fs::read_to_string(&log).unwrap(), format!("1|{url}"));
    }

    #[test]
    fn a_missing_opener_is_reported_not_fatal() {
        let opener = Opener::Command("/nonexistent/opener".into());
        assert!(matches!(
            opener.open("https://example.org"),
            EffectResult::OpenFailed { .. }
        ));
    }
}
