// Hover cards on the seed commentary: mouse, keyboard, touch, placement, accessibility.
// Time is Playwright's fake clock: the tests advance it instead of sleeping.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, open, openCard, until, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Bounding box of the n-th mention of `entity` (in page coordinates). */
async function mentionBox(page, entity, n = 0) {
  const mention = page.locator(`[data-entity="${entity}"][data-mention]:not(.cr-map-text-open, .cr-invoke)`).nth(n);
  await mention.scrollIntoViewIfNeeded();
  return mention.boundingBox();
}

/** The element focused inside the widget (through the shadow root). */
const focused = (page) => page.evaluate(() => {
  const el = __cr().activeElement;
  return el ? { mention: el.dataset.mention ?? null, entity: el.dataset.entity ?? null, cls: el.getAttribute('class') ?? '' } : null;
});

const cardRect = (page) => page.evaluate(() => {
  const r = __cr().querySelector('.cr-card[data-open]').getBoundingClientRect();
  return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
});

test('hover opens the card only after the hover-intent delay, and announces it', async () => {
  const { page, context } = await open(env, {}, { clock: true });
  const box = await mentionBox(page, 'lukashenko');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.clock.runFor(400);
  assert.equal(await openCard(page), null, 'the card opened before the pointer rested 500 ms');
  await page.clock.runFor(150);
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
  assert.equal(await openCard(page), 'lukashenko');
  const name = await page.evaluate(() => __cr().querySelector('.cr-card[data-open] .cr-card-name').textContent);
  assert.equal(name, 'Aleksandr Lukashenko');
  const event = await until(page, () => window.__events.find((e) => e.type === 'commentary-reader:card-open'));
  assert.equal(event.detail.entity, 'lukashenko');
  const expanded = await page.locator('[data-entity="lukashenko"][data-mention]:not(label)').first().getAttribute('aria-expanded');
  assert.equal(expanded, 'true');
  await page.screenshot({ path: `${ARTIFACTS}card-hover.png` });
  await context.close();
});

test('the card stays while the pointer is on it and closes about 300 ms after leaving both', async () => {
  const { page, context } = await open(env, {}, { clock: true });
  const box = await mentionBox(page, 'belarus', 2);
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.clock.runFor(600);
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
  const card = await cardRect(page);
  // Move diagonally into the card, in small steps across the text.
  await page.mouse.move(card.left + 40, card.top + 30, { steps: 12 });
  await page.clock.runFor(2000);
  assert.equal(await openCard(page), 'belarus', 'the card closed while the pointer was on it');
  // Leave both: still there just before the delay, gone after it. In one move: a path in
  // steps can cross another mention or a map trigger (which hover would rightly open instead),
  // and which it crosses depended on where the map had eased to.
  await page.mouse.move(5, 5);
  await page.clock.runFor(250);
  assert.equal(await openCard(page), 'belarus');
  await page.clock.runFor(100);
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  assert.equal(await openCard(page), null);
  await context.close();
});

test('keyboard: Tab goes from mention to mention with each card beside it; Enter enters the card, Tab walks it and returns; Escape closes and keeps focus', async () => {
  const { page, context } = await open(env, {}, { clock: true });
  const inCard = () => page.evaluate(() => !!__cr().activeElement?.closest('.cr-card[data-open]'));
  // "Skip to the text" goes past the map: the next Tab is the first mention.
  await page.locator('.crumbs a').last().focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => __cr().activeElement?.dataset.skip), 'text', 'the first stop is not the skip link');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  const f = await focused(page);
  assert.ok(f && f.cls.includes('cr-invoke'), `Tab after "Skip to the text" is not a mention: ${JSON.stringify(f)}`);
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
  assert.equal(await openCard(page), f.entity);
  // The card is beside the text, not in the Tab sequence: Tab is the next mention, and its card.
  await page.keyboard.press('Tab');
  const g = await focused(page);
  assert.ok(g.cls.includes('cr-invoke') && g.mention === String(Number(f.mention) + 1), `Tab from a mention went to ${JSON.stringify(g)}`);
  await until(page, (e) => __cr().querySelector('.cr-card[data-placed]')?.dataset.entity === e, g.entity, { what: 'the next card' });
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(page), f, 'Shift+Tab did not come back');
  // Enter moves focus into the card; Tab walks its controls and then back to the mention.
  await page.keyboard.press('Enter');
  await until(page, () => __cr().activeElement?.matches('.cr-card[role=dialog]'), null, { what: 'focus on the card' });
  const controls = await page.evaluate(() => __cr().querySelectorAll('.cr-card[data-open] button:not([disabled]), .cr-card[data-open] a[href]').length);
  assert.ok(controls >= 2, `the card has ${controls} controls`);
  for (let i = 0; i < controls; i++) {
    await page.keyboard.press('Tab');
    assert.ok(await inCard(), `Tab ${i + 1} left the card`);
  }
  await page.keyboard.press('Tab');
  assert.deepEqual(await focused(page), f, 'Tab past the last control did not return to the mention');
  assert.equal(await openCard(page), f.entity, 'the card closed on the way out');
  // In again, and Shift+Tab from the first control also returns.
  await page.keyboard.press('Enter');
  await until(page, () => __cr().activeElement?.matches('.cr-card[role=dialog]'), null, { what: 'focus on the card again' });
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  assert.deepEqual(await focused(page), f, 'Shift+Tab from the first control did not return to the mention');
  // Escape from inside the card: closed, focus back on the mention.
  await page.keyboard.press('Enter');
  await until(page, () => __cr().activeElement?.closest('.cr-card[data-open]'), null, { what: 'focus in the card' });
  await page.keyboard.press('Escape');
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  assert.deepEqual(await focused(page), f);
  await context.close();
});

test('Escape closes a card opened by hovering, with focus elsewhere, and it stays closed until the pointer comes back', async () => {
  const { page, context } = await open(env, {}, { clock: true });
  const box = await mentionBox(page, 'lukashenko');
  const inside = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  await page.mouse.move(inside.x, inside.y);
  await page.clock.runFor(700);
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus is not on the page body');
  await page.keyboard.press('Escape');
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close on Escape' });
  // Resting and moving on the mention does not bring it back.
  await page.mouse.move(inside.x + 2, inside.y);
  await page.clock.runFor(2000);
  assert.equal(await openCard(page), null, 'the card came back while the pointer stayed');
  // Leaving and coming back does.
  await page.mouse.move(5, 5, { steps: 3 });
  await page.mouse.move(inside.x, inside.y, { steps: 3 });
  await page.clock.runFor(700);
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the card after the pointer came back' });
  assert.equal(await openCard(page), 'lukashenko');
  // Escape during the hover intent cancels it too.
  await page.keyboard.press('Escape');
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  const other = await mentionBox(page, 'beijing');
  await page.mouse.move(other.x + other.width / 2, other.y + other.height / 2, { steps: 3 });
  await page.clock.runFor(200);
  await page.keyboard.press('Escape');
  await page.clock.runFor(2000);
  assert.equal(await openCard(page), null, 'a card opened after Escape during the hover intent');
  await context.close();
});

test('a card opened by focus persists: hovering another mention may show its card, and leaving brings the focused one back', async () => {
  const { page, context } = await open(env, {}, { clock: true });
  const focusedMention = page.locator('.cr-body .cr-invoke[data-entity="lukashenko"]').first();
  await focusedMention.scrollIntoViewIfNeeded();
  await focusedMention.focus();
  await until(page, () => __cr().querySelector('.cr-card[data-placed][data-entity=lukashenko]'), null, { what: 'the focus card' });
  const ordinal = await focusedMention.getAttribute('data-mention');
  // Pass over another mention without resting: the focus card never leaves. (A mention in the
  // text: the middle of China's box on the map may be under one of the markers drawn over it.)
  const china = page.locator('.cr-body .cr-mention[data-entity="china"]').first();
  await china.scrollIntoViewIfNeeded();
  const box = await china.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 2 });
  await page.clock.runFor(200);
  assert.equal(await openCard(page), 'lukashenko', 'passing over another mention hid the focus card');
  // Rest on it: its card shows.
  await page.clock.runFor(600);
  await until(page, () => __cr().querySelector('.cr-card[data-placed][data-entity=china]'), null, { what: 'the hovered card' });
  // Leave: after the close delay the focused mention's card is back, and focus never moved.
  await page.mouse.move(2, 2, { steps: 3 });
  await page.clock.runFor(400);
  await until(page, () => __cr().querySelector('.cr-card[data-placed][data-entity=lukashenko]'), null, { what: 'the focus card to come back' });
  await page.clock.runFor(3000);
  assert.equal(await openCard(page), 'lukashenko', 'the focus card closed while focus stayed on its mention');
  assert.equal((await focused(page)).mention, ordinal);
  // Its controls work after the swap.
  await page.locator('.cr-card[data-open] .cr-card-close').click();
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  assert.equal((await focused(page)).mention, ordinal, 'Close did not return focus to the mention');
  await context.close();
});

test('touch: a tap opens the card, a tap elsewhere closes it, no hover emulation', async () => {
  const { page, context } = await open(env, { hasTouch: true, isMobile: true, viewport: { width: 390, height: 780 } }, { clock: true });
  const mention = page.locator('[data-entity="beijing"][data-mention]:not(.cr-invoke)').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.tap();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
  assert.equal(await openCard(page), 'beijing');
  // Waiting does not close a tapped card.
  await page.clock.runFor(3000);
  assert.equal(await openCard(page), 'beijing');
  await page.screenshot({ path: `${ARTIFACTS}card-touch.png` });
  // A tap in the page's margin, outside the widget.
  await page.touchscreen.tap(4, 390);
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  // A second tap on the same mention toggles it closed.
  await mention.tap();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
  await mention.tap();
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  await context.close();
});

test('the card stays inside the viewport at all four edges and never covers its mention', async () => {
  const { page, context } = await open(env, { viewport: { width: 480, height: 560 } }, { clock: true });
  // Pick mentions at the top, bottom, left and right edges of the viewport.
  const cases = [
    { name: 'top', block: 'start', pick: 'first' },
    { name: 'bottom', block: 'end', pick: 'first' },
    { name: 'left', block: 'center', pick: 'leftmost' },
    { name: 'right', block: 'center', pick: 'rightmost' },
  ];
  for (const c of cases) {
    const ordinal = await page.evaluate(({ block, pick }) => {
      const root = __cr();
      // Text mentions only: map triggers are [data-mention] too, but their cards live after
      // the map, and where they are on screen depends on how far the map has eased.
      const all = [...root.querySelectorAll('.cr-body .cr-mention[data-mention]')];
      let el = all[Math.floor(all.length / 2)];
      if (pick === 'leftmost') el = all.reduce((a, b) => (b.getClientRects()[0].left < a.getClientRects()[0].left ? b : a));
      if (pick === 'rightmost') el = all.reduce((a, b) => (b.getBoundingClientRect().right > a.getBoundingClientRect().right ? b : a));
      el.scrollIntoView({ block });
      return el.dataset.mention;
    }, c);
    await page.evaluate((o) => __cr().querySelector(`[data-mention="${o}"]:not(label)`).focus(), ordinal);
    await until(page, (o) => {
      const root = __cr();
      const card = root.querySelector('.cr-card[data-placed]');
      const mention = root.querySelector(`[data-mention="${o}"]:not(label)`);
      return card && card.dataset.entity === mention.dataset.entity && mention.getAttribute('aria-expanded') === 'true';
    }, ordinal, { what: `the card of mention ${ordinal} (${c.name})` });
    const card = await cardRect(page);
    const vp = page.viewportSize();
    assert.ok(card.left >= 0 && card.top >= 0 && card.right <= vp.width && card.bottom <= vp.height,
      `${c.name}: card ${JSON.stringify(card)} outside ${JSON.stringify(vp)}`);
    const lines = await page.evaluate((o) => [...__cr().querySelector(`[data-mention="${o}"]`).getClientRects()].map((r) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom })), ordinal);
    const covered = lines.every((l) => l.left >= card.left && l.right <= card.right && l.top >= card.top && l.bottom <= card.bottom);
    assert.ok(!covered, `${c.name}: the card covers its mention`);
    await page.screenshot({ path: `${ARTIFACTS}card-edge-${c.name}.png` });
    await page.keyboard.press('Escape');
    await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
    await page.evaluate(() => document.activeElement.blur());
  }
  await context.close();
});

test('axe finds no violations with a card open, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open(env, { reducedMotion: 'reduce', colorScheme }, { clock: true });
    await page.evaluate(() => __cr().querySelector('[data-entity="transport-exports-share"][data-mention]:not(label)').focus());
    await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'an open card' });
    const results = await new AxeBuilder({ page }).include('commentary-reader').analyze();
    const summary = results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    assert.deepEqual(summary, [], `${colorScheme}: ${summary.join('\n')}`);
    await page.screenshot({ path: `${ARTIFACTS}card-figure-${colorScheme}.png` });
    await context.close();
  }
});

test('every listed entity has a mention in the rendered text with a card of its name', async () => {
  const { page, context } = await open(env, {}, { clock: true });
  const required = ['lukashenko', 'preiherman', 'minsk-dialogue', 'avim', 'bri', 'eaeu', 'cis', 'union-state', 'eu',
    'belarus', 'china', 'beijing', 'minsk', 'ukraine', 'donbas', 'crimea', 'russia'];
  for (const id of required) {
    // In the text (the body and the author's note): a map trigger of the same entity is
    // another test's (targets.test.mjs).
    const ordinal = await page.evaluate((i) => __cr().querySelector(`article .cr-mention[data-entity="${i}"][data-mention]`)?.dataset.mention, id);
    assert.ok(ordinal !== undefined, `no mention of ${id}`);
    await page.evaluate((o) => __cr().querySelector(`[data-mention="${o}"]:not(label)`).focus(), ordinal);
    await until(page, (i) => __cr().querySelector(`.cr-card[data-placed][data-entity="${i}"]`), id);
    const name = await page.evaluate(() => __cr().querySelector('.cr-card[data-open] .cr-card-name').textContent);
    assert.ok(name.length > 1, `${id}: empty card name`);
  }
  await context.close();
});
