// `make serve` (`trunk serve`) as developers and editors use it: the development page loads
// under the strict policy the server sends with zero violations, and an edit of a commentary
// file, of the element's code or of the widget's styles shows in the open page by itself.
//
// Trunk serves a copy of the working tree (so the test never edits the developer's files) on a
// port of its own, building into the shared cargo target directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, SEED_SLUG } from './helpers.mjs';

const REPO = new URL('../../', import.meta.url).pathname;
const STRICT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:";
const SEED = `static/commentaries/${SEED_SLUG}/commentary.md`;

let work;
let trunk;
let trunkLog = '';
let browser;
let port;

const freePort = () => new Promise((resolve, reject) => {
  const server = createServer();
  server.once('error', reject);
  server.listen(0, '127.0.0.1', () => {
    const { port: p } = server.address();
    server.close(() => resolve(p));
  });
});

/** Polls `fn` (async, from Node) until it returns something truthy. */
async function poll(fn, { timeout, what, every = 250, meanwhile, buildMustPass = false }) {
  const deadline = Date.now() + timeout;
  let last = Date.now();
  const logged = trunkLog.length;
  for (;;) {
    const value = await fn().catch(() => null);
    if (value) return value;
    if (trunk.exitCode !== null) throw new Error(`trunk serve exited while waiting for ${what}:\n${trunkLog.slice(-3000)}`);
    // A failed first build is not waited out: nothing is served until the next edit. (After an
    // edit, a build that caught a file half-written fails and the next save fixes it.)
    if (buildMustPass && trunkLog.slice(logged).includes('error from build pipeline')) throw new Error(`the build failed while waiting for ${what}; trunk said:\n${trunkLog.slice(logged).slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; trunk said:\n${trunkLog.slice(-3000)}`);
    // Trunk ignores file events for a second after each build; saying the edit again is
    // how an editor's second save would look, not a retry of the assertion.
    if (meanwhile && Date.now() - last > 3000) {
      meanwhile();
      last = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, every));
  }
}

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'commentary-reader-dev-'));
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: REPO })
    .toString().split('\0').filter((f) => f && !f.startsWith('tests/') && !f.startsWith('bench/') && !f.startsWith('fuzz/'));
  for (const file of files) {
    mkdirSync(join(work, dirname(file)), { recursive: true });
    try {
      cpSync(join(REPO, file), join(work, file));
    } catch (e) {
      if (e.code !== 'ENOENT') throw e; // deleted in the working tree, not yet in git
    }
  }
  port = await freePort();
  trunk = spawn('trunk', ['serve', '--port', String(port), '--dist', join(work, 'dist')], {
    cwd: work,
    env: { ...process.env, CARGO_TARGET_DIR: process.env.CARGO_TARGET_DIR ?? join(REPO, 'target'), NO_COLOR: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => { trunkLog = (trunkLog + chunk.toString()).slice(-20000); };
  trunk.stdout.on('data', keep);
  trunk.stderr.on('data', keep);
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  if (trunk && trunk.exitCode === null) {
    trunk.kill('SIGTERM');
    await new Promise((resolve) => trunk.once('exit', resolve));
  }
  if (work) rmSync(work, { recursive: true, force: true });
});

test('trunk serve: strict policy with zero violations, and edits of a commentary, the element and the styles reload the open page', async () => {
  const url = `http://127.0.0.1:${port}/`;
  // The first build of a fresh checkout compiles the debug wasm: minutes on a slow machine.
  await poll(async () => (await fetch(url)).ok, { timeout: 15 * 60_000, what: 'the first build to be served', buildMustPass: true });
  const response = await fetch(url);
  assert.equal(response.headers.get('content-security-policy'), STRICT, 'the development server sends the strict policy');
  const html = await response.text();
  assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/, 'the development page has an inline script');

  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  const violations = [];
  const errors = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__ready = false;
    document.addEventListener('commentary-reader:ready', () => { window.__ready = true; });
    document.addEventListener('securitypolicyviolation', (e) => console.error(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`));
  });
  let loads = 0;
  page.on('load', () => { loads++; });
  await page.goto(url);
  await poll(() => page.evaluate(() => window.__ready), { timeout: 60_000, what: 'the widget on the development page' });
  assert.deepEqual(violations, [], 'violations on the first load');

  const timings = {};
  /** Makes `edit` to `file` in the served copy and waits for `shows` to hold in the open page. */
  async function change(name, file, edit, shows) {
    const path = join(work, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    assert.notEqual(after, before, `${name}: the edit changes nothing`);
    const loadsBefore = loads;
    const started = Date.now();
    writeFileSync(path, after);
    await poll(async () => loads > loadsBefore && (await page.evaluate(() => window.__ready)) && (await page.evaluate(shows)), {
      timeout: 5 * 60_000, what: `the page to show the edit of ${file}`, meanwhile: () => writeFileSync(path, after),
    });
    timings[name] = Date.now() - started;
    assert.deepEqual(violations, [], `${name}: violations after the reload`);
  }

  await change('commentary.md', SEED,
    (text) => text.replace(/\n\n(?!---)([A-Z][^\n]{40,}?)\n/, '\n\nLive reload probe: this paragraph was edited while the page was open.\n\n$1\n'),
    () => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-body').textContent.includes('Live reload probe'));
  await change('element', 'static/commentary-reader.js',
    (text) => `${text}\nglobalThis.__liveReloadProbe = 'element edited';\n`,
    () => globalThis.__liveReloadProbe === 'element edited');
  await change('styles', 'src/web/reader.css',
    (text) => `${text}\n.cr-body { outline: 1px solid rgb(1, 2, 3); }\n`,
    () => getComputedStyle(document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-body')).outlineColor === 'rgb(1, 2, 3)');
  console.log(`live reload, edit to page showing it (ms): ${JSON.stringify(timings)}`);
  assert.deepEqual(errors, []);
  await context.close();
});
