// Graceful failure: a 404 with retry, a timeout, a broken map, a broken catalog, the debug
// panel. Each shows its message, keeps everything valid, and fires commentary-reader:error
// only when the whole load failed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, texts, waitForEvent, until, SEED_SLUG } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const SEED = `commentaries/${SEED_SLUG}/`;

/** A page with one widget for the seed, far from other content; `attrs` are its attributes. */
async function widgetPage(page, attrs = '') {
  await page.route('**/robust.html', (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>robust</title><link rel="icon" href="data:,">
<script type="module" src="commentary-reader/commentary-reader.js"></script></head>
<body><main><commentary-reader id="w" src="${SEED}commentary.md" ${attrs}><p class="fallback">Host fallback copy</p></commentary-reader></main></body></html>`,
  }));
  await page.goto(new URL('robust.html', env.server.url).href);
}

test('a 404 shows the status and a retry button, keeps the fallback; retrying after the fix renders', async () => {
  const { page, context } = await newPage(env.browser);
  let fail = true;
  await page.route(`**/${SEED}commentary.md`, (route) => (fail ? route.fulfill({ status: 404, body: 'not found' }) : route.continue()));
  await widgetPage(page);
  const event = await waitForEvent(page, 'commentary-reader:error', 'w');
  assert.match(event.detail.message, /commentary\.md: the server answered 404/);
  assert.match((await texts(page, '.cr-error-message', 'w'))[0], /404/);
  const slotted = await page.evaluate(() => __cr('w').querySelector('slot').assignedNodes().map((n) => n.textContent).join(''));
  assert.match(slotted, /Host fallback copy/);
  fail = false;
  await page.locator('#w').getByRole('button', { name: 'Try again' }).click();
  await waitForEvent(page, 'commentary-reader:ready', 'w');
  assert.match((await texts(page, '.cr-title', 'w'))[0], /Belarus-China Relations/);
  await context.close();
});

test('a server that never answers times out after 15 s with a message and a retry button', async () => {
  const { page, context } = await newPage(env.browser, {}, { clock: true });
  await page.route(`**/${SEED}commentary.md`, () => { /* never answers */ });
  await widgetPage(page);
  await until(page, () => __cr('w')?.querySelector('.cr-loading'), null, { what: 'the loading state' });
  await page.clock.runFor(14_000);
  assert.equal(await page.evaluate(() => window.__events.length), 0, 'gave up before 15 s');
  await page.clock.runFor(1_500);
  const event = await until(page, () => window.__events.find((e) => e.type === 'commentary-reader:error'), null, { what: 'the timeout' });
  assert.match(event.detail.message, /no answer within 15 seconds/);
  assert.ok(await page.locator('#w').getByRole('button', { name: 'Try again' }).isVisible());
  await context.close();
});

test('a broken map.toml leaves the text and cards working, with a located note where the map would be', async () => {
  const { page, context } = await newPage(env.browser);
  await page.route(`**/${SEED}map.toml`, (route) => route.fulfill({ contentType: 'application/toml', body: '[view\nbounds = 1\n' }));
  await widgetPage(page);
  await waitForEvent(page, 'commentary-reader:ready', 'w');
  assert.match((await texts(page, '.cr-map-missing', 'w'))[0], /The map could not be drawn: .*map\.toml:1:6: error: TOML syntax/);
  assert.deepEqual(await texts(page, 'svg[part=map]', 'w'), []);
  await page.locator('#w .cr-invoke[data-entity=lukashenko]').first().focus();
  await until(page, () => __cr('w').querySelector('.cr-card[data-placed]'), null, { what: 'a card' });
  await context.close();
});

test('a broken entities.toml leaves the text and the map; the debug panel says where', async () => {
  const { page, context, problems } = await newPage(env.browser);
  await page.route(`**/${SEED}entities.toml`, (route) => route.fulfill({ contentType: 'application/toml', body: '[[entity]]\nid = "x"\nkind = "person"\nname = "X"\nsummary = "S"\n\n[[entity]\n' }));
  await widgetPage(page, 'debug');
  await waitForEvent(page, 'commentary-reader:ready', 'w');
  assert.match((await texts(page, '.cr-body', 'w'))[0], /Lukashenko/);
  assert.equal(await page.evaluate(() => __cr('w').querySelectorAll('.cr-mention').length), 0, 'no cards without a catalog');
  assert.ok((await texts(page, 'svg[part=map]', 'w')).length > 0, 'the map still draws (from map.toml and the base map)');
  const [panel] = await texts(page, '.cr-debug', 'w');
  assert.match(panel, /entities\.toml:7:10: error: TOML syntax/);
  assert.deepEqual(problems, []);
  await context.close();
});

test('an absurdly large file gets a clear message, not a frozen tab', async () => {
  const { page, context } = await newPage(env.browser);
  const huge = `+++\ntitle = "Huge"\ndate = 2024-01-01\n+++\n${'word '.repeat(4_200_000)}`;  // ~21 MB
  await page.route(`**/${SEED}commentary.md`, (route) => route.fulfill({ contentType: 'text/markdown', body: huge }));
  await widgetPage(page);
  const event = await waitForEvent(page, 'commentary-reader:error', 'w');
  assert.match(event.detail.message, /21 MB is more than a commentary file may be \(5 MB\)/);
  await context.close();
});

test('a catalog of 3,000 entities still renders, with its cards', async () => {
  const { page, context } = await newPage(env.browser);
  let toml = '';
  for (let i = 0; i < 3000; i++) toml += `[[entity]]\nid = "e${i}"\nkind = "organisation"\nname = "Entity ${i}"\naliases = ["Entity ${i}"]\nsummary = "Generated."\n\n`;
  // The seed's own entities stay too, after the generated ones.
  await page.route(`**/${SEED}entities.toml`, async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, body: toml + (await response.text()) });
  });
  await widgetPage(page);
  await waitForEvent(page, 'commentary-reader:ready', 'w');
  const mentions = await page.evaluate(() => __cr('w').querySelectorAll('.cr-mention').length);
  assert.ok(mentions > 40, `${mentions} mentions`);
  await page.locator('#w .cr-invoke[data-entity=minsk]').first().focus();
  await until(page, () => __cr('w').querySelector('.cr-card[data-placed]'), null, { what: 'a card' });
  await context.close();
});
