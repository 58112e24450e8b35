// Shared set-up for the end-to-end tests: one static server (strict CSP) and Chromium.
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-static.mjs';

export const DIST = new URL('../../dist/', import.meta.url).pathname;
/** The seed commentary's folder name (static/commentaries/<SEED_SLUG>, dist/commentaries/<SEED_SLUG>). */
export const SEED_SLUG = 'belarus-china-relations-2024';
export const ARTIFACTS = new URL('./artifacts/', import.meta.url).pathname;
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Starts the server and the browser; returns { server, browser, close }. */
export async function launch() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServer({ root: DIST, csp: true });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  return { server, browser, close: async () => { await browser.close(); await server.close(); } };
}

/**
 * Defines `__cr(id)` in every document of `target` (a page or a browser context): the shadow root
 * of the widget with that id, or of the first `commentary-reader` without one (undefined if there
 * is no such element, null before it has one). For in-page code: page.evaluate, until, waitForFunction.
 */
export const addWidgetRoot = (target) => target.addInitScript(() => {
  window.__cr = (id) => (id ? document.getElementById(id) : document.querySelector('commentary-reader'))?.shadowRoot;
});

/**
 * A page that records the widget's events, CSP violations, errors and dialogs from the start;
 * every page of its context has `__cr` (addWidgetRoot).
 */
export async function newPage(browser, options = {}, { clock = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 }, ...options });
  await addWidgetRoot(context);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => { problems.push(`dialog: ${d.message()}`); d.dismiss(); });
  if (clock) await page.clock.install();
  await page.addInitScript(() => {
    window.__events = [];
    window.__csp = [];
    for (const type of ['commentary-reader:ready', 'commentary-reader:error', 'commentary-reader:card-open', 'commentary-reader:language']) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail, id: e.target.id }));
    }
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { page, problems, context };
}

/**
 * newPage, then opens `path` (relative to the server's root; the seed's demo page by default) and
 * waits for `ready` from the widget with `id`. Returns newPage's { page, problems, context } and
 * `requests()`, the paths the server was asked for since.
 */
export async function open(env, options = {}, { path = './', id = '', clock = false } = {}) {
  const opened = await newPage(env.browser, options, { clock });
  const before = env.server.requests.length;
  await opened.page.goto(new URL(path, env.server.url).href);
  await waitForEvent(opened.page, 'commentary-reader:ready', id);
  // (Playwright's fake clock flows at the natural pace until a test advances it: the page
  // settles under it too.)
  await settled(opened.page, id);
  opened.requests = () => env.server.requests.slice(before);
  return opened;
}

/**
 * Waits until widget `id` (else the first) has settled after `ready`: live (a hydrated page's
 * `ready` comes with the render that makes it live, not after it) and, when its map is shown,
 * the map measured and drawn (its countries, labels and markers come with that render).
 */
export const settled = (page, id = '') => until(page, (i) => {
  const root = __cr(i);
  const doc = root?.querySelector('.cr-doc');
  if (!doc) return true;
  if (!doc.hasAttribute('data-live')) return false;
  const map = root.querySelector('svg[part=map]');
  return !map || map.closest('[hidden]') !== null || map.querySelector('.cr-countries') !== null;
}, id, { what: 'the widget live, its map drawn' });

/**
 * Resolves once the page has rendered a frame since the call (an animation frame, then the task
 * after its rendering update): what a position read then sees was painted, not a layout the
 * widget's observers had yet to correct before paint.
 */
export const painted = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));

/** Runs `fn(root, arg)` in the page, `root` being the first widget's shadow root (`fn` must be self-contained). */
export const inWidget = (page, fn, arg) =>
  page.evaluate(([source, a]) => new Function('root', 'arg', `return (${source})(root, arg);`)(__cr(), a), [fn.toString(), arg]);

/** The textContent of every element matching `selector` in the shadow root of widget `id` (else the first widget). */
export const texts = (page, selector, id = '') =>
  page.evaluate(([s, i]) => [...__cr(i).querySelectorAll(s)].map((e) => e.textContent), [selector, id]);

/** The entity of the open (placed) card in the first widget, or null. */
export const openCard = (page) => page.evaluate(() => {
  const card = __cr().querySelector('.cr-card[data-placed]');
  return card ? card.dataset.entity : null;
});

/** Resolves with the first recorded widget event of `type` (from the element with `id`). */
export const waitForEvent = (page, type, id = '') =>
  page.waitForFunction(([t, i]) => window.__events.find((e) => e.type === t && e.id === i), [type, id]).then((h) => h.jsonValue());

/**
 * Waits until `fn(arg)` is truthy in the page. Polls from Node rather than from the page, so
 * it also works while Playwright's fake clock holds the page's timers and animation frames.
 */
export async function until(page, fn, arg, { timeout = 10_000, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
