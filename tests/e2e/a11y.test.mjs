// Accessibility audit (WCAG 2.2 AA): a keyboard-only walkthrough of every feature in order,
// focus never hidden under a card (SC 2.4.11), and axe in every UI language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, open, waitForEvent, until } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** What has focus inside the widget, as a kind, and whether a card covers it. */
const focusedKind = (page) => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => {
  const host = document.querySelector('commentary-reader');
  if (document.activeElement !== host) return done({ kind: 'outside' });
  const el = host.shadowRoot.activeElement;
  if (!el) return done({ kind: 'none' });
  const is = (s) => el.matches(s);
  const kind = el.closest('.cr-card[data-open]') ? 'card'
    : is('[data-skip]') ? 'skip'
    : is('.cr-keys-toggle') ? 'keys'
    : is('.cr-meta a') ? 'publisher'
    : is('.cr-map-toggle') ? 'map-toggle'
    : is('svg[part=map]') ? 'map'
    : el.closest('svg[part=map]') && el.dataset.mention ? 'map-trigger'
    : is('.cr-zoom button[aria-label="Zoom in"]') ? 'zoom-in'
    : is('.cr-zoom button[aria-label="Zoom out"]') ? 'zoom-out'
    : is('.cr-reset') ? 'reset'
    : is('.cr-chapters button[aria-label="Next chapter"]') ? 'chapter-next'
    : is('.cr-chapters button') ? 'chapter-prev'
    : is('.cr-map-text summary') ? 'map-text'
    : is('nav[part=languages] a') ? 'language'
    : is('.cr-invoke') ? 'mention'
    : is('.cr-anchor') ? 'anchor'
    : is('.cr-cite summary') ? 'cite'
    : is('.cr-copy') ? 'copy'
    : is('.cr-foot a, .cr-body a') ? 'link'
    : `other:${el.tagName}.${el.getAttribute('class')}`;
  // SC 2.4.11: the focused element's centre is not under an open card (unless it is in it).
  const r = el.getBoundingClientRect();
  const top = host.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const hidden = kind !== 'card' && !!top?.closest('.cr-card[data-open]') && !top.closest('.cr-card[data-open]').contains(el);
  // SC 2.4.7: something shows where focus is.
  const s = getComputedStyle(el);
  const visible = s.outlineStyle !== 'none' || el.closest('svg') !== null || s.opacity !== '0';
  done({ kind, hidden, visible });
}))));

test('keyboard only: Tab reaches every feature in a sensible order, focus always visible and never under a card', async () => {
  const { page, context } = await open(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.locator('.crumbs a').last().focus();
  const order = [];
  const problems = [];
  for (let i = 0; i < 700; i++) {
    await page.keyboard.press('Tab');
    const f = await focusedKind(page);
    if (f.kind === 'outside' && order.length > 0) break;
    if (f.kind === 'outside') continue;
    if (f.hidden) problems.push(`${f.kind} #${i} is under a card`);
    if (!f.visible) problems.push(`${f.kind} #${i} has no visible focus`);
    if (order.at(-1) !== f.kind) order.push(f.kind);
  }
  assert.deepEqual(problems, []);
  const first = (k) => order.indexOf(k);
  // Cards and the paragraph-link buttons are not in the sequence (docs/accessibility.md).
  const expected = ['skip', 'keys', 'language', 'publisher', 'map-toggle', 'map', 'map-trigger', 'zoom-in', 'zoom-out', 'reset', 'chapter-next', 'map-text', 'mention', 'cite'];
  assert.ok(!order.includes('card') && !order.includes('anchor'), `a card or a paragraph link is in the Tab sequence: ${order.join(' → ')}`);
  for (const k of expected) assert.ok(first(k) >= 0, `Tab never reached ${k}: ${order.join(' → ')}`);
  const firsts = expected.map(first);
  assert.deepEqual([...firsts].sort((a, b) => a - b), firsts, `unexpected order: ${order.slice(0, 40).join(' → ')}`);
  assert.ok(!order.some((k) => k.startsWith('other')), `unclassified stops: ${order.filter((k) => k.startsWith('other'))}`);

  // And each works from the keyboard.
  const view = () => page.evaluate(() => __cr().querySelector('svg[part=map]').dataset.view);
  await page.locator('svg[part=map]').focus();
  const v0 = await view();
  await page.keyboard.press('+');
  await until(page, (v) => __cr().querySelector('svg[part=map]').dataset.view !== v, v0, { what: 'zoom' });
  await page.keyboard.press('ArrowLeft');
  await page.locator('.cr-reset').focus();
  await page.keyboard.press('Enter');
  await until(page, () => __cr().querySelector('svg[part=map]').dataset.view === '5,27,122,62', null, { what: 'reset' });
  await page.locator('.cr-chapters button[aria-label="Next chapter"]').focus();
  await page.keyboard.press('Enter');
  await until(page, () => __cr().querySelector('.cr-map').dataset.chapter !== 'intro', null, { what: 'the next chapter' });
  await page.locator('.cr-map-text summary').focus();
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => __cr().querySelector('.cr-map-text').open));
  await page.locator('.cr-cite summary').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until(page, () => __cr().querySelector('.cr-announce').textContent === 'Copied', null, { what: 'a citation copied' });
  // L on a mention copies a link to its paragraph (the link buttons are outside the sequence).
  await page.locator('#p-2 .cr-invoke').first().focus();
  await page.keyboard.press('l');
  await until(page, () => __cr().querySelector('.cr-announce').textContent === 'Link copied', null, { what: 'a paragraph link copied' });
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#p-2$/);
  await context.close();
});

/** Where focus is, as a stable description (for comparing the way there and back). */
const stop = (page) => page.evaluate(() => {
  const host = document.querySelector('commentary-reader');
  if (document.activeElement !== host) return { outside: true, label: document.activeElement?.textContent?.trim().slice(0, 30) ?? '' };
  const el = host.shadowRoot.activeElement;
  const key = el.dataset.mention ? `trigger ${el.dataset.mention}` : `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30)}`;
  return { outside: false, key, mention: el.matches('.cr-invoke[data-mention]'), map: !!el.closest('.cr-map'), card: !!el.closest('.cr-card[data-open]') };
});

/** Three animation frames: the scroll a focus move caused has been seen by the reading
 * chapter's observer, and the map has jumped (reduced motion) and rendered. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(r)))));

test('Tab stops through the seed: at most the mentions, the map controls and ten more; Shift+Tab visits them in reverse; a disabled chapter button keeps focus', async () => {
  // The map follows the reading: which places it shows (and so which are Tab stops) depends on
  // where the text is scrolled. Reduced motion makes it jump there, so each step can wait for it.
  const { page, context } = await open(env, { reducedMotion: 'reduce' });
  const counts = await page.evaluate(() => {
    const root = __cr();
    const focusable = (el) => el.tabIndex >= 0 && !el.closest('[hidden]') && getComputedStyle(el).visibility !== 'hidden';
    return {
      // The text's and the closing note's (the author's bio names the council too).
      mentions: root.querySelectorAll('.cr-mention[data-mention]').length,
      map: [...root.querySelectorAll('.cr-map button, .cr-map summary, .cr-map [tabindex="0"]')].filter(focusable).length,
    };
  });
  // Every stop `key` visits until focus leaves the widget.
  const walk = async (key) => {
    const stops = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press(key);
      await frames(page);
      const s = await stop(page);
      if (s.outside) break;
      stops.push(s);
    }
    return stops;
  };
  await page.locator('.crumbs a').last().focus();
  const there = await walk('Tab');
  const limit = counts.mentions + counts.map + 10;
  assert.ok(there.length <= limit, `${there.length} Tab stops, more than ${counts.mentions} mentions + ${counts.map} map controls + 10`);
  assert.equal(there.filter((s) => s.mention).length, counts.mentions, 'not every mention is a Tab stop');
  assert.ok(!there.some((s) => s.card), 'a card control is in the Tab sequence');
  // And back: the same stops, in reverse.
  const back = await walk('Shift+Tab');
  assert.deepEqual(back.map((s) => s.key), there.map((s) => s.key).reverse(), 'Shift+Tab does not visit the same stops in reverse');
  // "Next chapter" on the last chapter: still focused, said to be disabled.
  const next = page.locator('.cr-chapters button[aria-label="Next chapter"]');
  await next.focus();
  for (let i = 0; i < 10 && (await next.getAttribute('aria-disabled')) !== 'true'; i++) await page.keyboard.press('Enter');
  assert.equal(await next.getAttribute('aria-disabled'), 'true');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => __cr().activeElement?.getAttribute('aria-label')), 'Next chapter', 'focus left the last chapter\'s Next button');
  // "Skip past the commentary": the next Tab leaves the widget.
  await page.locator('.crumbs a').last().focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => __cr().activeElement?.dataset.skip), 'end');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  assert.equal((await stop(page)).outside, true, 'Tab after "Skip past the commentary" stayed in the widget');
  await context.close();
});

test('the keys are explained in the widget, and heading-level moves the outline', async () => {
  const { page, context } = await open(env);
  const toggle = page.locator('.cr-keys-toggle');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  const keys = await page.locator('#cr-keys li').allTextContents();
  assert.ok(keys.some((k) => k.startsWith('Enter or Space')) && keys.some((k) => k.startsWith('Escape')), keys.join(' | '));
  assert.ok(await page.locator('#cr-keys').isVisible());
  const outline = () => page.evaluate(() => [...__cr().querySelectorAll('.cr-title, .cr-body .cr-h')].slice(0, 2).map((h) => h.tagName));
  assert.deepEqual(await outline(), ['H1', 'H2']);
  await page.evaluate(() => { window.__events.length = 0; document.querySelector('commentary-reader').setAttribute('heading-level', '3'); });
  await waitForEvent(page, 'commentary-reader:ready');
  assert.deepEqual(await outline(), ['H3', 'H4']);
  await context.close();
});

/** The accessibility tree's node for the widget element `selector`: role, name, description. */
async function axNode(page, cdp, selector) {
  const { result } = await cdp.send('Runtime.evaluate', { expression: `__cr().querySelector(${JSON.stringify(selector)})` });
  const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { objectId: result.objectId, fetchRelatives: false });
  const n = nodes[0];
  return { role: n.role?.value, name: n.name?.value, description: n.description?.value ?? '' };
}

test('in the accessibility tree: the card is its mention\'s description, not part of the paragraph; names from the catalog; every word in the widget\'s language', async () => {
  const { page, context } = await open(env);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Accessibility.enable');
  // The first mention of its entity in the paragraph (a later one is not described again).
  const mention = '#p-3 .cr-mention:not(.cr-repeat) .cr-invoke';
  await page.locator(mention).first().focus();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the card' });
  const card = await page.evaluate(() => { const c = __cr().querySelector('.cr-card[data-open]'); return { name: c.querySelector('.cr-card[data-open] .cr-card-name').textContent, summary: c.querySelector('.cr-card[data-open] .cr-card-summary').textContent }; });
  // The paragraph reads as the author wrote it: neither the card's summary nor its buttons.
  const paragraph = await page.locator('#p-3').ariaSnapshot();
  assert.ok(!paragraph.includes(card.summary.slice(0, 40)), `the card is read inside its paragraph:\n${paragraph}`);
  assert.doesNotMatch(paragraph, /dialog|Close/);
  // The mention: a button that opens a dialog, described by the card's summary while it is open.
  const node = await axNode(page, cdp, mention);
  assert.equal(node.role, 'button');
  assert.equal(node.description, card.summary);
  const dialog = await axNode(page, cdp, '.cr-card[data-open]');
  assert.deepEqual([dialog.role, dialog.name], ['dialog', card.name]);
  // A later mention of an entity opens the same card without reading its summary again.
  const repeat = await page.evaluate(() => {
    const m = __cr().querySelector('.cr-body .cr-mention.cr-repeat .cr-invoke');
    m.setAttribute('data-probe', '');
    return m.dataset.entity;
  });
  await page.locator('commentary-reader [data-probe]').focus();
  await until(page, (e) => __cr().querySelector(`.cr-card[data-placed][data-entity="${e}"]`), repeat, { what: 'the repeat\'s card' });
  const later = await axNode(page, cdp, '[data-probe]');
  assert.deepEqual([later.role, later.description], ['button', ''], 'a later mention is not described by the summary again');
  // The map's figure is named after what it shows, and that title is read once (the visible
  // caption is that name); the drawing in it is "Map", its help its description, read once.
  const figure = await axNode(page, cdp, 'figure.cr-map');
  assert.equal(figure.role, 'figure');
  assert.match(figure.name, /\S/);
  assert.doesNotMatch(figure.name, /^Map(: Map)?$/);
  const map = await axNode(page, cdp, 'svg[part=map]');
  assert.equal(map.name, 'Map');
  assert.match(map.description, /arrow keys/);
  const snapshot = await page.locator('.cr-map').ariaSnapshot();
  assert.ok(!snapshot.includes('arrow keys'), 'the map\'s help is read in the text as well as its description');
  assert.equal(snapshot.split(figure.name).length - 1, 1, `the map's title is read once:\n${snapshot}`);
  // Countries that stand for an entity are named as the catalog names it (and as their card).
  for (const iso of ['BLR', 'CHN', 'RUS', 'UKR']) {
    const country = await axNode(page, cdp, `.cr-country[data-country="${iso}"][role=button]`);
    await page.evaluate((i) => __cr().querySelector(`.cr-country[data-country="${i}"]`).focus(), iso);
    const name = await until(page, (i) => {
      const root = __cr();
      const c = root.querySelector('.cr-card[data-placed]');
      return c && c.dataset.entity === root.querySelector(`.cr-country[data-country="${i}"]`).dataset.entity && c.querySelector('.cr-card[data-open] .cr-card-name').textContent;
    }, iso, { what: `the card of ${iso}` });
    assert.equal(country.name, name, `${iso} is named differently on the map and on its card`);
  }
  // Another language on the element. The seed has a Russian translation: its text, cards and
  // map follow with the widget's words, in one `ready`. Belarusian it has not: the widget's
  // words and its live regions carry it, and the text keeps its own.
  const langsOf = async (lang) => {
    await page.evaluate((l) => { window.__events.length = 0; document.querySelector('commentary-reader').setAttribute('lang', l); }, lang);
    await waitForEvent(page, 'commentary-reader:ready');
    return page.evaluate(() => {
      const root = __cr();
      const langOf = (s) => root.querySelector(s)?.closest('[lang]')?.getAttribute('lang');
      return {
        announce: langOf('.cr-announce'), mapLive: langOf('.cr-map [aria-live]'), keys: langOf('#cr-keys'), skip: langOf('.cr-skip'),
        article: root.querySelector('article').getAttribute('lang'), places: langOf('.cr-map-text ul'), card: langOf('.cr-card-layer'),
        keysText: root.querySelector('#cr-keys li').textContent, title: root.querySelector('article h1, article h2').textContent,
        readies: window.__events.filter((e) => e.type === 'commentary-reader:ready').length,
      };
    });
  };
  const ru = await langsOf('ru');
  assert.deepEqual({ ...ru, keysText: undefined, title: undefined }, { announce: 'ru', mapLive: 'ru', keys: 'ru', skip: 'ru', article: 'ru', places: 'ru', card: 'ru', keysText: undefined, title: undefined, readies: 1 });
  assert.match(ru.keysText, /упоминание/);
  assert.match(ru.title, /[а-яА-Я]/, 'the title is not the translation\'s');
  const be = await langsOf('be');
  assert.deepEqual({ ...be, keysText: undefined, title: undefined }, { announce: 'be', mapLive: 'be', keys: 'be', skip: 'be', article: 'en', places: 'en', card: 'en', keysText: undefined, title: undefined, readies: 1 });
  assert.match(be.keysText, /згадка/);
  assert.match(be.title, /^Belarus-China Relations/);
  await context.close();
});

test('axe finds no violations in each UI language, light and dark', async () => {
  for (const lang of ['en', 'ru', 'be', 'zh', 'tr']) {
    const { page, context } = await open(env, { colorScheme: lang === 'zh' || lang === 'be' ? 'dark' : 'light' });
    await page.evaluate((l) => { window.__events.length = 0; document.querySelector('commentary-reader').setAttribute('lang', l); }, lang);
    await waitForEvent(page, 'commentary-reader:ready');
    const result = await new AxeBuilder({ page }).include('commentary-reader').analyze();
    assert.deepEqual(result.violations.map((v) => `${lang}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await context.close();
  }
});

test('axe finds no violations in the new states: keys shown, a card entered, the map as text open with a card from it, heading-level 2, dark', async () => {
  for (const scheme of ['light', 'dark']) {
    // Reduced motion: a card is checked as shown, not halfway through its fade.
    const { page, context } = await open(env, { colorScheme: scheme, reducedMotion: 'reduce' });
    const check = async (state) => {
      const result = await new AxeBuilder({ page }).include('commentary-reader').analyze();
      assert.deepEqual(result.violations.map((v) => `${scheme}, ${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    };
    await page.locator('.cr-keys-toggle').focus();
    await page.keyboard.press('Enter');
    await check('keys shown');
    await page.locator('.cr-body .cr-invoke').first().focus();
    await page.keyboard.press('Enter');
    await until(page, () => __cr().activeElement?.matches('.cr-card[data-open]'), null, { what: 'focus in the card' });
    await check('a card entered');
    await page.keyboard.press('Escape');
    await page.locator('.cr-map-text summary').click();
    await page.locator('.cr-map-text-open').first().click();
    await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'a card from the map as text' });
    await check('a card from the map as text');
    await page.evaluate(() => { window.__events.length = 0; document.querySelector('commentary-reader').setAttribute('heading-level', '2'); });
    await waitForEvent(page, 'commentary-reader:ready');
    await check('heading-level 2');
    await context.close();
  }
});
