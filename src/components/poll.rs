//! The reader poll: native radio buttons, checkboxes and text boxes in
//! fieldsets, answers kept in this browser only.
//!
//! [`Poll`] renders the whole poll as it is before the reader does anything
//! (the form, an empty "Your answers" summary, the confirmation, every
//! error line empty); `runtime::poll::wire` brings that markup to life in
//! the browser, over the plain logic in [`crate::poll`].

use leptos::either::Either;
use leptos::prelude::*;

use crate::i18n::{Locale, Value};
use crate::poll::{choice_id, control_id, SUMMARY_HEADING};
use crate::story::{Poll as PollData, Question, QuestionKind};

/// The reader poll: a labelled region with one fieldset per question, a
/// "Your answers" summary once saved (with Change and Clear, the latter
/// confirmed in the page), storage notices and a privacy note.
///
/// Answers are saved at once to `localStorage` under
/// `explainer:poll:<story slug>` and followed across tabs; if
/// storage is blocked, full or holds something unreadable the poll keeps
/// working in memory and tells the reader.
#[component]
pub fn Poll(
    /// The story's poll: heading, intro and questions.
    poll: &'static PollData,
    /// The edition's locale.
    t: &'static Locale,
) -> impl IntoView {
    let questions = poll.questions.iter().map(|q| question(q, t)).collect_view();
    let summary = poll
        .questions
        .iter()
        .map(|q| summary_item(q, t))
        .collect_view();
    let results = poll.results.is_some().then(|| results(poll, t));
    let privacy = if poll.results.is_some() {
        "poll-privacy-results"
    } else {
        "poll-privacy"
    };

    view! {
        <section id="poll" class="ex-poll" aria-labelledby="ex-poll-heading">
            <h2 id="ex-poll-heading" class="ex-section-heading" tabindex="-1">
                {poll.heading.as_str()}
            </h2>
            <p class="ex-poll__intro">{poll.intro.as_str()}</p>
            <noscript>
                <p class="ex-poll__noscript">{t.text("poll-noscript")}</p>
            </noscript>
            <div role="status" class="ex-poll__live">
                <p class="ex-poll__notice"></p>
            </div>
            // Shown with the notice that a frame keeps nothing: "./" is the
            // story's own page, from its embed views too.
            <p class="ex-poll__own-page" hidden>
                <a href="./" target="_blank">{t.text("poll-own-page")}</a>
            </p>
            <p role="status" class="ex-poll__status"></p>
            <form class="ex-poll__form ex-needs-js" novalidate>
                <div role="alert" class="ex-poll__live">
                    <p class="ex-poll__alert"></p>
                </div>
                {questions}
                <div class="ex-poll__actions">
                    <button type="submit" class="ex-button ex-poll__submit">
                        {t.text("poll-save")}
                    </button>
                    <button type="button" class="ex-button" data-ex-action="cancel" hidden>
                        {t.text("poll-cancel")}
                    </button>
                </div>
            </form>
            <div class="ex-poll__saved" hidden>
                <h3 id=SUMMARY_HEADING class="ex-poll__saved-heading" tabindex="-1">
                    {t.text("poll-your-answers")}
                </h3>
                <dl class="ex-poll__summary">{summary}</dl>
                {results}
                <div class="ex-poll__actions ex-poll__saved-actions">
                    <button type="button" class="ex-button" data-ex-action="change">
                        {t.text("poll-change")}
                    </button>
                    <button type="button" class="ex-button" id="poll-clear" data-ex-action="ask-clear">
                        {t.text("poll-clear")}
                    </button>
                </div>
                <div
                    class="ex-poll__confirm"
                    role="group"
                    aria-labelledby="poll-confirm-text"
                    hidden
                >
                    <p id="poll-confirm-text" class="ex-poll__confirm-text">
                        {t.text("poll-confirm")}
                    </p>
                    <div class="ex-poll__actions">
                        <button
                            type="button"
                            class="ex-button ex-poll__danger"
                            id="poll-confirm-yes"
                            data-ex-action="clear"
                        >
                            {t.text("poll-confirm-yes")}
                        </button>
                        <button type="button" class="ex-button" data-ex-action="keep">
                            {t.text("poll-confirm-no")}
                        </button>
                    </div>
                </div>
            </div>
            <p class="ex-poll__privacy">{t.text(privacy)}</p>
        </section>
    }
}

/// One question: a fieldset with its legend, its controls and their errors.
/// Error paragraphs are always there (empty, and not displayed, when all is
/// well), so each control's `aria-describedby` can stay fixed.
fn question(q: &'static Question, t: &'static Locale) -> impl IntoView {
    let legend_id = control_id(&q.slug, "legend");
    let choices_error_id = control_id(&q.slug, "choices-error");
    let kind = if q.kind == QuestionKind::Single {
        "radio"
    } else {
        "checkbox"
    };

    let choices = q
        .choices
        .iter()
        .map(|c| {
            let id = choice_id(&q.slug, &c.id);
            let other_box = c.other.then(|| other_input(q, &c.label, t));
            view! {
                <div class="ex-poll__choice">
                    <input
                        type=kind
                        class="ex-poll__check"
                        id=id.clone()
                        name=control_id(&q.slug, "choice")
                        value=c.id.as_str()
                        aria-invalid="false"
                        aria-describedby=choices_error_id.clone()
                    />
                    <label class="ex-poll__label" for=id>
                        {c.label.as_str()}
                    </label>
                </div>
                {other_box}
            }
        })
        .collect_view();

    let text_box = (q.kind == QuestionKind::Text).then(|| {
        let id = control_id(&q.slug, "text");
        let count_id = control_id(&q.slug, "text-count");
        let error_id = control_id(&q.slug, "text-error");
        view! {
            <textarea
                id=id
                class="ex-poll__textarea"
                rows="5"
                aria-labelledby=legend_id.clone()
                aria-describedby=format!("{count_id} {error_id}")
                aria-invalid="false"
            ></textarea>
            {count(count_id, q.max_length, t)}
            <p id=error_id class="ex-poll__error"></p>
        }
    });

    view! {
        <fieldset class="ex-poll__question" data-ex-q=q.slug.as_str() aria-describedby=choices_error_id.clone()>
            <legend id=legend_id class="ex-poll__legend">
                {q.prompt.as_str()}
            </legend>
            {(q.kind == QuestionKind::Multiple)
                .then(|| view! { <p class="ex-poll__hint">{t.text("poll-choose-any")}</p> })}
            <p id=choices_error_id.clone() class="ex-poll__error"></p>
            {choices}
            {text_box}
        </fieldset>
    }
}

/// The "Other" choice's own text box; typing in it chooses "Other".
fn other_input(q: &'static Question, label: &str, t: &'static Locale) -> impl IntoView {
    let id = control_id(&q.slug, "other");
    let count_id = control_id(&q.slug, "other-count");
    let error_id = control_id(&q.slug, "other-error");
    view! {
        <div class="ex-poll__other">
            <label class="ex-poll__other-label" for=id.clone()>
                {t.format("poll-other-label", &[("choice", Value::Text(label.to_owned()))])}
            </label>
            <input
                type="text"
                id=id
                class="ex-poll__input"
                autocomplete="off"
                aria-describedby=format!("{count_id} {error_id}")
                aria-invalid="false"
            />
            {count(count_id, q.max_length, t)}
            <p id=error_id class="ex-poll__error"></p>
        </div>
    }
}

/// The "n / max characters" counter under a text box, and the quiet line
/// that speaks only when the text goes over (or back under) the limit.
fn count(id: String, max: u32, t: &'static Locale) -> impl IntoView {
    let text = t.format(
        "poll-counter",
        &[("count", Value::Num(0)), ("max", Value::Num(max))],
    );
    view! {
        <p id=id class="ex-poll__count">
            {text}
        </p>
        <p class="ex-visually-hidden" role="status"></p>
    }
}

/// How readers answered (a story with a results service): each choice's
/// share as text and as a bar (the bar's length repeats the text, so it is
/// hidden from assistive technology), the reader's own choices marked in
/// words, and one polite line with the number of readers, or why the
/// results are not there yet. Free text is never shown.
fn results(poll: &'static PollData, t: &'static Locale) -> impl IntoView {
    let questions = poll
        .questions
        .iter()
        .filter(|q| q.kind != QuestionKind::Text)
        .map(|q| {
            let items = q
                .choices
                .iter()
                .map(|c| {
                    view! {
                        <li class="ex-poll__result" data-ex-choice=c.id.as_str()>
                            <span class="ex-poll__result-label">
                                {c.label.as_str()}
                                <span class="ex-poll__mine" hidden>
                                    " (" {t.text("poll-results-mine")} ")"
                                </span>
                            </span>
                            // Read as "Label: 60% (3)"; the grid sets the parts apart on screen.
                            <span class="ex-visually-hidden">": "</span>
                            <meter class="ex-poll__bar" min="0" max="100" value="0" aria-hidden="true"></meter>
                            <span class="ex-poll__share"></span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h4 class="ex-poll__results-prompt">{q.prompt.as_str()}</h4>
                <ul class="ex-poll__results-list" data-ex-q=q.slug.as_str()>{items}</ul>
            }
        })
        .collect_view();
    view! {
        <section class="ex-poll__results" aria-labelledby="poll-results-heading" hidden>
            <h3 id="poll-results-heading" class="ex-poll__saved-heading">
                {t.text("poll-results-heading")}
            </h3>
            <p role="status" class="ex-poll__readers"></p>
            <div class="ex-poll__results-body" hidden>{questions}</div>
        </section>
    }
}

/// A question in the "Your answers" list: every choice is there, hidden
/// until chosen. Free text goes in as text, never as HTML.
fn summary_item(q: &'static Question, t: &'static Locale) -> impl IntoView {
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
                view! { <li data-ex-choice=c.id.as_str() hidden>{c.label.as_str()} {other}</li> }
            })
            .collect_view();
        Either::Right(view! { <ul class="ex-poll__chosen">{items}</ul> })
    };
    view! {
        <dt class="ex-poll__prompt">{q.prompt.as_str()}</dt>
        <dd class="ex-poll__answer" data-ex-q=q.slug.as_str()>
            <p class="ex-poll__none">{t.text("poll-no-answer")}</p>
            {body}
        </dd>
    }
}
