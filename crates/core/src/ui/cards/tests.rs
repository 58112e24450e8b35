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
    let c =
        run(&[Action::Focus { mention: 2 }, Action::PointerEnter { mention: 7, now: 0.0 }, Action::Tick { now: 500.0 }, Action::FocusOut]);
    assert_eq!(open(&c), Some((7, Opener::Hover)));
    let c = c.reduce(Action::PointerLeave { now: 600.0 }).reduce(Action::Tick { now: 900.0 });
    assert_eq!(c.state, CardState::Closed);
}

#[test]
fn escape_over_a_held_card_closes_everything() {
    let c =
        run(&[Action::Focus { mention: 2 }, Action::PointerEnter { mention: 7, now: 0.0 }, Action::Tick { now: 500.0 }, Action::Escape]);
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
