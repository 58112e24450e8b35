// Embedding in think-tank pages: strict CSP with SRI, a hostile stylesheet, two instances,
// lazy start, removal and re-adding, attributes, the iframe alternative.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launch, newPage, open, waitForEvent, until, DIST } from './helpers.mjs';
import { STRICT_CSP } from '../../scripts/serve-static.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

const WASM = '/commentary-reader/commentary-reader-core_bg.wasm';

/** Computed styles that make up how the widget looks, for the title, body text and map. */
const looks = (page, id = '') => page.evaluate((i) => {
  const root = __cr(i);
  const pick = (el, props) => { const s = getComputedStyle(el); return Object.fromEntries(props.map((p) => [p, s[p]])); };
  const text = ['fontFamily', 'fontSize', 'fontWeight', 'color', 'lineHeight', 'letterSpacing', 'textTransform', 'display', 'backgroundColor'];
  const map = root.querySelector('svg[part=map]').getBoundingClientRect();
  return {
    title: pick(root.querySelector('.cr-title'), text),
    body: pick(root.querySelector('.cr-body p'), text),
    map: { ...pick(root.querySelector('svg[part=map]'), ['display', 'fontFamily']), width: Math.round(map.width), height: Math.round(map.height) },
  };
}, id);

test('strict CSP: the SRI snippet from make dist loads with zero violations; a tampered wasm is refused', async () => {
  const snippet = readFileSync(`${DIST}commentary-reader/snippet.html`, 'utf8');
  const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>SRI</title><link rel="icon" href="data:,">${snippet.split('<commentary-reader')[0]}</head>
<body><main><commentary-reader${snippet.split('<commentary-reader')[1]}</main></body></html>`;
  for (const tamper of [false, true]) {
    const { page: p, context, problems } = await newPage(env.browser);
    await p.route('**/sri.html', (route) => route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': STRICT_CSP }, body: page }));
    if (tamper) {
      await p.route(`**${WASM}`, async (route) => {
        const response = await route.fetch();
        const body = await response.body();
        body[body.length - 1] ^= 1;  // one flipped bit
        await route.fulfill({ response, body });
      });
    }
    await p.goto(new URL('sri.html', env.server.url).href);
    const event = await p.waitForFunction(() => window.__events.find((e) => e.type !== 'commentary-reader:card-open')).then((h) => h.jsonValue());
    if (!tamper) {
      assert.equal(event.type, 'commentary-reader:ready');
      assert.deepEqual(await p.evaluate(() => window.__csp), [], 'CSP violations');
      assert.deepEqual(problems, []);
    } else {
      assert.equal(event.type, 'commentary-reader:error', 'a wasm that does not match its hash must not run');
      assert.match(event.detail.message, /could not be loaded/);
    }
    await context.close();
  }
});

test('strict CSP: every demo page reaches ready with zero securitypolicyviolation events', async () => {
  for (const [path, id] of [['./', ''], ['demo/two.html', 'seed'], ['demo/hostile.html', 'seed']]) {
    const { page, context, problems } = await open(env, {}, { path, id });
    assert.deepEqual(await page.evaluate(() => window.__csp), [], `${path}: CSP violations`);
    assert.deepEqual(problems, [], path);
    await context.close();
  }
});

test('a hostile host stylesheet does not change the widget', async () => {
  const plain = await open(env, {}, { path: 'demo/two.html', id: 'seed' });
  const hostile = await open(env, {}, { path: 'demo/hostile.html', id: 'seed' });
  // Same width on both pages (the hostile one also shrinks every svg and hides every p outside).
  const [a, b] = [await looks(plain.page, 'seed'), await looks(hostile.page, 'seed')];
  assert.deepEqual(b, a);
  assert.equal(a.body.display, 'block');
  assert.notEqual(a.title.color, 'rgb(255, 0, 0)');
  await plain.context.close();
  await hostile.context.close();
});

test('two commentaries on one page: independent, started when near, wasm fetched once', async () => {
  const { page, context, requests } = await open(env, {}, { path: 'demo/two.html', id: 'seed' });
  // The second starts only when it comes near the viewport.
  assert.equal(await page.evaluate(() => document.getElementById('rail').shadowRoot), null, 'the far widget started early');
  await page.locator('#rail').scrollIntoViewIfNeeded();
  await waitForEvent(page, 'commentary-reader:ready', 'rail');
  assert.equal(requests().filter((r) => r === WASM).length, 1, 'the wasm was requested more than once');
  const title = (id) => page.evaluate((i) => __cr(i).querySelector('.cr-title').textContent, id);
  assert.equal(await title('rail'), 'Rail freight across the Eurasian land bridge');
  assert.match(await title('seed'), /Belarus-China Relations/);

  // A card in one leaves the other alone; so does zooming one map.
  const state = (id) => page.evaluate((i) => {
    const root = __cr(i);
    return { card: root.querySelector('.cr-card[data-open]')?.dataset.entity ?? null, view: root.querySelector('svg[part=map]').dataset.view };
  }, id);
  // The first map may still be easing to the chapter the scroll took it to: wait until still.
  let seedBefore = null;
  for (let same = 0; same < 5;) {
    const now = await state('seed');
    same = JSON.stringify(now) === JSON.stringify(seedBefore) ? same + 1 : 0;
    seedBefore = now;
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r())));
  }
  await page.locator('#rail .cr-invoke[data-entity=malaszewicze]').first().focus();
  await until(page, () => __cr('rail').querySelector('.cr-card[data-placed]'), null, { what: 'a card in the second widget' });
  await page.locator('#rail svg[part=map]').focus();
  await page.keyboard.press('+');
  await until(page, (v) => __cr('rail').querySelector('svg[part=map]').dataset.view !== v, (await state('rail')).view, { what: 'the second map to zoom' });
  assert.deepEqual(await state('seed'), seedBefore, 'the first widget changed');
  const events = await page.evaluate(() => window.__events.filter((e) => e.type === 'commentary-reader:card-open').map((e) => e.id));
  assert.deepEqual(events, ['rail']);
  await context.close();
});

test('removing the element stops its observers, frames and timers; re-adding it works', async () => {
  const { page, context, problems } = await newPage(env.browser);
  // Count the observers the page creates, and callbacks of observers and frames after removal.
  await page.addInitScript(() => {
    window.__removed = false;
    window.__late = [];
    window.__observers = [];
    for (const name of ['IntersectionObserver', 'ResizeObserver']) {
      const Original = window[name];
      window[name] = class extends Original {
        constructor(callback, options) {
          super((...args) => { if (window.__removed) window.__late.push(name); callback(...args); }, options);
          this.live = false;
          window.__observers.push(this);
        }
        observe(...args) { this.live = true; return super.observe(...args); }
        disconnect() { this.live = false; return super.disconnect(); }
      };
    }
    const raf = window.requestAnimationFrame.bind(window);
    window.__raf = raf;
    window.requestAnimationFrame = (cb) => raf((t) => { if (window.__removed) window.__late.push('frame'); cb(t); });
    const timeout = window.setTimeout.bind(window);
    // A 0 ms timeout is Yew's scheduler yielding (its own, which may finish the teardown the
    // removal queued after the removal: a slow machine saw one); the widget's timers are all at
    // least 1 ms (the card's wake-ups included), and those must not run.
    window.setTimeout = (cb, ms, ...rest) => timeout((...a) => { if (window.__removed && typeof cb === 'function' && Number(ms) !== 0) window.__late.push(`timer ${ms}`); if (typeof cb === 'function') cb(...a); }, ms, ...rest);
  });
  await page.goto(env.server.url);
  await waitForEvent(page, 'commentary-reader:ready');
  // Busy state: a card open (with its timers), the map easing to a chapter.
  const mention = page.locator('.cr-mention[data-entity=minsk]').first();
  await mention.scrollIntoViewIfNeeded();
  await mention.hover();
  await page.locator('.cr-chapters').getByRole('button', { name: 'Next chapter' }).click();
  const element = await page.evaluateHandle(() => {
    const el = document.querySelector('commentary-reader');
    el.remove();
    window.__removed = true;
    return el;
  });
  assert.equal(await page.evaluate(() => window.__observers.filter((o) => o.live).length), 0, 'an observer is still observing');
  // Scroll, resize and let frames and the longest widget timer (the card's 500 ms) pass.
  await page.mouse.wheel(0, 400);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.evaluate(() => new Promise((done) => {
    const start = performance.now();
    const tick = () => (performance.now() - start > 900 ? done() : window.__raf(tick));
    window.__raf(tick);
  }));
  assert.deepEqual(await page.evaluate(() => window.__late), [], 'callbacks ran after removal');
  assert.deepEqual(problems, []);
  // Back in the page: it starts again.
  await page.evaluate((el) => { window.__removed = false; window.__events.length = 0; document.querySelector('main').prepend(el); }, element);
  await waitForEvent(page, 'commentary-reader:ready');
  assert.ok(await page.evaluate(() => !!__cr().querySelector('svg[part=map]')));
  assert.deepEqual(problems, []);
  await context.close();
});

test('attributes: theme forces light or dark, map and cards can be switched off, changes re-render', async () => {
  const { page, context } = await open(env, { colorScheme: 'light' });
  const bg = () => page.evaluate(() => getComputedStyle(__cr().querySelector('.cr-root')).backgroundColor);
  const light = await bg();
  const set = async (name, value) => {
    await page.evaluate(() => { window.__events.length = 0; });
    await page.evaluate(([n, v]) => document.querySelector('commentary-reader').setAttribute(n, v), [name, value]);
    await waitForEvent(page, 'commentary-reader:ready');
  };
  await set('theme', 'dark');
  assert.notEqual(await bg(), light, 'theme="dark" on a light system');
  await set('theme', 'light');
  assert.equal(await bg(), light);
  await set('map', 'off');
  assert.equal(await page.evaluate(() => __cr().querySelector('svg[part=map]')), null);
  await set('cards', 'off');
  assert.equal(await page.evaluate(() => __cr().querySelectorAll('[data-mention]').length), 0);
  await set('map', 'on');
  const triggers = await page.evaluate(() => __cr().querySelectorAll('[data-mention]').length);
  assert.equal(triggers, 0, 'with cards off the map has no card triggers either');
  // The UI language: the element's lang, in the widget's words, dates and the map.
  await set('cards', 'on');
  for (const [lang, toggle, kicker, month] of [['ru', 'Скрыть карту', 'Комментарий', 'февраля'], ['be', 'Схаваць мапу', 'Каментарый', 'лютага'],
    ['zh', '隐藏地图', '评论', '2024年2月14日'], ['tr', 'Haritayı gizle', 'Yorum', 'Şubat']]) {
    await set('lang', lang);
    const ui = await page.evaluate(() => {
      const root = __cr();
      return { toggle: root.querySelector('.cr-map-toggle')?.textContent, kicker: root.querySelector('.cr-kicker').textContent, date: root.querySelector('.cr-meta time').textContent, kickerLang: root.querySelector('.cr-kicker').lang };
    });
    assert.deepEqual([ui.toggle, ui.kicker, ui.kickerLang], [toggle, kicker, lang], lang);
    assert.ok(ui.date.includes(month), `${lang}: ${ui.date}`);
  }
  await context.close();
});

test('iframe embed: the iframe follows its content height; messages from elsewhere are ignored', async () => {
  // Narrow enough that the map sits inline above the text, so collapsing it changes the height.
  const { page, context } = await newPage(env.browser, { viewport: { width: 760, height: 900 } });
  await page.goto(new URL('demo/iframe.html', env.server.url).href);
  const frame = page.locator('iframe[data-commentary-reader]');
  const inner = page.frameLocator('iframe[data-commentary-reader]');
  const frameHeight = () => frame.evaluate((f) => f.getBoundingClientRect().height);
  const contentHeight = () => frame.evaluate((f) => f.contentDocument.documentElement.getBoundingClientRect().height);
  await until(page, () => {
    const f = document.querySelector('iframe[data-commentary-reader]');
    return f.contentDocument?.querySelector('commentary-reader')?.shadowRoot?.querySelector('.cr-title');
  }, null, { what: 'the commentary inside the iframe' });
  await until(page, () => {
    const f = document.querySelector('iframe[data-commentary-reader]');
    return Math.abs(f.getBoundingClientRect().height - Math.ceil(f.contentDocument.documentElement.getBoundingClientRect().height)) <= 1 && f.getBoundingClientRect().height > 1000;
  }, null, { what: 'the iframe to take its content height' });
  const tall = await frameHeight();
  // Collapsing the map inside makes the content, and so the iframe, shorter.
  await inner.locator('.cr-map-toggle').click();
  await until(page, (h) => document.querySelector('iframe[data-commentary-reader]').getBoundingClientRect().height < h - 100, tall, { what: 'the iframe to shrink' });
  assert.ok(Math.abs((await frameHeight()) - Math.ceil(await contentHeight())) <= 1);
  const sized = await frameHeight();

  // The host page itself, and a page of another origin inside the iframe, cannot size it.
  await page.evaluate(() => window.postMessage({ type: 'commentary-reader:size', height: 5 }, '*'));
  const other = env.server.url.replace('127.0.0.1', 'localhost');
  await context.route(`${other}forge.html`, (route) => route.fulfill({
    contentType: 'text/html',
    body: '<!doctype html><title>forge</title><script>parent.postMessage({ type: "commentary-reader:size", height: 7 }, "*"); document.title = "sent";</script>',
  }));
  await frame.evaluate((f, url) => { f.contentWindow.location.href = url; }, `${other}forge.html`);
  await until(page, () => document.querySelector('iframe[data-commentary-reader]').contentWindow.length === 0, null, { what: 'the forged page' });
  await page.evaluate(() => new Promise((done) => { let n = 0; const tick = () => (++n > 10 ? done() : requestAnimationFrame(tick)); requestAnimationFrame(tick); }));
  assert.equal(await frameHeight(), sized, 'a message not from the embed\'s origin changed the height');
  await context.close();
});

test('the widget\'s words follow the element\'s lang, else the commentary\'s, else the page\'s', async () => {
  const page_ = (attrs) => `<!doctype html><html lang="tr"><head><meta charset="utf-8"><title>tr</title><link rel="icon" href="data:,">
<script type="module" src="commentary-reader/commentary-reader.js"></script></head>
<body><commentary-reader src="commentaries/belarus-china-relations-2024/commentary.md" ${attrs}></commentary-reader></body></html>`;
  const toggle = (page) => page.evaluate(() => __cr().querySelector('.cr-map-toggle').textContent);
  for (const [dropLang, attrs, expected] of [[false, '', 'Hide map'], [true, '', 'Haritayı gizle'], [true, 'lang="ru"', 'Скрыть карту']]) {
    const { page, context } = await newPage(env.browser);
    await page.route('**/tr.html', (route) => route.fulfill({ contentType: 'text/html', body: page_(attrs) }));
    if (dropLang) {
      await page.route('**/belarus-china-relations-2024/commentary.md', async (route) => {
        const response = await route.fetch();
        await route.fulfill({ response, body: (await response.text()).replace(/^lang = .*\n/m, '') });
      });
    }
    await page.goto(new URL('tr.html', env.server.url).href);
    await waitForEvent(page, 'commentary-reader:ready');
    assert.equal(await toggle(page), expected, `commentary lang ${dropLang ? 'absent' : 'en'}, ${attrs || 'no element lang'}`);
    await context.close();
  }
});
