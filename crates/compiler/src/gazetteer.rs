//! The checker's gazetteer: the countries and towns the widget's base map covers, with their
//! coordinates and ISO codes, so the checker can fill a place's stub, answer "did you mean" for
//! a misspelled place and warn about a place whose coordinates are far from its name's town.
//!
//! The data is `static/gazetteer.tsv`: GeoNames (CC BY 4.0) towns of 15,000 people or more and
//! countries, written by `scripts/gazetteer.py`. It is a widget file ([`PATH`]), asked for by
//! the pipeline only when checking ([`crate::folder::Purpose::Check`]), so neither the reader's
//! wasm nor the compiler module carries it: the native tools build it in ([`TEXT`]), the Node
//! checker reads it from the release folder and the preview page fetches it.
//!
//! Format: `#` lines are comments; `C<TAB>ISO3<TAB>name|other name` is a country;
//! `name<TAB>lat<TAB>lon<TAB>ISO3[<TAB>other name|…]` is a town, the most populous first.

use std::collections::HashMap;

use crate::content::suggest::distance;
use crate::geo::draw::distance_km;
use crate::geo::projection::LonLat;

/// The gazetteer's path among the widget's files (`commentary-reader/gazetteer.tsv`).
pub const PATH: &str = "gazetteer.tsv";

/// The gazetteer the widget ships, built into the native tools.
#[cfg(not(target_arch = "wasm32"))]
pub const TEXT: &str = include_str!("../../../static/gazetteer.tsv");

/// How far (km) a place may lie from the gazetteer's point for its name before the checker
/// warns: a city's centre against a port or a district of it is well within.
pub const NEAR_KM: f64 = 30.0;

/// A country: its ISO 3166-1 alpha-3 code and its names (the base map's first).
#[derive(Debug, Clone, PartialEq)]
pub struct Country {
    /// The ISO code (`KAZ`).
    pub iso: String,
    /// Its names in English.
    pub names: Vec<String>,
}

/// A town.
#[derive(Debug, Clone, PartialEq)]
pub struct Town {
    /// Its name as GeoNames writes it (`Novorossiysk`).
    pub name: String,
    /// Degrees north.
    pub lat: f64,
    /// Degrees east.
    pub lon: f64,
    /// Its country's ISO 3166-1 alpha-3 code.
    pub country: String,
}

impl Town {
    /// Great-circle distance in km to `lat`, `lon`.
    pub fn km_to(&self, lat: f64, lon: f64) -> f64 {
        distance_km(LonLat { lon: self.lon, lat: self.lat }, LonLat { lon, lat })
    }

    /// `Novorossiysk (44.73, 37.76, RUS)`: the town as messages name it.
    pub fn describe(&self) -> String {
        format!("{} ({:.2}, {:.2}, {})", self.name, self.lat, self.lon, self.country)
    }
}

/// What a name is, in the gazetteer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Known<'a> {
    /// A country.
    Country(&'a Country),
    /// Towns of that name, the most populous first.
    Towns(&'a [usize]),
}

/// The parsed gazetteer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gazetteer {
    countries: Vec<Country>,
    towns: Vec<Town>,
    /// Every name (other names too) → the towns that have it, the most populous first.
    town_names: HashMap<String, Vec<usize>>,
    /// Every country name → its index.
    country_names: HashMap<String, usize>,
    /// The towns' own names by their first letter (lower case), for "did you mean".
    by_initial: HashMap<char, Vec<usize>>,
}

impl Gazetteer {
    /// Reads the gazetteer's text. A line it cannot read is skipped: the file is the widget's
    /// own, checked by its tests.
    pub fn parse(text: &str) -> Self {
        let mut g = Gazetteer::default();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let fields: Vec<&str> = line.split('\t').collect();
            match fields[..] {
                ["C", iso, names] => {
                    let index = g.countries.len();
                    let names: Vec<String> = names.split('|').map(str::to_owned).collect();
                    for n in &names {
                        g.country_names.insert(key(n), index);
                    }
                    g.countries.push(Country { iso: iso.to_owned(), names });
                }
                [name, lat, lon, country, ..] => {
                    let (Ok(lat), Ok(lon)) = (lat.parse::<f64>(), lon.parse::<f64>()) else { continue };
                    let index = g.towns.len();
                    let others = fields.get(4).map_or(Vec::new(), |o| o.split('|').collect());
                    for n in std::iter::once(name).chain(others) {
                        let list = g.town_names.entry(key(n)).or_default();
                        if !list.contains(&index) {
                            list.push(index);
                        }
                    }
                    if let Some(initial) = name.chars().next().and_then(|c| c.to_lowercase().next()) {
                        g.by_initial.entry(initial).or_default().push(index);
                    }
                    g.towns.push(Town { name: name.to_owned(), lat, lon, country: country.to_owned() });
                }
                _ => {}
            }
        }
        g
    }

    /// How many towns it has.
    pub fn len(&self) -> usize {
        self.towns.len()
    }

    /// Whether it has no town.
    pub fn is_empty(&self) -> bool {
        self.towns.is_empty()
    }

    /// The town at `index` (from [`Known::Towns`]).
    pub fn town(&self, index: usize) -> &Town {
        &self.towns[index]
    }

    /// What `name` (as written, case counts) is: a country, or towns, or nothing known.
    pub fn known(&self, name: &str) -> Option<Known<'_>> {
        let name = key(name);
        if let Some(&i) = self.country_names.get(&name) {
            return Some(Known::Country(&self.countries[i]));
        }
        self.town_names.get(&name).map(|list| Known::Towns(list))
    }

    /// The towns named `name` (or having it as another name), the most populous first.
    pub fn towns_named(&self, name: &str) -> impl Iterator<Item = &Town> {
        self.town_names.get(&key(name)).into_iter().flatten().map(|&i| &self.towns[i])
    }

    /// The town whose name `name` misspells: the nearest by edit distance within
    /// `typo_limit`, its first letter the same (a typo there is rare, and the search stays
    /// quick); the most populous among equally near ones. `None` for a name the gazetteer has.
    pub fn meant(&self, name: &str) -> Option<&Town> {
        if self.known(name).is_some() {
            return None;
        }
        let len = name.chars().count();
        let limit = typo_limit(len);
        let initial = name.chars().next()?.to_lowercase().next()?;
        let mut best: Option<(usize, usize)> = None;
        for &i in self.by_initial.get(&initial)? {
            let town = &self.towns[i].name;
            if town.chars().count().abs_diff(len) > limit {
                continue;
            }
            let d = distance(name, town);
            if d <= limit && best.is_none_or(|(b, _)| d < b) {
                best = Some((d, i));
            }
        }
        best.map(|(_, i)| &self.towns[i])
    }
}

/// `name` as the gazetteer's index keys it: Romanian's s and t with a cedilla written with a
/// comma below (GeoNames writes "Constanţa", editors "Constanța"), typographic apostrophes
/// straight.
fn key(name: &str) -> String {
    name.chars()
        .map(|c| match c {
            'ş' => 'ș',
            'Ş' => 'Ș',
            'ţ' => 'ț',
            'Ţ' => 'Ț',
            '’' | 'ʼ' => '\'',
            c => c,
        })
        .collect()
}

/// How many edits a name of `chars` characters may be from the gazetteer's to be taken for a
/// misspelling of it: none up to five (too many short names are a letter apart), one up to
/// nine, two beyond.
fn typo_limit(chars: usize) -> usize {
    match chars {
        0..=5 => 0,
        6..=9 => 1,
        _ => 2,
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_gazetteer_knows_the_regions_towns_and_countries() {
        let g = Gazetteer::parse(TEXT);
        assert!(g.len() > 20_000, "{} towns", g.len());
        let Some(Known::Towns(aktau)) = g.known("Aktau") else { panic!("Aktau unknown") };
        let aktau = g.town(aktau[0]);
        assert_eq!(aktau.country, "KAZ");
        assert!(aktau.km_to(43.65, 51.17) < 3.0);
        assert!(matches!(g.known("Azerbaijan"), Some(Known::Country(c)) if c.iso == "AZE"));
        // Another name of a large city leads to it.
        assert_eq!(g.towns_named("Kiev").next().map(|t| t.name.as_str()), Some("Kyiv"));
        // Homonyms, the most populous first: Brest in Belarus before Brest in France.
        let brests: Vec<&str> = g.towns_named("Brest").map(|t| t.country.as_str()).collect();
        assert_eq!(&brests[..2], ["BLR", "FRA"]);
        // Nothing outside the base map's extent (the Americas).
        assert!(g.known("Chicago").is_none());
    }

    #[test]
    fn a_misspelled_town_is_recognised_and_a_known_one_is_not_corrected() {
        let g = Gazetteer::parse(TEXT);
        assert_eq!(g.meant("Novorossisk").map(|t| t.name.as_str()), Some("Novorossiysk"));
        assert_eq!(g.meant("Atyrrau").map(|t| t.name.as_str()), Some("Atyrau"));
        assert!(g.meant("Novorossiysk").is_none());
        assert!(g.meant("Minsk").is_none());
        // A comma below for a cedilla is no misspelling.
        assert!(g.meant("Constanța").is_none());
        assert_eq!(g.towns_named("Constanța").next().map(|t| t.country.as_str()), Some("ROU"));
        // Short words are never taken for towns.
        assert!(g.meant("Mnisk").is_none());
    }

    #[test]
    fn malformed_lines_are_skipped() {
        let g = Gazetteer::parse("# comment\nC\tKAZ\tKazakhstan\nAktau\tx\t51\tKAZ\nAtyrau\t47.10\t51.88\tKAZ\nbroken\n");
        assert_eq!(g.len(), 1);
        assert_eq!(g.town(0).name, "Atyrau");
        assert!(matches!(g.known("Kazakhstan"), Some(Known::Country(c)) if c.iso == "KAZ" && c.names == ["Kazakhstan"]));
    }
}
