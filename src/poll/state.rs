//! What the poll shows, as a plain value: the reader's drafts, what is
//! saved, which view is up (the form or "Your answers"), and the lines it
//! says. Each reader action is a method, tested natively;
//! `components::poll::wire` shows the state and does the storage writes.

use crate::messages::Say;
use crate::poll::keep::{Loaded, Notice};
use crate::poll::results::Tally;
use crate::poll::{other_choice, validate, Answer, Answers, Problem};
use crate::story::outline::{PollOutline as Poll, QuestionOutline as Question};
use crate::story::QuestionKind;

/// One question's draft: what the form shows, and what "Your answers"
/// shows once saved.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Ids of the ticked choices, in the order ticked.
    pub chosen: Vec<&'static str>,
    /// The "Other" text.
    pub other: String,
    /// A text question's text.
    pub text: String,
}

impl Draft {
    /// A saved answer as a draft; ids the story no longer has are left out.
    fn of(q: &'static Question, a: Option<&Answer>) -> Draft {
        Draft {
            chosen: q
                .choices
                .iter()
                .filter(|c| a.is_some_and(|a| a.choices.contains(&c.id)))
                .map(|c| c.id.as_str())
                .collect(),
            other: a.map(|a| a.other.clone()).unwrap_or_default(),
            text: a.map(|a| a.text.clone()).unwrap_or_default(),
        }
    }

    fn answer(&self) -> Answer {
        Answer {
            choices: self.chosen.iter().map(|c| (*c).to_owned()).collect(),
            other: self.other.clone(),
            text: self.text.clone(),
            extra: Vec::new(),
        }
    }

    /// True when "Your answers" has something to show for it.
    pub fn is_answered(&self) -> bool {
        !self.chosen.is_empty() || !self.text.trim().is_empty()
    }
}

/// The poll's state.
#[derive(Debug, Clone)]
pub struct State {
    /// The poll.
    pub poll: &'static Poll,
    /// One draft per question, in order.
    pub drafts: Vec<Draft>,
    /// The answers kept (in storage, or in memory when storage fails), with
    /// any fields and questions this version does not know.
    pub saved: Option<Answers>,
    /// True while the form shows; false shows the summary (when there is one).
    pub editing: bool,
    /// True once the reader changed the form since it was filled.
    pub dirty: bool,
    /// True when saving may write to storage.
    pub writable: bool,
    /// What storage did wrong, if anything (polite).
    pub notice: Option<Say>,
    /// True when the notice is that this frame keeps nothing: the link to
    /// the explainer's own page shows with it.
    pub own_page: bool,
    /// What just happened (polite).
    pub status: Option<Say>,
    /// Why a save was refused (assertive).
    pub alert: Option<Say>,
    /// The problems found by the last refused save.
    pub problems: Vec<Problem>,
    /// True while "Clear my answers" waits for a yes or no.
    pub confirming: bool,
    /// How readers answered, as the results service last said (a story
    /// with a service only).
    pub results: Option<Tally>,
    /// The results' line: how many readers answered, or why the results
    /// are not there yet (polite).
    pub results_said: Option<Say>,
}

impl State {
    /// The poll before storage has been read.
    pub fn new(poll: &'static Poll) -> State {
        State {
            poll,
            drafts: vec![Draft::default(); poll.questions.len()],
            saved: None,
            editing: true,
            dirty: false,
            writable: false,
            notice: None,
            own_page: false,
            status: None,
            alert: None,
            problems: Vec::new(),
            confirming: false,
            results: None,
            results_said: None,
        }
    }

    /// True when "Your answers" shows instead of the form.
    pub fn summary_shown(&self) -> bool {
        !self.editing && self.saved.is_some()
    }

    /// Shows `answers` (or none) in the form, as not yet changed.
    pub fn fill(&mut self, answers: Option<&Answers>) {
        self.drafts = self
            .poll
            .questions
            .iter()
            .map(|q| Draft::of(q, answers.and_then(|a| a.get(&q.slug))))
            .collect();
        self.dirty = false;
        self.problems.clear();
        self.alert = None;
    }

    /// Sets the storage notice.
    pub fn notify(&mut self, notice: Option<Notice>) {
        self.own_page = notice == Some(Notice::Framed);
        self.notice = notice.map(Notice::say);
    }

    /// Takes what storage held when the page started.
    pub fn start(&mut self, loaded: Loaded) {
        self.writable = loaded.writable;
        self.notify(loaded.notice);
        if let Some(a) = loaded.answers {
            self.fill(Some(&a));
            self.editing = a.is_blank_for(self.poll);
            self.saved = Some(a);
        }
    }

    /// Takes what another tab saved (or cleared). A reader in the middle of
    /// changing the form keeps typing and is told.
    pub fn synced(&mut self, loaded: Loaded) {
        let had = self.saved.is_some();
        self.writable = loaded.writable;
        self.notify(loaded.notice);
        let keep_typing = self.editing && self.dirty;
        let message = match (&loaded.answers, keep_typing) {
            (Some(_), true) => Some("poll-other-tab-changed"),
            (Some(_), false) => Some("poll-other-tab-updated"),
            (None, _) if had => Some("poll-other-tab-cleared"),
            (None, _) => None,
        };
        if !keep_typing {
            self.fill(loaded.answers.as_ref());
            self.editing = loaded
                .answers
                .as_ref()
                .is_none_or(|a| a.is_blank_for(self.poll));
            self.confirming = false;
        }
        self.saved = loaded.answers;
        self.status = message.map(Say::new);
    }

    /// Ticks (or unticks) choice `id` of question `i`; a single-choice
    /// question keeps one.
    pub fn choose(&mut self, i: usize, id: &'static str, on: bool) {
        let (Some(q), Some(d)) = (self.poll.questions.get(i), self.drafts.get_mut(i)) else {
            return;
        };
        if q.kind == QuestionKind::Single {
            d.chosen.clear();
        }
        d.chosen.retain(|x| *x != id);
        if on {
            d.chosen.push(id);
        }
        self.dirty = true;
    }

    /// The reader typed in question `i`'s "Other" box: typing something
    /// ticks "Other".
    pub fn type_other(&mut self, i: usize, value: String) {
        let other = self.poll.questions.get(i).and_then(other_choice);
        if let Some(id) = other {
            let ticked = self.drafts.get(i).is_some_and(|d| d.chosen.contains(&id));
            if !value.trim().is_empty() && !ticked {
                self.choose(i, id, true);
            }
        }
        if let Some(d) = self.drafts.get_mut(i) {
            d.other = value;
            self.dirty = true;
        }
    }

    /// The reader typed in text question `i`.
    pub fn type_text(&mut self, i: usize, value: String) {
        if let Some(d) = self.drafts.get_mut(i) {
            d.text = value;
            self.dirty = true;
        }
    }

    /// The answers a save would keep; `None` when problems refuse it (they
    /// are then shown, with the alert).
    pub fn check(&mut self) -> Option<Answers> {
        let given = self.drafts.iter().map(Draft::answer).collect();
        let next = self
            .saved
            .clone()
            .unwrap_or_default()
            .updated(self.poll, given);
        let found = validate(self.poll, &next);
        if found.is_empty() {
            return Some(next);
        }
        self.alert = Some(refused_message(&found));
        self.problems = found;
        self.status = None;
        None
    }

    /// The checked `answers` are saved: `written` is what writing them to
    /// storage did (`None`: storage does not work, so they are kept in
    /// memory). The summary comes up, saying where they are kept.
    pub fn kept(&mut self, answers: Answers, written: Option<Result<(), Notice>>) {
        let message = match written {
            Some(Ok(())) => "poll-saved",
            Some(Err(_)) => "poll-saved-not-kept",
            None => "poll-saved-in-memory",
        };
        // A write replaces the storage notice; in memory the notice stays.
        if let Some(result) = written {
            self.notify(result.err());
        }
        self.problems.clear();
        self.alert = None;
        self.dirty = false;
        self.saved = Some(answers);
        self.editing = false;
        self.status = Some(Say::new(message));
    }

    /// "Change my answers": the form, filled with what is saved.
    pub fn change(&mut self) {
        self.confirming = false;
        let saved = self.saved.take();
        self.fill(saved.as_ref());
        self.saved = saved;
        self.editing = true;
        self.status = None;
    }

    /// "Cancel changes": back to the summary, the form as saved.
    pub fn cancel(&mut self) {
        let saved = self.saved.take();
        self.fill(saved.as_ref());
        self.saved = saved;
        self.editing = false;
    }

    /// The results service's tally arrived.
    pub fn results_arrived(&mut self, tally: Tally) {
        self.results_said = Some(Say::new("poll-results-readers").num("count", tally.readers));
        self.results = Some(tally);
    }

    /// The answers could not reach the results service (offline, or the
    /// service down): they are kept here and sent later.
    pub fn results_later(&mut self) {
        self.results_said = Some(Say::new("poll-results-later"));
    }

    /// The results service refused the answers (they stay kept here).
    pub fn results_refused(&mut self) {
        self.results_said = Some(Say::new("poll-results-refused"));
    }

    /// The answers are gone: an empty form.
    pub fn cleared(&mut self) {
        self.confirming = false;
        self.results = None;
        self.results_said = None;
        self.saved = None;
        self.fill(None);
        self.editing = true;
        self.status = Some(Say::new("poll-cleared"));
    }
}

/// What the alert says after a refused save.
pub fn refused_message(problems: &[Problem]) -> Say {
    match problems {
        [only] => Say::new("poll-not-saved-one").say("problem", only.say.clone()),
        more => Say::new("poll-not-saved-many").num("count", more.len() as u32),
    }
}

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::*;
    use crate::poll::Field;

    fn poll() -> &'static Poll {
        Box::leak(Box::new(crate::story::tests::poll_outline()))
    }

    fn single() -> (usize, &'static Question) {
        poll()
            .questions
            .iter()
            .enumerate()
            .find(|(_, q)| q.kind != QuestionKind::Text)
            .expect("the story asks a question with choices")
    }

    fn with_other() -> (usize, &'static Question) {
        poll()
            .questions
            .iter()
            .enumerate()
            .find(|(_, q)| other_choice(q).is_some())
            .expect("the story has an Other choice")
    }

    #[test]
    fn refusals_name_one_problem_or_count_several() {
        let problem = |field, key| Problem {
            question: "q".to_owned(),
            field,
            say: Say::new(key),
        };
        assert_eq!(
            refused_message(&[problem(Field::Form, "poll-error-nothing")]),
            Say::new("poll-not-saved-one").say("problem", Say::new("poll-error-nothing"))
        );
        assert_eq!(
            refused_message(&[
                problem(Field::Text, "poll-error-too-long"),
                problem(Field::Other, "poll-error-other-empty")
            ]),
            Say::new("poll-not-saved-many").num("count", 2)
        );
    }

    #[test]
    fn choices_tick_and_untick_and_a_save_shows_the_summary() {
        let mut s = State::new(poll());
        let (i, q) = single();
        s.choose(i, &q.choices[0].id, true);
        s.choose(i, q.choices[1].id.as_str(), true);
        s.choose(i, q.choices[0].id.as_str(), false);
        assert_eq!(s.drafts[i].chosen, vec![q.choices[1].id.as_str()]);
        assert!(s.dirty);
        let answers = s.check().expect("a choice can be saved");
        s.kept(answers, Some(Ok(())));
        assert!(s.summary_shown());
        assert!(!s.dirty);
        assert_eq!(s.status, Some(Say::new("poll-saved")));
    }

    #[test]
    fn nothing_answered_is_refused_with_an_alert() {
        let mut s = State::new(poll());
        assert!(s.check().is_none());
        assert_eq!(s.problems.len(), 1);
        assert_eq!(s.alert.as_ref().map(|a| a.key), Some("poll-not-saved-one"));
        assert!(!s.summary_shown());
    }

    #[test]
    fn a_failed_write_or_no_storage_is_said_and_the_answers_still_show() {
        let (i, q) = single();
        let full = Notice::Storage(crate::storage::Problem::Full);
        let mut s = State::new(poll());
        s.choose(i, &q.choices[0].id, true);
        let answers = s.check().unwrap();
        s.kept(answers.clone(), Some(Err(full)));
        assert!(s.summary_shown());
        assert_eq!(s.notice, Some(full.say()));
        assert_eq!(s.status, Some(Say::new("poll-saved-not-kept")));
        s.kept(answers.clone(), Some(Ok(())));
        assert_eq!(s.notice, None, "a good write clears the notice");
        let mut memory = State::new(poll());
        memory.notify(Some(full));
        memory.kept(answers, None);
        assert_eq!(
            memory.notice,
            Some(full.say()),
            "in memory the notice stays"
        );
        assert_eq!(memory.status, Some(Say::new("poll-saved-in-memory")));
    }

    #[test]
    fn typing_other_ticks_it() {
        let mut s = State::new(poll());
        let (i, q) = with_other();
        let id = other_choice(q).unwrap();
        s.type_other(i, "   ".to_owned());
        assert!(
            !s.drafts[i].chosen.contains(&id),
            "blank typing ticks nothing"
        );
        s.type_other(i, "Tourism".to_owned());
        assert!(s.drafts[i].chosen.contains(&id));
        assert_eq!(s.drafts[i].other, "Tourism");
    }

    #[test]
    fn change_and_cancel_go_back_to_what_is_saved() {
        let mut s = State::new(poll());
        let (i, q) = single();
        s.choose(i, &q.choices[0].id, true);
        let answers = s.check().unwrap();
        s.kept(answers, Some(Ok(())));
        s.change();
        assert!(!s.summary_shown());
        assert_eq!(s.drafts[i].chosen, vec![q.choices[0].id.as_str()]);
        s.choose(i, q.choices[1].id.as_str(), true);
        s.cancel();
        assert!(s.summary_shown());
        assert_eq!(
            s.drafts[i].chosen,
            vec![q.choices[0].id.as_str()],
            "the change is dropped"
        );
        s.cleared();
        assert!(s.saved.is_none() && s.editing);
        assert!(s.drafts.iter().all(|d| !d.is_answered()));
    }

    #[test]
    fn another_tab_never_wipes_what_the_reader_is_typing() {
        let mut s = State::new(poll());
        let (i, q) = single();
        s.choose(i, &q.choices[0].id, true);
        let theirs = {
            let mut other = State::new(poll());
            other.choose(i, q.choices[1].id.as_str(), true);
            other.check().unwrap()
        };
        let loaded = Loaded {
            answers: Some(theirs.clone()),
            writable: true,
            notice: None,
        };
        s.synced(loaded.clone());
        assert_eq!(
            s.drafts[i].chosen,
            vec![q.choices[0].id.as_str()],
            "the reader's ticks kept"
        );
        assert_eq!(s.status, Some(Say::new("poll-other-tab-changed")));
        let mut idle = State::new(poll());
        idle.synced(loaded);
        assert_eq!(idle.drafts[i].chosen, vec![q.choices[1].id.as_str()]);
        assert!(idle.summary_shown());
        assert_eq!(idle.status, Some(Say::new("poll-other-tab-updated")));
    }

    #[test]
    fn in_a_frame_that_keeps_nothing_the_own_page_is_offered() {
        let (i, q) = single();
        let blocked = || Loaded {
            answers: None,
            writable: false,
            notice: Some(Notice::Storage(crate::storage::Problem::Blocked)),
        };
        let mut s = State::new(poll());
        s.start(blocked().in_frame(true));
        assert_eq!(s.notice, Some(Say::new("storage-framed")));
        assert!(s.own_page);
        // Answering still works, in memory, and the offer stays.
        s.choose(i, &q.choices[0].id, true);
        let answers = s.check().unwrap();
        s.kept(answers, None);
        assert!(s.summary_shown() && s.own_page);
        assert_eq!(s.status, Some(Say::new("poll-saved-in-memory")));
        // A top-level page with blocked storage says so, with no offer.
        let mut top = State::new(poll());
        top.start(blocked().in_frame(false));
        assert_eq!(top.notice, Some(Say::new("storage-blocked")));
        assert!(!top.own_page);
    }

    #[test]
    fn results_arrive_wait_or_are_refused_and_go_with_a_clear() {
        let mut s = State::new(poll());
        s.results_later();
        assert_eq!(s.results_said, Some(Say::new("poll-results-later")));
        assert_eq!(s.results, None);
        let tally = Tally {
            readers: 3,
            questions: vec![(2, vec![1, 1]); poll().questions.len()],
        };
        s.results_arrived(tally.clone());
        assert_eq!(
            s.results_said,
            Some(Say::new("poll-results-readers").num("count", 3))
        );
        assert_eq!(s.results, Some(tally));
        s.results_refused();
        assert_eq!(s.results_said, Some(Say::new("poll-results-refused")));
        s.cleared();
        assert_eq!((s.results, s.results_said), (None, None));
    }
}
