//! The reader poll: native radio buttons, checkboxes and text boxes in
//! fieldsets, answers kept in this browser only.
//!
//! [`Poll`] turns the story's poll into the props of [`PollIsland`], which
//! renders the whole poll as it is before the reader does anything (the
//! form, an empty "Your answers" summary, the confirmation, every error
//! line empty) and hydrates in the browser, over the plain logic in
//! [`crate::poll`] (`poll::state::State` in a signal).

use leptos::either::Either;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::messages::Say;
use crate::poll::results::{self as plan, Tally};
use crate::poll::service::{self, Reply};
use crate::poll::state::State;
use crate::poll::{choice_id, control_id, counter, keep, over, Field, SUMMARY_HEADING};
use crate::storage::{self, Backend};
use crate::story::outline::PollOutline;
use crate::story::QuestionKind;
use crate::words::Voice;
#[cfg(feature = "render")]
use crate::{
    i18n::{Locale, Value},
    story::Poll as PollData,
};

/// A question's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuestionView {
    /// What it asks.
    pub prompt: String,
    /// The story's help under it (HTML, from the story's formatting).
    pub help: Option<String>,
    /// "Choose any" under a several-choice question's prompt.
    pub hint: Option<String>,
    /// Each choice's label, in the outline's order.
    pub choices: Vec<String>,
    /// The "Other" box's label ("Other (please say)"), when it has one.
    pub other_label: Option<String>,
    /// The counter under a text box before anything is typed.
    pub counter: String,
}

/// The poll's words, made at build time from the story and the locale.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollWords {
    /// Shown without JavaScript.
    pub noscript: String,
    /// The link to the explainer's own page (a frame that keeps nothing).
    pub own_page: String,
    /// Buttons: save, cancel, change, clear, yes, no.
    pub save: String,
    /// "Cancel changes".
    pub cancel: String,
    /// "Your answers".
    pub your_answers: String,
    /// "Change my answers".
    pub change: String,
    /// "Clear my answers".
    pub clear: String,
    /// The clear confirmation's question.
    pub confirm: String,
    /// Its yes.
    pub confirm_yes: String,
    /// Its no.
    pub confirm_no: String,
    /// "No answer" in the summary.
    pub no_answer: String,
    /// The privacy line.
    pub privacy: String,
    /// "How readers answered" (a story with a results service).
    pub results_heading: String,
    /// "your answer", beside the reader's own choices in the results.
    pub results_mine: String,
}

/// Everything the poll island shows, made at build time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PollView {
    /// The story's slug: its storage keys and its results' address use it.
    pub story: String,
    /// Questions, kinds, choice ids, limits and the results service.
    pub outline: PollOutline,
    /// The intro, from the story.
    pub intro: String,
    /// Each question's words, in the outline's order.
    pub questions: Vec<QuestionView>,
    /// The words around them.
    pub words: PollWords,
    /// What it says.
    pub voice: Voice,
}

/// The poll, rendered at build time from the story: its island's props.
#[cfg(feature = "render")]
#[component]
pub fn Poll(
    /// The story's poll: heading, intro and questions.
    poll: &'static PollData,
    /// The story's slug.
    #[prop(into)]
    story: String,
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    let outline = crate::story::outline::poll_outline(poll);
    let questions = poll
        .questions
        .iter()
        .map(|q| QuestionView {
            prompt: q.prompt.clone(),
            help: q.help.as_ref().map(|h| h.html.clone()),
            hint: (q.kind == QuestionKind::Multiple).then(|| t.text("poll-choose-any")),
            choices: q.choices.iter().map(|c| c.label.clone()).collect(),
            other_label: q.choices.iter().find(|c| c.other).map(|c| {
                t.format(
                    "poll-other-label",
                    &[("choice", Value::Text(c.label.clone()))],
                )
            }),
            counter: t.format(
                "poll-counter",
                &[("count", Value::Num(0)), ("max", Value::Num(q.max_length))],
            ),
        })
        .collect();
    let view = PollView {
        story,
        outline,
        intro: poll.intro.html.clone(),
        questions,
        words: PollWords {
            noscript: t.text("poll-noscript"),
            own_page: t.text("poll-own-page"),
            save: t.text("poll-save"),
            cancel: t.text("poll-cancel"),
            your_answers: t.text("poll-your-answers"),
            change: t.text("poll-change"),
            clear: t.text("poll-clear"),
            confirm: t.text("poll-confirm"),
            confirm_yes: t.text("poll-confirm-yes"),
            confirm_no: t.text("poll-confirm-no"),
            no_answer: t.text("poll-no-answer"),
            privacy: t.text(if poll.results.is_some() {
                "poll-privacy-results"
            } else {
                "poll-privacy"
            }),
            results_heading: t.text("poll-results-heading"),
            results_mine: t.text("poll-results-mine"),
        },
        voice: t.voice_where(|k| k.starts_with("poll-") || k.starts_with("storage-")),
    };
    crate::props::carry_near("poll", view, || view! { <PollIsland /> })
}

/// Focuses the element with this id once the page has shown the change
/// that brings it (after the current task: a gloo timer).
fn focus_later(id: String) {
    gloo_timers::callback::Timeout::new(0, move || {
        if let Some(el) = crate::browser::by_id::<web_sys::HtmlElement>(&id) {
            let _ = el.focus();
        }
    })
    .forget();
}

/// Reads the story's saved answers (in the browser only).
fn load(story: &str) -> keep::Loaded {
    let store = storage::local();
    let stamp = js_sys::Date::now().max(0.0) as u64;
    keep::load(store.as_ref().map_err(|p| *p), story, stamp, true)
        .in_frame(crate::browser::parent_frame().is_some())
}

/// One question's controls, as node references.
#[derive(Clone, Copy)]
struct Controls {
    /// Each choice's box.
    checks: StoredValue<Vec<NodeRef<leptos::html::Input>>>,
    /// The "Other" text box.
    other: NodeRef<leptos::html::Input>,
    /// A text question's box.
    text: NodeRef<leptos::html::Textarea>,
}

/// The reader poll, an island: a labelled region with one fieldset per
/// question (native radio buttons, checkboxes and text boxes), a "Your
/// answers" summary once saved (with Change and Clear, the latter confirmed
/// in the page), storage notices and a privacy note; how other readers
/// answered when the story names a results service.
///
/// Answers are saved at once to `localStorage` under
/// `explainer:poll:<story slug>` and followed across tabs; if storage is
/// blocked, full or holds something unreadable the poll keeps working in
/// memory and tells the reader. What the reader ticked or typed before the
/// wasm arrived is kept (when nothing was saved before).
// Loaded when the reader comes near it (feature `lazy`: its code is a
// wasm file of its own, see `props::carry_near`).
#[cfg_attr(feature = "lazy", island(lazy))]
#[cfg_attr(not(feature = "lazy"), island)]
pub fn PollIsland() -> impl IntoView {
    let PollView {
        story,
        outline,
        intro,
        questions,
        words,
        voice,
    } = crate::props::take_near("poll");
    // The outline lives as long as the page (the state borrows it).
    let outline: &'static PollOutline = Box::leak(Box::new(outline));
    let story: &'static str = Box::leak(story.into_boxed_str());
    let has_results = !outline.results.is_empty();
    let state = RwSignal::new(State::new(outline));
    let voice = StoredValue::new(voice);
    // What a line says; `None` leaves it empty (`:empty` in the styles:
    // an empty notice, alert or error line takes no room).
    let say = move |m: &Option<Say>| m.as_ref().map(|m| voice.with_value(|v| v.say(m)));
    let controls: Vec<Controls> = outline
        .questions
        .iter()
        .map(|q| Controls {
            checks: StoredValue::new(q.choices.iter().map(|_| NodeRef::new()).collect()),
            other: NodeRef::new(),
            text: NodeRef::new(),
        })
        .collect();
    let controls = StoredValue::new(controls);

    // The results service: what came back.
    let took = move |reply: Reply| match reply {
        Reply::Said(doc) => match Tally::read(outline, &doc) {
            Some(t) => state.update(|s| s.results_arrived(t)),
            None => state.update(State::results_later),
        },
        Reply::Refused => state.update(State::results_refused),
        Reply::Failed => state.update(State::results_later),
    };
    // Sends what is saved now (nothing: a clear), marked pending until the
    // service has it. Nothing is sent when storage does not work: without a
    // kept reader id a reload would count the reader twice.
    let send = move || {
        if !has_results || !state.with_untracked(|s| s.writable) {
            return;
        }
        let Ok(local) = storage::local() else {
            return;
        };
        let Some(reader) = service::reader_id(&local) else {
            return;
        };
        let pending = plan::pending_key(story);
        let _ = local.set(&pending, "1");
        let body = state.with_untracked(|s| plan::body(outline, &reader, s.saved.as_ref()));
        let url = plan::url(&outline.results, story, "answers");
        leptos::task::spawn_local(async move {
            let reply = service::request(&url, Some(body)).await;
            if !matches!(reply, Reply::Failed) {
                let _ = local.remove(&pending);
            }
            took(reply);
        });
    };
    // At start and back online: sends what has not reached the service
    // yet, else fetches the results for a reader who has answered.
    let resume = move || {
        if !has_results {
            return;
        }
        let Ok(local) = storage::local() else {
            return;
        };
        if matches!(local.get(&plan::pending_key(story)), Ok(Some(_))) {
            return send();
        }
        if state.with_untracked(|s| s.saved.is_none()) {
            return;
        }
        let url = plan::url(&outline.results, story, "results");
        leptos::task::spawn_local(async move { took(service::request(&url, None).await) });
    };

    // In the browser, once hydrated: what is kept (or, when nothing is,
    // what the reader did before the wasm arrived), then other tabs, the
    // results service, and the controls kept in step with the state.
    Effect::new(move |_| {
        let before = controls.with_value(|cs| {
            cs.iter()
                .map(|c| {
                    let ticked: Vec<bool> = c.checks.with_value(|checks| {
                        checks
                            .iter()
                            .map(|n| n.get_untracked().is_some_and(|i| i.checked()))
                            .collect()
                    });
                    let other = c
                        .other
                        .get_untracked()
                        .map(|i| i.value())
                        .unwrap_or_default();
                    let text = c
                        .text
                        .get_untracked()
                        .map(|t| t.value())
                        .unwrap_or_default();
                    (ticked, other, text)
                })
                .collect::<Vec<_>>()
        });
        state.update(|s| {
            s.start(load(story));
            if s.saved.is_some() {
                return;
            }
            for (i, (q, (ticked, other, text))) in outline.questions.iter().zip(before).enumerate()
            {
                for (c, on) in q.choices.iter().zip(ticked) {
                    if on {
                        s.choose(i, &c.id, true);
                    }
                }
                if !other.is_empty() {
                    s.type_other(i, other);
                }
                if !text.is_empty() {
                    s.type_text(i, text);
                }
            }
        });
        resume();
        crate::browser::listen(&crate::browser::window(), "online", move |_| resume());
        let key = keep::key(story);
        crate::browser::listen(&crate::browser::window(), "storage", move |e| {
            use wasm_bindgen::JsCast;
            // `key` is null when another tab cleared all of storage.
            let changed = e.dyn_ref::<web_sys::StorageEvent>().map(|e| e.key());
            if changed.is_some_and(|k| k.is_none_or(|k| k == key)) {
                state.update(|s| s.synced(load(story)));
            }
        });
        // The controls show the state: a box the state ticks, a text it
        // holds (its own typing, a save, another tab, Change, Clear).
        Effect::new(move |_| {
            state.with(|s| {
                controls.with_value(|cs| {
                    for ((c, d), q) in cs.iter().zip(&s.drafts).zip(&outline.questions) {
                        c.checks.with_value(|checks| {
                            for (n, choice) in checks.iter().zip(&q.choices) {
                                if let Some(input) = n.get_untracked() {
                                    let on = d.chosen.contains(&choice.id.as_str());
                                    if input.checked() != on {
                                        input.set_checked(on);
                                    }
                                }
                            }
                        });
                        if let Some(o) = c.other.get_untracked() {
                            if o.value() != d.other {
                                o.set_value(&d.other);
                            }
                        }
                        if let Some(t) = c.text.get_untracked() {
                            if t.value() != d.text {
                                t.set_value(&d.text);
                            }
                        }
                    }
                });
            });
        });
    });

    // Saving is the submit button's click, which a press of Enter in a
    // field also fires, never the form's submission: a sandboxed frame
    // without `allow-forms` (WordPress's embeds) blocks that, and its
    // `submit` event with it.
    let save = move |e: leptos::ev::MouseEvent| {
        e.prevent_default();
        let Some(next) = state.try_update(State::check).flatten() else {
            let target = state.with_untracked(|s| {
                s.problems
                    .first()
                    .and_then(|p| crate::poll::problem_control(outline, p))
            });
            if let Some(id) = target {
                focus_later(id);
            }
            return;
        };
        // Written to storage only when storage works; else kept in memory.
        let written = state.with_untracked(|s| s.writable).then(|| {
            let kept = storage::local();
            keep::save(kept.as_ref().map_err(|p| *p), story, &next)
        });
        let stored = matches!(written, Some(Ok(())));
        state.update(|s| s.kept(next, written));
        if stored {
            send();
        }
        focus_later(SUMMARY_HEADING.to_owned());
    };
    let change = move |_| {
        state.update(State::change);
        if let Some(id) = outline.questions.first().map(|q| match q.choices.first() {
            Some(c) => choice_id(&q.slug, &c.id),
            None => control_id(&q.slug, "text"),
        }) {
            focus_later(id);
        }
    };
    let cancel = move |_| {
        state.update(State::cancel);
        focus_later(SUMMARY_HEADING.to_owned());
    };
    let ask_clear = move |_| {
        state.update(|s| s.confirming = true);
        focus_later("poll-confirm-yes".to_owned());
    };
    let keep_answers = move |_| {
        state.update(|s| s.confirming = false);
        focus_later("poll-clear".to_owned());
    };
    let clear = move |_| {
        let kept = if state.with_untracked(|s| s.writable) {
            let kept = storage::local();
            keep::clear(kept.as_ref().map_err(|p| *p), story)
        } else {
            Ok(())
        };
        match kept {
            Ok(()) => {
                state.update(State::cleared);
                send();
                focus_later("ex-poll-heading".to_owned());
            }
            Err(n) => state.update(|s| {
                s.confirming = false;
                s.notify(Some(n));
                s.status = Some(Say::new("poll-clear-failed"));
            }),
        }
    };

    let summary_shown = move || state.with(State::summary_shown);
    let problem = move |slug: &'static str, field: Field| {
        state.with(|s| {
            s.problems
                .iter()
                .find(|p| p.question == slug && p.field == field)
                .map(|p| voice.with_value(|v| v.say(&p.say)))
        })
    };
    let invalid = move |slug: &'static str, field: Field| {
        if state.with(|s| {
            s.problems
                .iter()
                .any(|p| p.question == slug && p.field == field)
        }) {
            "true"
        } else {
            "false"
        }
    };
    // A counter's text and the quiet line after it that speaks only when
    // the text goes over (or back under) the limit.
    let count = move |i: usize, other: bool, id: String, initial: String| {
        let max = outline.questions[i].max_length;
        let value = move || {
            state.with(|s| {
                s.drafts
                    .get(i)
                    .map(|d| {
                        if other {
                            d.other.clone()
                        } else {
                            d.text.clone()
                        }
                    })
                    .unwrap_or_default()
            })
        };
        view! {
            <p id=id class="ex-poll__count" class:ex-poll__count--over=move || over(&value(), max)>
                // Nothing typed: the build's words for an empty box (so
                // hydrating asks the browser for no digits: a page's first
                // `Intl.NumberFormat` costs a phone tens of milliseconds).
                {move || {
                    let value = value();
                    if value.is_empty() {
                        initial.clone()
                    } else {
                        voice.with_value(|v| v.say(&counter(&value, max)))
                    }
                }}
            </p>
            <p class="ex-visually-hidden" role="status">
                {move || {
                    if over(&value(), max) {
                        voice.with_value(|v| v.say(&Say::new("poll-over-limit")))
                    } else {
                        String::new()
                    }
                }}
            </p>
        }
    };

    let question_views = outline
        .questions
        .iter()
        .zip(questions.iter().cloned())
        .enumerate()
        .map(|(i, (q, qw))| {
            let slug: &'static str = q.slug.as_str();
            let legend_id = control_id(slug, "legend");
            let choices_error_id = control_id(slug, "choices-error");
            let help_id = control_id(slug, "help");
            let described_by = match qw.help {
                Some(_) => format!("{help_id} {choices_error_id}"),
                None => choices_error_id.clone(),
            };
            let kind = if q.kind == QuestionKind::Single {
                "radio"
            } else {
                "checkbox"
            };
            let c = controls.with_value(|cs| cs[i]);
            let choices = q
                .choices
                .iter()
                .zip(qw.choices.clone())
                .enumerate()
                .map(|(k, (choice, label))| {
                    let id = choice_id(slug, &choice.id);
                    let choice_id_str: &'static str = choice.id.as_str();
                    let node = c.checks.with_value(|n| n[k]);
                    let other_box = choice.other.then(|| {
                        let id = control_id(slug, "other");
                        let count_id = control_id(slug, "other-count");
                        let error_id = control_id(slug, "other-error");
                        view! {
                            <div class="ex-poll__other">
                                <label class="ex-poll__other-label" for=id.clone()>
                                    {qw.other_label.clone().unwrap_or_default()}
                                </label>
                                <input
                                    type="text"
                                    id=id
                                    class="ex-poll__input"
                                    autocomplete="off"
                                    aria-describedby=format!("{count_id} {error_id}")
                                    aria-invalid=move || invalid(slug, Field::Other)
                                    node_ref=c.other
                                    on:input=move |e| state.update(|s| s.type_other(i, event_target_value(&e)))
                                />
                                {count(i, true, count_id, qw.counter.clone())}
                                <p id=error_id class="ex-poll__error">{move || problem(slug, Field::Other)}</p>
                            </div>
                        }
                    });
                    view! {
                        <div class="ex-poll__choice">
                            <input
                                type=kind
                                class="ex-poll__check"
                                id=id.clone()
                                name=control_id(slug, "choice")
                                value=choice.id.clone()
                                aria-invalid=move || invalid(slug, Field::Choices)
                                aria-describedby=choices_error_id.clone()
                                node_ref=node
                                on:change=move |e| state.update(|s| s.choose(i, choice_id_str, event_target_checked(&e)))
                            />
                            <label class="ex-poll__label" for=id>
                                {label}
                            </label>
                        </div>
                        {other_box}
                    }
                })
                .collect_view();
            let text_box = (q.kind == QuestionKind::Text).then(|| {
                let id = control_id(slug, "text");
                let count_id = control_id(slug, "text-count");
                let error_id = control_id(slug, "text-error");
                view! {
                    <textarea
                        id=id
                        class="ex-poll__textarea"
                        rows="5"
                        aria-labelledby=legend_id.clone()
                        aria-describedby=format!("{count_id} {error_id}")
                        aria-invalid=move || invalid(slug, Field::Text)
                        node_ref=c.text
                        on:input=move |e| state.update(|s| s.type_text(i, event_target_value(&e)))
                    ></textarea>
                    {count(i, false, count_id, qw.counter.clone())}
                    <p id=error_id class="ex-poll__error">{move || problem(slug, Field::Text)}</p>
                }
            });
            view! {
                <fieldset class="ex-poll__question" data-ex-q=slug aria-describedby=described_by>
                    <legend id=legend_id class="ex-poll__legend">
                        {qw.prompt.clone()}
                    </legend>
                    {qw.help.clone().map(|h| view! { <p id=help_id.clone() class="ex-poll__help" inner_html=h></p> })}
                    {qw.hint.clone().map(|h| view! { <p class="ex-poll__hint">{h}</p> })}
                    <p id=choices_error_id.clone() class="ex-poll__error">{move || problem(slug, Field::Choices)}</p>
                    {choices}
                    {text_box}
                </fieldset>
            }
        })
        .collect_view();

    // A question in the "Your answers" list: every choice is there, hidden
    // until chosen. Free text goes in as text, never as HTML.
    let no_answer = words.no_answer.clone();
    let summary = outline
        .questions
        .iter()
        .zip(questions.iter().cloned())
        .enumerate()
        .map(|(i, (q, qw))| {
            let draft = move || state.with(|s| s.drafts.get(i).cloned().unwrap_or_default());
            let body = if q.kind == QuestionKind::Text {
                Either::Left(view! { <p class="ex-poll__text">{move || draft().text}</p> })
            } else {
                let items = q
                    .choices
                    .iter()
                    .zip(qw.choices)
                    .map(|(c, label)| {
                        let id: &'static str = c.id.as_str();
                        let other = c
                            .other
                            .then(|| view! { ": " <span class="ex-poll__other-text">{move || draft().other}</span> });
                        view! {
                            <li data-ex-choice=id hidden=move || !draft().chosen.contains(&id)>
                                {label}
                                {other}
                            </li>
                        }
                    })
                    .collect_view();
                Either::Right(view! { <ul class="ex-poll__chosen">{items}</ul> })
            };
            view! {
                <dt class="ex-poll__prompt">{qw.prompt}</dt>
                <dd class="ex-poll__answer" data-ex-q=q.slug.clone()>
                    <p class="ex-poll__none" hidden=move || draft().is_answered()>{no_answer.clone()}</p>
                    {body}
                </dd>
            }
        })
        .collect_view();

    // How readers answered (a story with a results service): each choice's
    // share as text and as a bar (the bar's length repeats the text, so it
    // is hidden from assistive technology), the reader's own choices marked
    // in words, and one polite line with the number of readers, or why the
    // results are not there yet. Free text is never shown.
    let results = has_results.then(|| {
        let mine_label = words.results_mine.clone();
        let lists = outline
            .questions
            .iter()
            .zip(questions.iter().cloned())
            .enumerate()
            .filter(|(_, (q, _))| q.kind != QuestionKind::Text)
            .map(|(qi, (q, qw))| {
                let items = q
                    .choices
                    .iter()
                    .zip(qw.choices)
                    .enumerate()
                    .map(|(ci, (c, label))| {
                        let share = move || state.with(|s| s.results.as_ref().map(|t| t.share(qi, ci)));
                        let id: &'static str = c.id.as_str();
                        let slug: &'static str = q.slug.as_str();
                        let mine = move || {
                            state.with(|s| {
                                s.saved
                                    .as_ref()
                                    .and_then(|a| a.get(slug))
                                    .is_some_and(|a| a.choices.iter().any(|x| x == id))
                            })
                        };
                        view! {
                            <li class="ex-poll__result" data-ex-choice=id>
                                <span class="ex-poll__result-label">
                                    {label}
                                    <span class="ex-poll__mine" hidden=move || !mine()>
                                        " (" {mine_label.clone()} ")"
                                    </span>
                                </span>
                                // Read as "Label: 60% (3)"; the grid sets the parts apart on screen.
                                <span class="ex-visually-hidden">": "</span>
                                <meter
                                    class="ex-poll__bar"
                                    min="0"
                                    max="100"
                                    value=move || share().map_or(0, |(_, p)| p).to_string()
                                    aria-hidden="true"
                                ></meter>
                                <span class="ex-poll__share">
                                    {move || {
                                        share()
                                            .map(|(n, p)| voice.with_value(|v| v.say(&Say::new("poll-results-share").num("percent", p).num("count", n))))
                                            .unwrap_or_default()
                                    }}
                                </span>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <h4 class="ex-poll__results-prompt">{qw.prompt}</h4>
                    <ul class="ex-poll__results-list" data-ex-q=q.slug.clone()>{items}</ul>
                }
            })
            .collect_view();
        view! {
            <section class="ex-poll__results" aria-labelledby="poll-results-heading" hidden=move || state.with(|s| s.results_said.is_none())>
                <h3 id="poll-results-heading" class="ex-poll__saved-heading">
                    {words.results_heading.clone()}
                </h3>
                <p role="status" class="ex-poll__readers">{move || state.with(|s| say(&s.results_said))}</p>
                <div class="ex-poll__results-body" hidden=move || state.with(|s| s.results.is_none())>{lists}</div>
            </section>
        }
    });

    let heading = outline.heading.clone();
    view! {
        <section id="poll" class="ex-poll" aria-labelledby="ex-poll-heading">
            <h2 id="ex-poll-heading" class="ex-section-heading" tabindex="-1">
                {heading}
            </h2>
            <p class="ex-poll__intro" inner_html=intro></p>
            // With scripting on, a browser reads a <noscript>'s content as
            // text: it is set as HTML here, never walked by hydration.
            <noscript inner_html=format!("<p class=\"ex-poll__noscript\">{}</p>", crate::embed::escape(&words.noscript))></noscript>
            <div role="status" class="ex-poll__live">
                <p class="ex-poll__notice">{move || state.with(|s| say(&s.notice))}</p>
            </div>
            // Shown with the notice that a frame keeps nothing: "./" is the
            // story's own page, from its embed views too.
            <p class="ex-poll__own-page" hidden=move || state.with(|s| !s.own_page)>
                <a href="./" target="_blank">{words.own_page.clone()}</a>
            </p>
            <p role="status" class="ex-poll__status">{move || state.with(|s| say(&s.status))}</p>
            <form class="ex-poll__form ex-needs-js" novalidate hidden=summary_shown>
                <div role="alert" class="ex-poll__live">
                    <p class="ex-poll__alert">{move || state.with(|s| say(&s.alert))}</p>
                </div>
                {question_views}
                <div class="ex-poll__actions">
                    <button type="submit" class="ex-button ex-poll__submit" on:click=save>
                        {words.save.clone()}
                    </button>
                    <button type="button" class="ex-button" data-ex-action="cancel" hidden=move || state.with(|s| s.saved.is_none()) on:click=cancel>
                        {words.cancel.clone()}
                    </button>
                </div>
            </form>
            <div class="ex-poll__saved" hidden=move || !summary_shown()>
                <h3 id=SUMMARY_HEADING class="ex-poll__saved-heading" tabindex="-1">
                    {words.your_answers.clone()}
                </h3>
                <dl class="ex-poll__summary">{summary}</dl>
                {results}
                <div class="ex-poll__actions ex-poll__saved-actions" hidden=move || state.with(|s| s.confirming)>
                    <button type="button" class="ex-button" data-ex-action="change" on:click=change>
                        {words.change.clone()}
                    </button>
                    <button type="button" class="ex-button" id="poll-clear" data-ex-action="ask-clear" on:click=ask_clear>
                        {words.clear.clone()}
                    </button>
                </div>
                <div
                    class="ex-poll__confirm"
                    role="group"
                    aria-labelledby="poll-confirm-text"
                    hidden=move || state.with(|s| !s.confirming)
                >
                    <p id="poll-confirm-text" class="ex-poll__confirm-text">
                        {words.confirm.clone()}
                    </p>
                    <div class="ex-poll__actions">
                        <button
                            type="button"
                            class="ex-button ex-poll__danger"
                            id="poll-confirm-yes"
                            data-ex-action="clear"
                            on:click=clear
                        >
                            {words.confirm_yes.clone()}
                        </button>
                        <button type="button" class="ex-button" data-ex-action="keep" on:click=keep_answers>
                            {words.confirm_no.clone()}
                        </button>
                    </div>
                </div>
            </div>
            <p class="ex-poll__privacy">{words.privacy.clone()}</p>
        </section>
    }
}
