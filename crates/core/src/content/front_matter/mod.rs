//! The commentary's front matter: TOML between two `+++` lines at the top of `commentary.md`.

use super::mentions::MentionPolicy;

/// A calendar date (no time of day, no zone): what a commentary's `date` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Date {
    /// Full year, e.g. 2024.
    pub year: u16,
    /// 1–12.
    pub month: u8,
    /// 1–31.
    pub day: u8,
}

impl Date {
    /// `YYYY-MM-DD`, as used in `<time datetime>` and citations.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Milliseconds since the Unix epoch at 00:00 UTC of this date (for `Intl` formatting).
    pub fn unix_millis(&self) -> f64 {
        // Days from civil (Howard Hinnant's algorithm), exact for the proleptic Gregorian calendar.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        let days = era * 146_097 + doe - 719_468;
        days as f64 * 86_400_000.0
    }

    /// The date `days` days after 1970-01-01 (civil from days, Howard Hinnant's algorithm: the
    /// inverse of [`Date::unix_millis`]'s count). Years outside `u16` are clamped.
    pub fn from_unix_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date { year: year.clamp(0, i64::from(u16::MAX)) as u16, month: month as u8, day: day as u8 }
    }
}

/// One author of the commentary.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Author {
    /// Full name as it should be printed.
    pub name: String,
    /// Title or affiliation, printed after the name.
    pub role: Option<String>,
    /// A page about the author (http/https).
    pub url: Option<String>,
}

/// Where the commentary first appeared.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Publication {
    /// The original publisher, printed as "Originally published by …".
    pub publisher: String,
    /// The publisher's page for this commentary, or its site (http/https).
    pub url: Option<String>,
    /// A closing note, e.g. a partnership statement, printed after the text.
    pub note: Option<String>,
}

/// What sort of writing a commentary is, as a schema.org type (`kind` in the front matter):
/// the `@type` of the reading page's JSON-LD, which search engines read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum ArticleKind {
    /// `OpinionNewsArticle`: an opinion piece, the author's own view. The default.
    #[default]
    OpinionNewsArticle,
    /// `NewsArticle`: reporting.
    NewsArticle,
    /// `AnalysisNewsArticle`: analysis of the news, interpreting facts.
    AnalysisNewsArticle,
    /// `Report`: a report, e.g. by a research organisation.
    Report,
    /// `ScholarlyArticle`: a scholarly article.
    ScholarlyArticle,
    /// `Article`: any other article.
    Article,
    /// `BlogPosting`: a blog post.
    BlogPosting,
}

impl ArticleKind {
    /// Every kind, the default first: the order messages and the authoring guide list them in.
    pub const ALL: [ArticleKind; 7] = [
        Self::OpinionNewsArticle,
        Self::NewsArticle,
        Self::AnalysisNewsArticle,
        Self::Report,
        Self::ScholarlyArticle,
        Self::Article,
        Self::BlogPosting,
    ];

    /// The schema.org type name, as written in the front matter and in JSON-LD.
    pub fn schema_type(self) -> &'static str {
        match self {
            Self::OpinionNewsArticle => "OpinionNewsArticle",
            Self::NewsArticle => "NewsArticle",
            Self::AnalysisNewsArticle => "AnalysisNewsArticle",
            Self::Report => "Report",
            Self::ScholarlyArticle => "ScholarlyArticle",
            Self::Article => "Article",
            Self::BlogPosting => "BlogPosting",
        }
    }

    /// Parses the front-matter spelling: the schema.org name exactly (`"Report"`).
    pub fn parse(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.schema_type() == s)
    }
}

/// Everything the front matter says about a commentary.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct FrontMatter {
    /// The commentary's title.
    pub title: String,
    /// Publication date.
    pub date: Date,
    /// BCP 47 language tag of the text, e.g. `en`.
    pub lang: String,
    /// The editor gave `lang` (otherwise `lang` is the "en" default, and the widget's own
    /// words follow the host page's language instead).
    pub lang_given: bool,
    /// Authors in byline order.
    pub authors: Vec<Author>,
    /// The original publication, if any.
    pub publication: Option<Publication>,
    /// Entity catalogs to load, relative to `commentary.md`; `None` means the default
    /// (`entities.toml` when it exists).
    pub entities: Option<Vec<String>>,
    /// The map file, relative to `commentary.md`; `None` means `map.toml` when it exists.
    pub map: Option<String>,
    /// Which mentions open cards (`mentions = "every"` or `"first"`).
    pub mentions: MentionPolicy,
    /// The commentary's own canonical address (`url`: an absolute http/https URL), where its
    /// reading page is published; cited in preference to the publication's address.
    pub url: Option<String>,
    /// One or two sentences for search results and link previews (`description`); without
    /// one, the reading page uses the text's first paragraph, shortened
    /// (`publish::description`).
    pub description: Option<String>,
    /// The schema.org type of the reading page's structured data (`kind`).
    pub kind: ArticleKind,
    /// The languages the commentary is translated into (`translations = ["ru"]`), each in
    /// `commentary.<tag>.md` beside this file; empty in a translation itself.
    pub translations: Vec<String>,
    /// Where each of `translations` is written, for the message about a translation whose file
    /// is missing. Only the compiler uses it: equality ignores it, and bundles do not carry it.
    #[serde(skip)]
    pub translations_at: super::diagnostic::Positions,
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn days_count_from_the_epoch_across_leap_years_both_ways() {
        let d = |year, month, day| Date { year, month, day };
        for (days, date) in [(0, d(1970, 1, 1)), (11_016, d(2000, 2, 29)), (20_792, d(2026, 12, 5)), (-1, d(1969, 12, 31))] {
            assert_eq!(Date::from_unix_days(days), date);
            assert_eq!(date.unix_millis(), days as f64 * 86_400_000.0, "{date:?}");
        }
        assert_eq!(Date::from_unix_days(20_792).iso(), "2026-12-05");
    }
}
