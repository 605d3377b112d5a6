//! The checks on what packs name things with: the pack's id, every node's id (unique,
//! one word) and every link (a label, a URL a browser may be given, not too many).

use serde_saphyr::Spanned;

use super::super::model::Link;
use super::super::raw::RawLink;
use super::super::url;
use super::{MAX_ID_LEN, MAX_LINKS, MAX_TITLE_CHARS, Validator};
use crate::safe_text::printable;
use crate::text::fill;

/// Whether `id` may name a pack: it is typed on command lines and used in file names.
pub fn is_pack_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= MAX_ID_LEN
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '.'))
}

impl Validator {
    pub(super) fn pack_id(&mut self, id: &Spanned<String>) {
        if !is_pack_id(&id.value) {
            self.problem(
                id,
                fill(
                    self.t.pv_pack_id,
                    &[
                        ("id", &printable(&id.value, false)),
                        ("max", &MAX_ID_LEN.to_string()),
                    ],
                ),
            );
        }
    }

    /// An id of one word (a node's, a question's, a choice's), its problems said;
    /// `false` when it is empty, with nothing more to check.
    pub(super) fn id_word(&mut self, id: &Spanned<String>) -> bool {
        let value = &id.value;
        if value.trim().is_empty() {
            self.problem(id, self.t.pv_id_empty.into());
            return false;
        }
        if value.len() > MAX_ID_LEN
            || value.starts_with('-')
            || !value
                .chars()
                .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | ':'))
        {
            self.problem(
                id,
                fill(
                    self.t.pv_id_word,
                    &[
                        ("id", &printable(value, false)),
                        ("max", &MAX_ID_LEN.to_string()),
                    ],
                ),
            );
        }
        true
    }

    /// A node's id: one word, and unique in the pack.
    pub(super) fn node_id(&mut self, id: &Spanned<String>) {
        if !self.id_word(id) {
            return;
        }
        let value = &id.value;
        let here = (id.referenced.line(), id.referenced.column());
        if let Some(&(line, column)) = self.seen.get(value) {
            self.problem(
                id,
                fill(
                    self.t.pv_duplicate,
                    &[
                        ("id", &printable(value, false)),
                        ("line", &line.to_string()),
                        ("column", &column.to_string()),
                    ],
                ),
            );
        } else {
            self.seen.insert(value.clone(), here);
        }
    }

    pub(super) fn links(&mut self, links: Vec<RawLink>) -> Vec<Link> {
        if let Some(extra) = links.get(MAX_LINKS) {
            self.problem(
                &extra.url,
                fill(self.t.pv_too_many_links, &[("max", &MAX_LINKS.to_string())]),
            );
        }
        links
            .into_iter()
            .map(|link| {
                self.non_empty(&link.label, self.t.pv_label_empty);
                if let Err(why) = url::check(&link.url.value) {
                    let url = printable(&link.url.value, false);
                    let message = fill(
                        self.t.pv_bad_url,
                        &[("url", &url), ("why", why.message(self.t))],
                    );
                    self.problem(&link.url, message);
                }
                let label = link.label.value.trim();
                if label == link.url.value
                    || label.starts_with("http://")
                    || label.starts_with("https://")
                {
                    self.warning(&link.label, self.t.pv_bare_url.into());
                }
                if url::is_example(&link.url.value) {
                    let shown = printable(&link.url.value, false).into_owned();
                    self.warning(&link.url, fill(self.t.pv_example_link, &[("url", &shown)]));
                }
                if self.with_warnings {
                    let line = link.url.referenced.line();
                    match self.urls.get(&link.url.value) {
                        Some(&first) => self.warning(
                            &link.url,
                            fill(self.t.pv_repeated_url, &[("line", &first.to_string())]),
                        ),
                        None => {
                            self.urls.insert(link.url.value.clone(), line);
                        }
                    }
                }
                Link {
                    label: self.line(link.label, "label", MAX_TITLE_CHARS),
                    url: link.url.value,
                }
            })
            .collect()
    }

    /// The pack's contact: a name, and a plain email address or a web contact page.
    pub(super) fn contact(
        &mut self,
        raw: super::super::raw::RawContact,
    ) -> Option<crate::pack::Contact> {
        self.non_empty(&raw.name, self.t.pv_contact_name);
        if raw.email.is_none() && raw.url.is_none() {
            self.problem(&raw.name, self.t.pv_contact_empty.into());
        }
        if let Some(email) = &raw.email {
            let value = email.value.trim();
            let plain = value.split_once('@').is_some_and(|(user, domain)| {
                !user.is_empty() && domain.contains('.') && !domain.starts_with('.')
            }) && !value
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>?&,;\"".contains(c))
                && value.matches('@').count() == 1;
            if !plain {
                let shown = printable(value, false).into_owned();
                self.problem(email, fill(self.t.pv_contact_email, &[("email", &shown)]));
            }
        }
        if let Some(url) = &raw.url {
            let web = url.value.starts_with("https://") || url.value.starts_with("http://");
            if !web || url::check(&url.value).is_err() {
                let shown = printable(&url.value, false).into_owned();
                self.problem(url, fill(self.t.pv_contact_url, &[("url", &shown)]));
            }
        }
        let name = self.line(raw.name, "name", MAX_TITLE_CHARS);
        Some(crate::pack::Contact {
            name,
            email: raw.email.map(|e| e.value.trim().to_string()),
            url: raw.url.map(|u| u.value),
        })
    }
}
