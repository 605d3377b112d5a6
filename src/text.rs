//! Every string the app itself shows, in one catalogue per language (French for now).
//! Render code and the app core take their words from here, never from literals.

use jiff::civil::DateTime;

use crate::keymap::{Action, Key};

/// The words of the interface in one language.
pub struct Text {
    pub months: [&'static str; 12],
    pub tree_title: &'static str,
    pub details_title: &'static str,
    pub progress_title: &'static str,
    pub help_title: &'static str,
    pub help_mouse: &'static str,
    pub help_close: &'static str,
    pub links_title_open: &'static str,
    pub links_title_copy: &'static str,
    pub links_hint: &'static str,
    pub completion_title: &'static str,
    pub completion_default: &'static str,
    pub completion_close: &'static str,
    pub too_small: &'static str,
    pub links_heading: &'static str,
    pub state_todo: &'static str,
    pub state_partial: &'static str,
    pub ticked_on: &'static str,
    pub at_time: &'static str,
    pub no_link: &'static str,
    pub no_such_link: &'static str,
    pub opened: &'static str,
    pub no_browser: &'static str,
    pub open_failed: &'static str,
    pub refused_url: &'static str,
    pub copied: &'static str,
    pub copy_failed: &'static str,
    pub save_failed: &'static str,
    pub state_moved_aside: &'static str,
    pub state_read_only: &'static str,
    pub merged: &'static str,
    pub my_note: &'static str,
    pub orphan_ticks: &'static str,
    pub new_badge: &'static str,
    pub all_done: &'static str,
}

/// The French catalogue: the default pack and its mentors are French-speaking.
pub static FR: Text = Text {
    months: [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    tree_title: "Étapes",
    details_title: "Détails",
    progress_title: "Progression",
    help_title: "Aide : touches",
    help_mouse: "Souris : clic pour sélectionner, clic sur la case pour cocher, molette pour défiler",
    help_close: "Une touche pour fermer",
    links_title_open: "Ouvrir quel lien ?",
    links_title_copy: "Copier quel lien ?",
    links_hint: "1–9 ou Entrée pour choisir · Échap pour annuler",
    completion_title: "Checklist terminée",
    completion_default: "Toutes les étapes sont cochées. Bravo !",
    completion_close: "Une touche pour continuer",
    too_small: "Terminal trop petit : agrandissez la fenêtre",
    links_heading: "Liens :",
    state_todo: "À faire",
    state_partial: "En cours",
    ticked_on: "Coché le",
    at_time: "à",
    no_link: "Cette étape n'a pas de lien.",
    no_such_link: "Pas de lien n°{n} : cette étape en a {count}.",
    opened: "Ouverture dans le navigateur : {url}",
    no_browser: "Pas de navigateur graphique ici. Lien : {url} (y pour le copier)",
    open_failed: "Impossible d'ouvrir le navigateur ({error}). Lien : {url} (y pour le copier)",
    refused_url: "Lien refusé ({error}) : {url}",
    copied: "Lien copié dans le presse-papiers (OSC 52) : {url}",
    copy_failed: "Copie impossible ({error}). Lien : {url}",
    save_failed: "Enregistrement impossible : {error}. Vos coches restent en mémoire tant que l'application est ouverte.",
    state_moved_aside: "Fichier de progression illisible ({reason}) : mis de côté dans {path}. Nouvelle progression.",
    state_read_only: "Progression non enregistrable ({reason}) : le fichier n'est pas touché et vos coches de cette session restent en mémoire seulement.",
    merged: "Coches faites dans une autre fenêtre ajoutées.",
    my_note: "Votre note",
    new_badge: "nouveau",
    orphan_ticks: "{count} coche(s) concernent des étapes absentes de la version {version} de ce pack : elles restent enregistrées.",
    all_done: "Tout est coché",
};

impl Text {
    /// How a key is written in the footer and the help overlay.
    pub fn key(&self, key: Key) -> String {
        match key {
            Key::Char(' ') => "Espace".into(),
            Key::Char(c) => c.to_string(),
            Key::Digit => "1–9".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::Home => "Début".into(),
            Key::End => "Fin".into(),
            Key::PageUp => "PgPréc".into(),
            Key::PageDown => "PgSuiv".into(),
            Key::Enter => "Entrée".into(),
            Key::Esc => "Échap".into(),
        }
    }

    /// (short label for the footer, sentence for the help overlay).
    pub fn action(&self, action: Action) -> (&'static str, &'static str) {
        match action {
            Action::Up => ("monter", "Aller à la ligne précédente"),
            Action::Down => ("descendre", "Aller à la ligne suivante"),
            Action::Collapse => ("replier", "Replier, ou remonter au parent"),
            Action::Expand => ("déplier", "Déplier, ou descendre au premier enfant"),
            Action::First => ("début", "Aller à la première ligne"),
            Action::Last => ("fin", "Aller à la dernière ligne"),
            Action::PageUp => ("page préc.", "Remonter d'une page"),
            Action::PageDown => ("page suiv.", "Descendre d'une page"),
            Action::Toggle => (
                "cocher",
                "Cocher ou décocher (un parent coche tous ses enfants)",
            ),
            Action::Open => (
                "ouvrir",
                "Ouvrir le lien de l'étape (choisir s'il y en a plusieurs)",
            ),
            Action::OpenLink(_) => ("lien n°", "Ouvrir le lien de ce numéro"),
            Action::Copy => ("copier", "Copier l'adresse du lien (OSC 52, marche en SSH)"),
            Action::Help => ("aide", "Afficher ou fermer cette aide"),
            Action::Quit => ("quitter", "Quitter (ou fermer la fenêtre ouverte)"),
            Action::Click { .. } | Action::ScrollUp | Action::ScrollDown => ("", ""),
        }
    }

    /// "22 novembre 2026 à 14:03", month names from the catalogue.
    pub fn date_time(&self, at: DateTime) -> String {
        let month = usize::try_from(at.month() - 1)
            .ok()
            .and_then(|m| self.months.get(m))
            .copied()
            .unwrap_or_default();
        format!(
            "{} {month} {} {} {:02}:{:02}",
            at.day(),
            at.year(),
            self.at_time,
            at.hour(),
            at.minute()
        )
    }
}

/// Fills `{name}` placeholders of a catalogue message.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |s, (name, value)| {
            s.replace(&format!("{{{name}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_use_french_month_names() {
        let at = jiff::civil::date(2026, 11, 22).at(9, 5, 0, 0);
        assert_eq!(FR.date_time(at), "22 novembre 2026 à 09:05");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            fill(FR.no_such_link, &[("n", "4"), ("count", "2")]),
            "Pas de lien n°4 : cette étape en a 2."
        );
    }
}
