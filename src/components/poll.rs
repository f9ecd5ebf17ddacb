//! The reader poll: native radio buttons, checkboxes and text boxes in
//! fieldsets, answers kept in this browser only.
//!
//! A thin view over [`crate::poll`]: validation, the storage format and the
//! load and save rules live there and are tested natively. Storage is read
//! after mount (in an effect), and other tabs are followed through the
//! `storage` event. When storage fails the poll still works, in memory, and
//! says so.
//!
//! Size matters (the whole first load has a budget), so the markup is
//! static and only text, `hidden`, `checked`, `value` and `aria-invalid`
//! change: each through one shared signal type, and every button through one
//! handler type, which keeps Leptos from generating code per binding.

use std::time::Duration;

use leptos::either::Either;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::poll::keep::{self, Notice};
use crate::poll::{counter, over, validate, Answer, Answers, Field, Problem};
use crate::storage;
use crate::story::{Poll as PollData, Question, QuestionKind};

/// What one question shows: the reader's draft, which is also what the
/// "Your answers" summary reads once saved.
#[derive(Clone, Copy)]
struct Draft {
    chosen: RwSignal<Vec<&'static str>>,
    other: RwSignal<String>,
    text: RwSignal<String>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            chosen: RwSignal::new(Vec::new()),
            other: RwSignal::new(String::new()),
            text: RwSignal::new(String::new()),
        }
    }

    /// Shows a saved answer (or none); ids the story no longer has are left out.
    fn fill(self, q: &'static Question, a: Option<&Answer>) {
        let chosen = q
            .choices
            .iter()
            .filter(|c| a.is_some_and(|a| a.choices.iter().any(|id| id == c.id)))
            .map(|c| c.id)
            .collect();
        self.chosen.set(chosen);
        self.other
            .set(a.map(|a| a.other.clone()).unwrap_or_default());
        self.text.set(a.map(|a| a.text.clone()).unwrap_or_default());
    }

    fn answer(self) -> Answer {
        Answer {
            choices: self
                .chosen
                .get_untracked()
                .iter()
                .map(|c| (*c).to_owned())
                .collect(),
            other: self.other.get_untracked(),
            text: self.text.get_untracked(),
            extra: Vec::new(),
        }
    }

    fn has(self, id: &'static str) -> Signal<bool> {
        Signal::derive(move || self.chosen.with(|v| v.contains(&id)))
    }

    fn lacks(self, id: &'static str) -> Signal<bool> {
        Signal::derive(move || !self.chosen.with(|v| v.contains(&id)))
    }

    /// Ticks (or unticks) a choice; a single-choice question keeps one.
    fn choose(self, q: &Question, id: &'static str, on: bool) {
        self.chosen.update(|v| {
            if q.kind == QuestionKind::Single {
                v.clear();
            }
            v.retain(|x| *x != id);
            if on {
                v.push(id);
            }
        });
    }
}

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

/// What the alert says after a refused save.
fn refused_message(problems: &[Problem]) -> String {
    match problems {
        [only] => format!("Your answers were not saved. {}", only.message),
        more => format!(
            "Your answers were not saved: please fix the {} problems marked below.",
            more.len()
        ),
    }
}

/// Moves focus to the element `id` once the DOM has caught up.
fn focus_later(id: &'static str) {
    focus_id_later(id.to_owned());
}

fn focus_id_later(id: String) {
    set_timeout(
        move || {
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        },
        Duration::ZERO,
    );
}

/// Reads the story's saved answers (a browser helper for effects and handlers).
fn load(story_slug: &str) -> keep::Loaded {
    let store = storage::local();
    let stamp = js_sys::Date::now().max(0.0) as u64;
    keep::load(store.as_ref().map_err(|p| *p), story_slug, stamp, true)
}

/// One handler type for every button, so each shares one listener.
type Click = Box<dyn FnMut(ev::MouseEvent)>;

fn click(f: impl Fn() + 'static) -> Click {
    Box::new(move |_| f())
}

fn not(s: RwSignal<bool>) -> Signal<bool> {
    Signal::derive(move || !s.get())
}

const SUMMARY_HEADING: &str = "poll-saved-heading";

/// The reader poll: a labelled region with one fieldset per question, a
/// "Your answers" summary once saved (with Change and Clear, the latter
/// confirmed in the page), storage notices and a privacy note.
///
/// Answers are saved at once to `localStorage` under
/// `explainer:poll:<story_slug>` and followed across tabs; if storage is
/// blocked, full or holds something unreadable the poll keeps working in
/// memory and tells the reader.
#[component]
pub fn Poll(
    /// The story's poll: heading, intro and questions.
    poll: &'static PollData,
    /// The story's slug; it names the storage key.
    story_slug: &'static str,
) -> impl IntoView {
    let drafts = StoredValue::new(
        poll.questions
            .iter()
            .map(|_| Draft::new())
            .collect::<Vec<_>>(),
    );
    // The answers kept (in storage, or in memory when storage fails), with
    // any fields and questions this version does not know.
    let saved = RwSignal::new(None::<Answers>);
    // True while the form shows; false shows the summary (when there is one).
    let editing = RwSignal::new(true);
    let dirty = RwSignal::new(false);
    let writable = RwSignal::new(false);
    let notice = RwSignal::new(String::new());
    let status = RwSignal::new(String::new());
    let alert = RwSignal::new(String::new());
    let problems = RwSignal::new(Vec::<Problem>::new());
    let confirming = RwSignal::new(false);

    let fill = move |answers: Option<&Answers>| {
        drafts.with_value(|d| {
            for (q, draft) in poll.questions.iter().zip(d) {
                draft.fill(q, answers.and_then(|a| a.get(q.slug)));
            }
        });
        dirty.set(false);
        problems.set(Vec::new());
        alert.set(String::new());
    };
    let set_notice =
        move |n: Option<Notice>| notice.set(n.map(Notice::message).unwrap_or_default().to_owned());
    let summary_shown = Signal::derive(move || !editing.get() && saved.with(Option::is_some));
    let form_shown = Signal::derive(move || !summary_shown.get());
    let nothing_saved = Signal::derive(move || saved.with(Option::is_none));
    let confirm_shown: Signal<bool> = confirming.into();

    // After mount: read what is saved, then follow other tabs.
    Effect::new(move |_| {
        let first = load(story_slug);
        writable.set(first.writable);
        set_notice(first.notice);
        if let Some(a) = first.answers {
            fill(Some(&a));
            editing.set(a.is_blank_for(poll));
            saved.set(Some(a));
        }
        let key = keep::key(story_slug);
        let handle = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
            // `key` is null when another tab cleared all of storage.
            if e.key().is_some_and(|k| k != key) {
                return;
            }
            let had = saved.with_untracked(Option::is_some);
            let loaded = load(story_slug);
            writable.set(loaded.writable);
            set_notice(loaded.notice);
            let keep_typing = editing.get_untracked() && dirty.get_untracked();
            let message = match (&loaded.answers, keep_typing) {
                (Some(_), true) => {
                    "Your answers were changed in another tab. Saving here will replace them."
                }
                (Some(_), false) => "Your answers were updated in another tab.",
                (None, _) if had => "Your answers were cleared in another tab.",
                (None, _) => "",
            };
            if !keep_typing {
                fill(loaded.answers.as_ref());
                editing.set(loaded.answers.as_ref().is_none_or(|a| a.is_blank_for(poll)));
                confirming.set(false);
            }
            saved.set(loaded.answers);
            status.set(message.to_owned());
        });
        on_cleanup(move || handle.remove());
    });

    let submit = move |e: ev::SubmitEvent| {
        e.prevent_default();
        let given = drafts.with_value(|d| d.iter().map(|d| d.answer()).collect());
        let next = saved
            .with_untracked(|s| s.clone().unwrap_or_default())
            .updated(poll, given);
        let found = validate(poll, &next);
        if let Some(first) = found.first() {
            alert.set(refused_message(&found));
            if let Some(id) = problem_target(poll, first) {
                focus_id_later(id);
            }
            problems.set(found);
            status.set(String::new());
            return;
        }
        let message = if writable.get_untracked() {
            let store = storage::local();
            match keep::save(store.as_ref().map_err(|p| *p), story_slug, &next) {
                Ok(()) => {
                    set_notice(None);
                    "Saved. Your answers are kept in this browser."
                }
                Err(n) => {
                    set_notice(Some(n));
                    "Your answers are shown below, but could not be kept."
                }
            }
        } else {
            "Your answers are shown below. They will not be kept after you leave this page."
        };
        problems.set(Vec::new());
        alert.set(String::new());
        dirty.set(false);
        saved.set(Some(next));
        editing.set(false);
        status.set(message.to_owned());
        focus_later(SUMMARY_HEADING);
    };

    let change = click(move || {
        confirming.set(false);
        saved.with_untracked(|s| fill(s.as_ref()));
        editing.set(true);
        status.set(String::new());
        if let Some(q) = poll.questions.first() {
            focus_id_later(match q.choices.first() {
                Some(c) => choice_id(q, c.id),
                None => control_id(q, "text"),
            });
        }
    });
    let cancel_change = click(move || {
        saved.with_untracked(|s| fill(s.as_ref()));
        editing.set(false);
        focus_later(SUMMARY_HEADING);
    });
    let ask_clear = click(move || {
        confirming.set(true);
        focus_later("poll-confirm-yes");
    });
    let keep_answers = click(move || {
        confirming.set(false);
        focus_later("poll-clear");
    });
    let clear = click(move || {
        confirming.set(false);
        if writable.get_untracked() {
            let store = storage::local();
            if let Err(n) = keep::clear(store.as_ref().map_err(|p| *p), story_slug) {
                set_notice(Some(n));
                status.set("Your answers could not be removed from this browser.".to_owned());
                return;
            }
        }
        saved.set(None);
        fill(None);
        editing.set(true);
        status.set("Your answers were cleared.".to_owned());
        focus_later("ex-poll-heading");
    });

    let draft = move |i: usize| drafts.with_value(|d| d[i]);
    let questions = poll
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| question(q, draft(i), problems, dirty))
        .collect_view();
    let summary = poll
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| summary_item(q, draft(i)))
        .collect_view();

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
                <p class="ex-poll__notice">{notice}</p>
            </div>
            <p role="status" class="ex-poll__status">{status}</p>
            <form class="ex-poll__form ex-needs-js" novalidate hidden=summary_shown on:submit=submit>
                <div role="alert" class="ex-poll__live">
                    <p class="ex-poll__alert">{alert}</p>
                </div>
                {questions}
                <div class="ex-poll__actions">
                    <button type="submit" class="ex-button ex-poll__submit">
                        "Save my answers"
                    </button>
                    <button type="button" class="ex-button" hidden=nothing_saved on:click=cancel_change>
                        "Cancel changes"
                    </button>
                </div>
            </form>
            <div class="ex-poll__saved" hidden=form_shown>
                <h3 id=SUMMARY_HEADING class="ex-poll__saved-heading" tabindex="-1">
                    "Your answers"
                </h3>
                <dl class="ex-poll__summary">{summary}</dl>
                <div class="ex-poll__actions" hidden=confirm_shown>
                    <button type="button" class="ex-button" on:click=change>
                        "Change my answers"
                    </button>
                    <button type="button" class="ex-button" id="poll-clear" on:click=ask_clear>
                        "Clear my answers"
                    </button>
                </div>
                <div
                    class="ex-poll__confirm"
                    role="group"
                    aria-labelledby="poll-confirm-text"
                    hidden=not(confirming)
                >
                    <p id="poll-confirm-text" class="ex-poll__confirm-text">
                        "Clear your answers from this browser? This cannot be undone."
                    </p>
                    <div class="ex-poll__actions">
                        <button
                            type="button"
                            class="ex-button ex-poll__danger"
                            id="poll-confirm-yes"
                            on:click=clear
                        >
                            "Yes, clear them"
                        </button>
                        <button type="button" class="ex-button" on:click=keep_answers>
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

/// A control's problem message ("" when none) and its `aria-invalid`.
fn problem_of(
    problems: RwSignal<Vec<Problem>>,
    q: &'static Question,
    field: Field,
) -> (Signal<String>, Signal<&'static str>) {
    let message = Signal::derive(move || {
        problems.with(|ps| {
            ps.iter()
                .find(|p| p.question == q.slug && p.field == field)
                .map(|p| p.message.clone())
                .unwrap_or_default()
        })
    });
    let invalid = Signal::derive(move || {
        if message.with(String::is_empty) {
            "false"
        } else {
            "true"
        }
    });
    (message, invalid)
}

/// One question: a fieldset with its legend, its controls and their errors.
/// Error paragraphs are always there (empty, and not displayed, when all is
/// well), so each control's `aria-describedby` can stay fixed.
fn question(
    q: &'static Question,
    draft: Draft,
    problems: RwSignal<Vec<Problem>>,
    dirty: RwSignal<bool>,
) -> impl IntoView {
    let legend_id = control_id(q, "legend");
    let choices_error_id = control_id(q, "choices-error");
    let (choices_error, choices_invalid) = problem_of(problems, q, Field::Choices);
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
            let other_box = c
                .other
                .then(|| other_input(q, c.label, c.id, draft, problems, dirty));
            view! {
                <div class="ex-poll__choice">
                    <input
                        type=kind
                        class="ex-poll__check"
                        id=id.clone()
                        name=control_id(q, "choice")
                        value=c.id
                        prop:checked=draft.has(c.id)
                        aria-invalid=choices_invalid
                        aria-describedby=choices_error_id.clone()
                        on:change=move |e| {
                            draft.choose(q, c.id, event_target_checked(&e));
                            dirty.set(true);
                        }
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
        let (message, invalid) = problem_of(problems, q, Field::Text);
        let text = draft.text;
        view! {
            <textarea
                id=id
                class="ex-poll__textarea"
                rows="5"
                aria-labelledby=legend_id.clone()
                aria-describedby=format!("{count_id} {error_id}")
                aria-invalid=invalid
                prop:value=text
                on:input=move |e| {
                    text.set(event_target_value(&e));
                    dirty.set(true);
                }
            ></textarea>
            {count(count_id, q.max_length, text)}
            <p id=error_id class="ex-poll__error">{message}</p>
        }
    });

    view! {
        <fieldset class="ex-poll__question" aria-describedby=choices_error_id.clone()>
            <legend id=legend_id class="ex-poll__legend">
                {q.prompt}
            </legend>
            {(q.kind == QuestionKind::Multiple)
                .then(|| view! { <p class="ex-poll__hint">"Choose any that apply."</p> })}
            <p id=choices_error_id.clone() class="ex-poll__error">{choices_error}</p>
            {choices}
            {text_box}
        </fieldset>
    }
}

/// The "Other" choice's own text box; typing in it chooses "Other".
fn other_input(
    q: &'static Question,
    label: &'static str,
    other_id: &'static str,
    draft: Draft,
    problems: RwSignal<Vec<Problem>>,
    dirty: RwSignal<bool>,
) -> impl IntoView {
    let id = control_id(q, "other");
    let count_id = control_id(q, "other-count");
    let error_id = control_id(q, "other-error");
    let (message, invalid) = problem_of(problems, q, Field::Other);
    let other = draft.other;
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
                aria-invalid=invalid
                prop:value=other
                on:input=move |e| {
                    let value = event_target_value(&e);
                    if !value.trim().is_empty()
                        && !draft.chosen.with_untracked(|v| v.contains(&other_id))
                    {
                        draft.choose(q, other_id, true);
                    }
                    other.set(value);
                    dirty.set(true);
                }
            />
            {count(count_id, q.max_length, other)}
            <p id=error_id class="ex-poll__error">{message}</p>
        </div>
    }
}

/// The live "n / max characters" counter under a text box, with a quiet
/// announcement only when the text goes over (or back under) the limit.
fn count(id: String, max: u32, text: RwSignal<String>) -> impl IntoView {
    let is_over = move || text.with(|t| over(t, max));
    let class = Signal::derive(move || {
        if is_over() {
            "ex-poll__count ex-poll__count--over"
        } else {
            "ex-poll__count"
        }
    });
    let shown = Signal::derive(move || text.with(|t| counter(t, max)));
    let announced = Signal::derive(move || {
        if is_over() {
            "Your answer is over the character limit.".to_owned()
        } else {
            String::new()
        }
    });
    view! {
        <p id=id class=class>
            {shown}
        </p>
        <p class="ex-visually-hidden" role="status">
            {announced}
        </p>
    }
}

/// A question in the "Your answers" list, read from the saved draft by the
/// current labels. Free text goes in as text nodes, never as HTML.
fn summary_item(q: &'static Question, draft: Draft) -> impl IntoView {
    let text = draft.text;
    let blank = Signal::derive(move || {
        draft.chosen.with(Vec::is_empty) && text.with(|t| t.trim().is_empty())
    });
    let answered = Signal::derive(move || !blank.get());
    let body = if q.kind == QuestionKind::Text {
        Either::Left(view! { <p class="ex-poll__text">{text}</p> })
    } else {
        let items = q
            .choices
            .iter()
            .map(|c| {
                let other = c.other.then(|| view! { ": " {draft.other} });
                view! { <li hidden=draft.lacks(c.id)>{c.label} {other}</li> }
            })
            .collect_view();
        Either::Right(view! { <ul class="ex-poll__chosen">{items}</ul> })
    };
    view! {
        <dt class="ex-poll__prompt">{q.prompt}</dt>
        <dd class="ex-poll__answer">
            <p class="ex-poll__none" hidden=answered>
                "No answer"
            </p>
            {body}
        </dd>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(field: Field, message: &str) -> Problem {
        Problem {
            question: "q",
            field,
            message: message.to_owned(),
        }
    }

    #[test]
    fn refusals_name_one_problem_or_count_several() {
        assert_eq!(
            refused_message(&[problem(
                Field::Form,
                "Answer at least one question, then save."
            )]),
            "Your answers were not saved. Answer at least one question, then save."
        );
        assert_eq!(
            refused_message(&[problem(Field::Text, "a"), problem(Field::Other, "b")]),
            "Your answers were not saved: please fix the 2 problems marked below."
        );
    }

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
