//! The reader poll: native radio buttons, checkboxes and text boxes in
//! fieldsets, answers kept in this browser only.
//!
//! [`Poll`] renders the whole poll as it is before the reader does anything
//! (the form, an empty "Your answers" summary, the confirmation, every
//! error line empty); [`wire`] brings that markup to life in the browser.
//! It is a thin layer over [`crate::poll`]: validation, the storage format
//! and the load and save rules live there and are tested natively. Storage
//! is read when the poll is wired, and other tabs are followed through the
//! `storage` event. When storage fails the poll still works, in memory, and
//! says so.

use leptos::either::Either;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlTextAreaElement};

use crate::live::{self, Store};
use crate::poll::keep;
use crate::poll::state::State;
use crate::poll::{counter, over, Field, Problem};
use crate::storage;
use crate::story::{Poll as PollData, Question, QuestionKind};

/// Ids of a question's controls.
fn control_id(q: &Question, part: &str) -> String {
    format!("poll-{}--{part}", q.slug)
}

fn choice_id(q: &Question, choice: &str) -> String {
    control_id(q, &format!("c-{choice}"))
}

/// The control a problem is about, to focus it.
fn problem_target(poll: &PollData, p: &Problem) -> Option<String> {
    let q = match p.field {
        Field::Form => poll.questions.first()?,
        _ => poll.questions.iter().find(|q| q.slug == p.question)?,
    };
    Some(match (p.field, q.kind) {
        (Field::Other, _) => control_id(q, "other"),
        (_, QuestionKind::Text) => control_id(q, "text"),
        _ => choice_id(q, q.choices.first()?.id),
    })
}

/// Reads the story's saved answers (a browser helper for effects and handlers).
fn load(story_slug: &str) -> keep::Loaded {
    let store = storage::local();
    let stamp = js_sys::Date::now().max(0.0) as u64;
    keep::load(store.as_ref().map_err(|p| *p), story_slug, stamp, true)
}

const SUMMARY_HEADING: &str = "poll-saved-heading";

/// The reader poll: a labelled region with one fieldset per question, a
/// "Your answers" summary once saved (with Change and Clear, the latter
/// confirmed in the page), storage notices and a privacy note.
///
/// Answers are saved at once to `localStorage` under
/// `explainer:poll:<story_slug>` and followed across tabs (see [`wire`]); if
/// storage is blocked, full or holds something unreadable the poll keeps
/// working in memory and tells the reader.
#[component]
pub fn Poll(
    /// The story's poll: heading, intro and questions.
    poll: &'static PollData,
) -> impl IntoView {
    let questions = poll.questions.iter().map(question).collect_view();
    let summary = poll.questions.iter().map(summary_item).collect_view();

    view! {
        <section id="poll" class="ex-poll" aria-labelledby="ex-poll-heading">
            <h2 id="ex-poll-heading" class="ex-section-heading" tabindex="-1">
                {poll.heading}
            </h2>
            <p class="ex-poll__intro">{poll.intro}</p>
            <noscript>
                <p class="ex-poll__noscript">
                    "The poll needs JavaScript. Turn it on to answer; your answers would stay in this browser."
                </p>
            </noscript>
            <div role="status" class="ex-poll__live">
                <p class="ex-poll__notice"></p>
            </div>
            <p role="status" class="ex-poll__status"></p>
            <form class="ex-poll__form ex-needs-js" novalidate>
                <div role="alert" class="ex-poll__live">
                    <p class="ex-poll__alert"></p>
                </div>
                {questions}
                <div class="ex-poll__actions">
                    <button type="submit" class="ex-button ex-poll__submit">
                        "Save my answers"
                    </button>
                    <button type="button" class="ex-button" data-ex-action="cancel" hidden>
                        "Cancel changes"
                    </button>
                </div>
            </form>
            <div class="ex-poll__saved" hidden>
                <h3 id=SUMMARY_HEADING class="ex-poll__saved-heading" tabindex="-1">
                    "Your answers"
                </h3>
                <dl class="ex-poll__summary">{summary}</dl>
                <div class="ex-poll__actions ex-poll__saved-actions">
                    <button type="button" class="ex-button" data-ex-action="change">
                        "Change my answers"
                    </button>
                    <button type="button" class="ex-button" id="poll-clear" data-ex-action="ask-clear">
                        "Clear my answers"
                    </button>
                </div>
                <div
                    class="ex-poll__confirm"
                    role="group"
                    aria-labelledby="poll-confirm-text"
                    hidden
                >
                    <p id="poll-confirm-text" class="ex-poll__confirm-text">
                        "Clear your answers from this browser? This cannot be undone."
                    </p>
                    <div class="ex-poll__actions">
                        <button
                            type="button"
                            class="ex-button ex-poll__danger"
                            id="poll-confirm-yes"
                            data-ex-action="clear"
                        >
                            "Yes, clear them"
                        </button>
                        <button type="button" class="ex-button" data-ex-action="keep">
                            "No, keep them"
                        </button>
                    </div>
                </div>
            </div>
            <p class="ex-poll__privacy">
                "Privacy: your answers stay in this browser. Nothing is sent to us or anyone else, and no cookies are set."
            </p>
        </section>
    }
}

/// One question: a fieldset with its legend, its controls and their errors.
/// Error paragraphs are always there (empty, and not displayed, when all is
/// well), so each control's `aria-describedby` can stay fixed.
fn question(q: &'static Question) -> impl IntoView {
    let legend_id = control_id(q, "legend");
    let choices_error_id = control_id(q, "choices-error");
    let kind = if q.kind == QuestionKind::Single {
        "radio"
    } else {
        "checkbox"
    };

    let choices = q
        .choices
        .iter()
        .map(|c| {
            let id = choice_id(q, c.id);
            let other_box = c.other.then(|| other_input(q, c.label));
            view! {
                <div class="ex-poll__choice">
                    <input
                        type=kind
                        class="ex-poll__check"
                        id=id.clone()
                        name=control_id(q, "choice")
                        value=c.id
                        aria-invalid="false"
                        aria-describedby=choices_error_id.clone()
                    />
                    <label class="ex-poll__label" for=id>
                        {c.label}
                    </label>
                </div>
                {other_box}
            }
        })
        .collect_view();

    let text_box = (q.kind == QuestionKind::Text).then(|| {
        let id = control_id(q, "text");
        let count_id = control_id(q, "text-count");
        let error_id = control_id(q, "text-error");
        view! {
            <textarea
                id=id
                class="ex-poll__textarea"
                rows="5"
                aria-labelledby=legend_id.clone()
                aria-describedby=format!("{count_id} {error_id}")
                aria-invalid="false"
            ></textarea>
            {count(count_id, q.max_length)}
            <p id=error_id class="ex-poll__error"></p>
        }
    });

    view! {
        <fieldset class="ex-poll__question" data-ex-q=q.slug aria-describedby=choices_error_id.clone()>
            <legend id=legend_id class="ex-poll__legend">
                {q.prompt}
            </legend>
            {(q.kind == QuestionKind::Multiple)
                .then(|| view! { <p class="ex-poll__hint">"Choose any that apply."</p> })}
            <p id=choices_error_id.clone() class="ex-poll__error"></p>
            {choices}
            {text_box}
        </fieldset>
    }
}

/// The "Other" choice's own text box; typing in it chooses "Other".
fn other_input(q: &'static Question, label: &'static str) -> impl IntoView {
    let id = control_id(q, "other");
    let count_id = control_id(q, "other-count");
    let error_id = control_id(q, "other-error");
    view! {
        <div class="ex-poll__other">
            <label class="ex-poll__other-label" for=id.clone()>
                {format!("Your \u{201c}{label}\u{201d} answer")}
            </label>
            <input
                type="text"
                id=id
                class="ex-poll__input"
                autocomplete="off"
                aria-describedby=format!("{count_id} {error_id}")
                aria-invalid="false"
            />
            {count(count_id, q.max_length)}
            <p id=error_id class="ex-poll__error"></p>
        </div>
    }
}

/// The "n / max characters" counter under a text box, and the quiet line
/// that speaks only when the text goes over (or back under) the limit.
fn count(id: String, max: u32) -> impl IntoView {
    view! {
        <p id=id class="ex-poll__count">
            {counter("", max)}
        </p>
        <p class="ex-visually-hidden" role="status"></p>
    }
}

/// A question in the "Your answers" list: every choice is there, hidden
/// until chosen. Free text goes in as text, never as HTML.
fn summary_item(q: &'static Question) -> impl IntoView {
    let body = if q.kind == QuestionKind::Text {
        Either::Left(view! { <p class="ex-poll__text"></p> })
    } else {
        let items = q
            .choices
            .iter()
            .map(|c| {
                let other = c
                    .other
                    .then(|| view! { ": " <span class="ex-poll__other-text"></span> });
                view! { <li data-ex-choice=c.id hidden>{c.label} {other}</li> }
            })
            .collect_view();
        Either::Right(view! { <ul class="ex-poll__chosen">{items}</ul> })
    };
    view! {
        <dt class="ex-poll__prompt">{q.prompt}</dt>
        <dd class="ex-poll__answer" data-ex-q=q.slug>
            <p class="ex-poll__none">"No answer"</p>
            {body}
        </dd>
    }
}

/// The question (with its index) an event's control belongs to.
fn question_of(poll: &'static PollData, e: &web_sys::Event) -> Option<(usize, &'static Question)> {
    let slug = live::target_in(e, "fieldset[data-ex-q]")?.get_attribute("data-ex-q")?;
    poll.questions
        .iter()
        .enumerate()
        .find(|(_, q)| q.slug == slug)
}

/// Brings a poll rendered by [`Poll`] under `root` to life: reads the
/// answers kept for `story_slug` (or says why it cannot), follows the
/// reader's choices and typing, validates and saves, shows "Your answers"
/// with Change and Clear (confirmed in the page), and follows other tabs
/// through the `storage` event. The state and its rules are
/// [`State`]'s; this shows it and writes to storage. Browser only; does
/// nothing when the markup is missing.
pub fn wire(root: &Element, poll: &'static PollData, story_slug: &'static str) {
    let Some(region) = live::find(root, "section.ex-poll") else {
        return;
    };
    let el = |selector: &str| live::find(&region, selector);
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

    let store = Store::new(State::new(poll));
    {
        let form = form.clone();
        store.watch(move |s: &State| {
            let summary = s.summary_shown();
            live::set_hidden(&form, summary);
            live::set_hidden(&saved_box, !summary);
            if let Some(b) = &cancel {
                live::set_hidden(b, s.saved.is_none());
            }
            if let Some(a) = &saved_actions {
                live::set_hidden(a, s.confirming);
            }
            if let Some(c) = &confirm {
                live::set_hidden(c, !s.confirming);
            }
            live::set_text(&notice_line, &s.notice);
            live::set_text(&status_line, &s.status);
            live::set_text(&alert_line, &s.alert);
        });
    }
    for (i, q) in poll.questions.iter().enumerate() {
        store.watch(question_view(&region, q, i));
    }

    // Choices and typing.
    {
        let store = store.clone();
        live::on(&region, "change", move |e| {
            let Some(input) = live::target_in(&e, "input.ex-poll__check") else {
                return;
            };
            let Some((i, q)) = question_of(poll, &e) else {
                return;
            };
            let input: HtmlInputElement = input.unchecked_into();
            let value = input.value();
            if let Some(c) = q.choices.iter().find(|c| c.id == value) {
                store.update(|s| s.choose(i, c.id, input.checked()));
            }
        });
    }
    {
        let store = store.clone();
        live::on(&region, "input", move |e| {
            let Some((i, _)) = question_of(poll, &e) else {
                return;
            };
            if let Some(other) = live::target_in(&e, "input.ex-poll__input") {
                let value = other.unchecked_into::<HtmlInputElement>().value();
                store.update(|s| s.type_other(i, value));
            } else if let Some(text) = live::target_in(&e, "textarea.ex-poll__textarea") {
                let value = text.unchecked_into::<HtmlTextAreaElement>().value();
                store.update(|s| s.type_text(i, value));
            }
        });
    }

    {
        let store = store.clone();
        live::on(&form, "submit", move |e| {
            e.prevent_default();
            let next = match store.update(State::check) {
                Some(next) => next,
                None => {
                    let target =
                        store.with(|s| s.problems.first().and_then(|p| problem_target(poll, p)));
                    if let Some(id) = target {
                        live::focus_later(id);
                    }
                    return;
                }
            };
            // Written to storage only when storage works; else kept in memory.
            let written = store.with(|s| s.writable).then(|| {
                let kept = storage::local();
                keep::save(kept.as_ref().map_err(|p| *p), story_slug, &next)
            });
            store.update(|s| s.kept(next, written));
            live::focus_later(SUMMARY_HEADING.to_owned());
        });
    }

    // The buttons other than "Save my answers".
    {
        let store = store.clone();
        live::on(&region, "click", move |e| {
            let Some(button) = live::target_in(&e, "button[data-ex-action]") else {
                return;
            };
            let focus = match button.get_attribute("data-ex-action").as_deref() {
                Some("change") => {
                    store.update(State::change);
                    poll.questions.first().map(|q| match q.choices.first() {
                        Some(c) => choice_id(q, c.id),
                        None => control_id(q, "text"),
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
                            Some("ex-poll-heading".to_owned())
                        }
                        Err(n) => {
                            store.update(|s| {
                                s.confirming = false;
                                s.notify(Some(n));
                                "Your answers could not be removed from this browser."
                                    .clone_into(&mut s.status);
                            });
                            None
                        }
                    }
                }
                _ => None,
            };
            if let Some(id) = focus {
                live::focus_later(id);
            }
        });
    }

    // What is kept now, then what other tabs change.
    store.update(|s| s.start(load(story_slug)));
    let key = keep::key(story_slug);
    live::on(&window(), "storage", move |e| {
        let e: web_sys::StorageEvent = e.unchecked_into();
        // `key` is null when another tab cleared all of storage.
        if e.key().is_none_or(|k| k == key) {
            store.update(|s| s.synced(load(story_slug)));
        }
    });
}

/// What shows one question's state: its controls, error lines, counters
/// and summary entry.
fn question_view(region: &Element, q: &'static Question, i: usize) -> impl Fn(&State) + 'static {
    let by_id = |part: &str| live::find(region, &format!("[id=\"{}\"]", control_id(q, part)));
    let checks: Vec<HtmlInputElement> = q
        .choices
        .iter()
        .filter_map(|c| live::find(region, &format!("[id=\"{}\"]", choice_id(q, c.id))))
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
    let entry = live::find(region, &format!("dd[data-ex-q=\"{}\"]", q.slug));
    let in_entry = |selector: &str| entry.as_ref().and_then(|d| live::find(d, selector));
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
            let on = d.chosen.contains(&c.id);
            if input.checked() != on {
                input.set_checked(on);
            }
            if let Some(li) = li {
                live::set_hidden(li, !on);
            }
        }
        // Problems: the error lines and `aria-invalid`.
        for (field, line) in &errors {
            let message = s
                .problems
                .iter()
                .find(|p| p.question == q.slug && p.field == *field)
                .map_or("", |p| p.message.as_str());
            let invalid = if message.is_empty() { "false" } else { "true" };
            if let Some(line) = line {
                live::set_text(line, message);
            }
            match field {
                Field::Choices => checks
                    .iter()
                    .for_each(|c| live::set_attr(c, "aria-invalid", invalid)),
                Field::Other => other
                    .iter()
                    .for_each(|o| live::set_attr(o, "aria-invalid", invalid)),
                _ => text
                    .iter()
                    .for_each(|t| live::set_attr(t, "aria-invalid", invalid)),
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
        show_count(other_count.as_ref(), &d.other, q.max_length);
        show_count(text_count.as_ref(), &d.text, q.max_length);
        if let Some(line) = &other_line {
            live::set_text(line, &d.other);
        }
        if let Some(line) = &text_line {
            live::set_text(line, &d.text);
        }
        if let Some(none) = &none_line {
            live::set_hidden(none, d.is_answered());
        }
    }
}

/// A counter's text, its "over" style and the quiet line after it that
/// speaks only when the text goes over (or back under) the limit.
fn show_count(count: Option<&HtmlElement>, value: &str, max: u32) {
    let Some(count) = count else {
        return;
    };
    let is_over = over(value, max);
    live::set_text(count, &counter(value, max));
    live::set_class(count, "ex-poll__count--over", is_over);
    if let Some(line) = count.next_element_sibling() {
        live::set_text(
            &line,
            if is_over {
                "Your answer is over the character limit."
            } else {
                ""
            },
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn problems_point_at_their_control() {
        let poll = crate::story::STORY.poll;
        let text_q = poll
            .questions
            .iter()
            .find(|q| q.kind == QuestionKind::Text)
            .unwrap();
        let p = Problem {
            question: text_q.slug,
            field: Field::Text,
            message: String::new(),
        };
        assert_eq!(
            problem_target(poll, &p),
            Some(format!("poll-{}--text", text_q.slug))
        );
        let first = &poll.questions[0];
        let p = Problem {
            question: "",
            field: Field::Form,
            message: String::new(),
        };
        assert_eq!(
            problem_target(poll, &p),
            Some(format!("poll-{}--c-{}", first.slug, first.choices[0].id))
        );
    }
}
