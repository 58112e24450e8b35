//! When a hover card opens and closes: one card at a time, for mouse, keyboard and touch.
//!
//! Times are milliseconds on one monotonic clock (the browser's `performance.now()`); the
//! reducer never reads a clock itself, it is told the time, and answers with the time at which
//! it wants to be woken (`wake_at`). That keeps every rule testable without a browser.
//!
//! The rules, after Wikipedia's Page Previews, GitHub's hovercards and WCAG 2.2 SC 1.4.13:
//! - Mouse: a card opens once the pointer has been on a mention for [`HOVER_TOTAL_MS`] and has
//!   rested (not moved) for [`HOVER_REST_MS`]; it stays while the pointer is on the mention or
//!   the card, or travelling towards the card; it closes [`CLOSE_DELAY_MS`] after leaving both.
//! - Keyboard: focusing a mention opens its card at once, beside the text and outside the Tab
//!   sequence (Tab goes on to the next mention); Enter or Space pins it and moves focus into it
//!   ([`Cards::enter`]); Escape closes it and focus returns to the mention (which does not
//!   reopen until focus or pointer leaves and returns). `docs/accessibility.md` has the model.
//! - Touch (and clicks): a tap opens the card, a second tap on the mention or a tap elsewhere
//!   closes it. Touch pointers never start hover intent.
//! - Escape closes the card whatever opened it, hover included (SC 1.4.13 "dismissible"), and
//!   that mention does not reopen until the pointer or focus leaves it and comes back.
//! - A card opened by focus or a click is *held* while the pointer visits other mentions: their
//!   cards may show over it, and when the pointer leaves them the held card comes back, as long
//!   as focus is still on its mention (SC 1.4.13 "persistent").

/// How long the pointer must stay on a mention before its card opens.
pub const HOVER_TOTAL_MS: f64 = 500.0;
/// How long the pointer must rest before the card opens.
pub const HOVER_REST_MS: f64 = 150.0;
/// How long after leaving both mention and card the card closes.
pub const CLOSE_DELAY_MS: f64 = 300.0;

/// What opened the card; it decides what closes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Opener {
    /// Mouse or pen hover; closes after leaving.
    Hover,
    /// Keyboard focus; closes when focus leaves mention and card.
    Focus,
    /// A click, a tap or Enter/Space: pinned until dismissed.
    Pinned,
}

/// The card's state. `mention` is the ordinal of the mention the card belongs to.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CardState {
    /// No card.
    Closed,
    /// The pointer is on a mention; the card opens when intent is clear.
    Intent {
        /// The hovered mention.
        mention: usize,
        /// When the pointer entered it.
        entered: f64,
        /// When the pointer last moved on it.
        last_move: f64,
    },
    /// A card is shown.
    Open {
        /// The mention it belongs to.
        mention: usize,
        /// What opened it.
        opener: Opener,
        /// When it will close unless the pointer comes back.
        close_at: Option<f64>,
    },
}

/// Something the reader did, or a timer firing.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Action {
    /// A mouse or pen pointer entered a mention (touch pointers are not sent).
    PointerEnter {
        /// Mention ordinal.
        mention: usize,
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// The pointer moved on the mention it is on.
    PointerMove {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// The pointer left a mention.
    PointerLeave {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// The pointer entered the open card.
    CardEnter,
    /// The pointer left the open card.
    CardLeave {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// The pointer is between mention and card, heading for the card (the "safe triangle").
    TowardsCard {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
    /// A mention received keyboard focus.
    Focus {
        /// Mention ordinal.
        mention: usize,
    },
    /// Focus left the mention and the card together.
    FocusOut,
    /// Keyboard focus landed on a control of the widget that is neither a mention nor in the
    /// card (a map button, a link): a card the pointer left open is closed, so it cannot cover
    /// what now has focus (SC 2.4.11).
    FocusElsewhere,
    /// Enter or Space on a mention: its card, pinned, with focus moved into it.
    Enter {
        /// Mention ordinal.
        mention: usize,
    },
    /// A click or a tap on a mention.
    Activate {
        /// Mention ordinal.
        mention: usize,
    },
    /// Escape was pressed.
    Escape,
    /// A press outside every mention and the card.
    OutsidePress,
    /// A timer asked for by `wake_at` fired.
    Tick {
        /// When it happened (milliseconds on the page's clock).
        now: f64,
    },
}

/// The card reducer's state.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Cards {
    /// The current card.
    pub state: CardState,
    /// A mention whose card was dismissed with Escape or a second tap: it does not reopen on
    /// hover or focus until the pointer or focus has left it.
    pub suppressed: Option<usize>,
    /// When the reducer wants a [`Action::Tick`].
    pub wake_at: Option<f64>,
    /// A card opened by focus or a click that a hover is visiting over: the mention and its
    /// opener. It is shown while the hover is only an intent, and comes back when the hover
    /// card closes. `Some` only while `state` is `Intent` or a hover `Open`.
    pub held: Option<(usize, Opener)>,
    /// The mention whose card focus should move into (Enter or Space on it): set by
    /// [`Action::Enter`], cleared by the next focus change, Escape, click or press.
    pub enter: Option<usize>,
    /// How many times the reader has asked to enter a card. Each ask is a change the card sees,
    /// even when it comes before the render of the focus change that cleared the last one (a
    /// quick Tab back to the mention, then Enter): `enter` alone would read the same.
    pub entries: u32,
}

impl Default for Cards {
    fn default() -> Self {
        Self { state: CardState::Closed, suppressed: None, wake_at: None, held: None, enter: None, entries: 0 }
    }
}

impl Cards {
    /// The mention whose card is shown, if any: the open card, or the held one while a hover
    /// over another mention is still only an intent.
    pub fn open_mention(&self) -> Option<usize> {
        match self.state {
            CardState::Open { mention, .. } => Some(mention),
            CardState::Intent { .. } => self.held.map(|(mention, _)| mention),
            CardState::Closed => None,
        }
    }

    /// The state to fall back to when a hover ends: the held card, or none.
    fn fall_back(&self) -> CardState {
        match self.held {
            Some((mention, opener)) => CardState::Open { mention, opener, close_at: None },
            None => CardState::Closed,
        }
    }

    /// Applies `action`: the transition it makes, then what holds after every one.
    pub fn reduce(self, action: Action) -> Self {
        self.step(action).settle(action)
    }

    /// The transition `action` makes from this state.
    fn step(self, action: Action) -> Self {
        use CardState::*;
        let mut next = self;
        match (self.state, action) {
            (_, Action::PointerEnter { mention, .. }) if self.suppressed == Some(mention) => {}
            (Open { mention: open, .. }, Action::PointerEnter { mention, .. }) if open == mention => {
                next.state = Open { mention, opener: self.opener().unwrap_or(Opener::Hover), close_at: None };
            }
            // Back on the held card's own mention: the held card, at once.
            (Intent { .. } | Open { opener: Opener::Hover, .. }, Action::PointerEnter { mention, .. })
                if self.held.is_some_and(|(h, _)| h == mention) =>
            {
                next.state = self.fall_back();
                next.held = None;
            }
            // A hover over another mention while a focus or click card is open: hold that card.
            (Open { mention: open, opener: opener @ (Opener::Focus | Opener::Pinned), .. }, Action::PointerEnter { mention, now }) => {
                next.held = Some((open, opener));
                next.state = Intent { mention, entered: now, last_move: now };
            }
            (_, Action::PointerEnter { mention, now }) => {
                next.state = Intent { mention, entered: now, last_move: now };
            }
            (Intent { mention, entered, .. }, Action::PointerMove { now }) => {
                next.state = Intent { mention, entered, last_move: now };
            }
            (Intent { .. }, Action::PointerLeave { .. }) => {
                next.state = self.fall_back();
                next.held = None;
            }
            (Open { mention, opener: Opener::Hover, .. }, Action::PointerLeave { now } | Action::CardLeave { now }) => {
                next.state = Open { mention, opener: Opener::Hover, close_at: Some(now + CLOSE_DELAY_MS) };
            }
            (Open { mention, opener, close_at: Some(_) }, Action::TowardsCard { now }) => {
                next.state = Open { mention, opener, close_at: Some(now + CLOSE_DELAY_MS) };
            }
            (Open { mention, opener, .. }, Action::CardEnter) => next.state = Open { mention, opener, close_at: None },
            (_, Action::Focus { mention }) if self.suppressed == Some(mention) => {}
            (Open { mention: open, opener: Opener::Pinned, .. }, Action::Focus { mention }) if open == mention => {}
            (_, Action::Focus { mention }) => {
                next.state = Open { mention, opener: Opener::Focus, close_at: None };
                next.held = None;
                // Focus has left the dismissed mention for another one.
                next.suppressed = None;
            }
            (Open { opener: Opener::Focus | Opener::Pinned, .. }, Action::FocusOut) => next.state = Closed,
            (Intent { .. } | Open { opener: Opener::Hover, .. }, Action::FocusElsewhere) => next.state = Closed,
            (_, Action::Enter { mention }) => {
                next.state = Open { mention, opener: Opener::Pinned, close_at: None };
                next.suppressed = None;
                next.held = None;
                next.enter = Some(mention);
                next.entries = self.entries.wrapping_add(1);
            }
            (Open { mention: open, opener: Opener::Pinned, .. }, Action::Activate { mention }) if open == mention => {
                next.state = Closed;
                next.suppressed = Some(mention);
            }
            (_, Action::Activate { mention }) => {
                next.state = Open { mention, opener: Opener::Pinned, close_at: None };
                next.suppressed = None;
                next.held = None;
            }
            // Escape dismisses what is shown, whatever opened it, and the hover behind it.
            (Open { .. } | Intent { .. }, Action::Escape) => {
                next.suppressed = match self.state {
                    Intent { mention, .. } if self.held.is_none() => Some(mention),
                    _ => self.open_mention(),
                };
                next.state = Closed;
            }
            (Open { .. } | Intent { .. }, Action::OutsidePress) => next.state = Closed,
            (Intent { mention, entered, last_move }, Action::Tick { now }) if now + 0.5 >= ready_at(entered, last_move) => {
                next.state = Open { mention, opener: Opener::Hover, close_at: None };
            }
            (Open { close_at: Some(at), .. }, Action::Tick { now }) if now + 0.5 >= at => {
                next.state = self.fall_back();
                next.held = None;
            }
            _ => {}
        }
        next
    }

    /// What holds after every transition, `action` being the one just made.
    fn settle(self, action: Action) -> Self {
        use CardState::*;
        let mut next = self;
        // Leaving a suppressed mention (pointer or focus) lifts the suppression; focus leaving
        // for good also lets go of a held card.
        if matches!(action, Action::PointerLeave { .. } | Action::FocusOut) {
            next.suppressed = None;
        }
        if matches!(action, Action::FocusOut) {
            next.held = None;
        }
        // Moving focus into the card is asked for once; what the reader does next lets go.
        if matches!(action, Action::Focus { .. } | Action::FocusOut | Action::Activate { .. } | Action::Escape | Action::OutsidePress) {
            next.enter = None;
        }
        // No card, nothing held behind it, nothing to enter.
        if next.state == Closed {
            next.held = None;
            next.enter = None;
        }
        next.wake_at = match next.state {
            Intent { entered, last_move, .. } => Some(ready_at(entered, last_move)),
            Open { close_at, .. } => close_at,
            Closed => None,
        };
        next
    }

    fn opener(&self) -> Option<Opener> {
        match self.state {
            CardState::Open { opener, .. } => Some(opener),
            _ => None,
        }
    }
}

fn ready_at(entered: f64, last_move: f64) -> f64 {
    (entered + HOVER_TOTAL_MS).max(last_move + HOVER_REST_MS)
}

/// Which way the reader wants to go among an entity's mentions, from a card.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The previous mention.
    Previous,
    /// The next mention (from a map card: the first).
    Next,
}

/// Where a card was opened from, which decides what its footer offers: a mention knows its
/// place among the entity's mentions; a map trigger (marker, country) offers the first mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CardOrigin {
    /// The `index`-th (1-based) of the entity's `count` mentions.
    Mention {
        /// 1-based position.
        index: usize,
        /// How many mentions the entity has.
        count: usize,
    },
    /// A trigger on the map; the entity has `count` mentions in the text (maybe none).
    Map {
        /// How many mentions the entity has.
        count: usize,
    },
}

impl CardOrigin {
    /// The origin of trigger `trigger`, given the ordinals of its entity's mentions in order.
    pub fn of(trigger: usize, mentions: &[usize]) -> Self {
        match mentions.iter().position(|&m| m == trigger) {
            Some(i) => CardOrigin::Mention { index: i + 1, count: mentions.len() },
            None => CardOrigin::Map { count: mentions.len() },
        }
    }

    /// The mention ordinal `step` goes to, if there is one that way.
    pub fn step(self, step: Step, mentions: &[usize]) -> Option<usize> {
        match (self, step) {
            (CardOrigin::Map { .. }, Step::Next) => mentions.first().copied(),
            (CardOrigin::Map { .. }, Step::Previous) => None,
            (CardOrigin::Mention { index, .. }, Step::Previous) => index.checked_sub(2).and_then(|i| mentions.get(i)).copied(),
            (CardOrigin::Mention { index, .. }, Step::Next) => mentions.get(index).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(actions: &[Action]) -> Cards {
        actions.iter().fold(Cards::default(), |c, a| c.reduce(*a))
    }

    fn open(c: &Cards) -> Option<(usize, Opener)> {
        match c.state {
            CardState::Open { mention, opener, .. } => Some((mention, opener)),
            _ => None,
        }
    }

    #[test]
    fn enter_pins_the_card_and_asks_focus_into_it_once() {
        // Focus shows the card; Enter on the same mention pins it and asks to enter it.
        let c = run(&[Action::Focus { mention: 2 }, Action::Enter { mention: 2 }]);
        assert_eq!(open(&c), Some((2, Opener::Pinned)));
        assert_eq!(c.enter, Some(2));
        // Tab back out of the card onto its mention: still open, no longer entering.
        let back = c.reduce(Action::Focus { mention: 2 });
        assert_eq!(open(&back), Some((2, Opener::Pinned)));
        assert_eq!(back.enter, None);
        // Enter again enters again (Enter never toggles; Escape closes), and is a new ask even
        // to a card that never rendered the focus change between the two: what it sees differs.
        let again = back.reduce(Action::Enter { mention: 2 });
        assert_eq!(again.enter, Some(2));
        assert_ne!((again.enter, again.entries), (c.enter, c.entries), "a second Enter reads as the first");
        // Tab on to the next mention: its card, by focus; nothing to enter.
        let next = back.reduce(Action::Focus { mention: 3 });
        assert_eq!((open(&next), next.enter), (Some((3, Opener::Focus)), None));
        // Escape from inside the card closes it and lets go.
        let closed = c.reduce(Action::Escape);
        assert_eq!((closed.state, closed.enter), (CardState::Closed, None));
    }

    #[test]
    fn enter_opens_a_dismissed_mention_again() {
        let c = run(&[Action::Focus { mention: 1 }, Action::Escape]);
        assert_eq!(c.state, CardState::Closed);
        let c = c.reduce(Action::Enter { mention: 1 });
        assert_eq!((open(&c), c.enter, c.suppressed), (Some((1, Opener::Pinned)), Some(1), None));
    }

    #[test]
    fn hover_opens_after_intent_not_before() {
        let c = run(&[Action::PointerEnter { mention: 3, now: 1000.0 }]);
        assert_eq!(c.wake_at, Some(1500.0));
        assert_eq!(open(&c.reduce(Action::Tick { now: 1400.0 })), None);
        assert_eq!(open(&c.reduce(Action::Tick { now: 1500.0 })), Some((3, Opener::Hover)));
    }

    #[test]
    fn a_moving_pointer_must_rest_first() {
        let c = run(&[Action::PointerEnter { mention: 1, now: 0.0 }, Action::PointerMove { now: 450.0 }]);
        let c = c.reduce(Action::Tick { now: 500.0 });
        assert_eq!(open(&c), None);
        assert_eq!(c.wake_at, Some(600.0));
        assert_eq!(open(&c.reduce(Action::Tick { now: 600.0 })), Some((1, Opener::Hover)));
    }

    #[test]
    fn passing_over_a_mention_opens_nothing() {
        let c = run(&[Action::PointerEnter { mention: 1, now: 0.0 }, Action::PointerLeave { now: 120.0 }, Action::Tick { now: 500.0 }]);
        assert_eq!(c.state, CardState::Closed);
        assert_eq!(c.wake_at, None);
    }

    #[test]
    fn the_card_stays_while_the_pointer_is_on_it_and_closes_after_leaving_both() {
        let c = run(&[Action::PointerEnter { mention: 1, now: 0.0 }, Action::Tick { now: 500.0 }, Action::PointerLeave { now: 700.0 }]);
        assert_eq!(c.wake_at, Some(1000.0));
        let inside = c.reduce(Action::CardEnter);
        assert_eq!(inside.wake_at, None);
        assert_eq!(open(&inside.reduce(Action::Tick { now: 1000.0 })), Some((1, Opener::Hover)));
        let left = inside.reduce(Action::CardLeave { now: 2000.0 });
        assert_eq!(open(&left.reduce(Action::Tick { now: 2200.0 })), Some((1, Opener::Hover)));
        assert_eq!(left.reduce(Action::Tick { now: 2300.0 }).state, CardState::Closed);
    }

    #[test]
    fn travelling_towards_the_card_postpones_closing() {
        let c = run(&[Action::PointerEnter { mention: 1, now: 0.0 }, Action::Tick { now: 500.0 }, Action::PointerLeave { now: 600.0 }]);
        let c = c.reduce(Action::TowardsCard { now: 850.0 });
        assert_eq!(open(&c.reduce(Action::Tick { now: 900.0 })), Some((1, Opener::Hover)));
        assert_eq!(c.wake_at, Some(1150.0));
    }

    #[test]
    fn returning_to_the_mention_keeps_the_card() {
        let c = run(&[
            Action::PointerEnter { mention: 1, now: 0.0 },
            Action::Tick { now: 500.0 },
            Action::PointerLeave { now: 600.0 },
            Action::PointerEnter { mention: 1, now: 700.0 },
        ]);
        assert_eq!(open(&c), Some((1, Opener::Hover)));
        assert_eq!(c.wake_at, None);
    }

    #[test]
    fn focus_opens_escape_closes_and_does_not_reopen_until_focus_leaves() {
        let c = run(&[Action::Focus { mention: 2 }]);
        assert_eq!(open(&c), Some((2, Opener::Focus)));
        let c = c.reduce(Action::Escape);
        assert_eq!(c.state, CardState::Closed);
        assert_eq!(c.reduce(Action::Focus { mention: 2 }).state, CardState::Closed);
        assert_eq!(c.reduce(Action::PointerEnter { mention: 2, now: 0.0 }).state, CardState::Closed);
        let c = c.reduce(Action::FocusOut).reduce(Action::Focus { mention: 2 });
        assert_eq!(open(&c), Some((2, Opener::Focus)));
        // Moving focus on to another mention switches cards: one at a time.
        assert_eq!(open(&c.reduce(Action::Focus { mention: 5 })), Some((5, Opener::Focus)));
    }

    #[test]
    fn focus_cards_ignore_the_pointer_leaving_and_close_when_focus_leaves() {
        let c = run(&[Action::Focus { mention: 2 }, Action::PointerLeave { now: 10.0 }, Action::Tick { now: 1000.0 }]);
        assert_eq!(open(&c), Some((2, Opener::Focus)));
        assert_eq!(c.reduce(Action::FocusOut).state, CardState::Closed);
    }

    #[test]
    fn tap_toggles_and_outside_press_closes() {
        let c = run(&[Action::Activate { mention: 4 }]);
        assert_eq!(open(&c), Some((4, Opener::Pinned)));
        let closed = c.reduce(Action::Activate { mention: 4 });
        assert_eq!(closed.state, CardState::Closed);
        assert_eq!(c.reduce(Action::OutsidePress).state, CardState::Closed);
        // A pinned card survives the pointer leaving.
        let c = c.reduce(Action::PointerLeave { now: 0.0 }).reduce(Action::Tick { now: 5000.0 });
        assert_eq!(open(&c), Some((4, Opener::Pinned)));
        // Tapping another mention moves the card there.
        assert_eq!(open(&c.reduce(Action::Activate { mention: 6 })), Some((6, Opener::Pinned)));
    }

    #[test]
    fn enter_pins_a_focus_card_and_a_second_enter_closes_it() {
        let c = run(&[Action::Focus { mention: 1 }, Action::Activate { mention: 1 }]);
        assert_eq!(open(&c), Some((1, Opener::Pinned)));
        assert_eq!(c.reduce(Action::Activate { mention: 1 }).state, CardState::Closed);
    }

    #[test]
    fn escape_closes_a_hover_card_and_it_stays_closed_until_the_pointer_comes_back() {
        let c = run(&[Action::PointerEnter { mention: 3, now: 0.0 }, Action::Tick { now: 500.0 }]);
        assert_eq!(open(&c), Some((3, Opener::Hover)));
        let c = c.reduce(Action::Escape);
        assert_eq!(c.state, CardState::Closed);
        assert_eq!(c.wake_at, None);
        // Moving on the mention, or the pointer re-entering it without leaving, opens nothing.
        let c = c.reduce(Action::PointerMove { now: 600.0 }).reduce(Action::PointerEnter { mention: 3, now: 700.0 });
        assert_eq!(c.state, CardState::Closed);
        // Leaving and coming back starts hover intent again.
        let c = c.reduce(Action::PointerLeave { now: 800.0 }).reduce(Action::PointerEnter { mention: 3, now: 900.0 });
        assert_eq!(open(&c.reduce(Action::Tick { now: 1400.0 })), Some((3, Opener::Hover)));
    }

    #[test]
    fn escape_during_hover_intent_cancels_it() {
        let c = run(&[Action::PointerEnter { mention: 3, now: 0.0 }, Action::Escape, Action::Tick { now: 500.0 }]);
        assert_eq!(c.state, CardState::Closed);
        assert_eq!(c.suppressed, Some(3));
    }

    #[test]
    fn a_focus_card_is_held_while_the_pointer_visits_another_mention() {
        let c = run(&[Action::Focus { mention: 2 }, Action::PointerEnter { mention: 7, now: 0.0 }]);
        // Still only an intent: the focused mention's card stays shown.
        assert_eq!(c.open_mention(), Some(2));
        let c = c.reduce(Action::Tick { now: 500.0 });
        assert_eq!(open(&c), Some((7, Opener::Hover)));
        // The pointer leaves: the hover card closes after the delay and the focus card returns.
        let c = c.reduce(Action::PointerLeave { now: 600.0 });
        assert_eq!(c.open_mention(), Some(7));
        let c = c.reduce(Action::Tick { now: 900.0 });
        assert_eq!(open(&c), Some((2, Opener::Focus)));
        assert_eq!(c.held, None);
        // And it stays however long the pointer is away.
        assert_eq!(open(&c.reduce(Action::Tick { now: 5000.0 })), Some((2, Opener::Focus)));
    }

    #[test]
    fn passing_over_another_mention_never_hides_the_focus_card() {
        let c = run(&[Action::Focus { mention: 2 }, Action::PointerEnter { mention: 7, now: 0.0 }, Action::PointerLeave { now: 100.0 }]);
        assert_eq!(open(&c), Some((2, Opener::Focus)));
        assert_eq!(c.wake_at, None);
    }

    #[test]
    fn back_on_the_held_mention_shows_its_card_at_once() {
        let c = run(&[
            Action::Activate { mention: 2 },
            Action::PointerEnter { mention: 7, now: 0.0 },
            Action::Tick { now: 500.0 },
            Action::PointerEnter { mention: 2, now: 600.0 },
        ]);
        assert_eq!(open(&c), Some((2, Opener::Pinned)));
        assert_eq!(c.held, None);
    }

    #[test]
    fn focus_leaving_lets_go_of_the_held_card() {
        let c = run(&[
            Action::Focus { mention: 2 },
            Action::PointerEnter { mention: 7, now: 0.0 },
            Action::Tick { now: 500.0 },
            Action::FocusOut,
        ]);
        assert_eq!(open(&c), Some((7, Opener::Hover)));
        let c = c.reduce(Action::PointerLeave { now: 600.0 }).reduce(Action::Tick { now: 900.0 });
        assert_eq!(c.state, CardState::Closed);
    }

    #[test]
    fn escape_over_a_held_card_closes_everything() {
        let c = run(&[
            Action::Focus { mention: 2 },
            Action::PointerEnter { mention: 7, now: 0.0 },
            Action::Tick { now: 500.0 },
            Action::Escape,
        ]);
        assert_eq!(c.state, CardState::Closed);
        assert_eq!(c.held, None);
        assert_eq!(c.reduce(Action::Tick { now: 5000.0 }).state, CardState::Closed);
    }

    #[test]
    fn a_dismissed_mention_reopens_once_focus_has_been_on_another_mention() {
        let c = run(&[Action::Focus { mention: 2 }, Action::Escape, Action::Focus { mention: 5 }, Action::Focus { mention: 2 }]);
        assert_eq!(open(&c), Some((2, Opener::Focus)));
    }

    #[test]
    fn a_card_knows_where_it_came_from_and_where_its_steps_go() {
        let mentions = [3, 9, 14];
        let middle = CardOrigin::of(9, &mentions);
        assert_eq!(middle, CardOrigin::Mention { index: 2, count: 3 });
        assert_eq!(middle.step(Step::Previous, &mentions), Some(3));
        assert_eq!(middle.step(Step::Next, &mentions), Some(14));
        let first = CardOrigin::of(3, &mentions);
        assert_eq!(first.step(Step::Previous, &mentions), None);
        let last = CardOrigin::of(14, &mentions);
        assert_eq!(last.step(Step::Next, &mentions), None);
        // A map trigger (numbered after every mention) goes to the first mention.
        let map = CardOrigin::of(60, &mentions);
        assert_eq!(map, CardOrigin::Map { count: 3 });
        assert_eq!(map.step(Step::Next, &mentions), Some(3));
        assert_eq!(CardOrigin::of(60, &[]).step(Step::Next, &[]), None);
    }

    #[test]
    fn focus_elsewhere_closes_what_the_pointer_left_open_and_nothing_else() {
        let hovered = run(&[Action::PointerEnter { mention: 1, now: 0.0 }, Action::Tick { now: 500.0 }]);
        assert_eq!(open(&hovered), Some((1, Opener::Hover)));
        assert_eq!(hovered.reduce(Action::FocusElsewhere).state, CardState::Closed);
        let intent = run(&[Action::PointerEnter { mention: 1, now: 0.0 }]);
        assert!(matches!(intent.state, CardState::Intent { .. }));
        assert_eq!(intent.reduce(Action::FocusElsewhere).state, CardState::Closed);
        let pinned = run(&[Action::Activate { mention: 2 }]);
        assert_eq!(open(&pinned.reduce(Action::FocusElsewhere)), Some((2, Opener::Pinned)), "a pinned card stays");
    }
}
