//! A step's links: which one is asked for (or why there is none), opened by the
//! runner and recorded once it opened, or copied.

use jiff::Timestamp;

use super::{Effect, Notice, Outcome, Session};

impl Session {
    /// Link `n` (from 1) of `node`, or why there is none.
    pub fn link(&self, node: usize, n: usize) -> Result<&str, Notice> {
        let links = &self.pack.nodes[node].links;
        match n.checked_sub(1).and_then(|i| links.get(i)) {
            Some(link) => Ok(&link.url),
            None if links.is_empty() => Err(Notice::NoLink),
            None => Err(Notice::NoSuchLink {
                n,
                count: links.len(),
            }),
        }
    }

    /// Asks for link `n` of `node` to be opened; once [`super::EffectResult::Opened`] comes back, the
    /// opening is recorded and saved.
    pub fn open(&mut self, node: usize, n: usize, now: Timestamp) -> Outcome {
        match self.link(node, n) {
            Ok(url) => {
                let effect = Effect::OpenUrl(url.to_string());
                self.opening = Some((node, now));
                Outcome::run(effect)
            }
            Err(notice) => Outcome::say(notice),
        }
    }

    /// Asks for link `n` of `node` to be copied to the clipboard.
    pub fn copy(&self, node: usize, n: usize) -> Outcome {
        match self.link(node, n) {
            Ok(url) => Outcome::run(Effect::CopyUrl(url.to_string())),
            Err(notice) => Outcome::say(notice),
        }
    }
}
