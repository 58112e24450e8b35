// A commentary in several languages (the seed: English and Russian): the switch changes the
// text, the cards, the map's labels and chapters and the widget's words, and keeps the reader's
// paragraph, open card and map view; the choice is remembered on the page; the first language
// follows the element's `lang`, else the browser's preferences.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, newPage, until, painted, SEED_SLUG } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const SEED = `commentaries/${SEED_SLUG}/`;

/** A page of the seed's reading page, recording the language events. */
async function openReading(options = {}, path = SEED) {
  const { page, problems, context } = await newPage(env.browser, { reducedMotion: 'reduce', ...options });
  await page.addInitScript(() => {
    window.__languages = [];
    document.addEventListener('commentary-reader:language', (e) => window.__languages.push(e.detail.lang));
  });
  await page.goto(`${env.server.url}${path}`);
  await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: 'ready' });
  // `ready` on a hydrated page comes with the render that makes it live, not after it.
  await until(page, () => __cr().querySelector('.cr-doc[data-live]'), null, { what: 'live' });
  return { page, problems, context };
}

/** The reader picks `lang` in the switch (a click on its link). */
const choose = (page, lang) => page.locator(`commentary-reader nav[part=languages] a[data-lang="${lang}"]`).click();

/** Waits until the widget shows `lang`, live (the text and its controls from one render). */
const showing = (page, lang) => until(page, (l) => __cr().querySelector(`.cr-doc[data-live] article[lang="${l}"]`), lang, { what: `${lang}, live` });

/** What the reader sees. */
const seen = (page) => page.evaluate(() => {
  const root = __cr();
  const article = root.querySelector('article');
  const open = root.querySelector('[data-mention][aria-expanded="true"]');
  return {
    lang: article?.getAttribute('lang'),
    title: root.querySelector('#cr-title')?.textContent,
    options: [...root.querySelectorAll('nav[part=languages] a')].map((a) => [a.dataset.lang, a.getAttribute('lang'), a.textContent]),
    selected: root.querySelector('nav[part=languages] a[aria-current="true"]')?.dataset.lang,
    card: open?.dataset.entity ?? null,
    cardTitle: root.querySelector('.cr-card-layer .cr-card[data-open] .cr-card-name')?.textContent ?? null,
    view: root.querySelector('svg[part=map]')?.dataset.view,
    labels: [...root.querySelectorAll('.cr-labels text')].map((t) => t.textContent),
    legend: [...root.querySelectorAll('.cr-legend li')].map((li) => li.textContent),
    kicker: root.querySelector('.cr-kicker')?.textContent,
    chapter: root.querySelector('.cr-chapter-name')?.textContent,
  };
});

test('switching to Russian changes the text, cards, map and words, and keeps the paragraph, the card and the map view', async () => {
  const { page, problems, context } = await openReading();
  const en = await seen(page);
  assert.equal(en.lang, 'en');
  assert.deepEqual(en.options, [['en', 'en', 'English'], ['ru', 'ru', 'Русский']]);
  assert.equal(en.selected, 'en');
  // The reader is at the fourth paragraph, with Beijing's card open there.
  await page.evaluate(() => __cr().querySelector('#p-4').scrollIntoView({ block: 'start' }));
  const mention = page.locator('commentary-reader #p-4 [data-entity="beijing"]').first();
  await mention.click();
  await until(page, () => __cr().querySelector('[data-mention][aria-expanded="true"]'), null, { what: 'the card open' });
  const before = await seen(page);
  assert.equal(before.card, 'beijing');
  // The switch is clicked where it is, without scrolling to it (a script's click): the reader's
  // place is then the paragraph. (Clicked where the reader sees it, the switch itself stays
  // put, with focus: the test of the switch below.)
  await page.evaluate(() => __cr().querySelector('nav[part=languages] a[data-lang="ru"]').click());
  await until(page, () => window.__languages.includes('ru'), null, { what: 'the language event' });
  await until(page, () => __cr().querySelector('[data-mention][aria-expanded="true"]'), null, { what: 'the card open again' });
  const ru = await seen(page);
  assert.equal(ru.lang, 'ru');
  assert.equal(ru.title, 'Белорусско-китайские отношения в условиях геостратегических вызовов');
  assert.equal(ru.selected, 'ru');
  assert.equal(ru.card, 'beijing', 'the same entity\'s card');
  assert.match(ru.cardTitle ?? '', /Пекин/);
  assert.equal(ru.view, before.view, 'the same map view');
  assert.ok(ru.labels.some((l) => /[А-Яа-я]/.test(l)), `map labels in Russian: ${ru.labels}`);
  assert.ok(ru.legend.includes('Железнодорожный маршрут'), `the legend's words: ${ru.legend}`);
  assert.notEqual(ru.kicker, en.kicker, 'the widget\'s words follow the text');
  // The map's chapter is the same one, named by the Russian text's heading.
  assert.match(before.chapter ?? '', /\S/, 'a chapter is named');
  assert.notEqual(ru.chapter, before.chapter, `the chapter's name in Russian: ${ru.chapter}`);
  assert.match(ru.chapter, /[А-Яа-я]/, `the chapter's name in Russian: ${ru.chapter}`);
  // Still at the fourth paragraph, as painted.
  await painted(page);
  const top = await page.evaluate(() => __cr().querySelector('#p-4').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 120, `the fourth paragraph at the top: ${top}`);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'no CSP violation switching');
  // Back to English: the event again, the original text.
  await choose(page, 'en');
  await until(page, () => window.__languages.length === 2, null, { what: 'the second language event' });
  await until(page, () => __cr().querySelector('article').getAttribute('lang') === 'en', null, { what: 'English again' });
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  // axe (which injects a style of its own: after the CSP checks) in Russian.
  await choose(page, 'ru');
  await until(page, () => window.__languages.length === 3, null, { what: 'Russian again' });
  const axe = await new AxeBuilder({ page }).include('commentary-reader').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await context.close();
});

test('the choice is remembered on the page, and the first language follows the element\'s lang, else the browser', async () => {
  // Remembered.
  let { page, context } = await openReading();
  await choose(page, 'ru');
  await until(page, () => window.__languages.includes('ru'), null, { what: 'Russian' });
  await page.reload();
  await until(page, () => __cr()?.querySelector('.cr-doc[data-live] article')?.getAttribute('lang') === 'ru', null, { what: 'Russian after a reload' });
  await context.close();
  // The browser prefers Russian.
  ({ page, context } = await openReading({ locale: 'ru-RU' }));
  await showing(page, 'ru');
  const ru = await seen(page);
  assert.equal(ru.selected, 'ru');
  const axe = await new AxeBuilder({ page }).include('commentary-reader').analyze();
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await context.close();
  // English in an English browser, until the element's `lang` asks for Russian.
  ({ page, context } = await openReading({ locale: 'en-GB' }));
  assert.equal((await seen(page)).lang, 'en');
  await page.evaluate(() => document.querySelector('commentary-reader').setAttribute('lang', 'ru'));
  await showing(page, 'ru');
  await context.close();
});

test('the Russian reading page is Russian for an English browser, names its alternates, hydrates, and switches to English', async () => {
  const { page, problems, context } = await openReading({ locale: 'en-GB' }, `${SEED}index.ru.html`);
  const head = await page.evaluate(() => ({
    lang: document.documentElement.lang,
    alternates: [...document.querySelectorAll('link[rel=alternate][hreflang]')].map((l) => [l.hreflang, new URL(l.href).pathname.split('/').pop()]),
    inLanguage: JSON.parse(document.querySelector('script[type="application/ld+json"]').textContent).inLanguage,
  }));
  // The site's address (site.toml's `url`) gives both pages theirs: each names both, the
  // original as the default (absolute: search engines ignore relative ones).
  assert.deepEqual(head, { lang: 'ru', alternates: [['en', ''], ['ru', 'index.ru.html'], ['x-default', '']], inLanguage: 'ru' });
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('link[rel=alternate][hreflang]')].every((l) => l.getAttribute('href').startsWith('https://'))));
  const ru = await seen(page);
  assert.equal(ru.lang, 'ru', 'the page asked for Russian: the browser\'s English does not override it');
  assert.equal(ru.selected, 'ru');
  assert.match(ru.title, /^Белорусско-китайские/);
  // The reader's own choice does.
  await choose(page, 'en');
  await until(page, () => window.__languages.length > 0, null, { what: 'the language event' });
  assert.deepEqual(await page.evaluate(() => window.__languages), ['en'], 'one change of language, the reader\'s');
  await until(page, () => __cr().querySelector('article')?.getAttribute('lang') === 'en', null, { what: 'English' });
  assert.match((await seen(page)).title, /^Belarus-China Relations/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a commentary.md compiled in the browser switches language too, compiling its translation', async () => {
  const { page, problems, context } = await newPage(env.browser, { reducedMotion: 'reduce', locale: 'en-GB' });
  await page.route('**/md.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>md</title><link rel="icon" href="data:,">
<script type="module" src="commentary-reader/commentary-reader.js"></script></head>
<body><main><commentary-reader src="${SEED}commentary.md"></commentary-reader></main></body></html>`,
  }));
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname.split('/').pop()));
  await page.goto(new URL('md.html', env.server.url).href);
  await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: 'ready' });
  const en = await seen(page);
  assert.deepEqual([en.lang, en.selected, en.options.map(([v]) => v)], ['en', 'en', ['en', 'ru']]);
  assert.ok(fetched.includes('commentary.ru.md'), 'the translation is compiled with the original');
  for (const shared of ['entities.toml', 'map.toml', 'eurasia.topo.json']) {
    assert.equal(fetched.filter((f) => f === shared).length, 1, `${shared}, which both languages read, is fetched once: ${fetched}`);
  }
  assert.ok(!fetched.some((f) => f.endsWith('.bundle')), `no bundle is fetched: ${fetched}`);
  await page.evaluate(() => { window.__events.length = 0; });
  await choose(page, 'ru');
  await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:language'), null, { what: 'the language event' });
  // A page that was not prerendered measures its map before it labels it: after the event.
  await until(page, () => __cr().querySelector('.cr-labels text'), null, { what: 'the Russian map labelled' });
  const ru = await seen(page);
  assert.deepEqual([ru.lang, ru.selected], ['ru', 'ru']);
  assert.match(ru.title, /^Белорусско-китайские/);
  assert.ok(ru.labels.length > 0 && ru.labels.every((l) => !/^[A-Za-z ]+$/.test(l)), `the map's labels in Russian: ${ru.labels}`);
  await choose(page, 'en');
  await until(page, () => __cr().querySelector('article')?.getAttribute('lang') === 'en', null, { what: 'English again' });
  assert.match((await seen(page)).title, /^Belarus-China Relations/);
  assert.ok(!fetched.some((f) => f.endsWith('.bundle')), `no bundle is fetched: ${fetched}`);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the switch is links: Enter switches in place, focus and the reader\'s place stay, the change is announced; arrow keys do nothing', async () => {
  const { page, problems, context } = await openReading({ locale: 'en-GB', viewport: { width: 1200, height: 900 } });
  // The reader has scrolled a little, so the switch is not at the top of the view.
  await page.evaluate(() => window.scrollBy(0, 120));
  const link = page.locator('commentary-reader nav[part=languages] a[data-lang="ru"]');
  await link.focus();
  // Where the next painted frame shows it: measured in a ResizeObserver's callback, after that
  // frame's layout and after the widget's own observer has kept the reader's place in it. (A
  // measure taken between two of the widget's tasks saw a layout no frame ever painted: the
  // widget renders in several tasks, and corrects the scroll before each paint.)
  const where = () => page.evaluate(() => new Promise((resolve) => {
    const observer = new ResizeObserver(() => {
      observer.disconnect();
      resolve({
        focused: __cr().activeElement?.dataset?.lang ?? null,
        top: Math.round(__cr().querySelector('nav[part=languages]').getBoundingClientRect().top),
        scrollY: Math.round(window.scrollY),
      });
    });
    observer.observe(document.querySelector('commentary-reader'));
  }));
  const before = await where();
  assert.equal(before.focused, 'ru');
  // Arrow keys move nothing and switch nothing (a select switched on every arrow key).
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  assert.deepEqual(await page.evaluate(() => window.__languages), []);
  await page.keyboard.press('Enter');
  await until(page, () => window.__languages.includes('ru'), null, { what: 'the language event' });
  await showing(page, 'ru');
  await painted(page);
  const after = await where();
  assert.equal(after.focused, 'ru', 'focus stays on the switch, on the language now shown');
  assert.ok(Math.abs(after.top - before.top) <= 2, `the switch stays where it was on the screen: ${before.top} → ${after.top}`);
  assert.match(await page.evaluate(() => __cr().querySelector('.cr-language-shown').textContent), /Русский/, 'the change is announced');
  assert.equal(page.url(), `${env.server.url}${SEED}`, 'switched in place, not by navigation');
  // A modified click still opens the other language's page (here: its address, checked).
  const href = await page.evaluate(() => __cr().querySelector('nav[part=languages] a[data-lang="en"]').href);
  assert.equal(new URL(href).pathname, `/${SEED}index.html`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('without JavaScript the switch is a link to the other language\'s reading page', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${env.server.url}${SEED}index.html`);
  const link = page.locator('commentary-reader nav[part=languages] a[data-lang="ru"]');
  assert.equal(await link.textContent(), 'Русский');
  await link.click();
  await page.waitForURL(/index\.ru\.html$/);
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'ru');
  assert.equal(await page.locator('commentary-reader nav[part=languages] a[aria-current="true"]').getAttribute('data-lang'), 'ru');
  await context.close();
});
