//! Asking the pack's contact (the mentorship manager) about a step: a new mail, to an
//! address (`mailto:` with a subject and a body about the step: its title, its link, the
//! mentor's note, where they stand), or the contact page when the pack gives one. The
//! mail is bounded so that every mail program opens it.

use percent_encoding::{NON_ALPHANUMERIC, utf8_percent_encode};

use super::{Effect, Notice, Outcome, Session};
use crate::cut::{Measure, cut};
use crate::pack::url::MAX_URL_LEN;
use crate::text::{Text, fill};

/// The body is cut to this many characters before encoding: the whole `mailto:` stays
/// under the URL limit.
const MAX_BODY_CHARS: usize = 400;

impl Session {
    /// Whom `m` reaches, in words: the footer's label and the help's line. The built-in
    /// checklist names OpenClassrooms' contact page, a manager's pack a person to write to.
    pub fn ask_words(&self, t: &Text) -> (String, String) {
        let contact = self.pack.contact.as_ref();
        let name = [("name", contact.map_or("", |c| c.name.as_str()))];
        match contact {
            Some(c) if c.email.is_some() => (fill(t.ask_mail, &name), fill(t.ask_mail_help, &name)),
            Some(c) if c.url.is_some() => (fill(t.ask_page, &name), fill(t.ask_page_help, &name)),
            _ => (t.act_ask.into(), t.ask_nobody_help.into()),
        }
    }

    /// Whether the pack names someone to ask.
    pub fn can_ask(&self) -> bool {
        self.pack
            .contact
            .as_ref()
            .is_some_and(|c| c.email.is_some() || c.url.is_some())
    }

    /// Opens the mail (or contact page) to ask about `node`, or says why there is none.
    pub fn ask(&self, node: usize, t: &Text) -> Outcome {
        match self.ask_url(node, t) {
            Ok(url) => Outcome::run(Effect::OpenUrl(url)),
            Err(notice) => Outcome::say(notice),
        }
    }

    fn ask_url(&self, node: usize, t: &Text) -> Result<String, Notice> {
        let contact = self.pack.contact.as_ref().ok_or(Notice::NoContact)?;
        let Some(email) = &contact.email else {
            return contact.url.clone().ok_or(Notice::NoContact);
        };
        let step = &self.pack.nodes[node];
        let (done, total) = self.tracker.overall(&self.pack);
        let subject = fill(
            t.mail_subject,
            &[("title", &step.title), ("pack", &self.pack.title)],
        );
        let mut body = fill(
            t.mail_body,
            &[
                ("name", &contact.name),
                ("title", &step.title),
                ("pack", &self.pack.title),
                ("done", &done.to_string()),
                ("total", &total.to_string()),
            ],
        );
        // Room for the question, then what it is about.
        body.push_str("\n\n\n");
        if let Some(link) = step.links.first() {
            body.push_str(&format!("\n{}", link.url));
        }
        if let Some(note) = self.tracker.state().notes.get(&step.id) {
            body.push_str(&format!("\n\n{}", fill(t.cli_note, &[("text", note)])));
        }
        let body = cut(&body, MAX_BODY_CHARS, Measure::Chars, '…');
        let url = format!(
            "mailto:{email}?subject={}&body={}",
            utf8_percent_encode(&subject, NON_ALPHANUMERIC),
            utf8_percent_encode(&body, NON_ALPHANUMERIC)
        );
        if url.len() > MAX_URL_LEN {
            // A title near its limit: the address and the subject alone still ask.
            let short = format!(
                "mailto:{email}?subject={}",
                utf8_percent_encode(&subject, NON_ALPHANUMERIC)
            );
            return Ok(short.chars().take(MAX_URL_LEN).collect());
        }
        Ok(url)
    }
}
