// The release build as a publication (issue 29): what a search engine, a feed reader, an oEmbed
// consumer and a reader browsing the archive get from dist/, with the site's settings
// (static/site.toml, or SITE_URL at build time). Addresses are the site's own: each is mapped back
// to the local server by its path under the site's address, and fetched.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { DIST, SEED_SLUG, launch, newPage, until } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const feedXml = readFileSync(`${DIST}feed.xml`, 'utf8');
// The feed's id is the site's address (its root).
const BASE = feedXml.match(/<id>([^<]+)<\/id>/)[1];
const local = (address) => {
  assert.ok(address.startsWith(BASE), `${address} is under the site's address ${BASE}`);
  return `${env.server.url}${address.slice(BASE.length)}`;
};
const get = async (address) => {
  const response = await fetch(local(address));
  assert.equal(response.status, 200, address);
  return response;
};
const all = (text, re) => [...text.matchAll(re)].map((m) => m[1]);

test('the sitemap lists the archive and all three reading pages, each served', async () => {
  const sitemap = readFileSync(`${DIST}sitemap.xml`, 'utf8');
  const locs = all(sitemap, /<loc>([^<]+)<\/loc>/g);
  // Then a page per entity the commentaries discuss.
  const entities = locs.slice(4).map((l) => l.slice(BASE.length));
  assert.ok(entities.includes('entities/china/') && entities.every((p) => p.startsWith('entities/')), entities.join(' '));
  assert.deepEqual(locs.slice(0, 4).map((l) => l.slice(BASE.length)), [
    'commentaries/',
    'commentaries/rail-freight-land-bridge/',
    `commentaries/${SEED_SLUG}/`,
    `commentaries/${SEED_SLUG}/index.ru.html`,
  ]);
  for (const loc of locs) {
    const response = await get(loc);
    assert.match(response.headers.get('content-type'), /text\/html/);
  }
});

test('feedparser reads the Atom feed: two entries, newest first, each with its page, author, date and summary', async () => {
  const script = `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
print(json.dumps({"bozo": bool(d.bozo), "version": d.version, "title": d.feed.get("title"),
  "entries": [{"title": e.title, "link": e.link, "author": e.get("author"), "published": e.get("published"),
    "summary": e.get("summary"), "links": [l.get("hreflang") for l in e.links]} for e in d.entries]}))`;
  const parsed = JSON.parse(execFileSync('/usr/bin/python3', ['-c', script, `${DIST}feed.xml`], { encoding: 'utf8' }));
  assert.equal(parsed.bozo, false, "well-formed");
  assert.equal(parsed.version, 'atom10');
  assert.equal(parsed.entries.length, 2);
  assert.deepEqual(parsed.entries.map((e) => e.title), ['Rail freight across the Eurasian land bridge', 'Belarus-China Relations amid Geostrategic Challenges']);
  const [, seed] = parsed.entries;
  assert.equal(seed.author, 'Yauheni Preiherman');
  assert.equal(seed.published, '2024-02-14T00:00:00Z');
  assert.match(seed.summary, /^Recent developments in Belarus-China relations/);
  assert.deepEqual(seed.links, ['en', 'ru']);
  for (const entry of parsed.entries) await get(entry.link);
});

test('every reading page names its absolute address and its oEmbed description, whose iframe shows the commentary', async () => {
  for (const path of [`commentaries/${SEED_SLUG}/`, `commentaries/${SEED_SLUG}/index.ru.html`, 'commentaries/rail-freight-land-bridge/']) {
    const html = await (await get(`${BASE}${path}`)).text();
    assert.deepEqual(all(html, /<link rel="canonical" href="([^"]+)">/g), [`${BASE}${path}`], path);
    assert.deepEqual(all(html, /<meta property="og:url" content="([^"]+)">/g), [`${BASE}${path}`], path);
    assert.match(html, /<meta property="og:site_name" content="[^"]+">/);
    const [discovery] = all(html, /<link rel="alternate" type="application\/json\+oembed" title="[^"]*" href="([^"]+)">/g);
    const oembed = await (await get(discovery)).json();
    assert.equal(oembed.type, 'rich');
    assert.equal(oembed.version, '1.0');
    const src = oembed.html.match(/<iframe src="([^"]+)"/)[1].replaceAll('&amp;', '&');
    const frame = new URL(src);
    await get(`${frame.origin}${frame.pathname}`);
    const bundle = frame.searchParams.get('src');
    assert.match(bundle, /commentary(\.ru)?\.bundle$/);
    await get(`${new URL(BASE).origin}${bundle}`);
  }
});

test('every reading page names its share picture, a PNG of 1200×630, for the large card', async () => {
  for (const [path, picture] of [[`commentaries/${SEED_SLUG}/`, 'share.png'], [`commentaries/${SEED_SLUG}/index.ru.html`, 'share.ru.png'], ['commentaries/rail-freight-land-bridge/', 'share.png']]) {
    const html = await (await get(`${BASE}${path}`)).text();
    const [image] = all(html, /<meta property="og:image" content="([^"]+)">/g);
    assert.ok(image.endsWith(`/${picture}`), image);
    assert.match(html, /<meta name="twitter:card" content="summary_large_image">/);
    assert.match(html, /<meta property="og:image:alt" content="[^"]{20,}">/);
    const response = await get(image);
    assert.equal(response.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);
  }
});

test('the W3C HTML checker (vnu) finds no error on the reading pages, the archive and an entity page', () => {
  const vnu = new URL('./node_modules/vnu-jar/build/dist/vnu.jar', import.meta.url).pathname;
  const pages = ['commentaries/index.html', 'entities/china/index.html', `commentaries/${SEED_SLUG}/index.html`, `commentaries/${SEED_SLUG}/index.ru.html`, 'commentaries/rail-freight-land-bridge/index.html'];
  // vnu writes its report to stderr, and exits 1 when it finds errors.
  const run = spawnSync('java', ['-jar', vnu, '--errors-only', '--format', 'json', ...pages.map((p) => `${DIST}${p}`)], { encoding: 'utf8' });
  assert.equal(run.error, undefined, `java: ${run.error}`);
  const { messages } = JSON.parse(run.stderr);
  assert.deepEqual(messages.map((m) => `${m.url.split('/dist/')[1]}:${m.lastLine}: ${m.message}`), []);
});

test('a card says where else the site discusses its entity and leads there, with JavaScript and without', async () => {
  for (const javaScriptEnabled of [false, true]) {
    const { page, problems, context } = await newPage(env.browser, { javaScriptEnabled });
    await page.goto(`${env.server.url}commentaries/${SEED_SLUG}/`);
    if (javaScriptEnabled) await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: 'ready' });
    // China: both commentaries discuss it.
    await page.locator('commentary-reader .cr-body .cr-mention[data-entity="china"]').first().click();
    const also = page.locator('commentary-reader #cr-card-china .cr-card-elsewhere');
    await also.waitFor({ state: 'visible' });
    assert.equal(await also.locator('.cr-card-elsewhere-title').textContent(), 'Also in');
    assert.deepEqual(await also.locator('a').allTextContents(), ['Rail freight across the Eurasian land bridge']);
    assert.match(await also.locator('.cr-card-date').textContent(), /^March 1, 2025$/);
    await also.locator('a').click();
    await page.waitForURL('**/commentaries/rail-freight-land-bridge/');
    assert.equal(await page.title(), 'Rail freight across the Eurasian land bridge — The Corridor Review');
    if (javaScriptEnabled) assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, [], `javaScriptEnabled: ${javaScriptEnabled}`);
    await context.close();
  }
});

test('each entity the site discusses has a page listing its commentaries, newest first', async () => {
  const { page, problems, context } = await newPage(env.browser, { javaScriptEnabled: false });
  await page.goto(`${env.server.url}entities/china/`);
  assert.equal(await page.locator('h1').textContent(), 'China');
  assert.deepEqual(await page.locator('ol a').allTextContents(), ['Rail freight across the Eurasian land bridge', 'Belarus-China Relations amid Geostrategic Challenges']);
  await page.locator('ol a', { hasText: 'Belarus-China' }).click();
  await page.waitForURL(`**/commentaries/${SEED_SLUG}/`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the text is there for parsers that skip shadow roots (BeautifulSoup reads it), and never rendered twice', async () => {
  const script = `
import bs4, sys
soup = bs4.BeautifulSoup(open(sys.argv[1], encoding="utf-8").read(), "html.parser")
print(len(soup.get_text(" ", strip=True).split()))`;
  for (const path of [`commentaries/${SEED_SLUG}/index.html`, `commentaries/${SEED_SLUG}/embed.html`]) {
    const words = Number(execFileSync('/usr/bin/python3', ['-c', script, `${DIST}${path}`], { encoding: 'utf8' }));
    assert.ok(words > 500, `${path}: BeautifulSoup reads ${words} words`);
  }
  for (const javaScriptEnabled of [false, true]) {
    const { page, problems, context } = await newPage(env.browser, { javaScriptEnabled });
    await page.goto(`${env.server.url}commentaries/${SEED_SLUG}/`);
    if (javaScriptEnabled) await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: 'ready' });
    const copy = await page.evaluate(() => {
      const article = document.querySelector('commentary-reader > article.cr-text-copy');
      return { words: article.textContent.split(/\s+/).filter(Boolean).length, boxes: article.getClientRects().length, visible: article.checkVisibility() };
    });
    assert.ok(copy.words > 500, `the copy has ${copy.words} words`);
    assert.deepEqual([copy.boxes, copy.visible], [0, false], 'the copy is never rendered');
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('the archive page lists both commentaries, newest first, and leads to each; axe finds nothing, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, problems, context } = await newPage(env.browser, { colorScheme, viewport: { width: 390, height: 844 } });
    await page.goto(`${env.server.url}commentaries/`);
    assert.deepEqual(await page.locator('h2 a').allTextContents(), ['Rail freight across the Eurasian land bridge', 'Belarus-China Relations amid Geostrategic Challenges']);
    assert.deepEqual(await page.locator('.cr-archive-languages a').allTextContents(), ['English', 'Русский']);
    const result = await new AxeBuilder({ page }).analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], colorScheme);
    // Nothing wider than a phone.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    await page.locator('h2 a', { hasText: 'Belarus-China' }).click();
    await page.waitForURL(`**/commentaries/${SEED_SLUG}/`);
    assert.equal(await page.title(), 'Belarus-China Relations amid Geostrategic Challenges — Centre for Eurasian Studies (AVIM)');
    assert.deepEqual(await page.evaluate(() => window.__csp), []);
    assert.deepEqual(problems, []);
    await context.close();
  }
});
