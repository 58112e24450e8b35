//! The reader's languages over time, as one state the `Reader` component holds: whether the
//! first language has been settled (the element's `lang`, the reader's stored choice, the
//! browser's preferences pick among a commentary's languages, once), and the language a switch
//! is on its way to, told to the page (its `language` event and announcement) once it shows.
//!
//! Its answers are taken at once (test and set), not at the next render: the loader asks from
//! an async task and the ready effect from another, and only the first of them may settle.

/// See the module's documentation.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Languages {
    settled: bool,
    switching_to: Option<String>,
}

impl Languages {
    /// Whether the caller is to settle the first language of a commentary in `count` languages:
    /// true once, for the first caller, and never for a commentary in one language or after
    /// the reader chose one ([`Languages::switch`]).
    pub fn settle(&mut self, count: usize) -> bool {
        count > 1 && !std::mem::replace(&mut self.settled, true)
    }

    /// A switch to `lang` has started (the reader's choice, or the settling's): the first
    /// language is settled by it.
    pub fn switch(&mut self, lang: String) {
        self.settled = true;
        self.switching_to = Some(lang);
    }

    /// A language is on screen: the language the switch went to, once, or `None` when no switch
    /// was under way (the first load, a retry).
    pub fn shown(&mut self) -> Option<String> {
        self.switching_to.take()
    }
}

#[cfg(test)]
mod tests {
    use super::Languages;

    #[test]
    fn the_first_language_is_settled_once_and_only_with_a_choice() {
        let mut l = Languages::default();
        assert!(!l.settle(1), "one language: nothing to settle");
        assert!(l.settle(2), "the first to ask settles");
        assert!(!l.settle(2), "the loader and the ready effect both ask; only one settles");
    }

    #[test]
    fn a_readers_choice_settles_and_is_told_once_it_shows() {
        let mut l = Languages::default();
        assert_eq!(l.shown(), None, "the first load is no switch");
        l.switch("ru".into());
        assert!(!l.settle(3), "the reader chose: the browser's preferences do not override it");
        assert_eq!(l.shown().as_deref(), Some("ru"));
        assert_eq!(l.shown(), None, "told once: a retry later is no switch");
    }
}
