//! What linking produces and the reader uses: which mentions are interactive (the editor's
//! policy) and the index of every mention, in reading order and per entity.

use std::collections::HashMap;

use super::catalog::EntityId;

/// Which mentions become interactive: an editor setting (`mentions` in the front matter).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum MentionPolicy {
    /// Every mention opens a card; repeats are styled more quietly. The default: a reader who
    /// starts mid-text, or forgets, finds the card where they are.
    #[default]
    Every,
    /// Only the first mention of each entity; later ones stay plain text.
    First,
}

impl MentionPolicy {
    /// Parses the front-matter spelling.
    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "every" => Some(Self::Every),
            "first" => Some(Self::First),
            _ => None,
        }
    }
}

/// Mentions in reading order, and per entity.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "Vec<EntityId>", into = "Vec<EntityId>")]
pub struct MentionIndex {
    /// The entity of each mention, by ordinal.
    pub by_ordinal: Vec<EntityId>,
    /// Ordinals of each entity's mentions.
    pub by_entity: HashMap<EntityId, Vec<usize>>,
}

impl MentionIndex {
    /// All mentions of `id`, in reading order.
    pub fn of(&self, id: &EntityId) -> &[usize] {
        self.by_entity.get(id).map_or(&[], Vec::as_slice)
    }

    /// Records the next mention, of `id`: its ordinal, and whether it repeats an earlier one.
    pub fn add(&mut self, id: &EntityId) -> (usize, bool) {
        let ordinal = self.by_ordinal.len();
        self.by_ordinal.push(id.clone());
        let list = self.by_entity.entry(id.clone()).or_default();
        list.push(ordinal);
        (ordinal, list.len() > 1)
    }
}

// The bundle's layout: the index as the entity of each mention, the rest rebuilt on reading.
impl From<Vec<EntityId>> for MentionIndex {
    fn from(by_ordinal: Vec<EntityId>) -> Self {
        let mut by_entity: HashMap<EntityId, Vec<usize>> = HashMap::new();
        for (ordinal, id) in by_ordinal.iter().enumerate() {
            by_entity.entry(id.clone()).or_default().push(ordinal);
        }
        MentionIndex { by_ordinal, by_entity }
    }
}

impl From<MentionIndex> for Vec<EntityId> {
    fn from(m: MentionIndex) -> Self {
        m.by_ordinal
    }
}
