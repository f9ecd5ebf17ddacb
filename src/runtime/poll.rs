//! The reader poll, live: the reader's choices and typing, validation and
//! saving, "Your answers" with Change and Clear (confirmed in the page),
//! and other tabs followed through the `storage` event, over the markup
//! `components::poll` rendered. The state and its rules are [`State`]'s
//! (natively tested); this shows it and writes to storage. When storage
//! fails the poll still works, in memory, and says so.

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use super::dom::{self, Store};
use super::results::Service;
use super::storage;
use crate::messages::Say;
use crate::poll::keep;
use crate::poll::state::State;
use crate::poll::{choice_id, control_id, counter, over, Field, SUMMARY_HEADING};
use crate::story::outline::{PollOutline, QuestionOutline};
use crate::words::Words;

/// Reads the story's saved answers (a browser helper for effects and handlers).
fn load(story_slug: &str) -> keep::Loaded {
    let store = storage::local();
    let stamp = js_sys::Date::now().max(0.0) as u64;
    keep::load(store.as_ref().map_err(|p| *p), story_slug, stamp, true)
        .in_frame(dom::parent_frame().is_some())
}

/// The question (with its index) an event's control belongs to.
fn question_of(
    poll: &'static PollOutline,
    e: &web_sys::Event,
) -> Option<(usize, &'static QuestionOutline)> {
    let slug = dom::target_in(e, "fieldset[data-ex-q]")?.get_attribute("data-ex-q")?;
    poll.questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.slug == slug)
}

/// Brings the poll rendered under `root` to life for `poll`, with the
/// answers kept for `story_slug` (or a notice saying why they cannot be).
/// Does nothing when the markup is missing.
pub fn wire(
    root: &Element,
    poll: &'static PollOutline,
    story_slug: &'static str,
    words: &'static Words,
) {
    let Some(region) = dom::find(root, "section.ex-poll") else {
        return;
    };
    let el = |selector: &str| dom::find(&region, selector);
    let (Some(form), Some(saved_box), Some(notice_line), Some(status_line), Some(alert_line)) = (
        el("form"),
        el(".ex-poll__saved"),
        el(".ex-poll__notice"),
        el(".ex-poll__status"),
        el(".ex-poll__alert"),
    ) else {
        return;
    };
    let cancel = el("[data-ex-action=cancel]");
    let saved_actions = el(".ex-poll__saved-actions");
    let confirm = el(".ex-poll__confirm");
    let own_page = el(".ex-poll__own-page");

    let store = Store::new(State::new(poll));
    let service = Service::new(poll, story_slug, &store);
    {
        let form = form.clone();
        store.watch(move |s: &State| {
            let summary = s.summary_shown();
            dom::set_hidden(&form, summary);
            dom::set_hidden(&saved_box, !summary);
            if let Some(b) = &cancel {
                dom::set_hidden(b, s.saved.is_none());
            }
            if let Some(a) = &saved_actions {
                dom::set_hidden(a, s.confirming);
            }
            if let Some(c) = &confirm {
                dom::set_hidden(c, !s.confirming);
            }
            if let Some(o) = &own_page {
                dom::set_hidden(o, !s.own_page);
            }
            let say = |said: &Option<Say>| said.as_ref().map(|m| words.say(m)).unwrap_or_default();
            dom::set_text(&notice_line, &say(&s.notice));
            dom::set_text(&status_line, &say(&s.status));
            dom::set_text(&alert_line, &say(&s.alert));
        });
    }
    for (i, q) in poll.questions.iter().enumerate() {
        store.watch(question_view(&region, q, i, words));
    }

    // Choices and typing.
    {
        let store = store.clone();
        dom::on(&region, "change", move |e| {
            let Some(input) = dom::target_in(&e, "input.ex-poll__check") else {
                return;
            };
            let Some((i, q)) = question_of(poll, &e) else {
                return;
            };
            let input: HtmlInputElement = input.unchecked_into();
            let value = input.value();
            if let Some(c) = q.choices.iter().find(|c| c.id == value) {
                store.update(|s| s.choose(i, &c.id, input.checked()));
            }
        });
    }
    {
        let store = store.clone();
        dom::on(&region, "input", move |e| {
            let Some((i, _)) = question_of(poll, &e) else {
                return;
            };
            if let Some(other) = dom::target_in(&e, "input.ex-poll__input") {
                let value = other.unchecked_into::<HtmlInputElement>().value();
                store.update(|s| s.type_other(i, value));
            } else if let Some(text) = dom::target_in(&e, "textarea.ex-poll__textarea") {
                let value = text.unchecked_into::<HtmlTextAreaElement>().value();
                store.update(|s| s.type_text(i, value));
            }
        });
    }

    {
        let store = store.clone();
        let service = service.clone();
        // Saving is the submit button's click, which a press of Enter in a
        // field also fires, never the form's submission: a sandboxed frame
        // without `allow-forms` (WordPress's embeds) blocks that, and its
        // `submit` event with it.
        dom::on(&form, "click", move |e| {
            if dom::target_in(&e, "button[type=submit]").is_none() {
                return;
            }
            e.prevent_default();
            let next = match store.update(State::check) {
                Some(next) => next,
                None => {
                    let target = store.with(|s| {
                        s.problems
                            .first()
                            .and_then(|p| crate::poll::problem_control(poll, p))
                    });
                    if let Some(id) = target {
                        dom::focus_later(id);
                    }
                    return;
                }
            };
            // Written to storage only when storage works; else kept in memory.
            let written = store.with(|s| s.writable).then(|| {
                let kept = storage::local();
                keep::save(kept.as_ref().map_err(|p| *p), story_slug, &next)
            });
            let stored = matches!(written, Some(Ok(())));
            store.update(|s| s.kept(next, written));
            if let Some(service) = service.as_ref().filter(|_| stored) {
                service.send();
            }
            dom::focus_later(SUMMARY_HEADING.to_owned());
        });
    }

    // The buttons other than "Save my answers".
    {
        let store = store.clone();
        let service = service.clone();
        dom::on(&region, "click", move |e| {
            let Some(button) = dom::target_in(&e, "button[data-ex-action]") else {
                return;
            };
            let focus = match button.get_attribute("data-ex-action").as_deref() {
                Some("change") => {
                    store.update(State::change);
                    poll.questions.first().map(|q| match q.choices.first() {
                        Some(c) => choice_id(&q.slug, &c.id),
                        None => control_id(&q.slug, "text"),
                    })
                }
                Some("cancel") => {
                    store.update(State::cancel);
                    Some(SUMMARY_HEADING.to_owned())
                }
                Some("ask-clear") => {
                    store.update(|s| s.confirming = true);
                    Some("poll-confirm-yes".to_owned())
                }
                Some("keep") => {
                    store.update(|s| s.confirming = false);
                    Some("poll-clear".to_owned())
                }
                Some("clear") => {
                    let kept = if store.with(|s| s.writable) {
                        let kept = storage::local();
                        keep::clear(kept.as_ref().map_err(|p| *p), story_slug)
                    } else {
                        Ok(())
                    };
                    match kept {
                        Ok(()) => {
                            store.update(State::cleared);
                            if let Some(service) = &service {
                                service.send();
                            }
                            Some("ex-poll-heading".to_owned())
                        }
                        Err(n) => {
                            store.update(|s| {
                                s.confirming = false;
                                s.notify(Some(n));
                                s.status = Some(Say::new("poll-clear-failed"));
                            });
                            None
                        }
                    }
                }
                _ => None,
            };
            if let Some(id) = focus {
                dom::focus_later(id);
            }
        });
    }

    // What is kept now, then what other tabs change.
    store.update(|s| s.start(load(story_slug)));
    if let Some(service) = &service {
        service.wire(&region, words);
        service.resume();
    }
    let key = keep::key(story_slug);
    dom::on(&dom::window(), "storage", move |e| {
        let e: web_sys::StorageEvent = e.unchecked_into();
        // `key` is null when another tab cleared all of storage.
        if e.key().is_none_or(|k| k == key) {
            store.update(|s| s.synced(load(story_slug)));
        }
    });
}

/// What shows one question's state: its controls, error lines, counters
/// and summary entry.
fn question_view(
    region: &Element,
    q: &'static QuestionOutline,
    i: usize,
    words: &'static Words,
) -> impl Fn(&State) + 'static {
    let by_id = |part: &str| dom::find(region, &format!("[id=\"{}\"]", control_id(&q.slug, part)));
    let checks: Vec<HtmlInputElement> = q
        .choices
        .iter()
        .filter_map(|c| dom::find(region, &format!("[id=\"{}\"]", choice_id(&q.slug, &c.id))))
        .map(JsCast::unchecked_into)
        .collect();
    let other: Option<HtmlInputElement> = by_id("other").map(JsCast::unchecked_into);
    let text: Option<HtmlTextAreaElement> = by_id("text").map(JsCast::unchecked_into);
    let errors = [
        (Field::Choices, by_id("choices-error")),
        (Field::Other, by_id("other-error")),
        (Field::Text, by_id("text-error")),
    ];
    let other_count = by_id("other-count");
    let text_count = by_id("text-count");
    let entry = dom::find(region, &format!("dd[data-ex-q=\"{}\"]", q.slug));
    let in_entry = |selector: &str| entry.as_ref().and_then(|d| dom::find(d, selector));
    let none_line = in_entry(".ex-poll__none");
    let text_line = in_entry(".ex-poll__text");
    let other_line = in_entry(".ex-poll__other-text");
    let chosen_items: Vec<_> = q
        .choices
        .iter()
        .map(|c| in_entry(&format!("li[data-ex-choice=\"{}\"]", c.id)))
        .collect();

    move |s: &State| {
        let Some(d) = s.drafts.get(i) else {
            return;
        };
        // Choices, in the form and in the summary.
        for ((c, input), li) in q.choices.iter().zip(&checks).zip(&chosen_items) {
            let on = d.chosen.contains(&c.id.as_str());
            if input.checked() != on {
                input.set_checked(on);
            }
            if let Some(li) = li {
                dom::set_hidden(li, !on);
            }
        }
        // Problems: the error lines and `aria-invalid`.
        for (field, line) in &errors {
            let message = s
                .problems
                .iter()
                .find(|p| p.question == q.slug && p.field == *field)
                .map(|p| words.say(&p.say))
                .unwrap_or_default();
            let invalid = if message.is_empty() { "false" } else { "true" };
            if let Some(line) = line {
                dom::set_text(line, &message);
            }
            match field {
                Field::Choices => checks
                    .iter()
                    .for_each(|c| dom::set_attr(c, "aria-invalid", invalid)),
                Field::Other => other
                    .iter()
                    .for_each(|o| dom::set_attr(o, "aria-invalid", invalid)),
                _ => text
                    .iter()
                    .for_each(|t| dom::set_attr(t, "aria-invalid", invalid)),
            }
        }
        // The texts, their counters and their summary lines.
        if let Some(o) = &other {
            if o.value() != d.other {
                o.set_value(&d.other);
            }
        }
        if let Some(t) = &text {
            if t.value() != d.text {
                t.set_value(&d.text);
            }
        }
        show_count(other_count.as_ref(), &d.other, q.max_length, words);
        show_count(text_count.as_ref(), &d.text, q.max_length, words);
        if let Some(line) = &other_line {
            dom::set_text(line, &d.other);
        }
        if let Some(line) = &text_line {
            dom::set_text(line, &d.text);
        }
        if let Some(none) = &none_line {
            dom::set_hidden(none, d.is_answered());
        }
    }
}

/// A counter's text, its "over" style and the quiet line after it that
/// speaks only when the text goes over (or back under) the limit.
fn show_count(count: Option<&HtmlElement>, value: &str, max: u32, words: &Words) {
    let Some(count) = count else {
        return;
    };
    let is_over = over(value, max);
    dom::set_text(count, &words.say(&counter(value, max)));
    dom::set_class(count, "ex-poll__count--over", is_over);
    if let Some(line) = count.next_element_sibling() {
        let said = if is_over {
            words.text("poll-over-limit")
        } else {
            String::new()
        };
        dom::set_text(&line, &said);
    }
}
