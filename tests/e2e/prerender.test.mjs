// Prerendered reading pages (`commentary-reader build --site`, run by `make dist`): the text is
// in the HTML, readable without JavaScript, and with it hydrated in place: the nodes painted
// before the code ran are the nodes on screen after `ready`. A page that differs from its
// bundle is rendered afresh with a located warning; the hostile corpus, prerendered, stays
// inert.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, newPage, waitForEvent, until, DIST, ARTIFACTS, SEED_SLUG } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = SEED_SLUG;
const SECOND = 'rail-freight-land-bridge';
const pageOf = (slug, lang) => `commentaries/${slug}/index${lang ? `.${lang}` : ''}.html`;
// Every reading page: each folder's, and the seed's Russian one.
const PAGES = [[SEED], [SECOND], [SEED, 'ru']];
let env;

before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The paragraphs and headings the editor wrote in a folder's commentary.md (or its translation's). */
function written(slug, lang) {
  const md = readFileSync(join(ROOT, 'static/commentaries', slug, `commentary${lang ? `.${lang}` : ''}.md`), 'utf8').split(/^\+\+\+$/m)[2];
  const blocks = md.split(/\n\s*\n/).map((b) => b.trim()).filter(Boolean);
  return {
    // A heading's explicit anchor (`{#id}`) is not part of its text.
    headings: blocks.filter((b) => /^#{2,6} /.test(b)).map((b) => b.replace(/^#+ /, '').replace(/\s*\{#[^}]*\}$/, '')),
    paragraphs: blocks.filter((b) => !/^(#|[-*] |\d+\. |>|```|\|)/.test(b)).length,
  };
}

test('without JavaScript the reading page shows the title, byline, headings, every paragraph and the map', async () => {
  for (const [slug, lang] of PAGES) {
    const { page, context } = await newPage(env.browser, { javaScriptEnabled: false });
    await page.goto(`${env.server.url}${pageOf(slug, lang)}`);
    const host = page.locator('commentary-reader');
    await host.locator('h1.cr-title').waitFor();
    const seen = await page.evaluate(() => {
      const root = document.querySelector('commentary-reader').shadowRoot;
      const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden'; };
      return {
        title: root.querySelector('h1')?.textContent,
        byline: root.querySelector('.cr-byline')?.textContent,
        headings: [...root.querySelectorAll('.cr-body h2')].filter(visible).map((h) => h.textContent.trim()),
        paragraphs: [...root.querySelectorAll('.cr-body p[id^="p-"]')].filter(visible).length,
        countries: [...root.querySelectorAll('svg.cr-map-svg path.cr-country')].filter(visible).length,
        highlighted: [...root.querySelectorAll('svg.cr-map-svg path.cr-hl')].filter(visible).length,
        alternative: root.querySelector('.cr-map-body')?.textContent.length ?? 0,
        // Nothing that would do nothing without the code: no buttons shown but those that open
        // a card (the mentions' and the names in the map as text), no focusable mention.
        buttonsShown: [...root.querySelectorAll('button:not(.cr-invoke, .cr-map-text-open[popovertarget])')].filter(visible).length,
        focusable: root.querySelectorAll('[tabindex]:not([tabindex="-1"]), [role="button"]').length,
        styled: getComputedStyle(root.querySelector('h1')).fontFamily,
      };
    });
    const want = written(slug, lang);
    assert.match(seen.title, /\S/);
    assert.match(seen.byline ?? '', /\S/, `${slug}: a byline`);
    assert.deepEqual(seen.headings, want.headings, `${slug}: every heading`);
    assert.equal(seen.paragraphs, want.paragraphs, `${slug}: every paragraph`);
    assert.ok(seen.countries > 20, `${slug}: the map's countries are drawn (${seen.countries})`);
    assert.ok(seen.highlighted > 0, `${slug}: its highlighted countries`);
    assert.ok(seen.alternative > 200, `${slug}: the map as text`);
    assert.equal(seen.buttonsShown, 0, `${slug}: no dead buttons`);
    assert.equal(seen.focusable, 0, `${slug}: no dead focus stops`);
    assert.doesNotMatch(seen.styled, /^Times|^serif$/, 'the widget stylesheet applies');
    await page.screenshot({ path: join(ARTIFACTS, `prerender-nojs-${slug}${lang ? `.${lang}` : ''}.png`), fullPage: true });
    await context.close();
  }
});

test('without JavaScript a tap on a mention shows its card beside it, Escape closes it; the keyboard reaches it too; the map as text opens cards too', async () => {
  const { page, context } = await newPage(env.browser, { javaScriptEnabled: false, hasTouch: true, isMobile: true, viewport: { width: 390, height: 780 } });
  await page.goto(`${env.server.url}${pageOf(SEED)}`);
  const mention = page.locator('commentary-reader #p-3 .cr-mention').first();
  const entity = await mention.getAttribute('data-entity');
  const card = page.locator(`commentary-reader #cr-card-${entity}`);
  await mention.scrollIntoViewIfNeeded();
  await mention.tap();
  await card.waitFor({ state: 'visible' });
  const placed = await page.evaluate((e) => {
    const root = document.querySelector('commentary-reader').shadowRoot;
    const c = root.getElementById(`cr-card-${e}`).getBoundingClientRect();
    const lines = [...root.querySelector(`#p-3 .cr-mention[data-entity="${e}"]`).getClientRects()];
    const last = lines[lines.length - 1];
    return {
      inView: c.left >= 0 && c.right <= innerWidth && c.top >= 0 && c.bottom <= innerHeight,
      beside: c.top >= last.bottom - 1 || c.bottom <= lines[0].top + 1,
      card: [c.left, c.top, c.right, c.bottom].map(Math.round),
      lines: lines.map((r) => [r.left, r.top, r.right, r.bottom].map(Math.round)),
      name: root.getElementById(`cr-card-${e}-name`).textContent,
      open: root.querySelectorAll('.cr-card:popover-open').length,
    };
  }, entity);
  await page.screenshot({ path: join(ARTIFACTS, 'prerender-nojs-card.png') });
  assert.equal(placed.open, 1, 'one card open');
  assert.ok(placed.inView, `the card is inside the view: ${JSON.stringify(placed)}`);
  assert.ok(placed.beside, `the card is beside its mention, not over it: ${JSON.stringify(placed)}`);
  assert.match(placed.name, /\S/);
  await page.keyboard.press('Escape');
  await card.waitFor({ state: 'hidden' });
  // By keyboard: Tab reaches the mention's button, Enter opens the card, its close button closes it.
  const button = page.locator('commentary-reader #p-3 .cr-invoke').first();
  await button.focus();
  await page.keyboard.press('Enter');
  await card.waitFor({ state: 'visible' });
  await card.locator('.cr-card-close').click();
  await card.waitFor({ state: 'hidden' });
  // The map as text names the places and countries that open a card: they open it too.
  await page.locator('commentary-reader .cr-map-text summary').click();
  const name = page.locator('commentary-reader .cr-map-text-open[data-entity="great-stone"]');
  await name.click();
  const stone = page.locator('commentary-reader #cr-card-great-stone');
  await stone.waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await stone.waitFor({ state: 'hidden' });
  await context.close();
});

test('a card opened before the code arrives stays open and becomes the live card', async () => {
  const { page, problems, context } = await newPage(env.browser);
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/commentary-reader/commentary-reader.js', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}${pageOf(SEED)}`, { waitUntil: 'commit' });
  const mention = page.locator('commentary-reader #p-3 .cr-mention').first();
  await mention.click();
  const entity = await mention.getAttribute('data-entity');
  const card = page.locator(`commentary-reader #cr-card-${entity}`);
  await card.waitFor({ state: 'visible' });
  release();
  await waitForEvent(page, 'commentary-reader:ready');
  // Live: placed by the code, marked open, its mention expanded, with the controls only the
  // code has (the mention's place among the entity's).
  await until(page, (e) => {
    const root = __cr();
    const c = root.querySelector('.cr-card[data-open][data-placed]');
    return c?.dataset.entity === e && c.matches(':popover-open') && root.querySelector(`.cr-invoke[data-entity="${e}"][aria-expanded="true"]`) && c.querySelector('.cr-card-foot .cr-card-count');
  }, entity, { what: 'the card adopted as the live card' });
  assert.equal(await page.evaluate(() => __cr().querySelectorAll('.cr-card:popover-open').length), 1);
  await page.keyboard.press('Escape');
  await until(page, () => !__cr().querySelector('.cr-card:popover-open'), null, { what: 'the live card closed by Escape' });
  assert.deepEqual(problems, []);
  await context.close();
});

/**
 * Opens a reading page with the element's script held back; marks the prerendered nodes, lets
 * the script go, and waits for `ready`. Returns the page and how many marked nodes are still
 * the ones in the shadow root.
 */
async function hydrated(url, { alter } = {}) {
  const { page, problems, context } = await newPage(env.browser);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/commentary-reader/commentary-reader.js', async (route) => { await held; await route.continue(); });
  if (alter) {
    await page.route(url, async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, body: alter(await response.text()) });
    });
  }
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('commentary-reader')?.shadowRoot?.querySelector('.cr-body p'));
  const selector = 'h1, .cr-body > *, .cr-body p, .cr-mention, svg.cr-map-svg, path.cr-country, .cr-stop, .cr-map-title';
  const marked = await page.evaluate((selector) => {
    const root = __cr();
    window.__marked = [...root.querySelectorAll(selector)];
    return window.__marked.length;
  }, selector);
  release();
  await waitForEvent(page, 'commentary-reader:ready');
  const kept = await page.evaluate((selector) => {
    const now = [...__cr().querySelectorAll(selector)];
    return { same: window.__marked.filter((n, i) => now[i] === n).length, now: now.length };
  }, selector);
  return { page, problems, warnings, context, marked, kept };
}

test('with JavaScript the prerendered nodes are hydrated in place, and cards, map and chapters work', async () => {
  for (const [slug, lang] of PAGES) {
    const { page, problems, warnings, context, marked, kept } = await hydrated(`${env.server.url}${pageOf(slug, lang)}`);
    assert.ok(marked > 50, `${slug}: marked ${marked} prerendered nodes`);
    assert.equal(kept.now, marked, `${slug}: no node added or dropped`);
    assert.equal(kept.same, marked, `${slug}: every prerendered node is still on screen (${kept.same} of ${marked})`);
    assert.deepEqual(warnings.filter((w) => /hydrat|afresh/.test(w)), [], `${slug}: hydrated without a warning`);
    // Live now: mentions are buttons, and a card opens from one.
    const mention = page.locator('commentary-reader .cr-mention:has(> [aria-haspopup])').first();
    await mention.waitFor();
    await mention.click();
    await page.locator('commentary-reader .cr-card[data-placed]').waitFor();
    await page.keyboard.press('Escape');
    await until(page, () => !__cr().querySelector('.cr-card:popover-open'), null, { what: 'the card to close' });
    // The map is measured and redrawn at its size, with its chapters.
    const next = page.locator('commentary-reader .cr-map-controls button').last();
    if (await next.count()) {
      const before = await page.locator('commentary-reader svg.cr-map-svg').getAttribute('data-view');
      await next.click();
      await until(page, (b) => __cr().querySelector('svg.cr-map-svg').getAttribute('data-view') !== b, before, { what: 'the map to move' });
    }
    assert.deepEqual(await page.evaluate(() => window.__csp), [], `${slug}: no CSP violation`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('a page whose markup was altered is rendered afresh, with a warning saying where', async () => {
  const url = `${env.server.url}${pageOf(SEED)}`;
  // An extension or a CMS wraps a word of the third paragraph.
  const alter = (html) => html.replace(/(<p id="p-3"[^>]*>)([^<]*?) /, '$1<mark>$2</mark> ');
  const { page, problems, warnings, context, kept } = await hydrated(url, { alter });
  const warning = warnings.find((w) => /cannot be hydrated/.test(w));
  assert.ok(warning, `a warning (saw ${JSON.stringify(warnings)})`);
  assert.match(warning, /#p-3/, 'it names the paragraph');
  assert.match(warning, /afresh/);
  assert.equal(kept.same, 0, 'rendered afresh: new nodes');
  const p3 = await page.evaluate(() => __cr().querySelector('#p-3 mark'));
  assert.equal(p3, null, 'the fresh render is the bundle\'s, without the alteration');
  await page.locator('commentary-reader .cr-mention:has(> [aria-haspopup])').first().click();
  await page.locator('commentary-reader .cr-card[data-placed]').waitFor();
  assert.deepEqual(problems, []);
  await context.close();
});

test('a page rendered for other attributes, or from another bundle, is rendered afresh', async () => {
  const url = `${env.server.url}${pageOf(SEED)}`;
  const cases = [
    ['attributes', (html) => html.replace('<commentary-reader src="commentary.bundle">', '<commentary-reader src="commentary.bundle" theme="dark">')],
    ['bundle', (html) => html.replace(/data-cr-prerender="1 [0-9a-f]{8}/, 'data-cr-prerender="1 00000000')],
  ];
  for (const [what, alter] of cases) {
    const { page, problems, warnings, context } = await hydrated(url, { alter });
    assert.ok(warnings.some((w) => /cannot be hydrated \(it was rendered from another/.test(w)), `${what}: ${JSON.stringify(warnings)}`);
    await page.locator('commentary-reader .cr-mention:has(> [aria-haspopup])').first().waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  }
});

test('two prerendered embeds on one page hydrate each their own', async () => {
  const { page, problems, context } = await newPage(env.browser);
  const embeds = [SEED, SECOND].map((slug) => readFileSync(join(DIST, 'commentaries', slug, 'embed.html'), 'utf8'));
  await page.route('**/two-prerendered.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Two</title></head><body><h1>Host page</h1>${embeds.join('<hr>')}</body></html>`,
  }));
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${env.server.url}two-prerendered.html`);
  // The second starts when it comes near the viewport (as any element does).
  await page.locator('commentary-reader').nth(1).scrollIntoViewIfNeeded();
  await until(page, () => window.__events.filter((e) => e.type === 'commentary-reader:ready').length === 2, null, { what: 'both widgets ready' });
  const titles = await page.evaluate(() => [...document.querySelectorAll('commentary-reader')].map((el) => el.shadowRoot.querySelector('h1').textContent));
  assert.equal(new Set(titles).size, 2);
  assert.deepEqual(warnings.filter((w) => /hydrated/.test(w)), []);
  for (const i of [0, 1]) {
    await page.locator('commentary-reader').nth(i).locator('.cr-mention:has(> [aria-haspopup])').first().click();
    await page.locator('commentary-reader').nth(i).locator('.cr-card:popover-open').waitFor();
    await page.keyboard.press('Escape');
  }
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the hostile corpus, prerendered, is inert with and without JavaScript', async () => {
  const site = join(DIST, 'e2e-hostile');
  rmSync(site, { recursive: true, force: true });
  cpSync(join(DIST, 'commentary-reader'), join(site, 'commentary-reader'), { recursive: true });
  const hostile = join(ROOT, 'tests/hostile');
  const names = readdirSync(hostile).filter((n) => n.endsWith('.txt'));
  const folders = names.map((name) => {
    const [md, ...parts] = readFileSync(join(hostile, name), 'utf8').split(/^=== (.+) ===$/m);
    const folder = join(site, 'commentaries', name.replace(/\.txt$/, ''));
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'commentary.md'), md);
    for (let i = 0; i < parts.length; i += 2) writeFileSync(join(folder, parts[i]), parts[i + 1]);
    return folder;
  });
  // The build may report the payloads' problems; it must still write every page it can.
  try {
    execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', 'build', '--site', site, ...folders], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
  } catch (e) { if (e.status !== 1) throw e; }
  const pages = folders.filter((f) => readdirSync(f).includes('index.html'));
  assert.ok(pages.length >= names.length - 3, `pages for the corpus (${pages.length} of ${names.length})`);
  for (const js of [false, true]) {
    const { page, problems, context } = await newPage(env.browser, { javaScriptEnabled: js });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning' && /hydrated/.test(m.text())) warnings.push(m.text()); });
    for (const folder of pages) {
      const name = folder.split('/').pop();
      await page.goto(`${env.server.url}e2e-hostile/commentaries/${name}/index.html`);
      if (js) await waitForEvent(page, 'commentary-reader:ready');
      else await page.locator('commentary-reader h1.cr-title').waitFor();
      const state = await page.evaluate(() => ({
        pwned: window.__pwned ?? null,
        injected: document.querySelector('commentary-reader').shadowRoot.querySelectorAll('script, iframe, style, img[onerror], [onload], [onclick]').length,
        // The text copy for parsers: plain elements, nothing that runs or loads.
        copied: document.querySelector('commentary-reader > article.cr-text-copy').querySelectorAll('script, iframe, style, img, a, [onload], [onclick], [onerror]').length,
      }));
      assert.deepEqual(state, { pwned: null, injected: 0, copied: 0 }, `${name} (JavaScript ${js ? 'on' : 'off'})`);
      if (js) await page.evaluate(() => { window.__events = []; });
    }
    assert.deepEqual(warnings, [], 'every hostile page hydrates');
    assert.deepEqual(problems, []);
    await context.close();
  }
  rmSync(site, { recursive: true, force: true });
});
