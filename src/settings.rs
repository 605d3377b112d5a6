//! The mentor's own settings, one small file each in the config directory: the name
//! their exports carry (`mentor-name`), their address (`mentor-email`), who they are
//! apart from their name (`person-id`) and the shared folder they publish to
//! (`publish-dir`). Read when needed; a missing or unreadable file means "not set".

use std::io;
use std::path::{Path, PathBuf};

const NAME_FILE: &str = "mentor-name";
const PUBLISH_FILE: &str = "publish-dir";
const EMAIL_FILE: &str = "mentor-email";
const PERSON_FILE: &str = "person-id";

/// Hex digits in a person id: 64 random bits, so that no two mentors share one.
const PERSON_ID_DIGITS: usize = 16;

/// Where the settings files live.
#[derive(Debug, Clone)]
pub struct Settings {
    dir: PathBuf,
}

impl Settings {
    pub fn new(dir: &Path) -> Self {
        Settings {
            dir: dir.to_path_buf(),
        }
    }

    /// The platform config directory (`$XDG_CONFIG_HOME/ticklist` on Linux).
    pub fn from_platform() -> Option<Self> {
        crate::places::dirs().map(|d| Settings::new(d.config_dir()))
    }

    /// The name the mentor's exports carry, as last given.
    pub fn mentor_name(&self) -> Option<String> {
        self.read(NAME_FILE)
    }

    pub fn set_mentor_name(&self, name: &str) -> io::Result<()> {
        self.write(NAME_FILE, Some(name))
    }

    /// The address the mentor's exports carry, as last given.
    pub fn email(&self) -> Option<String> {
        self.read(EMAIL_FILE)
    }

    pub fn set_email(&self, email: &str) -> io::Result<()> {
        self.write(EMAIL_FILE, Some(email))
    }

    /// Who this mentor is in every export and published file name: made at random the
    /// first time, then kept. `None` when it cannot be kept: an id that changed at every
    /// export would make the mentor a new person each time.
    pub fn person_id(&self) -> Option<String> {
        let kept = self.known_person_id();
        if kept.is_some() {
            return kept;
        }
        let mut bytes = [0u8; PERSON_ID_DIGITS / 2];
        getrandom::getrandom(&mut bytes).ok()?;
        let id: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
        self.write(PERSON_FILE, Some(&id)).ok()?;
        Some(id)
    }

    /// The person id made earlier, if any (`ticklist paths` shows it without making one).
    pub fn known_person_id(&self) -> Option<String> {
        self.read(PERSON_FILE).filter(|id| is_person_id(id))
    }

    /// The mentor named `name`, with their person id and address.
    pub fn author(&self, name: &str) -> crate::export::Author {
        crate::export::Author {
            name: name.into(),
            person: self.person_id(),
            email: self.email(),
        }
    }

    /// The files behind these settings, for `ticklist paths`.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where every change is published, when the mentor opted in: a shared folder, or
    /// storage (its address on the first line, `endpoint …` and `region …` after).
    pub fn publish_to(&self) -> Option<PublishTo> {
        let text = self.read(PUBLISH_FILE)?;
        let mut lines = text.lines();
        let first = lines.next()?.trim().to_string();
        if !crate::remote::is_remote(&first) {
            return Some(PublishTo::Folder(PathBuf::from(first)));
        }
        let (mut endpoint, mut region) = (None, None);
        for line in lines {
            match line.trim().split_once(' ') {
                Some(("endpoint", value)) => endpoint = Some(value.trim().to_string()),
                Some(("region", value)) => region = Some(value.trim().to_string()),
                _ => {}
            }
        }
        Some(PublishTo::Remote {
            address: first,
            endpoint,
            region,
        })
    }

    /// Opts in (`Some`) or out (`None`) of publishing, encrypting to `encrypt_to`.
    pub fn set_publish_to(
        &self,
        to: Option<&PublishTo>,
        encrypt_to: Option<&str>,
    ) -> io::Result<()> {
        let text = to.map(|to| match to {
            PublishTo::Folder(dir) => dir.to_string_lossy().into_owned(),
            PublishTo::Remote {
                address,
                endpoint,
                region,
            } => {
                let mut text = address.clone();
                for (key, value) in [("endpoint", endpoint), ("region", region)] {
                    if let Some(value) = value {
                        text.push_str(&format!("\n{key} {value}"));
                    }
                }
                text
            }
        });
        let text = text.map(|text| match encrypt_to {
            Some(key) => format!("{text}\nencrypt-to {key}"),
            None => text,
        });
        self.write(PUBLISH_FILE, text.as_deref())
    }

    /// The manager's age public key every published export is encrypted to, if any: an
    /// `encrypt-to …` line of the same file as where, so that the two are written at once
    /// and never one without the other.
    pub fn publish_encrypt_to(&self) -> Option<String> {
        let text = self.read(PUBLISH_FILE)?;
        text.lines()
            .find_map(|line| line.trim().strip_prefix("encrypt-to "))
            .map(|key| key.trim().to_string())
    }

    fn read(&self, file: &str) -> Option<String> {
        let text = std::fs::read_to_string(self.dir.join(file)).ok()?;
        let text = text.trim();
        (!text.is_empty()).then(|| text.to_string())
    }

    fn write(&self, file: &str, value: Option<&str>) -> io::Result<()> {
        let path = self.dir.join(file);
        match value {
            Some(value) => {
                std::fs::create_dir_all(&self.dir)?;
                crate::atomic_file::write(&path, format!("{value}\n").as_bytes())
            }
            None => match std::fs::remove_file(path) {
                Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
                other => other,
            },
        }
    }
}

/// Where a mentor publishes: a folder the team syncs, or storage by address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PublishTo {
    Folder(PathBuf),
    Remote {
        address: String,
        endpoint: Option<String>,
        region: Option<String>,
    },
}

impl PublishTo {
    /// As said to the mentor: the folder, or the address.
    pub fn shown(&self) -> String {
        match self {
            PublishTo::Folder(dir) => dir.display().to_string(),
            PublishTo::Remote { address, .. } => address.clone(),
        }
    }
}

/// Whether `id` is one [`Settings::person_id`] makes: anything else in the file was not
/// written by ticklist.
pub fn is_person_id(id: &str) -> bool {
    id.len() == PERSON_ID_DIGITS && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The full name of the account running ticklist, from the system's account database
/// (the comment field of `/etc/passwd`, before its first comma). `None` where there is
/// none, or it is empty.
pub fn account_full_name() -> Option<String> {
    if !cfg!(unix) {
        return None;
    }
    let user = ["USER", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|u| !u.is_empty()))?;
    let passwd = std::fs::read_to_string("/etc/passwd").ok()?;
    full_name_in(&passwd, &user)
}

/// `user`'s full name in the text of a `passwd` file.
fn full_name_in(passwd: &str, user: &str) -> Option<String> {
    passwd
        .lines()
        .map(|line| line.split(':').collect::<Vec<_>>())
        .find(|fields| fields.first() == Some(&user))
        .and_then(|fields| {
            fields
                .get(4)
                .map(|gecos| gecos.split(',').next().unwrap_or(""))
        })
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_full_name_is_the_comment_before_its_first_comma() {
        let passwd = "root:x:0:0:root:/root:/bin/bash\n\
                      zoe:x:1000:1000:Zoé Martin,,,:/home/zoe:/bin/bash\n\
                      svc:x:999:999::/:/usr/sbin/nologin\n";
        assert_eq!(full_name_in(passwd, "zoe").as_deref(), Some("Zoé Martin"));
        assert_eq!(full_name_in(passwd, "svc"), None);
        assert_eq!(full_name_in(passwd, "nobody"), None);
    }

    #[test]
    fn settings_are_remembered_and_cleared() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::new(&dir.path().join("ticklist"));
        assert_eq!(settings.mentor_name(), None);
        settings.set_mentor_name("Zoé Martin").unwrap();
        assert_eq!(settings.mentor_name().as_deref(), Some("Zoé Martin"));
        let folder = PublishTo::Folder(PathBuf::from("/shared/team"));
        settings.set_publish_to(Some(&folder), None).unwrap();
        assert_eq!(settings.publish_to(), Some(folder));
        assert_eq!(settings.publish_encrypt_to(), None);
        let bucket = PublishTo::Remote {
            address: "s3://team/exports".into(),
            endpoint: Some("https://s3.fr-par.scw.cloud".into()),
            region: Some("fr-par".into()),
        };
        settings
            .set_publish_to(Some(&bucket), Some("age1xyz"))
            .unwrap();
        assert_eq!(settings.publish_to(), Some(bucket));
        assert_eq!(settings.publish_encrypt_to().as_deref(), Some("age1xyz"));
        settings.set_publish_to(None, None).unwrap();
        settings.set_publish_to(None, None).unwrap();
        assert_eq!(settings.publish_to(), None);
        assert_eq!(settings.publish_encrypt_to(), None);
    }

    #[test]
    fn a_person_id_is_made_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let settings = Settings::new(&dir.path().join("ticklist"));
        let id = settings.person_id().unwrap();
        assert!(is_person_id(&id), "{id}");
        assert_eq!(settings.person_id().as_deref(), Some(id.as_str()));
        let other = Settings::new(&dir.path().join("other"))
            .person_id()
            .unwrap();
        assert_ne!(id, other, "two mentors, two ids");
        // A hand-edited file is not an id: a new one replaces it.
        std::fs::write(dir.path().join("ticklist").join(PERSON_FILE), "zoé\n").unwrap();
        assert!(settings.person_id().is_some_and(|new| is_person_id(&new)));
    }

    #[test]
    fn no_person_id_when_it_cannot_be_kept() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a-file");
        std::fs::write(&file, "").unwrap();
        assert_eq!(Settings::new(&file.join("ticklist")).person_id(), None);
    }
}
