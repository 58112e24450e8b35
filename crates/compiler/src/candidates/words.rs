//! The words the candidates are told by: what begins a name without being part of it, what
//! sits inside one, what names no entity, and the words that tell a name's kind.

/// Words that begin a sentence or a name without being part of it.
#[rustfmt::skip]
pub(super) const LEADING: &[&str] = &[
    "a", "after", "also", "an", "and", "as", "at", "before", "both", "but", "by", "during", "each", "even", "every",
    "for", "from", "he", "her", "here", "his", "how", "if", "in", "into", "it", "its", "meanwhile", "moreover", "most",
    "nor", "not", "of", "on", "or", "our", "she", "since", "so", "some", "still", "such", "that", "the", "their",
    "then", "there", "these", "they", "this", "those", "though", "through", "thus", "to", "under", "unlike", "until",
    "we", "what", "when", "where", "whether", "which", "while", "who", "why", "with", "yet", "however", "although",
    "today", "yesterday", "former", "late", "only", "dear"
];

/// Titles before a person's name, left out of it.
#[rustfmt::skip]
pub(super) const TITLES: &[&str] = &[
    "president", "prime", "minister", "foreign", "deputy", "vice", "chairman", "chairwoman", "chair", "secretary",
    "general", "ambassador", "chancellor", "king", "queen", "premier", "senator", "professor", "dr", "mr", "mrs", "ms",
    "sir", "director", "governor", "mayor", "chief", "executive", "head", "leader", "spokesman", "spokeswoman",
    "envoy", "special", "representative"
];

/// Small words that may sit inside a name ("Belt and Road Initiative", "Bank of China").
#[rustfmt::skip]
pub(super) const INSIDE: &[&str] = &[
    "of", "the", "and", "for", "on", "de", "da", "del", "van", "von", "al", "bin", "ibn", "la", "le"
];

/// Months and days: capitalised, never an entity by themselves.
#[rustfmt::skip]
pub(super) const CALENDAR: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"
];

/// Acronyms that name no entity, and roman numerals.
#[rustfmt::skip]
pub(super) const NOT_ENTITIES: &[&str] = &[
    "GDP", "GNP", "CEO", "USD", "EUR", "RMB", "LNG", "TEU", "OK", "TV", "AM", "PM", "AD", "BC", "PR", "IT", "AI"
];

/// A country's abbreviation, with its code.
#[rustfmt::skip]
pub(super) const COUNTRY_ABBREVIATIONS: &[(&str, &str)] = &[
    ("UK", "GBR"), ("UAE", "ARE"), ("PRC", "CHN"), ("DPRK", "PRK"), ("ROK", "KOR")
];

/// A name's last word that makes it an organisation.
#[rustfmt::skip]
pub(super) const ORGANISATION: &[&str] = &[
    "Academy", "Agency", "Airlines", "Alliance", "Assembly", "Association", "Authority", "Bank", "Board", "Centre",
    "Center", "Commission", "Committee", "Company", "Consortium", "Corporation", "Council", "Court", "Department",
    "Federation", "Forum", "Foundation", "Fund", "Group", "Institute", "Ministry", "Office", "Organisation",
    "Organization", "Parliament", "Partnership", "Party", "Railways", "Secretariat", "Service", "Society", "Union",
    "University", "Ltd", "Inc"
];

/// A name's last word that makes it an initiative.
#[rustfmt::skip]
pub(super) const INITIATIVE: &[&str] = &[
    "Initiative", "Programme", "Program", "Project", "Corridor", "Route", "Strategy", "Plan", "Agreement", "Treaty",
    "Pact"
];

/// A name's first or last word that makes it a place ("Port of Aktau", "Caspian Sea").
#[rustfmt::skip]
pub(super) const PLACE: &[&str] = &[
    "Sea", "Ocean", "Lake", "River", "Mountains", "Strait", "Gulf", "Bay", "Port", "Region", "Province", "Oblast",
    "District", "Valley", "Peninsula", "Island", "Islands", "Park", "Zone", "Basin", "Field", "Desert", "Canal",
    "Pass", "Airport", "Station", "Terminal", "Pipeline", "Gateway", "Hub", "Railway", "Railroad", "Highway", "Bridge",
    "Crossing", "Asia", "Europe", "East", "West", "Caucasus", "Balkans", "Arctic", "Africa", "Siberia", "Steppe"
];

/// A name's last word that makes it an event.
#[rustfmt::skip]
pub(super) const EVENT: &[&str] = &[
    "Summit", "Conference", "War", "Games", "Expo", "Congress", "Crisis", "Revolution", "Talks", "Olympics"
];

/// Endings of the adjectives of peoples and places ("Chinese", "Caspian", "European",
/// "Azerbaijani", "Kazakh", "Uzbek", "Tajik", "Dutch"): never a candidate alone.
#[rustfmt::skip]
pub(super) const ADJECTIVE_ENDINGS: &[&str] = &["an", "ese", "ish", "ic", "i", "ern", "ch", "kh", "ek", "ik"];

/// Capitalised words that name no entity alone.
#[rustfmt::skip]
pub(super) const NOT_NAMES: &[&str] = &["Soviet", "Muslim", "Orthodox", "Communist", "Internet", "Covid", "Markdown", "Mr", "Mrs", "Ms", "Dr"];

/// Endings of a company's one-word name ("Tengizchevroil", "Gazprom", "Transneft").
#[rustfmt::skip]
pub(super) const COMPANY_ENDINGS: &[&str] = &["oil", "gas", "neft", "gaz", "prom", "com", "trans", "tel", "bank", "air", "rail"];
