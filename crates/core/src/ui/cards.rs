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
mod tests;
