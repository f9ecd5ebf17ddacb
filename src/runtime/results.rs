//! The poll's results service, live (a story that names one): after a
//! save or a clear the reader's answers are sent, and the tally that comes
//! back is shown under "Your answers". A send that does not get through
//! (offline, the service down) leaves a flag in storage and is tried again
//! when the browser is back online and on the next visit; the reader is
//! told the results will appear later. Nothing is sent when storage does
//! not work: without a kept reader id a reload would count them twice.
//! The rules are `poll::results`' and `poll::state`'s (natively tested).

use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlElement};

use super::dom::{self, Store};
use super::storage::{self, Local};
use crate::json::{self, Json};
use crate::messages::Say;
use crate::poll::results::{self as plan, Tally, READER_KEY};
use crate::poll::state::State;
use crate::storage::Backend;
use crate::story::outline::PollOutline;
use crate::words::Words;

/// What a request to the service came to.
enum Reply {
    /// The service answered with this JSON.
    Said(Json),
    /// The service refused it (a 4xx): sending it again would not help.
    Refused,
    /// No answer (offline, the service down, a 5xx): try again later.
    Failed,
}

/// Sends a request: a POST of `body` as JSON, or a GET; no cookies.
fn request(url: &str, body: Option<&str>, done: Box<dyn FnOnce(Reply)>) {
    let init = web_sys::RequestInit::new();
    init.set_credentials(web_sys::RequestCredentials::Omit);
    if let Some(body) = body {
        init.set_method("POST");
        init.set_body(&JsValue::from_str(body));
        let headers = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&headers, &"content-type".into(), &"application/json".into());
        init.set_headers(&headers);
    }
    let sent = dom::window().fetch_with_str_and_init(url, &init);
    dom::settle(&sent, move |r| {
        let Ok(response) = r.map(JsCast::unchecked_into::<web_sys::Response>) else {
            return done(Reply::Failed);
        };
        let status = response.status();
        if !response.ok() {
            let refused = (400..500).contains(&status) && status != 408 && status != 429;
            return done(if refused {
                Reply::Refused
            } else {
                Reply::Failed
            });
        }
        let Ok(text) = response.text() else {
            return done(Reply::Failed);
        };
        dom::settle(&text, move |t| {
            let doc = t
                .ok()
                .and_then(|t| t.as_string())
                .and_then(|t| json::parse(&t).ok());
            done(doc.map_or(Reply::Failed, Reply::Said));
        });
    });
}

/// The reader's random id, made (by the browser's `crypto.randomUUID`) and
/// kept the first time; `None` when it cannot be kept.
fn reader_id(local: &Local) -> Option<String> {
    if let Ok(Some(id)) = local.get(READER_KEY) {
        if id.len() == 36 {
            return Some(id);
        }
    }
    let id = dom::window().crypto().ok()?.random_uuid();
    local.set(READER_KEY, &id).ok()?;
    Some(id)
}

/// The poll's link to its results service.
pub struct Service {
    poll: &'static PollOutline,
    story: &'static str,
    store: Rc<Store<State>>,
}

impl Service {
    /// The service of `poll` (none when the story names none).
    pub fn new(
        poll: &'static PollOutline,
        story: &'static str,
        store: &Rc<Store<State>>,
    ) -> Option<Rc<Service>> {
        (!poll.results.is_empty()).then(|| {
            Rc::new(Service {
                poll,
                story,
                store: store.clone(),
            })
        })
    }

    /// Sends what is saved now (nothing: a clear), marked pending until
    /// the service has it.
    pub fn send(self: &Rc<Self>) {
        if !self.store.with(|s| s.writable) {
            return;
        }
        let Ok(local) = storage::local() else {
            return;
        };
        let Some(reader) = reader_id(&local) else {
            return;
        };
        let pending = plan::pending_key(self.story);
        let _ = local.set(&pending, "1");
        let body = self
            .store
            .with(|s| plan::body(self.poll, &reader, s.saved.as_ref()));
        let me = self.clone();
        let url = plan::url(&self.poll.results, self.story, "answers");
        request(
            &url,
            Some(&body),
            Box::new(move |reply| {
                if !matches!(reply, Reply::Failed) {
                    let _ = local.remove(&pending);
                }
                me.took(reply);
            }),
        );
    }

    /// At start and back online: sends what has not reached the service
    /// yet, else fetches the results for a reader who has answered.
    pub fn resume(self: &Rc<Self>) {
        let Ok(local) = storage::local() else {
            return;
        };
        if matches!(local.get(&plan::pending_key(self.story)), Ok(Some(_))) {
            return self.send();
        }
        if self.store.with(|s| s.saved.is_none()) {
            return;
        }
        let me = self.clone();
        let url = plan::url(&self.poll.results, self.story, "results");
        request(&url, None, Box::new(move |reply| me.took(reply)));
    }

    fn took(&self, reply: Reply) {
        match reply {
            Reply::Said(doc) => match Tally::read(self.poll, &doc) {
                Some(t) => self.store.update(|s| s.results_arrived(t)),
                None => self.store.update(State::results_later),
            },
            Reply::Refused => self.store.update(State::results_refused),
            Reply::Failed => self.store.update(State::results_later),
        }
    }

    /// Shows the results under `region`, and sends again when the browser
    /// is back online.
    pub fn wire(self: &Rc<Self>, region: &Element, words: &'static Words) {
        let me = self.clone();
        dom::on(&dom::window(), "online", move |_| me.resume());
        let (Some(section), Some(line), Some(body)) = (
            dom::find(region, ".ex-poll__results"),
            dom::find(region, ".ex-poll__readers"),
            dom::find(region, ".ex-poll__results-body"),
        ) else {
            return;
        };
        // (question, choice, its bar, its share, its "your answer" mark)
        let mut bars: Vec<(usize, usize, HtmlElement, HtmlElement, HtmlElement)> = Vec::new();
        for (qi, q) in self.poll.questions.iter().enumerate() {
            let Some(list) = dom::find(region, &format!("ul[data-ex-q=\"{}\"]", q.slug)) else {
                continue;
            };
            for (ci, c) in q.choices.iter().enumerate() {
                let Some(li) = dom::find(&list, &format!("li[data-ex-choice=\"{}\"]", c.id)) else {
                    continue;
                };
                let part = |s: &str| dom::find(&li, s);
                if let (Some(bar), Some(share), Some(mine)) = (
                    part("meter"),
                    part(".ex-poll__share"),
                    part(".ex-poll__mine"),
                ) {
                    bars.push((qi, ci, bar, share, mine));
                }
            }
        }
        let poll = self.poll;
        self.store.watch(move |s: &State| {
            dom::set_hidden(&section, s.results_said.is_none());
            let said = s.results_said.as_ref().map(|m| words.say(m));
            dom::set_text(&line, &said.unwrap_or_default());
            dom::set_hidden(&body, s.results.is_none());
            let Some(t) = &s.results else {
                return;
            };
            for (qi, ci, bar, share, mine) in &bars {
                let (n, percent) = t.share(*qi, *ci);
                let q = &poll.questions[*qi];
                let chosen = s
                    .saved
                    .as_ref()
                    .and_then(|a| a.get(&q.slug))
                    .is_some_and(|a| a.choices.contains(&q.choices[*ci].id));
                dom::set_attr(bar, "value", &percent.to_string());
                let text = Say::new("poll-results-share")
                    .num("percent", percent)
                    .num("count", n);
                dom::set_text(share, &words.say(&text));
                dom::set_hidden(mine, !chosen);
            }
        });
    }
}
