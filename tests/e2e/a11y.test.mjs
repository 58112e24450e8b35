// Accessibility audit (WCAG 2.2 AA): a keyboard-only walkthrough of every feature in order,
// focus never hidden under a card (SC 2.4.11), and axe in every UI language.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, newPage, waitForEvent, until } from './helpers.mjs';

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
  const kind = el.closest('.cr-card') ? 'card'
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
    : is('.cr-mention') ? 'mention'
    : is('.cr-anchor') ? 'anchor'
    : is('.cr-cite summary') ? 'cite'
    : is('.cr-copy') ? 'copy'
    : is('.cr-foot a, .cr-body a') ? 'link'
    : `other:${el.tagName}.${el.getAttribute('class')}`;
  // SC 2.4.11: the focused element's centre is not under an open card (unless it is in it).
  const r = el.getBoundingClientRect();
  const top = host.shadowRoot.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  const hidden = kind !== 'card' && !!top?.closest('.cr-card') && !top.closest('.cr-card').contains(el);
  // SC 2.4.7: something shows where focus is.
  const s = getComputedStyle(el);
  const visible = s.outlineStyle !== 'none' || el.closest('svg') !== null || s.opacity !== '0';
  done({ kind, hidden, visible });
}))));

test('keyboard only: Tab reaches every feature in a sensible order, focus always visible and never under a card', async () => {
  const { page, context } = await newPage(env.browser, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.server.url);
  await waitForEvent(page, 'commentary-reader:ready');
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
  // Cards come right after what opened them: first after a map trigger, later after mentions.
  const expected = ['publisher', 'map-toggle', 'map', 'map-trigger', 'card', 'zoom-in', 'zoom-out', 'reset', 'chapter-next', 'map-text', 'mention', 'anchor', 'cite'];
  for (const k of expected) assert.ok(first(k) >= 0, `Tab never reached ${k}: ${order.join(' → ')}`);
  const firsts = expected.map(first);
  assert.deepEqual([...firsts].sort((a, b) => a - b), firsts, `unexpected order: ${order.slice(0, 40).join(' → ')}`);
  assert.ok(!order.some((k) => k.startsWith('other')), `unclassified stops: ${order.filter((k) => k.startsWith('other'))}`);

  // And each works from the keyboard.
  const view = () => page.evaluate(() => document.querySelector('commentary-reader').shadowRoot.querySelector('svg[part=map]').dataset.view);
  await page.locator('svg[part=map]').focus();
  const v0 = await view();
  await page.keyboard.press('+');
  await until(page, (v) => document.querySelector('commentary-reader').shadowRoot.querySelector('svg[part=map]').dataset.view !== v, v0, { what: 'zoom' });
  await page.keyboard.press('ArrowLeft');
  await page.locator('.cr-reset').focus();
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('commentary-reader').shadowRoot.querySelector('svg[part=map]').dataset.view === '5,27,122,62', null, { what: 'reset' });
  await page.locator('.cr-chapters button[aria-label="Next chapter"]').focus();
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-map').dataset.chapter !== 'intro', null, { what: 'the next chapter' });
  await page.locator('.cr-map-text summary').focus();
  await page.keyboard.press('Enter');
  assert.ok(await page.evaluate(() => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-map-text').open));
  await page.locator('.cr-cite summary').focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-announce').textContent === 'Copied', null, { what: 'a citation copied' });
  await page.locator('#p-2 .cr-anchor').focus();
  await page.keyboard.press('Enter');
  await until(page, () => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-announce').textContent === 'Link copied', null, { what: 'a paragraph link copied' });
  await context.close();
});

test('axe finds no violations in each UI language, light and dark', async () => {
  for (const lang of ['en', 'ru', 'be', 'zh', 'tr']) {
    const { page, context } = await newPage(env.browser, { colorScheme: lang === 'zh' || lang === 'be' ? 'dark' : 'light' });
    await page.goto(env.server.url);
    await waitForEvent(page, 'commentary-reader:ready');
    await page.evaluate((l) => { window.__events.length = 0; document.querySelector('commentary-reader').setAttribute('lang', l); }, lang);
    await waitForEvent(page, 'commentary-reader:ready');
    const result = await new AxeBuilder({ page }).include('commentary-reader').analyze();
    assert.deepEqual(result.violations.map((v) => `${lang}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    await context.close();
  }
});
