//! How the model types are laid out in a bundle where their serde derives are not enough, for
//! every type alike: a refused value's message kept for the decoder to report (postcard keeps
//! only that a custom error happened), a cap on nesting (a hostile bundle must not exhaust the
//! stack), and hash maps written sorted (the same folder must always give the same bytes). Each
//! type's own layout (ids and indexes written as what they are built from, the base map on its
//! grid) is beside the type; the lowest layer of the crate, using none of the others.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

thread_local! {
    static REFUSAL: RefCell<Option<String>> = const { RefCell::new(None) };
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Remembers why a value was refused (postcard keeps only that a custom error happened) and
/// gives the message back for serde.
pub fn refuse(message: String) -> String {
    REFUSAL.with(|r| *r.borrow_mut() = Some(message.clone()));
    message
}

/// The last refusal, taken (at the start of a decode, to clear it; after a failure, to say why).
pub fn take_refusal() -> Option<String> {
    REFUSAL.with(|r| r.borrow_mut().take())
}

/// Reads a list nested in lists of its own kind, refusing nesting deeper than `cap` (a hostile
/// bundle must not exhaust the decoder's stack).
pub fn nested_up_to<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D, cap: usize) -> Result<Vec<T>, D::Error> {
    let depth = DEPTH.with(|c| c.get()) + 1;
    if depth > cap {
        return Err(serde::de::Error::custom(refuse(format!("the text is nested more than {cap} deep"))));
    }
    DEPTH.with(|c| c.set(depth));
    let read = Vec::<T>::deserialize(d);
    DEPTH.with(|c| c.set(depth - 1));
    read
}

/// A `HashMap<String, V>` as (key, value) pairs sorted by key.
pub mod sorted_map {
    use super::*;

    /// Writes the pairs sorted.
    pub fn serialize<S: Serializer, V: Serialize>(map: &HashMap<String, V>, s: S) -> Result<S::Ok, S::Error> {
        let mut pairs: Vec<(&String, &V)> = map.iter().collect();
        pairs.sort_by(|a, b| a.0.cmp(b.0));
        s.collect_seq(pairs)
    }

    /// Reads the pairs.
    pub fn deserialize<'de, D: Deserializer<'de>, V: Deserialize<'de>>(d: D) -> Result<HashMap<String, V>, D::Error> {
        Ok(Vec::<(String, V)>::deserialize(d)?.into_iter().collect())
    }
}
