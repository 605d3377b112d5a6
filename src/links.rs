//! `ticklist validate --check-links`: asks every web link of a pack whether it still
//! answers. HEAD first (GET when the server refuses HEAD), redirects followed by hand so
//! they can be reported, a few requests at a time, each with a time limit.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

use ureq::Agent;

use crate::fetch::resolve_location;

/// Redirects followed before a link counts as broken.
pub(crate) const MAX_REDIRECTS: usize = 5;

/// What became of one URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkStatus {
    Ok,
    /// Answers, but at another address: the pack should link there directly.
    Redirected {
        to: String,
    },
    /// The server answered with an error status.
    Dead {
        status: u16,
    },
    /// Redirected on and on: the server answers, but never with a page.
    Loop,
    /// No answer: DNS, connection, TLS or time limit. Not checked: offline, every link
    /// would be.
    Failed {
        error: String,
    },
}

/// Checks `urls` (web links only; others are left out), `concurrency` at a time, each
/// request limited to `timeout`. Results come back in the order of `urls`.
pub fn check_all(
    urls: &[String],
    concurrency: usize,
    timeout: Duration,
) -> Vec<(String, LinkStatus)> {
    let config = Agent::config_builder()
        .timeout_global(Some(timeout))
        .max_redirects(0)
        .http_status_as_error(false)
        .user_agent(concat!(
            "ticklist/",
            env!("CARGO_PKG_VERSION"),
            " (link check)"
        ))
        .build();
    let agent: Agent = config.into();
    let web: Vec<&String> = urls
        .iter()
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
        .collect();
    let results = Mutex::new(vec![None; web.len()]);
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        for _ in 0..concurrency.clamp(1, web.len().max(1)) {
            scope.spawn(|| {
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(url) = web.get(i) else { break };
                    let status = check_one(&agent, url);
                    if let Ok(mut results) = results.lock() {
                        results[i] = Some(status);
                    }
                }
            });
        }
    });
    let results = results
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    web.into_iter()
        .zip(results)
        .map(|(url, status)| {
            let status = status.unwrap_or(LinkStatus::Failed {
                error: "not checked".into(),
            });
            (url.clone(), status)
        })
        .collect()
}

fn check_one(agent: &Agent, url: &str) -> LinkStatus {
    let mut current = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        let mut answer = agent.head(&current).call();
        if let Ok(response) = &answer
            && matches!(response.status().as_u16(), 405 | 501)
        {
            answer = agent.get(&current).call();
        }
        let response = match answer {
            Ok(response) => response,
            Err(e) => {
                return LinkStatus::Failed {
                    error: e.to_string(),
                };
            }
        };
        let status = response.status().as_u16();
        match status {
            200..=299 if current == url => return LinkStatus::Ok,
            200..=299 => return LinkStatus::Redirected { to: current },
            300..=399 => {
                let location = response
                    .headers()
                    .get("location")
                    .and_then(|v| v.to_str().ok());
                let Some(location) = location else {
                    return LinkStatus::Dead { status };
                };
                current = resolve_location(&current, location);
            }
            _ => return LinkStatus::Dead { status },
        }
    }
    LinkStatus::Loop
}
