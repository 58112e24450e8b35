//! Entity catalogs (`entities.toml`): the curated cards behind every mention.
//!
//! A catalog is a list of `[[entity]]` tables. Several catalogs may be loaded (a shared one,
//! then per-commentary ones); a later catalog overrides an earlier one by id. A broken entity
//! is reported and skipped; the rest of the catalog stays usable.

use std::collections::HashMap;
use std::fmt;

use super::diagnostic::Aside;
use super::links::is_entity_id;

/// A catalog entry's id: lower-case letters, digits and `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct EntityId(String);

impl EntityId {
    /// The id, if `id` is well-formed.
    pub fn new(id: &str) -> Option<Self> {
        is_entity_id(id).then(|| Self(id.to_owned()))
    }

    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EntityId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An id reads as the text it is (`Option<EntityId>::as_deref` gives `Option<&str>`); it is only
/// made through [`EntityId::new`], which checks it.
impl std::ops::Deref for EntityId {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

/// What an entity is; decides the card's label and which fields it should have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum EntityKind {
    /// A person.
    Person,
    /// An organisation, institution or think tank.
    Organisation,
    /// An initiative, programme or agreement.
    Initiative,
    /// A country (has `iso`).
    Country,
    /// A city, region or site (has coordinates).
    Place,
    /// A key figure: a number in context.
    Figure,
    /// An event or date.
    Event,
}

impl EntityKind {
    const ALL: [(&'static str, EntityKind); 7] = [
        ("person", Self::Person),
        ("organisation", Self::Organisation),
        ("initiative", Self::Initiative),
        ("country", Self::Country),
        ("place", Self::Place),
        ("figure", Self::Figure),
        ("event", Self::Event),
    ];

    /// Parses the catalog spelling (`"organization"` is accepted too).
    pub fn parse(s: &str) -> Option<Self> {
        let s = if s == "organization" { "organisation" } else { s };
        Self::ALL.iter().find(|(name, _)| *name == s).map(|(_, k)| *k)
    }

    /// The catalog spelling.
    pub fn as_str(self) -> &'static str {
        Self::ALL.iter().find(|(_, k)| *k == self).map_or("", |(name, _)| name)
    }
}

/// A point on the globe, degrees.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct LatLon {
    /// Latitude, −90…90.
    pub lat: f64,
    /// Longitude, −180…180.
    pub lon: f64,
}

/// External references shown at the foot of a card.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Links {
    /// A Wikidata item id such as `Q184`.
    pub wikidata: Option<String>,
    /// A Wikipedia article URL.
    pub wikipedia: Option<String>,
    /// The entity's own site.
    pub website: Option<String>,
    /// Where a figure comes from.
    pub source: Option<String>,
}

/// A small chart that puts a figure in context.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub enum Chart {
    /// Bars on one shared scale, e.g. 0.404 % vs 0.144 %.
    Bars {
        /// Unit printed after each value.
        unit: String,
        /// Label and value of each bar.
        values: Vec<(String, f64)>,
    },
    /// A range on a scale, e.g. 25–40 % of 0–100 %.
    Range {
        /// Unit printed after the numbers.
        unit: String,
        /// Lower end of the range.
        from: f64,
        /// Upper end of the range.
        to: f64,
        /// Start of the scale.
        min: f64,
        /// End of the scale.
        max: f64,
        /// What the range measures.
        label: String,
    },
}

/// One catalog entry.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    /// Unique id.
    pub id: EntityId,
    /// What it is.
    pub kind: EntityKind,
    /// Display name.
    pub name: String,
    /// Texts that mention it, matched case-sensitively on whole words.
    pub aliases: Vec<String>,
    /// One or two sentences, the editor's words.
    pub summary: String,
    /// Names in other languages: (BCP 47 tag, name).
    pub native: Vec<(String, String)>,
    /// Label/value pairs.
    pub facts: Vec<(String, String)>,
    /// External references.
    pub links: Links,
    /// A point for the map.
    pub location: Option<LatLon>,
    /// ISO 3166-1 alpha-3 code of a country.
    pub iso: Option<String>,
    /// A chart for a figure.
    pub chart: Option<Chart>,
    /// Where its aliases are written (file, line, column), for messages about them. Not part of
    /// what it is: equality ignores it, and bundles do not carry it.
    #[serde(skip)]
    pub source: Aside<Option<(String, usize, usize)>>,
    /// For a place: the ISO code of the country it is in, which the validator checks its point
    /// against. Only checked; equality ignores it, and bundles do not carry it.
    #[serde(skip)]
    pub country: Aside<Option<String>>,
    /// Where its coordinates are written (file, line, column of `lat`), for messages about where
    /// the map draws it. A translation keeps the original's: the coordinates are the original's.
    /// Not part of what it is: equality ignores it, and bundles do not carry it.
    #[serde(skip)]
    pub coords_at: Aside<Option<(String, usize, usize)>>,
    /// Where each of `aliases` is written (file, line, column; the name's position for a name
    /// that stands for the only alias), for messages about one of them. Not part of what it
    /// is: equality ignores it, and bundles do not carry it.
    #[serde(skip)]
    pub aliases_at: Aside<Vec<(String, usize, usize)>>,
}

/// Several catalogs merged: later entries override earlier ones with the same id.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(from = "Vec<Entity>", into = "Vec<Entity>")]
pub struct Catalog {
    entities: Vec<Entity>,
    by_id: HashMap<EntityId, usize>,
}

impl Catalog {
    /// Merges catalogs in order.
    pub fn merge(catalogs: impl IntoIterator<Item = Vec<Entity>>) -> Self {
        let mut merged = Catalog::default();
        for entity in catalogs.into_iter().flatten() {
            match merged.by_id.get(&entity.id) {
                Some(&i) => merged.entities[i] = entity,
                None => {
                    merged.by_id.insert(entity.id.clone(), merged.entities.len());
                    merged.entities.push(entity);
                }
            }
        }
        merged
    }

    /// All entities, in first-seen order.
    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// The index of `id`, if known.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The entity at `index`.
    pub fn get(&self, index: usize) -> &Entity {
        &self.entities[index]
    }

    /// Whether the catalog is empty.
    pub fn is_empty(&self) -> bool {
        self.entities.is_empty()
    }

    /// Keeps the entities `keep` accepts, in their order.
    pub fn retain(&mut self, keep: impl FnMut(&Entity) -> bool) {
        self.entities.retain(keep);
        self.by_id = self.entities.iter().enumerate().map(|(i, e)| (e.id.clone(), i)).collect();
    }
}

impl std::borrow::Borrow<str> for EntityId {
    fn borrow(&self) -> &str {
        &self.0
    }
}

// The bundle's layout: an id as its text (checked on reading), a catalog as its entities.
impl TryFrom<String> for EntityId {
    type Error = String;
    fn try_from(s: String) -> Result<Self, String> {
        EntityId::new(&s).ok_or_else(|| crate::wire::refuse(format!("`{s}` is not an entity id")))
    }
}

impl From<EntityId> for String {
    fn from(id: EntityId) -> String {
        id.as_str().to_owned()
    }
}

impl From<Vec<Entity>> for Catalog {
    fn from(entities: Vec<Entity>) -> Self {
        Catalog::merge([entities])
    }
}

impl From<Catalog> for Vec<Entity> {
    fn from(c: Catalog) -> Self {
        c.entities().to_vec()
    }
}
