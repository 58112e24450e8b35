// What an accessibility audit and a new editor met first (issue 27): nothing moves while the
// code arrives, what the reader did before it is kept, a click no pointer made enters the card,
// forced colours keep the legend and the map in agreement, a small screen's card covers neither
// its mention nor the control with focus, and the tree has no empty or duplicate landmarks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { launch, newPage, open, settled, until, waitForEvent, ARTIFACTS, SEED_SLUG } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env.close(); });

const READING = `commentaries/${SEED_SLUG}/`;
const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
const DESKTOP = { viewport: { width: 1280, height: 900 } };

test('the reading page does not move from first paint to a second after ready (CLS 0), phone and desktop', async () => {
  for (const [profile, options] of [['phone', PHONE], ['desktop', DESKTOP]]) {
    const { page, problems, context } = await newPage(env.browser, options);
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          if (!e.hadRecentInput) window.__shifts.push({ value: e.value, at: Math.round(e.startTime), nodes: e.sources.map((s) => s.node?.nodeName ?? '?') });
        }
      }).observe({ type: 'layout-shift', buffered: true });
      document.addEventListener('commentary-reader:ready', () => { window.__readyAt = performance.now(); });
    });
    await page.goto(`${env.server.url}${READING}`);
    await waitForEvent(page, 'commentary-reader:ready');
    await settled(page);
    // The window the criterion names: until a second after `ready` (frames, not a sleep).
    await page.evaluate(() => new Promise((done) => {
      const tick = () => (performance.now() - window.__readyAt > 1000 ? done() : requestAnimationFrame(tick));
      requestAnimationFrame(tick);
    }));
    const shifts = await page.evaluate(() => window.__shifts);
    const cls = shifts.reduce((sum, s) => sum + s.value, 0);
    assert.equal(cls, 0, `${profile}: CLS ${cls.toFixed(4)}: ${JSON.stringify(shifts)}`);
    assert.deepEqual(problems, []);
    await context.close();
  }
});

/** The reading page with the element's script held back until `release()`. */
async function heldBack(options = {}) {
  const { page, problems, context } = await newPage(env.browser, options);
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/commentary-reader/commentary-reader.js', async (route) => { await held; await route.continue(); });
  await page.goto(`${env.server.url}${READING}`, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.querySelector('commentary-reader')?.shadowRoot?.querySelector('.cr-map-text summary'));
  return { page, problems, context, warnings, release };
}

test('what the reader opened and focused before the code arrived survives hydration', async () => {
  const { page, problems, context, warnings, release } = await heldBack();
  // Before the code: "The map as text" and "Cite this" opened with the platform alone, focus on
  // the first one's summary.
  await page.locator('commentary-reader .cr-cite summary').click();
  const summary = page.locator('commentary-reader .cr-map-text summary');
  await summary.click();
  const state = () => page.evaluate(() => {
    const root = document.querySelector('commentary-reader').shadowRoot;
    return {
      mapText: root.querySelector('.cr-map-text').open,
      cite: root.querySelector('.cr-cite').open,
      focus: root.activeElement?.closest('details')?.className ?? null,
      summary: root.querySelector('.cr-map-text summary'),
    };
  });
  const before = await state();
  assert.deepEqual([before.mapText, before.cite, before.focus], [true, true, 'cr-map-text']);
  const scroll = await page.evaluate(() => window.scrollY);
  await page.evaluate(() => { window.__summary = document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-map-text summary'); });
  release();
  await waitForEvent(page, 'commentary-reader:ready');
  await settled(page);
  const after = await state();
  assert.deepEqual([after.mapText, after.cite, after.focus], [true, true, 'cr-map-text'], 'open sections and focus kept');
  assert.ok(await page.evaluate(() => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-map-text summary') === window.__summary), 'the same summary element: hydrated, not rendered afresh');
  assert.equal(await page.evaluate(() => window.scrollY), scroll, 'the reader\'s place kept');
  assert.deepEqual(warnings.filter((w) => /hydrat|afresh/.test(w)), [], 'hydrated without a warning');
  // Live: the map as text's places open cards through the reader's code now, not the platform.
  await until(page, () => __cr().querySelector('.cr-map-text button.cr-map-text-open[aria-expanded="false"]:not([popovertarget])'), null, { what: 'the map as text live' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a click no pointer made on a mention (a screen reader\'s Enter in browse mode) moves focus into its card', async () => {
  const { page, problems, context } = await open(env);
  await page.evaluate(() => __cr().querySelector('#p-3 .cr-mention').click());
  const focus = await until(page, () => {
    const root = __cr();
    const card = root.querySelector('.cr-card[data-placed]');
    return card && card.contains(root.activeElement) && root.activeElement.className;
  }, null, { what: 'focus in the card' });
  assert.ok(focus !== null);
  // A pointer's click pins the card and leaves focus where the pointer was.
  await page.keyboard.press('Escape');
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card closed' });
  const mention = page.locator('commentary-reader #p-4 .cr-mention').first();
  await mention.click();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the card placed' });
  assert.equal(await page.evaluate(() => !!__cr().activeElement?.closest('.cr-card[data-open]')), false, 'a pointer click keeps focus on the mention');
  assert.deepEqual(problems, []);
  await context.close();
});

/** The colour at the centre of an element as drawn (from a screenshot, decoded in the page). */
async function drawnColour(page, locator) {
  const png = await locator.screenshot({ animations: 'disabled' });
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.width;
    canvas.height = img.height;
    const cx = canvas.getContext('2d');
    cx.drawImage(img, 0, 0);
    const [r, g, b] = cx.getImageData(img.width >> 1, img.height >> 1, 1, 1).data;
    return [r, g, b];
  }, png.toString('base64'));
}

const close = (a, b) => a.every((v, i) => Math.abs(v - b[i]) <= 12);

test('forced colours: the legend\'s swatches stay distinct and match the map, and every key is drawn', async () => {
  const { page, problems, context } = await open(env, { ...DESKTOP, forcedColors: 'active' });
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  await page.locator('commentary-reader .cr-legend').scrollIntoViewIfNeeded();
  await page.locator('commentary-reader .cr-legend').screenshot({ path: join(ARTIFACTS, 'forced-colours-legend.png') });
  const classes = await page.evaluate(() => [...__cr().querySelectorAll('.cr-legend .cr-swatch')].map((s) => [...s.classList].find((c) => /^cr-hl-\d$/.test(c))));
  assert.ok(classes.length >= 3, `highlight swatches: ${classes}`);
  const swatches = [];
  for (let i = 0; i < classes.length; i++) swatches.push(await drawnColour(page, page.locator('commentary-reader .cr-legend .cr-swatch').nth(i)));
  const distinct = new Set(swatches.map((c) => c.join(',')));
  assert.equal(distinct.size, swatches.length, `every group has its own colour: ${JSON.stringify(swatches)}`);
  // Each swatch is the colour its countries have on the map (as drawn there, in the same mode).
  for (let i = 0; i < classes.length; i++) {
    const fill = await page.evaluate((c) => {
      const path = __cr().querySelector(`.cr-country.${c}:not(.cr-emphasis)`) ?? __cr().querySelector(`.cr-country.${c}`);
      return getComputedStyle(path).fill.match(/\d+/g).slice(0, 3).map(Number);
    }, classes[i]);
    assert.ok(close(swatches[i], fill), `${classes[i]}: legend ${swatches[i]} vs map ${fill}`);
  }
  // The "Place with a card" key is drawn: not the legend's background.
  const background = await page.evaluate(() => getComputedStyle(__cr().querySelector('.cr-root')).backgroundColor.match(/\d+/g).slice(0, 3).map(Number));
  const located = await drawnColour(page, page.locator('commentary-reader .cr-key-located'));
  assert.ok(!close(located, background), `the place-with-a-card key is invisible: ${located} on ${background}`);
  assert.deepEqual(problems, []);
  await context.close();
});

test('at 320 px a card covers neither the control that has focus nor any line of its own mention', async () => {
  const { page, problems, context } = await open(env, { viewport: { width: 320, height: 640 }, reducedMotion: 'reduce' });
  // A card opened by hovering, then the keyboard takes over: to the zoom and chapter buttons.
  const mention = page.locator('commentary-reader .cr-mention').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.hover();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the hover card' });
  for (const selector of ['.cr-zoom button', '.cr-chapters button:last-of-type']) {
    await page.locator(`commentary-reader ${selector}`).first().focus();
    const covered = await until(page, () => {
      const root = __cr();
      const el = root.activeElement;
      const r = el.getBoundingClientRect();
      const top = root.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return { under: !!top?.closest('.cr-card[data-open]') && !top.closest('.cr-card[data-open]').contains(el), card: !!root.querySelector('.cr-card[data-open]') };
    }, null, { what: 'focus moved' });
    assert.deepEqual(covered, { under: false, card: false }, `${selector}: the hover card closed when focus went elsewhere`);
  }
  // Every mention that wraps onto two lines, reached by Shift+Tab as by Tab: its card is beside
  // it, never over any of its lines.
  const wrapped = await page.evaluate(() => [...__cr().querySelectorAll('.cr-body .cr-mention')]
    .map((m, i) => [i, m.getClientRects().length]).filter(([, n]) => n > 1).map(([i]) => i));
  assert.ok(wrapped.length > 0, 'at 320 px some mentions wrap');
  const overlaps = [];
  for (const i of wrapped) {
    await page.evaluate((n) => { const m = __cr().querySelectorAll('.cr-body .cr-mention')[n]; m.scrollIntoView({ block: 'center' }); m.querySelector('.cr-invoke').focus(); }, i);
    const seen = await until(page, (n) => {
      const root = __cr();
      const m = root.querySelectorAll('.cr-body .cr-mention')[n];
      const card = root.querySelector('.cr-card[data-placed]');
      if (!card || card.dataset.entity !== m.dataset.entity) return null;
      const c = card.getBoundingClientRect();
      const hit = [...m.getClientRects()].filter((r) => r.left < c.right && c.left < r.right && r.top < c.bottom && c.top < r.bottom);
      return { text: m.textContent, hit: hit.length };
    }, i, { what: `the card of wrapped mention ${i}` });
    if (seen.hit) overlaps.push(seen.text);
  }
  assert.deepEqual(overlaps, [], 'wrapped mentions covered by their own card');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the tree: no empty groups before the code, each widget\'s shortcuts named apart, the title read once', async () => {
  // Before the code (JavaScript off): buttons and the groups that hold only buttons are hidden.
  const { page: still, context: off } = await newPage(env.browser, { javaScriptEnabled: false });
  await still.goto(`${env.server.url}${READING}`);
  const tree = await still.locator('commentary-reader').ariaSnapshot();
  for (const empty of ['navigation "Shortcuts', 'group "Zoom"', 'group "Map chapters"']) {
    assert.ok(!tree.includes(empty), `before the code the tree has ${empty}:\n${tree}`);
  }
  assert.match(tree, /link "Русский"/, 'the language links work without the code');
  await off.close();
  // Two widgets on a page: two navigations, two names.
  const { page, context } = await open(env, {}, { path: 'demo/two.html', id: 'seed' });
  // The second starts when it comes near the viewport.
  await page.locator('#rail').scrollIntoViewIfNeeded();
  await waitForEvent(page, 'commentary-reader:ready', 'rail');
  const names = await page.evaluate(() => [...document.querySelectorAll('commentary-reader')].map((el) => el.shadowRoot.querySelector('nav.cr-skip')?.getAttribute('aria-label')));
  assert.equal(names.length, 2);
  assert.notEqual(names[0], names[1], `two navigations named alike: ${names}`);
  await context.close();
});

test('the Russian page marks only the base map\'s English names lang="en" in the map as text', async () => {
  const { page, problems, context } = await open(env, {}, { path: `${READING}index.ru.html` });
  const names = await page.evaluate(() => [...__cr().querySelectorAll('.cr-map-text li span, .cr-map-text li button')]
    .map((el) => [el.textContent.trim(), el.closest('[lang]').getAttribute('lang')]));
  const cyrillic = names.filter(([text]) => /[А-Яа-яЁё]/.test(text));
  assert.ok(cyrillic.length >= 5, `Russian country names in the map as text: ${JSON.stringify(names)}`);
  assert.deepEqual(cyrillic.filter(([, lang]) => lang === 'en'), [], 'a Russian name marked English');
  assert.deepEqual(names.filter(([text, lang]) => lang === 'en' && !/^[\p{Script=Latin}\s'’().,-]+$/u.test(text)), [], 'lang="en" on a name that is not English');
  assert.deepEqual(problems, []);
  await context.close();
});

test('markup the HTML validator refused: no leftover Trunk link on the development page, every figcaption in its figure', async () => {
  const html = await (await fetch(`${env.server.url}index.html`)).text();
  assert.doesNotMatch(html, /data-trunk/, 'Trunk\'s <link data-trunk rel="rust"> (a link without href) is left in the page');
  assert.doesNotMatch(html, /<link(?![^>]*\bhref=)[^>]*>/, 'a <link> without href');
  const { page, context } = await open(env);
  const misplaced = await page.evaluate(() => [...__cr().querySelectorAll('figcaption')].filter((c) => c.parentElement.tagName !== 'FIGURE').length);
  assert.equal(misplaced, 0);
  await context.close();
});
