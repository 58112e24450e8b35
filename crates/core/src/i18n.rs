//! The widget's own words (not the commentary's). English for now; every language added
//! later gets the same table, and a test checks each has every key.

/// All UI strings of one language.
#[derive(Debug)]
pub struct Strings {
    /// Before the author list: "By Yauheni Preiherman".
    pub by: &'static str,
    /// Joins the last two authors: "A and B".
    pub and: &'static str,
    /// Before the publisher: "Originally published by AVIM".
    pub originally_published_by: &'static str,
    /// Status while the commentary loads (shown only when the host gave no fallback).
    pub loading: &'static str,
    /// Heading of the error view.
    pub error_title: &'static str,
    /// Accessible name of the article region, followed by the title.
    pub article_label: &'static str,
    /// The heading of the closing "about the author" section.
    pub about_author: &'static str,
    /// Card labels for each entity kind, in `EntityKind` order: person, organisation,
    /// initiative, country, place, figure, event.
    pub kinds: [&'static str; 7],
    /// "Mention 2 of 5": `{k}` and `{n}` are replaced.
    pub mention_k_of_n: &'static str,
    /// When an entity is mentioned once.
    pub mentioned_once: &'static str,
    /// Accessible name of the previous-mention button.
    pub previous_mention: &'static str,
    /// Accessible name of the next-mention button.
    pub next_mention: &'static str,
    /// Accessible name of the card's close button.
    pub close: &'static str,
    /// Link labels: Wikipedia, Wikidata, website, source.
    pub wikipedia: &'static str,
    /// See `wikipedia`.
    pub wikidata: &'static str,
    /// See `wikipedia`.
    pub website: &'static str,
    /// See `wikipedia`.
    pub source: &'static str,
    /// Suffix of a new-tab link's accessible name.
    pub opens_in_new_tab: &'static str,
    /// Heading of a card's list of the site's other commentaries on its entity.
    pub also_in: &'static str,
    /// Accessible name of the map, before its title.
    pub map: &'static str,
    /// How to use the map from the keyboard (read after its name).
    pub map_help: &'static str,
    /// Name of the zoom controls group.
    pub zoom: &'static str,
    /// Zoom-in button.
    pub zoom_in: &'static str,
    /// Zoom-out button.
    pub zoom_out: &'static str,
    /// Button that returns to the whole map.
    pub reset_view: &'static str,
    /// Name of the chapter controls group.
    pub chapters: &'static str,
    /// Previous-chapter button.
    pub previous_chapter: &'static str,
    /// Next-chapter button.
    pub next_chapter: &'static str,
    /// "2/3: Title": `{k}`, `{n}` and `{title}` are replaced.
    pub chapter_k_of_n: &'static str,
    /// Shown instead of a chapter before any is chosen.
    pub overview: &'static str,
    /// The chapter before the first heading.
    pub introduction: &'static str,
    /// Summary of the map's text alternative.
    pub map_as_text: &'static str,
    /// Text alternative: the routes list's heading.
    pub routes: &'static str,
    /// Text alternative: the places list's heading.
    pub places: &'static str,
    /// Text alternative: the highlighted countries' heading.
    pub highlighted: &'static str,
    /// Accessible name of the legend.
    pub legend: &'static str,
    /// Legend: a rail route.
    pub rail: &'static str,
    /// Legend: a sea route.
    pub sea: &'static str,
    /// Legend: a road route.
    pub road: &'static str,
    /// The language switch's label.
    pub language: &'static str,
    /// Announced after the language switch: `{language}` (named in itself) is replaced.
    pub language_shown: &'static str,
    /// Legend: a ferry crossing.
    pub ferry: &'static str,
    /// Legend: a pipeline.
    pub pipeline: &'static str,
    /// Legend: a break-of-gauge point.
    pub gauge_break: &'static str,
    /// Legend: a marker that opens a card.
    pub place_with_card: &'static str,
    /// Legend: a marker of a map-only place (no card).
    pub place: &'static str,
    /// Collapses the map.
    pub hide_map: &'static str,
    /// Expands the map.
    pub show_map: &'static str,
    /// Data credit shown on the map.
    pub map_attribution: &'static str,
    /// Announced when a chapter is shown: `{title}` and `{what}` are replaced.
    pub map_shows: &'static str,
    /// Announced after "show on map": `{name}` is replaced.
    pub map_shows_entity: &'static str,
    /// Shown when the wheel scrolls over the map without Ctrl/⌘.
    pub wheel_hint: &'static str,
    /// Card button that moves the map to the entity.
    pub show_on_map: &'static str,
    /// Card opened from the map: goes to the first mention; `{n}` is replaced.
    pub first_mention: &'static str,
    /// Card opened from the map for something the text does not name.
    pub not_mentioned: &'static str,
    /// Shown where the map would be when it cannot be drawn.
    pub map_unavailable: &'static str,
    /// The button that tries loading again after a network failure.
    pub retry: &'static str,
    /// Heading of the `debug` panel listing the content's problems.
    pub problems: &'static str,
    /// The unit of the map's scale bar.
    pub km: &'static str,
    /// Reading time: `{range}` minutes, e.g. "4–5".
    pub reading_time: &'static str,
    /// Summary of the citation box.
    pub cite: &'static str,
    /// Copies a citation.
    pub copy: &'static str,
    /// Announced after copying.
    pub copied: &'static str,
    /// The per-paragraph link button.
    pub copy_link: &'static str,
    /// Announced after copying a paragraph link.
    pub link_copied: &'static str,
    /// Heading of the printed glossary of the cards.
    pub glossary: &'static str,
    /// Accessible name of the reading-progress bar.
    pub progress: &'static str,
    /// Name of the group of skip links and the keys' help at the widget's start.
    pub shortcuts: &'static str,
    /// Skip link past the map, to the text.
    pub skip_to_text: &'static str,
    /// Skip link past the whole commentary (focus lands after it).
    pub skip_to_end: &'static str,
    /// The button showing the keyboard help.
    pub keys: &'static str,
    /// The keyboard help, one key or pair of keys per line.
    pub keys_help: [&'static str; 5],
    /// Digit grouping and decimal mark: "1,234.5" in English, "1 234,5" in Russian.
    pub number_marks: (&'static str, &'static str),
    /// Month names as a date uses them (genitive where the language needs it).
    pub months: [&'static str; 12],
    /// A date: `{d}` day, `{m}` month number, `{month}` its name, `{y}` year.
    pub date_format: &'static str,
}

/// The tables are statics, one per language: the same table is the same language. Components
/// compare the `&'static Strings` in their props on every render; comparing by address costs
/// nothing (a derived comparison of every field cost the reader 2.3 KB of code).
impl PartialEq for Strings {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Strings {}

/// The name of the language `tag` in itself, for the language switch ("Русский"), or the tag.
pub fn language_name(tag: &str) -> &str {
    const NAMES: &[(&str, &str)] = &[
        ("en", "English"),
        ("ru", "Русский"),
        ("be", "Беларуская"),
        ("uk", "Українська"),
        ("zh", "中文"),
        ("tr", "Türkçe"),
        ("de", "Deutsch"),
        ("fr", "Français"),
        ("pl", "Polski"),
        ("kk", "Қазақ тілі"),
        ("es", "Español"),
    ];
    NAMES.iter().find(|(t, _)| t.eq_ignore_ascii_case(primary_subtag(tag))).map_or(tag, |(_, name)| name)
}

/// Whether two language tags name the same language, by their primary subtag (`ru-RU` and `ru`).
pub fn same_language(a: &str, b: &str) -> bool {
    primary_subtag(a).eq_ignore_ascii_case(primary_subtag(b))
}

/// The language of `tag` without its region or script: `ru` of `ru-RU` (or `ru_RU`).
pub fn primary_subtag(tag: &str) -> &str {
    tag.split(['-', '_']).next().unwrap_or(tag)
}

impl Strings {
    /// What the legend, and the map as text for a route of several kinds, calls `kind`.
    pub fn route_kind(&self, kind: crate::geo::spec::RouteKind) -> &'static str {
        use crate::geo::spec::RouteKind;
        match kind {
            RouteKind::Rail => self.rail,
            RouteKind::Sea => self.sea,
            RouteKind::Road => self.road,
            RouteKind::Ferry => self.ferry,
            RouteKind::Pipeline => self.pipeline,
        }
    }
}

/// English.
pub const EN: Strings = Strings {
    by: "By",
    and: "and",
    originally_published_by: "Originally published by",
    loading: "Loading the commentary…",
    error_title: "This commentary could not be shown",
    article_label: "Commentary",
    about_author: "About the author",
    kinds: ["Person", "Organisation", "Initiative", "Country", "Place", "Key figure", "Event"],
    mention_k_of_n: "Mention {k} of {n}",
    mentioned_once: "Mentioned once",
    previous_mention: "Previous mention",
    next_mention: "Next mention",
    close: "Close",
    wikipedia: "Wikipedia",
    wikidata: "Wikidata",
    website: "Website",
    source: "Source",
    opens_in_new_tab: "(opens in a new tab)",
    also_in: "Also in",
    map: "Map",
    map_help: "Use + and − to zoom, the arrow keys to pan and 0 to reset. Tab reaches the places and countries that open a card.",
    zoom: "Zoom",
    zoom_in: "Zoom in",
    zoom_out: "Zoom out",
    reset_view: "Whole map",
    chapters: "Map chapters",
    previous_chapter: "Previous chapter",
    next_chapter: "Next chapter",
    chapter_k_of_n: "{k}/{n}: {title}",
    overview: "Overview",
    introduction: "Introduction",
    map_as_text: "The map as text",
    routes: "Routes",
    places: "Places",
    highlighted: "Highlighted countries",
    legend: "Legend",
    rail: "Rail route",
    sea: "Sea route",
    road: "Road route",
    language: "Language",
    language_shown: "Now reading in {language}",
    ferry: "Ferry crossing",
    pipeline: "Pipeline",
    gauge_break: "Break of gauge",
    place_with_card: "Place with a card",
    place: "Place",
    hide_map: "Hide map",
    show_map: "Show map",
    map_attribution: "Borders: Natural Earth",
    map_shows: "Map: {title} — showing {what}",
    map_shows_entity: "Map: showing {name}",
    wheel_hint: "Hold Ctrl (⌘ on a Mac) and scroll to zoom the map",
    show_on_map: "Show on map",
    first_mention: "Mentioned {n}× — go to the text",
    not_mentioned: "Not named in the text",
    map_unavailable: "The map could not be drawn",
    retry: "Try again",
    problems: "Problems in this commentary's files",
    km: "km",
    reading_time: "{range} min read",
    cite: "Cite this",
    copy: "Copy",
    copied: "Copied",
    copy_link: "Copy a link to this paragraph",
    link_copied: "Link copied",
    glossary: "Glossary",
    progress: "Reading progress",
    shortcuts: "Shortcuts",
    skip_to_text: "Skip to the text",
    skip_to_end: "Skip past the commentary",
    keys: "Keyboard keys",
    keys_help: [
        "Tab and Shift+Tab: the next or previous mention; its card shows while it has focus.",
        "Enter or Space on a mention: into its card. Tab moves through the card and back to the mention.",
        "Escape: closes the card, wherever focus is.",
        "L: copies a link to the paragraph with focus (or the first one in view).",
        "On the map: + and − zoom, the arrow keys pan, 0 shows the whole map.",
    ],
    number_marks: (",", "."),
    months: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
    date_format: "{month} {d}, {y}",
};
/// Russian.
pub const RU: Strings = Strings {
    by: "Автор:",
    and: "и",
    originally_published_by: "Впервые опубликовано:",
    loading: "Загрузка комментария…",
    error_title: "Не удалось показать этот комментарий",
    article_label: "Комментарий",
    about_author: "Об авторе",
    kinds: ["Персона", "Организация", "Инициатива", "Страна", "Место", "Ключевая цифра", "Событие"],
    mention_k_of_n: "Упоминание {k} из {n}",
    mentioned_once: "Упоминается один раз",
    previous_mention: "Предыдущее упоминание",
    next_mention: "Следующее упоминание",
    close: "Закрыть",
    wikipedia: "Википедия",
    wikidata: "Викиданные",
    website: "Сайт",
    source: "Источник",
    opens_in_new_tab: "(откроется в новой вкладке)",
    also_in: "Также в",
    map: "Карта",
    map_help: "Клавиши + и − меняют масштаб, стрелки сдвигают карту, 0 возвращает исходный вид. Клавиша Tab ведёт к местам и странам с карточками.",
    zoom: "Масштаб",
    zoom_in: "Приблизить",
    zoom_out: "Отдалить",
    reset_view: "Вся карта",
    chapters: "Главы карты",
    previous_chapter: "Предыдущая глава",
    next_chapter: "Следующая глава",
    chapter_k_of_n: "{k}/{n}: {title}",
    overview: "Обзор",
    introduction: "Введение",
    map_as_text: "Карта в виде текста",
    routes: "Маршруты",
    places: "Места",
    highlighted: "Выделенные страны",
    legend: "Легенда",
    rail: "Железнодорожный маршрут",
    sea: "Морской маршрут",
    road: "Автомобильный маршрут",
    language: "Язык",
    language_shown: "Текст теперь на языке: {language}",
    ferry: "Паромная переправа",
    pipeline: "Трубопровод",
    gauge_break: "Смена ширины колеи",
    place_with_card: "Место с карточкой",
    place: "Место",
    hide_map: "Скрыть карту",
    show_map: "Показать карту",
    map_attribution: "Границы: Natural Earth",
    map_shows: "Карта: {title} — показано: {what}",
    map_shows_entity: "На карте: {name}",
    wheel_hint: "Чтобы изменить масштаб, прокрутите колесо, удерживая Ctrl (⌘ на Mac)",
    show_on_map: "Показать на карте",
    first_mention: "Упоминаний в тексте: {n} — перейти к тексту",
    not_mentioned: "В тексте не упоминается",
    map_unavailable: "Не удалось нарисовать карту",
    retry: "Повторить",
    problems: "Проблемы в файлах комментария",
    km: "км",
    reading_time: "{range} мин чтения",
    cite: "Как цитировать",
    copy: "Копировать",
    copied: "Скопировано",
    copy_link: "Скопировать ссылку на этот абзац",
    link_copied: "Ссылка скопирована",
    glossary: "Глоссарий",
    progress: "Прогресс чтения",
    shortcuts: "Быстрые переходы",
    skip_to_text: "Перейти к тексту",
    skip_to_end: "Пропустить комментарий",
    keys: "Клавиши",
    keys_help: [
        "Tab и Shift+Tab: следующее или предыдущее упоминание; пока оно в фокусе, видна его карточка.",
        "Enter или пробел на упоминании: перейти в его карточку. Tab ведёт по карточке и обратно к упоминанию.",
        "Escape: закрывает карточку, где бы ни был фокус.",
        "L: копирует ссылку на абзац в фокусе (или на первый видимый).",
        "На карте: + и − меняют масштаб, стрелки сдвигают карту, 0 показывает её целиком.",
    ],
    number_marks: ("\u{a0}", ","),
    months: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
    date_format: "{d} {month} {y} г.",
};

/// Belarusian.
pub const BE: Strings = Strings {
    by: "Аўтар:",
    and: "і",
    originally_published_by: "Упершыню апублікавана:",
    loading: "Загрузка каментарыя…",
    error_title: "Не атрымалася паказаць гэты каментарый",
    article_label: "Каментарый",
    about_author: "Пра аўтара",
    kinds: ["Асоба", "Арганізацыя", "Ініцыятыва", "Краіна", "Месца", "Ключавая лічба", "Падзея"],
    mention_k_of_n: "Згадка {k} з {n}",
    mentioned_once: "Згадваецца адзін раз",
    previous_mention: "Папярэдняя згадка",
    next_mention: "Наступная згадка",
    close: "Закрыць",
    wikipedia: "Вікіпедыя",
    wikidata: "Вікіданыя",
    website: "Сайт",
    source: "Крыніца",
    opens_in_new_tab: "(адкрыецца ў новай укладцы)",
    also_in: "Таксама ў",
    map: "Мапа",
    map_help:
        "Клавішы + і − змяняюць маштаб, стрэлкі зрушваюць мапу, 0 вяртае зыходны выгляд. Клавіша Tab вядзе да месцаў і краін з карткамі.",
    zoom: "Маштаб",
    zoom_in: "Наблізіць",
    zoom_out: "Аддаліць",
    reset_view: "Уся мапа",
    chapters: "Раздзелы мапы",
    previous_chapter: "Папярэдні раздзел",
    next_chapter: "Наступны раздзел",
    chapter_k_of_n: "{k}/{n}: {title}",
    overview: "Агляд",
    introduction: "Уводзіны",
    map_as_text: "Мапа ў выглядзе тэксту",
    routes: "Маршруты",
    places: "Месцы",
    highlighted: "Вылучаныя краіны",
    legend: "Легенда",
    rail: "Чыгуначны маршрут",
    sea: "Марскі маршрут",
    road: "Аўтамабільны маршрут",
    language: "Мова",
    language_shown: "Тэкст цяпер на мове: {language}",
    ferry: "Паромная пераправа",
    pipeline: "Трубаправод",
    gauge_break: "Змена шырыні каляіны",
    place_with_card: "Месца з карткай",
    place: "Месца",
    hide_map: "Схаваць мапу",
    show_map: "Паказаць мапу",
    map_attribution: "Межы: Natural Earth",
    map_shows: "Мапа: {title} — паказана: {what}",
    map_shows_entity: "На мапе: {name}",
    wheel_hint: "Каб змяніць маштаб, пракручвайце кола, утрымліваючы Ctrl (⌘ на Mac)",
    show_on_map: "Паказаць на мапе",
    first_mention: "Згадак у тэксце: {n} — перайсці да тэксту",
    not_mentioned: "У тэксце не згадваецца",
    map_unavailable: "Не атрымалася намаляваць мапу",
    retry: "Паспрабаваць яшчэ раз",
    problems: "Праблемы ў файлах каментарыя",
    km: "км",
    reading_time: "{range} хв чытання",
    cite: "Як цытаваць",
    copy: "Капіяваць",
    copied: "Скапіявана",
    copy_link: "Скапіяваць спасылку на гэты абзац",
    link_copied: "Спасылка скапіявана",
    glossary: "Слоўнік",
    progress: "Прагрэс чытання",
    shortcuts: "Хуткія пераходы",
    skip_to_text: "Перайсці да тэксту",
    skip_to_end: "Прапусціць каментарый",
    keys: "Клавішы",
    keys_help: [
        "Tab і Shift+Tab: наступная або папярэдняя згадка; пакуль яна ў фокусе, бачная яе картка.",
        "Enter або прабел на згадцы: перайсці ў яе картку. Tab вядзе па картцы і назад да згадкі.",
        "Escape: закрывае картку, дзе б ні быў фокус.",
        "L: капіюе спасылку на абзац у фокусе (або на першы бачны).",
        "На мапе: + і − змяняюць маштаб, стрэлкі зрушваюць мапу, 0 паказвае яе цалкам.",
    ],
    number_marks: ("\u{a0}", ","),
    months: [
        "студзеня",
        "лютага",
        "сакавіка",
        "красавіка",
        "мая",
        "чэрвеня",
        "ліпеня",
        "жніўня",
        "верасня",
        "кастрычніка",
        "лістапада",
        "снежня",
    ],
    date_format: "{d} {month} {y} г.",
};

/// Chinese (Simplified).
pub const ZH: Strings = Strings {
    by: "作者：",
    and: "和",
    originally_published_by: "原载于",
    loading: "正在加载评论…",
    error_title: "无法显示此评论",
    article_label: "评论",
    about_author: "关于作者",
    kinds: ["人物", "机构", "倡议", "国家", "地点", "关键数字", "事件"],
    mention_k_of_n: "第 {k} 处提及，共 {n} 处",
    mentioned_once: "仅提及一次",
    previous_mention: "上一处提及",
    next_mention: "下一处提及",
    close: "关闭",
    wikipedia: "维基百科",
    wikidata: "维基数据",
    website: "网站",
    source: "来源",
    opens_in_new_tab: "（在新标签页中打开）",
    also_in: "另见",
    map: "地图",
    map_help: "按 + 和 − 缩放，按方向键平移，按 0 复原。按 Tab 键可依次访问带有卡片的地点和国家。",
    zoom: "缩放",
    zoom_in: "放大",
    zoom_out: "缩小",
    reset_view: "全图",
    chapters: "地图章节",
    previous_chapter: "上一章节",
    next_chapter: "下一章节",
    chapter_k_of_n: "{k}/{n}：{title}",
    overview: "概览",
    introduction: "引言",
    map_as_text: "地图的文字版本",
    routes: "路线",
    places: "地点",
    highlighted: "突出显示的国家",
    legend: "图例",
    rail: "铁路路线",
    sea: "海运路线",
    road: "公路路线",
    language: "语言",
    language_shown: "正文语言已切换为：{language}",
    ferry: "轮渡航线",
    pipeline: "管道",
    gauge_break: "轨距变换点",
    place_with_card: "带卡片的地点",
    place: "地点",
    hide_map: "隐藏地图",
    show_map: "显示地图",
    map_attribution: "边界：Natural Earth",
    map_shows: "地图：{title}——显示{what}",
    map_shows_entity: "地图：显示{name}",
    wheel_hint: "按住 Ctrl（Mac 上为 ⌘）并滚动以缩放地图",
    show_on_map: "在地图上显示",
    first_mention: "文中提及 {n} 次——转到正文",
    not_mentioned: "正文中未提及",
    map_unavailable: "无法绘制地图",
    retry: "重试",
    problems: "此评论文件中的问题",
    km: "公里",
    reading_time: "阅读时间 {range} 分钟",
    cite: "引用本文",
    copy: "复制",
    copied: "已复制",
    copy_link: "复制本段链接",
    link_copied: "链接已复制",
    glossary: "术语表",
    progress: "阅读进度",
    shortcuts: "快速跳转",
    skip_to_text: "跳到正文",
    skip_to_end: "跳过这篇评论",
    keys: "键盘操作",
    keys_help: [
        "Tab 和 Shift+Tab：下一处或上一处提及；获得焦点时显示其卡片。",
        "在提及上按 Enter 或空格：进入其卡片。按 Tab 在卡片内移动，最后回到该提及。",
        "Escape：关闭卡片，无论焦点在哪里。",
        "L：复制焦点所在段落（或视图中第一段）的链接。",
        "地图上：+ 和 − 缩放，方向键平移，0 显示整幅地图。",
    ],
    number_marks: (",", "."),
    months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
    date_format: "{y}年{m}月{d}日",
};

/// Turkish.
pub const TR: Strings = Strings {
    by: "Yazar:",
    and: "ve",
    originally_published_by: "İlk yayımlandığı yer:",
    loading: "Yorum yükleniyor…",
    error_title: "Bu yorum gösterilemedi",
    article_label: "Yorum",
    about_author: "Yazar hakkında",
    kinds: ["Kişi", "Kuruluş", "Girişim", "Ülke", "Yer", "Önemli veri", "Olay"],
    mention_k_of_n: "Anılma {k} / {n}",
    mentioned_once: "Bir kez anılıyor",
    previous_mention: "Önceki anılma",
    next_mention: "Sonraki anılma",
    close: "Kapat",
    wikipedia: "Vikipedi",
    wikidata: "Vikiveri",
    website: "Web sitesi",
    source: "Kaynak",
    opens_in_new_tab: "(yeni sekmede açılır)",
    also_in: "Ayrıca",
    map: "Harita",
    map_help: "Yakınlaştırmak ve uzaklaştırmak için + ve −, kaydırmak için ok tuşlarını, başa dönmek için 0'ı kullanın. Tab tuşu kartı olan yerlere ve ülkelere götürür.",
    zoom: "Yakınlaştırma",
    zoom_in: "Yakınlaştır",
    zoom_out: "Uzaklaştır",
    reset_view: "Tüm harita",
    chapters: "Harita bölümleri",
    previous_chapter: "Önceki bölüm",
    next_chapter: "Sonraki bölüm",
    chapter_k_of_n: "{k}/{n}: {title}",
    overview: "Genel bakış",
    introduction: "Giriş",
    map_as_text: "Haritanın metin hâli",
    routes: "Güzergâhlar",
    places: "Yerler",
    highlighted: "Vurgulanan ülkeler",
    legend: "Açıklama",
    rail: "Demiryolu güzergâhı",
    sea: "Deniz güzergâhı",
    road: "Karayolu güzergâhı",
    language: "Dil",
    language_shown: "Metin artık şu dilde: {language}",
    ferry: "Feribot hattı",
    pipeline: "Boru hattı",
    gauge_break: "Ray açıklığı değişimi",
    place_with_card: "Kartı olan yer",
    place: "Yer",
    hide_map: "Haritayı gizle",
    show_map: "Haritayı göster",
    map_attribution: "Sınırlar: Natural Earth",
    map_shows: "Harita: {title} — gösterilen: {what}",
    map_shows_entity: "Harita: {name} gösteriliyor",
    wheel_hint: "Haritayı yakınlaştırmak için Ctrl (Mac'te ⌘) tuşunu basılı tutup kaydırın",
    show_on_map: "Haritada göster",
    first_mention: "Metinde {n} kez anılıyor — metne git",
    not_mentioned: "Metinde geçmiyor",
    map_unavailable: "Harita çizilemedi",
    retry: "Tekrar dene",
    problems: "Bu yorumun dosyalarındaki sorunlar",
    km: "km",
    reading_time: "{range} dk okuma",
    cite: "Kaynak göster",
    copy: "Kopyala",
    copied: "Kopyalandı",
    copy_link: "Bu paragrafın bağlantısını kopyala",
    link_copied: "Bağlantı kopyalandı",
    glossary: "Sözlük",
    progress: "Okuma ilerlemesi",
    shortcuts: "Kısayollar",
    skip_to_text: "Metne geç",
    skip_to_end: "Yorumu atla",
    keys: "Klavye tuşları",
    keys_help: [
        "Tab ve Shift+Tab: sonraki ya da önceki anılma; odaktayken kartı görünür.",
        "Anılma üzerinde Enter veya Boşluk: kartına girer. Tab kartın içinde ilerler ve anılmaya geri döner.",
        "Escape: odak nerede olursa olsun kartı kapatır.",
        "L: odaktaki paragrafın (ya da görünen ilk paragrafın) bağlantısını kopyalar.",
        "Haritada: + ve − yakınlaştırıp uzaklaştırır, ok tuşları kaydırır, 0 haritanın tamamını gösterir.",
    ],
    number_marks: (".", ","),
    months: ["Ocak", "Şubat", "Mart", "Nisan", "Mayıs", "Haziran", "Temmuz", "Ağustos", "Eylül", "Ekim", "Kasım", "Aralık"],
    date_format: "{d} {month} {y}",
};

impl Strings {
    /// The card label of an entity kind.
    pub fn kind(&self, kind: crate::content::catalog::EntityKind) -> &'static str {
        use crate::content::catalog::EntityKind::*;
        let i = match kind {
            Person => 0,
            Organisation => 1,
            Initiative => 2,
            Country => 3,
            Place => 4,
            Figure => 5,
            Event => 6,
        };
        self.kinds[i]
    }

    /// "Mention 2 of 5".
    pub fn mention_position(&self, k: usize, n: usize) -> String {
        self.mention_k_of_n.replace("{k}", &k.to_string()).replace("{n}", &n.to_string())
    }
}

impl Strings {
    /// "2/3: Title".
    pub fn chapter_k_of_n(&self, k: usize, n: usize, title: &str) -> String {
        self.chapter_k_of_n.replace("{k}", &k.to_string()).replace("{n}", &n.to_string()).replace("{title}", title)
    }

    /// What the map shows now, announced politely.
    pub fn map_shows(&self, title: &str, what: &str) -> String {
        self.map_shows.replace("{title}", title).replace("{what}", what)
    }

    /// Announced after "show on map".
    pub fn map_shows_entity(&self, name: &str) -> String {
        self.map_shows_entity.replace("{name}", name)
    }

    /// A date in this language ("February 14, 2024", "14 февраля 2024 г.", "2024年2月14日").
    /// Our own table rather than the browser's `Intl`, whose locale data varies (Chromium
    /// builds without Belarusian fall back to English).
    pub fn date(&self, date: crate::content::Date) -> String {
        self.date_format
            .replace("{month}", self.months[usize::from(date.month.clamp(1, 12)) - 1])
            .replace("{d}", &date.day.to_string())
            .replace("{m}", &date.month.to_string())
            .replace("{y}", &date.year.to_string())
    }

    /// "4–5 min read" (or "4 min read" when the range is one value).
    pub fn reading(&self, (fast, slow): (u32, u32)) -> String {
        let range = if fast == slow { fast.to_string() } else { format!("{fast}–{slow}") };
        self.reading_time.replace("{range}", &range)
    }

    /// A number as this language writes it (up to three decimals): "2,000" / "2 000", "0.404" / "0,404".
    pub fn number(&self, v: f64) -> String {
        let plain = crate::ui::chart::format_number(v);
        let (sign, rest) = plain.strip_prefix('-').map_or(("", plain.as_str()), |r| ("-", r));
        let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
        let mut grouped = String::new();
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 && int.len() > 4 {
                grouped.push_str(self.number_marks.0);
            }
            grouped.push(c);
        }
        match frac {
            Some(f) => format!("{sign}{grouped}{}{f}", self.number_marks.1),
            None => format!("{sign}{grouped}"),
        }
    }

    /// "Mentioned 3× — go to the text".
    pub fn first_mention(&self, n: usize) -> String {
        self.first_mention.replace("{n}", &n.to_string())
    }
}

/// Every language the widget speaks, by primary language subtag.
pub const LANGUAGES: [(&str, &Strings); 5] = [("en", &EN), ("ru", &RU), ("be", &BE), ("zh", &ZH), ("tr", &TR)];

/// The strings for a BCP 47 language tag (`ru`, `zh-Hans-CN`, `be-BY`…), falling back to English.
pub fn strings(lang: &str) -> &'static Strings {
    LANGUAGES.iter().find(|(code, _)| code.eq_ignore_ascii_case(primary_subtag(lang))).map_or(&EN, |(_, s)| s)
}

/// "A", "A and B", "A, B and C".
pub fn join_names(names: &[&str], and: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_author_names() {
        assert_eq!(join_names(&[], "and"), "");
        assert_eq!(join_names(&["A"], "and"), "A");
        assert_eq!(join_names(&["A", "B"], "and"), "A and B");
        assert_eq!(join_names(&["A", "B", "C"], "and"), "A, B and C");
    }

    #[test]
    fn mention_positions_fill_the_template() {
        assert_eq!(EN.mention_position(2, 5), "Mention 2 of 5");
    }

    #[test]
    fn map_templates_fill_every_placeholder() {
        for text in [EN.chapter_k_of_n(2, 3, "T"), EN.map_shows("T", "Belarus, China"), EN.map_shows_entity("Minsk"), EN.first_mention(4)] {
            assert!(!text.contains('{') && !text.contains('}'), "{text}");
        }
        assert_eq!(EN.chapter_k_of_n(2, 3, "Trade"), "2/3: Trade");
        assert_eq!(EN.map_shows("Introduction", "Belarus, China"), "Map: Introduction — showing Belarus, China");
    }

    /// Every field of one table, for the checks below.
    fn all(s: &Strings) -> Vec<(&'static str, &'static str)> {
        let mut v = vec![
            ("by", s.by),
            ("and", s.and),
            ("originally_published_by", s.originally_published_by),
            ("loading", s.loading),
            ("error_title", s.error_title),
            ("article_label", s.article_label),
            ("about_author", s.about_author),
            ("mention_k_of_n", s.mention_k_of_n),
            ("mentioned_once", s.mentioned_once),
            ("previous_mention", s.previous_mention),
            ("next_mention", s.next_mention),
            ("close", s.close),
            ("wikipedia", s.wikipedia),
            ("wikidata", s.wikidata),
            ("website", s.website),
            ("source", s.source),
            ("opens_in_new_tab", s.opens_in_new_tab),
            ("map", s.map),
            ("map_help", s.map_help),
            ("zoom", s.zoom),
            ("zoom_in", s.zoom_in),
            ("zoom_out", s.zoom_out),
            ("reset_view", s.reset_view),
            ("chapters", s.chapters),
            ("previous_chapter", s.previous_chapter),
            ("next_chapter", s.next_chapter),
            ("chapter_k_of_n", s.chapter_k_of_n),
            ("overview", s.overview),
            ("introduction", s.introduction),
            ("map_as_text", s.map_as_text),
            ("routes", s.routes),
            ("places", s.places),
            ("highlighted", s.highlighted),
            ("legend", s.legend),
            ("rail", s.rail),
            ("sea", s.sea),
            ("road", s.road),
            ("language", s.language),
            ("language_shown", s.language_shown),
            ("ferry", s.ferry),
            ("pipeline", s.pipeline),
            ("gauge_break", s.gauge_break),
            ("place_with_card", s.place_with_card),
            ("place", s.place),
            ("hide_map", s.hide_map),
            ("show_map", s.show_map),
            ("map_attribution", s.map_attribution),
            ("map_shows", s.map_shows),
            ("map_shows_entity", s.map_shows_entity),
            ("wheel_hint", s.wheel_hint),
            ("show_on_map", s.show_on_map),
            ("first_mention", s.first_mention),
            ("not_mentioned", s.not_mentioned),
            ("map_unavailable", s.map_unavailable),
            ("retry", s.retry),
            ("problems", s.problems),
            ("km", s.km),
            ("reading_time", s.reading_time),
            ("cite", s.cite),
            ("copy", s.copy),
            ("copied", s.copied),
            ("copy_link", s.copy_link),
            ("link_copied", s.link_copied),
            ("progress", s.progress),
            ("glossary", s.glossary),
            ("shortcuts", s.shortcuts),
            ("skip_to_text", s.skip_to_text),
            ("skip_to_end", s.skip_to_end),
            ("keys", s.keys),
        ];
        v.extend(s.keys_help.iter().map(|k| ("keys_help", *k)));
        v.extend(s.kinds.iter().map(|k| ("kinds", *k)));
        v
    }

    fn placeholders(text: &str) -> Vec<&str> {
        let mut found: Vec<&str> = text.match_indices('{').filter_map(|(i, _)| text[i..].find('}').map(|j| &text[i..=i + j])).collect();
        found.sort_unstable();
        found
    }

    #[test]
    fn every_language_has_every_key_filled_with_the_same_placeholders() {
        // The struct makes every key exist in every table (a missing one does not compile);
        // this checks none is empty, none is left in English by mistake where it should not
        // be, and every `{placeholder}` survives translation.
        let english = all(&EN);
        for (code, table) in LANGUAGES {
            let strings = all(table);
            assert_eq!(strings.len(), english.len());
            for ((key, text), (_, en)) in strings.iter().zip(&english) {
                assert!(!text.trim().is_empty(), "{code}.{key} is empty");
                assert_eq!(placeholders(text), placeholders(en), "{code}.{key}: placeholders differ from English");
            }
            if code != "en" {
                let same = strings
                    .iter()
                    .zip(&english)
                    .filter(|((k, t), (_, e))| t == e && !["map_attribution", "km", "chapter_k_of_n", "website", "source"].contains(k))
                    .count();
                assert!(same <= 1, "{code}: {same} strings are still English");
            }
        }
    }

    #[test]
    fn dates_read_naturally_in_each_language() {
        let d = crate::content::Date { year: 2024, month: 2, day: 14 };
        assert_eq!(EN.date(d), "February 14, 2024");
        assert_eq!(RU.date(d), "14 февраля 2024 г.");
        assert_eq!(BE.date(d), "14 лютага 2024 г.");
        assert_eq!(ZH.date(d), "2024年2月14日");
        assert_eq!(TR.date(d), "14 Şubat 2024");
    }

    #[test]
    fn numbers_are_written_the_local_way() {
        assert_eq!(EN.number(12000.0), "12,000");
        assert_eq!(EN.number(2000.0), "2000", "four digits stay together, as style guides advise");
        assert_eq!(RU.number(12000.0), "12\u{a0}000");
        assert_eq!(RU.number(0.404), "0,404");
        assert_eq!(TR.number(1234567.5), "1.234.567,5");
        assert_eq!(ZH.number(-0.144), "-0.144");
    }

    #[test]
    fn tags_choose_their_language() {
        assert_eq!(strings("ru").close, "Закрыть");
        assert_eq!(strings("be-BY").close, "Закрыць");
        assert_eq!(strings("zh-Hans-CN").close, "关闭");
        assert_eq!(strings("TR").close, "Kapat");
        assert_eq!(strings("").close, "Close");
        assert_eq!(RU.mention_position(2, 5), "Упоминание 2 из 5");
    }

    #[test]
    fn unknown_languages_fall_back_to_english() {
        assert_eq!(strings("xx").by, "By");
    }
}
