//! A WebDAV folder: a Nextcloud or ownCloud folder with an app password
//! (`https://anne@cloud.example.org/remote.php/dav/files/anne/ticklist/`), or a public
//! upload share (`…/public.php/dav/files/TOKEN/`, the token as user name). The password
//! comes from `TICKLIST_WEBDAV_PASSWORD`, or from the file `webdav-password` in
//! ticklist's config folder, refused when others can read it.

use base64::Engine as _;
use ureq::Agent;

use super::{Object, RemoteError, answer, body, etag, export_put, private_file};

/// The folder's listing: names, versions and sizes of what is directly inside.
const PROPFIND: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/><d:getcontentlength/><d:resourcetype/></d:prop></d:propfind>"#;

#[derive(Clone)]
pub struct Store {
    /// The folder, with a final `/` and without the user name.
    folder: url::Url,
    /// `Authorization: Basic …`, when there is a user name.
    authorization: Option<String>,
}

/// Never the `Authorization` header: it carries the password.
impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("folder", &self.folder.as_str())
            .finish_non_exhaustive()
    }
}

impl Store {
    pub fn new(address: &str) -> Result<Store, RemoteError> {
        let mut folder = super::web_address(address)?;
        if !folder.path().ends_with('/') {
            let path = format!("{}/", folder.path());
            folder.set_path(&path);
        }
        let user = match folder.username() {
            "" => public_share_token(&folder),
            user => Some(
                percent_encoding::percent_decode_str(user)
                    .decode_utf8_lossy()
                    .into_owned(),
            ),
        };
        let _ = folder.set_username("");
        let _ = folder.set_password(None);
        let public = public_share_token(&folder).is_some();
        let authorization = match user {
            Some(user) => {
                // A public share may have no password; an account always has one.
                let password = match password()? {
                    Some(password) => password,
                    None if public => String::new(),
                    None => {
                        return Err(RemoteError::NoPassword {
                            address: folder.to_string(),
                            user,
                        });
                    }
                };
                let pair = format!("{user}:{password}");
                Some(format!(
                    "Basic {}",
                    base64::engine::general_purpose::STANDARD.encode(pair)
                ))
            }
            None => None,
        };
        Ok(Store {
            folder,
            authorization,
        })
    }

    pub fn address(&self) -> String {
        self.folder.to_string()
    }

    fn url(&self, name: &str) -> Result<String, RemoteError> {
        self.folder
            .join(&utf8_percent(name))
            .map(String::from)
            .map_err(|_| RemoteError::Address {
                address: format!("{}{name}", self.folder),
            })
    }

    fn authorized<B>(&self, request: ureq::RequestBuilder<B>) -> ureq::RequestBuilder<B> {
        match &self.authorization {
            Some(value) => request.header("Authorization", value),
            None => request,
        }
    }

    pub fn put(
        &self,
        agent: &Agent,
        name: &str,
        bytes: &[u8],
        expected: Option<&str>,
    ) -> Result<Option<String>, RemoteError> {
        let url = self.url(name)?;
        let request = export_put(self.authorized(agent.put(&url)), expected);
        answer(request.send(bytes), &url).map(|r| etag(&r))
    }

    pub fn get(&self, agent: &Agent, name: &str) -> Result<Vec<u8>, RemoteError> {
        let url = self.url(name)?;
        body(answer(self.authorized(agent.get(&url)).call(), &url)?, &url)
    }

    pub fn list(&self, agent: &Agent) -> Result<Vec<Object>, RemoteError> {
        let shown = self.folder.to_string();
        let mut request = ureq::http::Request::builder()
            .method("PROPFIND")
            .uri(shown.as_str())
            .header("Depth", "1")
            .header("Content-Type", "application/xml; charset=utf-8");
        if let Some(value) = &self.authorization {
            request = request.header("Authorization", value);
        }
        let request = request
            .body(PROPFIND.as_bytes())
            .map_err(|_| RemoteError::Address {
                address: shown.clone(),
            })?;
        let listing = body(answer(agent.run(request), &shown)?, &shown)?;
        let text = String::from_utf8(listing).map_err(|_| RemoteError::Listing {
            address: shown.clone(),
        })?;
        let responses = multistatus(&text).ok_or_else(|| RemoteError::Listing {
            address: shown.clone(),
        })?;
        let folder_path = percent_encoding::percent_decode_str(self.folder.path())
            .decode_utf8_lossy()
            .into_owned();
        Ok(responses
            .into_iter()
            .filter(|r| !r.collection)
            .filter_map(|r| {
                // Absolute, rooted or relative (RFC 4918 allows each): resolved on the folder.
                let path = self.folder.join(&r.href).ok()?.path().to_string();
                let path = percent_encoding::percent_decode_str(&path)
                    .decode_utf8_lossy()
                    .into_owned();
                let name = path.strip_prefix(&folder_path)?;
                (!name.is_empty() && !name.contains('/')).then(|| Object {
                    name: name.to_string(),
                    etag: r.etag,
                    size: r.size,
                })
            })
            .collect())
    }
}

/// The token of a public share's address (`…/public.php/dav/files/TOKEN/`): its user
/// name for the server.
fn public_share_token(folder: &url::Url) -> Option<String> {
    let mut segments = folder.path_segments()?;
    segments.find(|s| *s == "public.php")?;
    let (dav, files, token) = (segments.next()?, segments.next()?, segments.next()?);
    (dav == "dav" && files == "files" && !token.is_empty()).then(|| token.to_string())
}

/// `TICKLIST_WEBDAV_PASSWORD`, else the user's own password file.
fn password() -> Result<Option<String>, RemoteError> {
    if let Ok(password) = std::env::var("TICKLIST_WEBDAV_PASSWORD") {
        return Ok(Some(password));
    }
    let Some(dirs) = crate::places::dirs() else {
        return Ok(None);
    };
    let found = private_file(dirs.config_dir().join("webdav-password"))?;
    Ok(found.map(|text| text.trim_end_matches(['\n', '\r']).to_string()))
}

/// What a path segment must encode: all but letters, digits and `-._~` (RFC 3986).
const SEGMENT: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// A name as one path segment.
fn utf8_percent(name: &str) -> String {
    percent_encoding::utf8_percent_encode(name, SEGMENT).to_string()
}

/// One `<response>` of a listing.
#[derive(Debug, Default, PartialEq, Eq)]
struct Listed {
    href: String,
    etag: String,
    size: u64,
    collection: bool,
}

/// The responses of a `207 Multi-Status` body, by the local names of DAV's elements;
/// `None` when it is not XML.
fn multistatus(text: &str) -> Option<Vec<Listed>> {
    let mut responses = Vec::new();
    let mut current: Option<Listed> = None;
    let mut open: Vec<String> = Vec::new();
    for token in xmlparser::Tokenizer::from(text) {
        match token.ok()? {
            xmlparser::Token::ElementStart { local, .. } => {
                let local = local.as_str().to_string();
                if local == "response" {
                    current = Some(Listed::default());
                }
                if local == "collection"
                    && let Some(listed) = &mut current
                {
                    listed.collection = true;
                }
                open.push(local);
            }
            xmlparser::Token::ElementEnd { end, .. } => {
                let closed = match end {
                    xmlparser::ElementEnd::Open => continue,
                    xmlparser::ElementEnd::Close(_, local) => Some(local.as_str().to_string()),
                    xmlparser::ElementEnd::Empty => None,
                };
                let name = open.pop();
                if closed.or(name).as_deref() == Some("response")
                    && let Some(listed) = current.take()
                {
                    responses.push(listed);
                }
            }
            xmlparser::Token::Text { text } | xmlparser::Token::Cdata { text, .. } => {
                let (Some(listed), Some(inside)) = (&mut current, open.last()) else {
                    continue;
                };
                let text = unescape(text.as_str());
                match inside.as_str() {
                    "href" => listed.href.push_str(text.trim()),
                    "getetag" => listed.etag.push_str(text.trim()),
                    "getcontentlength" => listed.size = text.trim().parse().unwrap_or(0),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    Some(responses)
}

/// The five entities XML predefines (a listing has no others).
fn unescape(text: &str) -> String {
    text.replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_listing_gives_the_files_with_their_versions() {
        let text = r#"<?xml version="1.0"?>
<d:multistatus xmlns:d="DAV:">
 <d:response><d:href>/dav/team/</d:href><d:propstat><d:prop><d:resourcetype><d:collection/></d:resourcetype></d:prop></d:propstat></d:response>
 <d:response><d:href>/dav/team/a%20b.json</d:href><d:propstat><d:prop><d:getetag>&quot;e1&quot;</d:getetag><d:getcontentlength>12</d:getcontentlength><d:resourcetype/></d:prop></d:propstat></d:response>
</d:multistatus>"#;
        let listed = multistatus(text).unwrap();
        assert_eq!(listed.len(), 2);
        assert!(listed[0].collection);
        assert_eq!(
            listed[1],
            Listed {
                href: "/dav/team/a%20b.json".into(),
                etag: "\"e1\"".into(),
                size: 12,
                collection: false
            }
        );
        assert_eq!(multistatus("<d:multistatus <"), None);
    }

    #[test]
    fn a_public_share_is_opened_with_its_token() {
        let share =
            url::Url::parse("https://cloud.example.org/public.php/dav/files/AbC123/").unwrap();
        assert_eq!(public_share_token(&share).as_deref(), Some("AbC123"));
        let own = url::Url::parse("https://cloud.example.org/remote.php/dav/files/anne/").unwrap();
        assert_eq!(public_share_token(&own), None);
    }
}
