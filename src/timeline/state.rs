//! What the reader has done to the timeline: which sectors are shown and
//! which milestone is selected. A plain value, tested natively;
//! `components::timeline::wire` shows it.

use crate::story::outline::TimelineOutline;
use crate::timeline::layout::{step, Move};

/// The timeline's state.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// Milestone indices in walking order (the outline's order: dated by
    /// date, then undated).
    pub order: Vec<usize>,
    /// Each milestone's sector index (none: in no sector, always shown).
    pub sector_of: Vec<Option<usize>>,
    /// Per sector: shown or not.
    pub shown: Vec<bool>,
    /// The selected milestone (one is, while any is shown).
    pub selected: Option<usize>,
}

impl State {
    /// The state before the reader does anything: every sector shown, the
    /// first milestone in walking order selected.
    pub fn new(timeline: &TimelineOutline) -> State {
        let order: Vec<usize> = (0..timeline.milestones.len()).collect();
        State {
            selected: order.first().copied(),
            order,
            sector_of: timeline.milestones.iter().map(|m| m.sector).collect(),
            shown: vec![true; timeline.sectors.len()],
        }
    }

    /// True when milestone `i` is shown.
    pub fn is_visible(&self, i: usize) -> bool {
        match self.sector_of.get(i) {
            Some(Some(k)) => self.shown.get(*k).copied().unwrap_or(false),
            Some(None) => true,
            None => false,
        }
    }

    /// The shown milestones, in walking order.
    pub fn visible(&self) -> Vec<usize> {
        self.order
            .iter()
            .copied()
            .filter(|&i| self.is_visible(i))
            .collect()
    }

    /// Shows or hides sector `k`; a selection that gets hidden moves to the
    /// first shown milestone (or to none). Returns whether it is now shown.
    pub fn toggle(&mut self, k: usize) -> bool {
        let Some(on) = self.shown.get_mut(k) else {
            return false;
        };
        *on = !*on;
        let now = *on;
        if self.selected.is_some_and(|s| !self.is_visible(s)) {
            self.selected = self.visible().first().copied();
        }
        now
    }

    /// Selects milestone `i`, turning its sector back on when it was off (a
    /// deep link may name a milestone the reader had filtered out).
    pub fn select(&mut self, i: usize) {
        if i >= self.sector_of.len() {
            return;
        }
        if let Some(k) = self.sector_of[i].filter(|_| !self.is_visible(i)) {
            if let Some(on) = self.shown.get_mut(k) {
                *on = true;
            }
        }
        self.selected = Some(i);
    }

    /// Where a key's move lands from the selection, among shown milestones.
    pub fn step(&self, mv: Move) -> Option<usize> {
        step(&self.visible(), self.selected, mv)
    }
}

#[cfg(all(test, feature = "render"))]
mod tests {
    use super::*;

    fn state() -> State {
        State::new(&crate::story::tests::timeline_outline())
    }

    #[test]
    fn starts_with_everything_shown_and_the_first_selected() {
        let s = state();
        assert_eq!(s.visible(), s.order);
        assert_eq!(s.selected, s.order.first().copied());
    }

    #[test]
    fn hiding_the_selected_sector_moves_the_selection_to_a_shown_one() {
        let mut s = state();
        let first = s.selected.unwrap();
        let k = s.sector_of[first].unwrap();
        assert!(!s.toggle(k));
        let sel = s.selected.unwrap();
        assert_ne!(s.sector_of[sel], Some(k));
        assert_eq!(Some(sel), s.visible().first().copied());
        assert!(s.toggle(k), "shown again");
        assert_eq!(s.selected, Some(sel), "the selection stays put");
    }

    #[test]
    fn hiding_every_sector_leaves_nothing_selected_and_keys_do_nothing() {
        let mut s = state();
        for k in 0..s.shown.len() {
            s.toggle(k);
        }
        assert!(s.visible().is_empty());
        assert_eq!(s.selected, None);
        assert_eq!(s.step(Move::Next), None);
        assert!(!s.toggle(99), "an unknown sector changes nothing");
    }

    #[test]
    fn selecting_a_filtered_out_milestone_shows_its_sector_again() {
        let mut s = state();
        let last = *s.order.last().unwrap();
        let k = s.sector_of[last].unwrap();
        s.toggle(k);
        assert!(!s.is_visible(last));
        s.select(last);
        assert!(s.is_visible(last) && s.shown[k]);
        assert_eq!(s.selected, Some(last));
        s.select(999);
        assert_eq!(s.selected, Some(last), "an unknown index changes nothing");
    }

    #[test]
    fn keys_skip_hidden_milestones() {
        let mut s = state();
        let second = s.order[1];
        s.toggle(s.sector_of[second].unwrap());
        s.selected = s.visible().first().copied();
        let next = s.step(Move::Next).unwrap();
        assert!(s.is_visible(next));
        assert_ne!(s.sector_of[next], s.sector_of[second]);
    }
}
