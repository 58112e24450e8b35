// End-to-end: the release build served with a strict CSP, driven by playwright-core in
// Debian's Chromium. Every wait is on the widget's own events or a DOM condition.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, newPage, open, texts, waitForEvent, ARTIFACTS } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('the development page renders the seed commentary under a strict CSP', async () => {
  const { page, problems, context } = await newPage(env.browser);
  await page.goto(env.server.url);
  const ready = await waitForEvent(page, 'commentary-reader:ready');
  assert.equal(ready.detail.title, 'Belarus-China Relations amid Geostrategic Challenges');
  assert.deepEqual(await texts(page, 'h1'), ['Belarus-China Relations amid Geostrategic Challenges']);
  assert.deepEqual(await texts(page, '.cr-body h2'), ['Long-established relations that took off in the 2010s']);
  assert.equal((await texts(page, '.cr-body p')).length, 7);
  assert.match((await texts(page, '.cr-meta'))[0], /February 14, 2024/);
  // The host's fallback paragraph is not rendered once the widget is ready (no slot).
  assert.equal(await page.evaluate(() => __cr().querySelector('slot')), null);
  // No inline script in the built page, and nothing the policy refused.
  const inline = await page.evaluate(() => [...document.scripts].filter((s) => !s.src).length);
  assert.equal(inline, 0, 'the built page has an inline <script>');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  // The widget's styles apply inside the shadow root (adopted stylesheet, CSP-safe).
  const family = await page.evaluate(() => getComputedStyle(__cr().querySelector('h1')).fontFamily);
  assert.match(family, /Charter/);
  await page.screenshot({ path: `${ARTIFACTS}seed-desktop.png`, fullPage: true });
  await context.close();
});

test('the layout holds at 320 px wide', async () => {
  const { page, context } = await open(env, { viewport: { width: 320, height: 640 } });
  const overflow = await page.evaluate(() => {
    const root = __cr().querySelector('.cr');
    return root.scrollWidth - root.clientWidth;
  });
  assert.ok(overflow <= 0, `the article overflows by ${overflow}px at 320px`);
  await page.screenshot({ path: `${ARTIFACTS}seed-320.png`, fullPage: false });
  await context.close();
});

/** Adds a widget for `src` to the already-loaded page and waits for its first event. */
async function addWidget(page, id, src) {
  await page.evaluate(([i, s]) => {
    const el = document.createElement('commentary-reader');
    el.id = i;
    el.setAttribute('src', s);
    el.innerHTML = '<p class="fallback">Host fallback copy</p>';
    document.querySelector('main').append(el);
    el.scrollIntoView();  // the widget starts when it comes near the viewport
  }, [id, src]);
  return page.waitForFunction((i) => window.__events.find((e) => e.id === i), id).then((h) => h.jsonValue());
}

test('a commentary.md is compiled in the browser: the same commentary as its bundle, the compiler fetched only then', async () => {
  const { page, problems, context } = await newPage(env.browser);
  const fetched = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(env.server.url);
  await waitForEvent(page, 'commentary-reader:ready');
  assert.ok(fetched.some((p) => p.endsWith('/commentary.bundle')), 'the page reads the compiled bundle');
  assert.ok(!fetched.some((p) => p.includes('compiler')), 'a page with a bundle loaded the compiler module');
  assert.ok(!fetched.some((p) => /\.(md|toml)$|topo\.json$/.test(p)), `sources fetched: ${fetched.join(' ')}`);
  const fromBundle = await page.evaluate(() => {
    const root = __cr();
    return { text: root.querySelector('.cr-body').textContent, mentions: root.querySelectorAll('[data-mention]').length, countries: root.querySelectorAll('[data-country]').length };
  });
  const event = await addWidget(page, 'md', 'commentaries/belarus-china-relations-2024/commentary.md');
  assert.equal(event.type, 'commentary-reader:ready', JSON.stringify(event));
  const fromMarkdown = await page.evaluate(() => {
    const root = __cr('md');
    return { text: root.querySelector('.cr-body').textContent, mentions: root.querySelectorAll('[data-mention]').length, countries: root.querySelectorAll('[data-country]').length };
  });
  assert.deepEqual(fromMarkdown, fromBundle);
  assert.ok(fromBundle.mentions > 30 && fromBundle.countries > 10, JSON.stringify(fromBundle));
  assert.equal(fetched.filter((p) => p.endsWith('commentary-reader-compiler_bg.wasm')).length, 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a damaged bundle says where it broke', async () => {
  const { page, context } = await newPage(env.browser);
  // The seed's real bundle, cut short after 2,000 bytes (a transfer that broke off).
  await page.route('**/damaged/commentary.bundle', async (route) => {
    const whole = await route.fetch({ url: new URL('commentaries/belarus-china-relations-2024/commentary.bundle', env.server.url).href });
    route.fulfill({ contentType: 'application/octet-stream', body: (await whole.body()).subarray(0, 2000) });
  });
  await page.goto(env.server.url);
  await waitForEvent(page, 'commentary-reader:ready');
  const event = await addWidget(page, 'damaged', 'damaged/commentary.bundle');
  assert.equal(event.type, 'commentary-reader:error');
  assert.match(event.detail.message, /damaged\/commentary\.bundle: not a usable commentary bundle \(byte 2000\): the file ends in the /);
  await context.close();
});

test('a missing commentary.md shows an error inside the widget and fires commentary-reader:error', async () => {
  const { page, context } = await open(env);
  const event = await addWidget(page, 'missing', 'commentaries/does-not-exist/commentary.md');
  assert.equal(event.type, 'commentary-reader:error');
  assert.match(event.detail.message, /404/);
  const alert = await texts(page, '[role=alert] .cr-error-message', 'missing');
  assert.match(alert[0], /does-not-exist\/commentary\.md: the server answered 404/);
  // The host's fallback content is shown again through the slot.
  const slotted = await page.evaluate(() => __cr('missing').querySelector('slot').assignedNodes().map((n) => n.textContent).join(''));
  assert.match(slotted, /Host fallback copy/);
  await context.close();
});

test('a malformed commentary.md shows where the problem is', async () => {
  const { page, context } = await newPage(env.browser);
  await page.route('**/broken/commentary.md', (route) =>
    route.fulfill({ contentType: 'text/markdown', body: '+++\ntitle = "Broken"\ndate = 2024-13-45\n+++\nText' }));
  await page.goto(env.server.url);
  await waitForEvent(page, 'commentary-reader:ready');
  const event = await addWidget(page, 'broken', 'broken/commentary.md');
  assert.equal(event.type, 'commentary-reader:error');
  assert.match(event.detail.message, /broken\/commentary\.md:3:\d+: error: front matter/);
  assert.match((await texts(page, '.cr-error-message', 'broken'))[0], /:3:\d+: error/);
  await context.close();
});

test('raw <script>, event-handler HTML and javascript: links in a commentary never run', async () => {
  const { page, problems, context } = await newPage(env.browser);
  const hostile = [
    '+++', 'title = "Hostile"', 'date = 2024-01-01', 'lang = "en"', '+++',
    '<script>window.__pwned = "script"</script>',
    '',
    'A [link](javascript:window.__pwned="link") and <img src=x onerror="window.__pwned=\'img\'"> and <svg onload="window.__pwned=\'svg\'"></svg>.',
  ].join('\n');
  await page.route('**/hostile/commentary.md', (route) => route.fulfill({ contentType: 'text/markdown', body: hostile }));
  await page.goto(env.server.url);
  await waitForEvent(page, 'commentary-reader:ready');
  const event = await addWidget(page, 'hostile', 'hostile/commentary.md');
  assert.equal(event.type, 'commentary-reader:ready');
  const found = await page.evaluate(() => {
    const root = __cr('hostile');
    // Our own icons (the paragraph-link buttons' SVGs) aside, nothing but text.
    const elements = [...root.querySelectorAll('script, img, svg, a')].filter((e) => !e.closest('.cr-anchor'));
    return { elements: elements.length, text: root.querySelector('.cr-body').textContent };
  });
  assert.equal(found.elements, 0);
  assert.match(found.text, /<script>window.__pwned = "script"<\/script>/);
  // Clicking the would-be link text does nothing either.
  await page.evaluate(() => {
    const root = __cr('hostile');
    root.querySelector('.cr-body p:last-child').click();
  });
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(problems, []);
  await context.close();
});
