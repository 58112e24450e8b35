// The corridor mini-map on the seed commentary: drawing, text ↔ map linking, cards from the
// map, zoom and pan, chapters that follow the reading, layout, accessibility.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, open, inWidget, openCard, until, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

/** The map's current view as [lonMin, latMin, lonMax, latMax]. */
const view = (page) => inWidget(page, (root) => root.querySelector('svg[part=map]').dataset.view.split(',').map(Number));
const span = (v) => v[2] - v[0];
const active = (page) => inWidget(page, (root) => [...root.querySelectorAll('[data-active]')].map((e) =>
  e.dataset.place ? `place:${e.dataset.place}` : e.dataset.country ? `country:${e.dataset.country}` : `mention:${e.dataset.entity}`));

/** Waits until the map's view stops changing (an eased move has finished). */
async function settled(page) {
  let last = null;
  await until(page, () => true);
  for (let same = 0; same < 4;) {
    const v = (await view(page)).join();
    same = v === last ? same + 1 : 0;
    last = v;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  return view(page);
}

test('the map draws Belarus emphasised, China, the three rail routes, the gauge breaks and Great Stone', async () => {
  const { page, context, problems } = await open(env);
  const map = await inWidget(page, (root) => {
    const svg = root.querySelector('svg[part=map]');
    const q = (s) => svg.querySelectorAll(s);
    return {
      name: root.querySelector('figure.cr-map').getAttribute('aria-label'),
      belarus: svg.querySelector('[data-country=BLR]').getAttribute('class'),
      china: svg.querySelector('[data-country=CHN]').getAttribute('class'),
      crimeaInUkraine: !!svg.querySelector('[data-country=UKR]'),
      routes: [...q('[data-route]')].map((r) => r.dataset.route).sort(),
      railDrawn: [...q('[data-route] .cr-route-line')].every((p) => p.getAttribute('d').includes('C')),
      gauges: q('.cr-gauge').length,
      greatStone: !!svg.querySelector('[data-place=great-stone]'),
      labels: [...q('.cr-label')].map((t) => t.textContent),
      scale: svg.querySelector('.cr-scale text').textContent,
      credit: root.querySelector('.cr-map-credit').textContent,
      legend: [...root.querySelectorAll('.cr-legend li')].map((li) => li.textContent),
    };
  });
  assert.match(map.name, /^Belarus on the Eurasian land bridge/);
  assert.match(map.belarus, /cr-emphasis/);
  assert.match(map.china, /cr-hl/);
  assert.ok(map.crimeaInUkraine);
  assert.deepEqual(map.routes, ['north-manzhouli', 'west-alashankou', 'west-khorgos']);
  assert.ok(map.railDrawn, 'routes are smooth curves, not straight segments');
  assert.ok(map.gauges >= 1, 'break-of-gauge points are marked');
  assert.ok(map.greatStone, 'the Great Stone marker is drawn');
  // At the whole view Belarus is a few pixels under its markers, and its name gives way to them
  // (labels.test.mjs: no label on a marker); China's fits.
  assert.ok(map.labels.includes('CHINA'), map.labels.join('|'));
  assert.match(map.scale, /^\d[\d,]* km$/);
  assert.match(map.credit, /Natural Earth/);
  for (const entry of ['European Union', 'Eurasian Economic Union', 'Belarus', 'Rail route', 'Break of gauge']) {
    assert.ok(map.legend.includes(entry), `legend lacks ${entry}: ${map.legend}`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('hovering the "Minsk" mention lights up its marker; hovering the EU lights up its countries', async () => {
  const { page, context } = await open(env);
  const minsk = page.locator('.cr-mention[data-entity=minsk]').first();
  await minsk.scrollIntoViewIfNeeded();
  await minsk.hover();
  await until(page, () => __cr().querySelector('[data-place=minsk][data-active]'), null, { what: 'the Minsk marker to light up' });
  const lit = await active(page);
  assert.ok(lit.includes('mention:minsk'), 'the other mentions of Minsk light up too');
  await page.mouse.move(4, 400);
  await until(page, () => !__cr().querySelector('[data-active]'), null, { what: 'the highlight to clear' });

  const eu = page.locator('.cr-mention[data-entity=eu]').first();
  await eu.scrollIntoViewIfNeeded();
  await eu.hover();
  await until(page, () => __cr().querySelector('[data-country=POL][data-active]'), null, { what: 'Poland (EU) to light up' });
  assert.ok(!(await active(page)).includes('country:BLR'), 'Belarus is not in the EU');
  await context.close();
});

test('the map leads back to the text: hovering a marker lights up its mentions and opens its card', async () => {
  const { page, context } = await open(env);
  const marker = page.locator('[data-place=minsk]');
  await marker.hover();
  await until(page, () => __cr().querySelector('.cr-mention[data-entity=minsk][data-active]'), null, { what: 'Minsk mentions to light up' });
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the card' });
  assert.equal(await openCard(page), 'minsk');
  await context.close();
});

test('focusing a marker opens its card; Tab goes on to the next marker; Enter walks into the card and back; Escape returns', async () => {
  const { page, context } = await open(env);
  await page.locator('[data-place=great-stone]').focus();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the Great Stone card' });
  assert.equal(await openCard(page), 'great-stone');
  const name = await inWidget(page, (root) => root.querySelector('.cr-card[data-open] .cr-card-name').textContent);
  assert.match(name, /Great Stone/);
  const [expanded, controls, described] = await inWidget(page, (root) => {
    const m = root.querySelector('[data-place=great-stone]');
    return [m.getAttribute('aria-expanded'), m.getAttribute('aria-controls'), m.getAttribute('aria-describedby')];
  });
  assert.deepEqual([expanded, controls, described], ['true', 'cr-card-great-stone', 'cr-card-great-stone-summary']);
  // The card is not in the Tab sequence: Tab goes on to the next card trigger of the map.
  const next = await inWidget(page, (root) => {
    const stops = [...root.querySelectorAll('svg[part=map] [tabindex="0"]')];
    const i = stops.indexOf(root.querySelector('[data-place=great-stone]'));
    return stops[i + 1]?.dataset.mention ?? null;
  });
  await page.keyboard.press('Tab');
  assert.equal(await inWidget(page, (root) => root.activeElement?.dataset.mention ?? null), next, 'Tab goes on to the next marker');
  await until(page, (m) => __cr().querySelector(`[data-mention="${m}"]:not(label)`).getAttribute('aria-expanded') === 'true', next, { what: 'the next card' });
  await page.keyboard.press('Shift+Tab');
  assert.equal(await inWidget(page, (root) => root.activeElement?.dataset.place), 'great-stone');
  await until(page, () => __cr().querySelector('.cr-card[data-placed][data-entity=great-stone]'), null, { what: 'the Great Stone card again' });
  // Enter: into the card, through its controls, and back to the marker.
  await page.keyboard.press('Enter');
  await until(page, () => __cr().activeElement?.matches('.cr-card[role=dialog]'), null, { what: 'focus in the card' });
  const cardControls = await page.locator('.cr-card[data-open]').locator('button:not([disabled]), a[href]').count();
  for (let i = 0; i < cardControls; i++) await page.keyboard.press('Tab');
  assert.ok(await inWidget(page, (root) => !!root.activeElement?.closest('.cr-card[data-open]')), 'Tab left the card early');
  await page.keyboard.press('Tab');
  assert.equal(await inWidget(page, (root) => root.activeElement?.dataset.place), 'great-stone', 'Tab past the card returns to the marker');
  await page.keyboard.press('Escape');
  await until(page, () => !__cr().querySelector('.cr-card[data-open]'), null, { what: 'the card to close' });
  assert.equal(await inWidget(page, (root) => root.activeElement?.dataset.place), 'great-stone', 'focus stays on the marker');
  await context.close();
});

test('keyboard zoom and pan change the view; reset returns to the whole map', async () => {
  const { page, context } = await open(env);
  const svg = page.locator('svg[part=map]');
  await svg.focus();
  const before = await settled(page);
  await page.keyboard.press('+');
  const zoomed = await settled(page);
  assert.ok(span(zoomed) < span(before) * 0.8, `+ did not zoom in: ${before} → ${zoomed}`);
  await page.keyboard.press('ArrowRight');
  const panned = await settled(page);
  assert.ok(panned[0] > zoomed[0] && Math.abs(span(panned) - span(zoomed)) < 1e-6, `→ did not pan east: ${zoomed} → ${panned}`);
  await page.keyboard.press('-');
  const out = await settled(page);
  assert.ok(span(out) > span(panned) * 1.2, `− did not zoom out: ${panned} → ${out}`);
  await page.locator('.cr-map-controls').getByRole('button', { name: 'Zoom in' }).click();
  const clicked = await settled(page);
  assert.ok(span(clicked) < span(out) * 0.8, 'the zoom-in button zooms');
  await page.locator('.cr-map-controls').getByRole('button', { name: 'Whole map' }).click();
  const home = await settled(page);
  assert.deepEqual(home, [5, 27, 122, 62], 'reset returns to map.toml\'s [view]');
  await context.close();
});

test('drag pans, Ctrl+wheel zooms about the pointer, a plain wheel scrolls the page and explains', async () => {
  const { page, context } = await open(env);
  const box = await page.locator('svg[part=map]').boundingBox();
  const start = await settled(page);
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 60, cy, { steps: 6 });
  await page.mouse.up();
  const dragged = await view(page);
  assert.ok(dragged[0] > start[0] + 1, `dragging left shows more of the east: ${start} → ${dragged}`);
  assert.equal(await openCard(page), null, 'a drag is not a click');

  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -300);
  await page.keyboard.up('Control');
  const wheeled = await until(page, () => __cr().querySelector('svg[part=map]').dataset.view);
  assert.ok(span(wheeled.split(',').map(Number)) < span(dragged), 'Ctrl+wheel zooms in');

  const y0 = await page.evaluate(() => scrollY);
  await page.mouse.wheel(0, 200);
  await until(page, () => __cr().querySelector('.cr-map-hint'), null, { what: 'the Ctrl hint' });
  await until(page, (y) => scrollY > y, y0, { what: 'the page to scroll' });
  await context.close();
});

test('reading moves the map to each chapter; the chapter buttons do so without scrolling', async () => {
  const { page, context } = await open(env);
  const home = await settled(page);
  assert.equal(await inWidget(page, (root) => root.querySelector('.cr-map').dataset.chapter), 'intro');
  assert.equal(await inWidget(page, (root) => root.querySelector('.cr-map [aria-live=polite]').textContent), '', 'nothing is announced on load');
  // Scroll the second section's heading up past the reading line.
  await page.evaluate(() => {
    const h = __cr().querySelector('#long-established-relations-that-took-off-in-the-2010s');
    window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 100);
  });
  await until(page, () => __cr().querySelector('.cr-map').dataset.chapter === 'long-established-relations-that-took-off-in-the-2010s', null, { what: 'the chapter to change' });
  const chapter = await settled(page);
  assert.ok(span(chapter) < span(home) / 2, `the map did not move to the chapter's focus: ${home} → ${chapter}`);
  assert.ok(chapter[0] < 24 && chapter[2] > 28, 'the chapter shows Belarus and its neighbours');
  // Following the reading is silent: the reader did not ask for it.
  assert.equal(await inWidget(page, (root) => root.querySelector('.cr-map [aria-live=polite]').textContent), '', 'scrolling announced the chapter');
  await page.screenshot({ path: `${ARTIFACTS}map-chapter.png` });

  const y = await page.evaluate(() => scrollY);
  await page.locator('.cr-chapters').getByRole('button', { name: 'Previous chapter' }).click();
  await until(page, () => __cr().querySelector('.cr-map').dataset.chapter === 'intro', null, { what: 'the previous chapter' });
  const back = await settled(page);
  assert.ok(span(back) > span(chapter) * 2, 'the previous chapter is the wider introduction view');
  assert.equal(await page.evaluate(() => scrollY), y, 'the chapter buttons do not scroll');
  // A chapter the reader asked for is announced.
  assert.match(await inWidget(page, (root) => root.querySelector('.cr-map [aria-live=polite]').textContent), /^Map: Introduction — showing /);
  await context.close();
});

test('under prefers-reduced-motion the map jumps to a chapter instead of easing', async () => {
  for (const reducedMotion of ['reduce', 'no-preference']) {
    const { page, context } = await open(env, { reducedMotion });
    await settled(page);
    await inWidget(page, (root) => {
      window.__views = [];
      new MutationObserver(() => window.__views.push(root.querySelector('svg[part=map]').dataset.view))
        .observe(root.querySelector('svg[part=map]'), { attributes: true, attributeFilter: ['data-view'] });
    });
    await page.locator('.cr-chapters').getByRole('button', { name: 'Next chapter' }).click();
    await until(page, () => __cr().querySelector('.cr-map').dataset.chapter !== 'intro', null, { what: 'the next chapter' });
    await settled(page);
    const steps = await page.evaluate(() => window.__views.length);
    if (reducedMotion === 'reduce') assert.equal(steps, 1, 'the view changed in one step');
    else assert.ok(steps > 3, `an eased move takes several frames (${steps})`);
    await context.close();
  }
});

test('a card\'s "Show on map" moves the map to the entity and lights it up', async () => {
  const { page, context } = await open(env);
  const mention = page.locator('.cr-invoke[data-entity=minsk]').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.focus();
  await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the Minsk card' });
  await page.locator('.cr-card[data-open]').getByRole('button', { name: 'Show on map' }).click();
  const v = await settled(page);
  assert.ok(v[0] < 27.57 && v[2] > 27.57 && v[1] < 53.9 && v[3] > 53.9 && span(v) < 10, `the map does not show Minsk close up: ${v}`);
  assert.ok((await active(page)).includes('place:minsk'), 'the marker is lit');
  assert.equal(await inWidget(page, (root) => root.activeElement?.getAttribute('part')), 'map', 'focus moved to the map');
  // People are not on the map: their cards have no such button.
  const person = page.locator('.cr-invoke[data-entity=lukashenko]').first();
  await person.focus();
  await until(page, () => __cr().querySelector('.cr-card[data-placed][data-entity=lukashenko]'), null, { what: 'the Lukashenko card' });
  assert.equal(await page.locator('.cr-card[data-open]').getByRole('button', { name: 'Show on map' }).count(), 0);
  await context.close();
});

test('layout: beside the text and in view while reading on wide screens; inline and collapsible on phones', async () => {
  {
    const { page, context } = await open(env, { viewport: { width: 1280, height: 900 } });
    const [text, map] = await Promise.all([page.locator('.cr-body').boundingBox(), page.locator('.cr-map').boundingBox()]);
    assert.ok(map.x > text.x + text.width - 1, 'the map is beside the text');
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 2));
    await until(page, () => {
      const r = __cr().querySelector('.cr-map').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    }, null, { what: 'the map to stay in view (sticky)' });
    await context.close();
  }
  {
    const { page, context } = await open(env, { viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const [head, map, body] = await Promise.all(['.cr-head', '.cr-map', '.cr-body'].map((s) => page.locator(s).boundingBox()));
    assert.ok(map.y >= head.y + head.height - 1 && map.y + map.height <= body.y + 1, 'the map sits between the header and the text');
    assert.ok(map.width <= 390, 'no horizontal overflow');
    const toggle = page.locator('.cr-map-toggle');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await toggle.tap();
    await until(page, () => __cr().querySelector('#cr-map-body').hidden, null, { what: 'the map to collapse' });
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    await toggle.tap();
    await until(page, () => !__cr().querySelector('#cr-map-body').hidden, null, { what: 'the map to expand' });
    // Two fingers spreading apart zoom the map in (the page itself does not zoom).
    const box = await page.locator('svg[part=map]').boundingBox();
    const before = await settled(page);
    const cdp = await context.newCDPSession(page);
    const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
    const touch = (type, d) => cdp.send('Input.dispatchTouchEvent', {
      type, touchPoints: type === 'touchEnd' ? [] : [{ x: cx - d, y: cy, id: 1 }, { x: cx + d, y: cy, id: 2 }],
    });
    await touch('touchStart', 20);
    for (const d of [30, 45, 60, 80]) await touch('touchMove', d);
    await touch('touchEnd', 0);
    const pinched = await settled(page);
    assert.ok(span(pinched) < span(before) * 0.6, `pinching out did not zoom in: ${before} → ${pinched}`);
    await page.locator('.cr-map-controls').getByRole('button', { name: 'Whole map' }).tap();
    await settled(page);
    // A tap on a marker opens its card.
    await page.locator('[data-place=minsk]').tap();
    await until(page, () => __cr().querySelector('.cr-card[data-placed]'), null, { what: 'the card on tap' });
    assert.equal(await openCard(page), 'minsk');
    await page.screenshot({ path: `${ARTIFACTS}map-phone.png` });
    await context.close();
  }
  {
    // Print: the map is a static figure; its controls are not printed.
    const { page, context } = await open(env, { viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ media: 'print' });
    // The glossary is rendered once the browser is idle after ready (or on beforeprint).
    await until(page, () => __cr().querySelector('.cr-glossary dt'), null, { what: 'the print glossary' });
    const printed = await inWidget(page, (root) => ({
      map: root.querySelector('svg[part=map]').getBoundingClientRect().height > 100,
      controls: getComputedStyle(root.querySelector('.cr-map-controls')).display,
      position: getComputedStyle(root.querySelector('.cr-map')).position,
      glossary: getComputedStyle(root.querySelector('.cr-glossary')).display,
      entries: [...root.querySelectorAll('.cr-glossary dt')].map((dt) => dt.textContent),
    }));
    const { entries, ...rest } = printed;
    assert.deepEqual(rest, { map: true, controls: 'none', position: 'static', glossary: 'block' });
    assert.ok(entries[0].startsWith('Belarus') && entries.some((e) => e.startsWith('Aleksandr Lukashenko · Person')), entries.join(' | '));
    await context.close();
  }
});

test('targets are at least 24×24 px and the text alternative lists routes with stops and places', async () => {
  const { page, context } = await open(env);
  const small = await inWidget(page, (root) => [...root.querySelectorAll('.cr-map button, .cr-marker[data-mention] .cr-hit, .cr-map-text summary')]
    .map((e) => [e.getAttribute('aria-label') ?? e.textContent, e.getBoundingClientRect()])
    .filter(([, r]) => r.width < 24 || r.height < 24).map(([n, r]) => `${n} ${r.width}×${r.height}`));
  assert.deepEqual(small, []);
  await page.locator('.cr-map-text summary').click();
  const text = await inWidget(page, (root) => root.querySelector('.cr-map-text').innerText);
  assert.match(text, /China–Europe rail, western route via Alashankou\/Dostyk: Chongqing → Xi'an → .* → Minsk → Brest → Małaszewicze → Warsaw → Duisburg/);
  assert.match(text, /Brest\/Małaszewicze gauge break — Break of gauge: 1520 mm \(Belarus\) to 1435 mm \(EU\)/);
  assert.match(text, /Great Stone Industrial Park/);
  assert.match(text, /Eurasian Economic Union: Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia/);
  const described = await inWidget(page, (root) => root.getElementById(root.querySelector('svg[part=map]').getAttribute('aria-describedby')).textContent);
  assert.match(described, /arrow keys/);
  await context.close();
});

test('axe finds no violations with the map: initial, card from a marker, chapter changed, dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await open(env, { colorScheme });
    const check = async (state) => {
      const result = await new AxeBuilder({ page }).include('commentary-reader').analyze();
      assert.deepEqual(result.violations.map((v) => `${state}: ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);
    };
    await check(`${colorScheme} initial`);
    await page.locator('[data-place=great-stone]').focus();
    // Checked once it has faded in (mid-fade its text is lighter than it will be).
    await until(page, () => {
      const card = __cr().querySelector('.cr-card[data-placed]');
      return card && card.getAnimations({ subtree: true }).every((a) => a.playState === 'finished');
    }, null, { what: 'a card, faded in' });
    await check(`${colorScheme} card from the map`);
    await page.keyboard.press('Escape');
    await page.locator('.cr-chapters').getByRole('button', { name: 'Next chapter' }).click();
    await settled(page);
    await page.locator('.cr-map-text summary').click();
    await check(`${colorScheme} chapter changed, text alternative open`);
    if (colorScheme === 'dark') await page.screenshot({ path: `${ARTIFACTS}map-dark.png` });
    await context.close();
  }
});
