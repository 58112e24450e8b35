// Keyboard walks through every card trigger of the seed: each mention of the text, then each
// trigger of the map, reached by Tab from the previous trigger (cards are outside the Tab
// sequence), and on every card, entered with Enter, one of its controls is pressed, by
// keyboard or by mouse, in turn, until every kind of control has been pressed many times.
// A card that followed another one used to have dead controls (Yew moved its portal without its
// event handlers).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, open, until } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** Where focus is, seen from the widget. */
const where = (page) => page.evaluate(() => {
  const root = __cr();
  const el = root.activeElement;
  const card = root.querySelector('.cr-card[data-placed]');
  return {
    inWidget: !!el,
    trigger: el?.dataset.mention ?? null,
    inCard: !!el?.closest('.cr-card[data-open]'),
    part: el?.getAttribute('part') ?? null,
    card: card?.dataset.entity ?? null,
  };
});

/** Ordinals of the triggers of a group ('text' or 'map'), in document order. */
const triggers = (page, group) => page.evaluate((g) => {
  const root = __cr();
  const selector = g === 'text' ? '.cr-body .cr-mention[data-mention]' : 'svg[part=map] [data-mention][tabindex="0"]';
  return [...root.querySelectorAll(selector)].map((e) => e.dataset.mention);
}, group);

const entityOf = (page, ordinal) => page.evaluate((o) =>
  __cr().querySelector(`[data-mention="${o}"]`).dataset.entity, ordinal);

/** The other text mentions of the same entity, in order. */
const mentionsOf = (page, entity) => page.evaluate((e) =>
  [...__cr().querySelectorAll(`.cr-body .cr-mention[data-entity="${e}"]`)].map((m) => m.dataset.mention), entity);

/** Waits until the card of trigger `ordinal` is open and placed, and the trigger says so. */
const cardOpenFor = (page, ordinal, what) => untilSaying(page, (o) => {
  const root = __cr();
  const trigger = root.querySelector(`[data-mention="${o}"]:not(label)`);
  const card = root.querySelector('.cr-card[data-placed]');
  return card && card.dataset.entity === trigger.dataset.entity && trigger.getAttribute('aria-expanded') === 'true';
}, ordinal, { what: what ?? `the card of trigger ${ordinal}` });

/** `until`, and on a timeout also says what the widget's card state was. */
async function untilSaying(page, fn, arg, opts) {
  try { return await until(page, fn, arg, opts); } catch (e) {
    const state = await page.evaluate(() => { const r = __cr(); const c = r.querySelector('.cr-card[data-open]'); return { state: r.querySelector('.cr-doc').dataset.cardState, card: c?.dataset.entity, placed: c?.hasAttribute('data-placed'), active: r.activeElement?.dataset?.mention, expanded: [...r.querySelectorAll('[aria-expanded=true]')].map(e => e.dataset.mention) }; });
    throw new Error(e.message + ' ' + JSON.stringify(state));
  }
}
const noCard = (page, what) => until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what });

const focusTrigger = (page, ordinal) => page.evaluate((o) =>
  __cr().querySelector(`[data-mention="${o}"]:not(label)`).focus(), ordinal);

/** The kinds of control the open card offers (Escape counts as one). */
const controlsOf = (page) => page.evaluate(() => {
  const card = __cr().querySelector('.cr-card[data-open]');
  const kinds = ['close', 'escape'];
  const nav = card.querySelectorAll('.cr-card-nav button');
  if (nav.length === 2 && !nav[0].disabled) kinds.push('previous');
  if (nav.length === 2 && !nav[1].disabled) kinds.push('next');
  if (card.querySelector('.cr-card-show-map')) kinds.push('show-map');
  if (card.querySelector('.cr-card-goto')) kinds.push('goto');
  return kinds;
});

const SELECTOR = {
  close: '.cr-card-close',
  escape: '.cr-card-close',
  previous: '.cr-card-nav button:first-of-type',
  next: '.cr-card-nav button:last-of-type',
  'show-map': '.cr-card-show-map',
  goto: '.cr-card-goto',
};

/** Presses `kind` on the open card of trigger `ordinal` (by keyboard or by mouse) and checks it did its job. */
async function press(page, ordinal, kind, byMouse) {
  const label = `${kind} on the card of ${ordinal} (${byMouse ? 'mouse' : 'keyboard'})`;
  const entity = await entityOf(page, ordinal);
  const control = page.locator('.cr-card[data-open]').locator(SELECTOR[kind]);
  if (kind === 'escape') {
    await control.focus();
    await page.keyboard.press('Escape');
  } else if (byMouse) {
    await control.click();
  } else {
    await control.focus();
    await page.keyboard.press('Enter');
  }
  const mentions = await mentionsOf(page, entity);
  const k = mentions.indexOf(ordinal);
  switch (kind) {
    case 'close':
    case 'escape':
      await noCard(page, `${label}: the card to close`);
      assert.equal((await where(page)).trigger, ordinal, `${label}: focus went back to the trigger`);
      break;
    case 'previous':
    case 'next': {
      const target = mentions[kind === 'next' ? k + 1 : k - 1];
      await until(page, (t) => __cr().activeElement?.dataset.mention === t, target, { what: `${label}: focus on mention ${target}` });
      await cardOpenFor(page, target, `${label}: the card of mention ${target}`);
      break;
    }
    case 'show-map':
      await noCard(page, `${label}: the card to close`);
      await until(page, () => __cr().activeElement?.getAttribute('part') === 'map', null, { what: `${label}: focus on the map` });
      break;
    case 'goto': {
      await until(page, (t) => __cr().activeElement?.dataset.mention === t, mentions[0], { what: `${label}: focus on the first mention` });
      break;
    }
    default:
      throw new Error(kind);
  }
}

/** Tab until focus is on a trigger other than `from` (or has left the widget); never through a card. */
async function tabOn(page, from) {
  for (let steps = 0; steps < 60; steps++) {
    await page.keyboard.press('Tab');
    const f = await where(page);
    if (!f.inWidget) return null;
    assert.ok(!f.inCard, `Tab from ${from} went into the card of ${f.card}: cards are outside the Tab sequence`);
    if (f.trigger !== null && f.trigger !== from) return f.trigger;
  }
  return null;
}

/**
 * Walks the triggers of `group` by Tab; on each, enters its card with Enter, presses the least
 * pressed of its controls, then comes back to the trigger the same way and walks on.
 */
async function walk(page, group) {
  const stops = await triggers(page, group);
  assert.ok(stops.length > 3, `${group}: only ${stops.length} triggers`);
  const pressed = {};
  let byMouse = false;
  let entered = 0;
  const visited = [stops[0]];
  await focusTrigger(page, stops[0]);
  await cardOpenFor(page, stops[0]);
  let prev = stops[0];
  for (;;) {
    const cur = await tabOn(page, prev);
    if (cur === null || !stops.includes(cur)) break;
    visited.push(cur);
    await cardOpenFor(page, cur, `${group}: the card of ${cur}, reached by Tab from ${prev}`);
    await page.keyboard.press('Enter');
    await untilSaying(page, () => __cr().activeElement?.closest('.cr-card[data-open]'), null, { what: `${group}: focus in the card of ${cur} after Enter` });
    entered++;
    const kinds = await controlsOf(page);
    const kind = kinds.reduce((a, b) => ((pressed[b] ?? 0) < (pressed[a] ?? 0) ? b : a));
    pressed[kind] = (pressed[kind] ?? 0) + 1;
    await press(page, cur, kind, byMouse);
    byMouse = !byMouse;
    // Back the way a keyboard reader comes: from the previous trigger.
    if ((await where(page)).card !== null) {
      await page.keyboard.press('Escape');
      await noCard(page, 'the card to close before coming back');
    }
    // Focus leaves the widget, so a mention just dismissed with Escape may open again.
    await page.evaluate(() => __cr().activeElement?.blur());
    await focusTrigger(page, prev);
    await cardOpenFor(page, prev);
    const back = await tabOn(page, prev);
    assert.equal(back, cur, `${group}: Tab from ${prev} did not come back to ${cur}`);
    await cardOpenFor(page, cur, `${group}: the card of ${cur}, reached again`);
    prev = cur;
  }
  assert.deepEqual(visited, stops, `${group}: Tab did not visit every trigger in order`);
  return { entered, pressed };
}

test('Tab through every mention of the text: each card, entered with Enter, works control by control', async () => {
  const { page, problems, context } = await open(env, { viewport: { width: 1280, height: 900 } });
  const { entered, pressed } = await walk(page, 'text');
  assert.ok(entered >= 40, `only ${entered} cards were entered`);
  for (const kind of ['close', 'escape', 'previous', 'next', 'show-map']) {
    assert.ok((pressed[kind] ?? 0) >= 2, `${kind} pressed ${pressed[kind] ?? 0} times: ${JSON.stringify(pressed)}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('Tab through every card trigger of the map: each card, entered with Enter, works', async () => {
  const { page, problems, context } = await open(env, { viewport: { width: 1280, height: 900 } });
  const { entered, pressed } = await walk(page, 'map');
  assert.ok(entered >= 3, `only ${entered} map cards were entered`);
  for (const kind of ['close', 'escape', 'goto']) {
    assert.ok((pressed[kind] ?? 0) >= 1, `${kind} pressed ${pressed[kind] ?? 0} times: ${JSON.stringify(pressed)}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});
