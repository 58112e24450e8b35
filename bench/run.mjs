// `make bench`: our widget side by side with the peer (the same commentary as static HTML with
// Tippy.js cards and a Leaflet map, bench/build-peer.mjs) and the limit (the same text as plain
// static HTML), and — when the build has it — our prerendered reading page. Two profiles in one
// run: desktop (1280×900, no throttling) and mobile (Lighthouse's mobile throttling through the
// DevTools protocol: 150 ms latency, 1.6 Mbit/s down, 750 kbit/s up, CPU 4×, a phone viewport).
// Served as a host or CDN serves: brotli (else gzip) and the strict Content-Security-Policy
// the tests use (scripts/serve-static.mjs). Prints the tables and rewrites the generated part of
// BENCHMARKS.md.
//
//   node bench/run.mjs            (after `trunk build --release`, `node bench/build-peer.mjs`
//                                  and `cargo bench --bench link`; `make bench` does all four)
//   BENCH_RUNS=20 (default)       desktop cold loads per page, interleaved ours, peer, limit, …
//   BENCH_MOBILE_RUNS=7 (default) mobile cold loads per page, interleaved the same way
//   BENCH_DIST=<repo>/dist        where the built dist/ is (read only; copied into bench/out)
//   BENCH_SKIP_SCALE=1            skip the generated 20,000-word report (its `cargo run … build`)
//   BENCH_CARD_RUNS=5 (default)   "first card" loads per page (mobile profile)
//   BENCH_LIGHTHOUSE_RUNS=3       Lighthouse 12.2.3 runs per page (its mobile preset; 0: none)
//
// Timings are reported, never asserted: they depend on the machine (this project's machine
// kind: 2 cores). Sizes are exact.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-static.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const DIST = resolve(process.env.BENCH_DIST ?? join(ROOT, 'dist'));
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const MOBILE_RUNS = Number(process.env.BENCH_MOBILE_RUNS ?? 7);
const SKIP_SCALE = process.env.BENCH_SKIP_SCALE === '1';
const CARD_RUNS = Number(process.env.BENCH_CARD_RUNS ?? 5);
const LIGHTHOUSE_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3);
const SEED = 'belarus-china-relations-2024';

// ---- Our page: the same shell as the limit page, with the widget as a host embeds it ---------
function prepareOurs() {
  const ours = join(OUT, 'ours');
  rmSync(ours, { recursive: true, force: true });
  mkdirSync(join(ours, 'commentaries'), { recursive: true });
  const pkg = join(DIST, 'commentary-reader');
  if (!existsSync(join(pkg, 'commentary-reader-core_bg.wasm'))) throw new Error(`no ${pkg}: run trunk build --release first`);
  if (!existsSync(join(OUT, 'limit/page.css')) || !existsSync(join(OUT, 'peer/peer.js'))) throw new Error('no bench/out/limit or bench/out/peer: run node bench/build-peer.mjs first');
  cpSync(pkg, join(ours, 'commentary-reader'), { recursive: true });
  // The folder as `make dist` publishes it: sources and their compiled commentary.bundle.
  cpSync(join(DIST, 'commentaries', SEED), join(ours, 'commentaries', SEED), { recursive: true });
  copyFileSync(join(OUT, 'limit/page.css'), join(ours, 'page.css'));
  // The page as the snippet of \`make dist\` (snippet.html) has it: the glue, the wasm and the
  // commentary preloaded with the HTML, every script checked against its hash.
  const integrity = JSON.parse(readFileSync(join(pkg, 'integrity.json'), 'utf8'));
  const page = (title, src, up = '') => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${title}</title><link rel="stylesheet" href="${up}page.css">
<link rel="modulepreload" href="${up}commentary-reader/commentary-reader-core.js" integrity="${integrity['commentary-reader-core.js']}">
<link rel="preload" href="${up}commentary-reader/commentary-reader-core_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="preload" href="${src}" as="fetch" crossorigin>
<script type="module" src="${up}commentary-reader/commentary-reader.js" integrity="${integrity['commentary-reader.js']}"></script></head>
<body><main><commentary-reader src="${src}"></commentary-reader></main></body></html>
`;
  writeFileSync(join(ours, 'index.html'), page('Ours', `commentaries/${SEED}/commentary.bundle`));
  // The same folder named by its commentary.md: compiled in the browser by the compiler module.
  mkdirSync(join(ours, 'md'), { recursive: true });
  writeFileSync(join(ours, 'md/index.html'), page('Ours (Markdown)', `../commentaries/${SEED}/commentary.md`, '../'));
  // Scale: a generated 20,000-word report, 200 entities, a mention every ten words (2,000).
  if (SKIP_SCALE) return;
  mkdirSync(join(ours, 'scale'), { recursive: true });
  const { md, toml } = generated(20_000, 200, 10);
  writeFileSync(join(ours, 'scale/commentary.md'), md);
  writeFileSync(join(ours, 'scale/entities.toml'), toml);
  writeFileSync(join(ours, 'scale/index.html'), page('Scale', 'commentary.bundle', '../'));
  execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', 'build', join(ours, 'scale')], { cwd: ROOT, stdio: 'inherit' });
}

// ---- Our prerendered reading page, as `make dist` writes it ---------------------------------
// dist/commentaries/<seed>/index.html: a standalone page whose <commentary-reader> carries a
// declarative shadow root with the text already rendered; it names ../../commentary-reader/…
// relatively, so the two folders are served side by side as in dist/. Returns whether it exists.
function preparePrerendered() {
  const site = join(OUT, 'site');
  rmSync(site, { recursive: true, force: true });
  const html = join(DIST, 'commentaries', SEED, 'index.html');
  if (!existsSync(html)) return false;
  mkdirSync(site, { recursive: true });
  cpSync(join(DIST, 'commentary-reader'), join(site, 'commentary-reader'), { recursive: true });
  cpSync(join(DIST, 'commentaries'), join(site, 'commentaries'), { recursive: true });
  return true;
}

/** The same generator as benches/link.rs (xorshift, so every run measures the same text). */
function generated(words, entities, every) {
  let state = 0x9e3779b97f4a7c15n;
  const next = () => {
    state ^= (state << 13n) & 0xffffffffffffffffn;
    state ^= state >> 7n;
    state ^= (state << 17n) & 0xffffffffffffffffn;
    return state;
  };
  const WORDS = ['the', 'corridor', 'freight', 'policy', 'transit', 'border', 'capacity', 'agreement', 'railway', 'trade',
    'investment', 'region', 'security', 'cooperation', 'logistics', 'market'];
  let toml = '';
  for (let i = 0; i < entities; i++) {
    toml += `[[entity]]\nid = "e${i}"\nkind = "organisation"\nname = "Entity ${i}"\naliases = ["Entity ${i}", "Ent${i} Group"]\nsummary = "Generated."\n\n`;
  }
  let md = '+++\ntitle = "Generated report"\ndate = 2024-01-01\nlang = "en"\n[[authors]]\nname = "Bench"\n+++\n\n';
  for (let w = 0; w < words; w++) {
    if (w % 100 === 0 && w > 0) md += '\n\n';
    if (w % 1000 === 0) md += `## Section ${w / 1000}\n\n`;
    if (w % every === every - 1) {
      const e = Number(next() % BigInt(entities));
      md += next() % 2n === 0n ? `Entity ${e}` : `Ent${e} Group`;
    } else {
      md += WORDS[Number(next() % BigInt(WORDS.length))];
    }
    md += w % 17 === 16 ? '. ' : ' ';
  }
  return { md, toml };
}

// ---- Measuring -----------------------------------------------------------------------------
const median = (xs) => { if (!xs.length) return NaN; const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

// Registered before navigation (page.addInitScript), so no entry and no event is missed: paint
// timings, every largest-contentful-paint candidate and layout shift (buffered observers), the
// widget's `commentary-reader:ready` (it bubbles and is composed: heard on `document`), the
// load event and any CSP violation. `collect(end)` reads them for the window that ends at `end`.
const OBSERVE = () => {
  const b = { paints: {}, lcp: [], shifts: [], tasks: [], csp: [], readyAt: null, observers: [] };
  window.__bench = b;
  let readyDone;
  let loadDone;
  b.ready = new Promise((r) => { readyDone = r; });
  b.load = new Promise((r) => { loadDone = r; });
  document.addEventListener('commentary-reader:ready', () => {
    if (b.readyAt !== null) return;
    b.readyAt = performance.now();
    readyDone(b.readyAt);
  }, true);
  window.addEventListener('load', () => loadDone(performance.now()));
  document.addEventListener('securitypolicyviolation', (e) => b.csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  const describe = (el) => {
    if (!el) return '(not exposed: inside a shadow root or gone)';
    const host = el.getRootNode?.() instanceof ShadowRoot ? `${el.getRootNode().host.localName} ⊳ ` : '';
    const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
    return `${host}${el.localName}${el.id ? `#${el.id}` : ''}${cls}`;
  };
  const handlers = {
    paint: (e) => { b.paints[e.name] = e.startTime; },
    'largest-contentful-paint': (e) => { b.lcp.push({ t: e.startTime, size: e.size, what: describe(e.element) }); },
    'layout-shift': (e) => { b.shifts.push({ t: e.startTime, value: e.value, input: e.hadRecentInput }); },
    longtask: (e) => { b.tasks.push({ t: e.startTime, d: e.duration }); },
  };
  for (const [type, handle] of Object.entries(handlers)) {
    try {
      const o = new PerformanceObserver((list) => list.getEntries().forEach(handle));
      o.observe({ type, buffered: true });
      b.observers.push([o, handle]);
    } catch { /* entry type not supported: its numbers stay empty */ }
  }
  b.collect = (end) => {
    for (const [o, handle] of b.observers) o.takeRecords().forEach(handle);
    const firstPaint = b.paints['first-paint'] ?? b.paints['first-contentful-paint'] ?? 0;
    const lcp = b.lcp.filter((e) => e.t <= end).at(-1) ?? null;
    const shifts = b.shifts.filter((s) => !s.input && s.t >= firstPaint && s.t <= end);
    // Main-thread tasks over 50 ms from first paint to the end of the window: the longest, and
    // the time they blocked input (each task's part beyond 50 ms, as total blocking time counts).
    const tasks = b.tasks.filter((t) => t.t + t.d >= firstPaint && t.t <= end);
    return {
      longest: tasks.reduce((m, t) => Math.max(m, t.d), 0),
      blocking: tasks.reduce((sum, t) => sum + Math.max(0, t.d - 50), 0),
      fcp: b.paints['first-contentful-paint'] ?? null,
      lcp: lcp?.t ?? null,
      lcpWhat: lcp ? `${lcp.what} (${Math.round(lcp.size)} px²)` : null,
      cls: shifts.reduce((sum, s) => sum + s.value, 0),
      shifts: shifts.length,
      ready: b.readyAt,
      csp: b.csp,
      // The way to ready: when the wasm and the bundle had arrived, and the widget's own marks
      // (the core compiled and instantiated, the bundle decoded, the first render committed).
      steps: {
        wasm: performance.getEntriesByType('resource').find((e) => e.name.endsWith('_bg.wasm'))?.responseEnd ?? null,
        bundle: performance.getEntriesByType('resource').find((e) => e.name.endsWith('commentary.bundle'))?.responseEnd ?? null,
        ...Object.fromEntries(performance.getEntriesByType('mark').filter((e) => e.name.startsWith('commentary-reader:')).map((e) => [e.name.slice('commentary-reader:'.length), e.startTime])),
      },
    };
  };
};

const DESKTOP = { name: 'desktop', context: { viewport: { width: 1280, height: 900 } }, timeout: 60_000 };
// Lighthouse's mobile preset (its throttling constants: RTT 150 ms, 1.6 Mbit/s down, 750 kbit/s
// up, CPU 4×; Kbit as 1024 bit, as Lighthouse converts them) applied as Chromium's DevTools
// throttling: `latency` is added to every request.
const MOBILE = {
  name: 'mobile',
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true },
  network: { offline: false, latency: 150, downloadThroughput: Math.floor((1.6 * 1024 * 1024) / 8), uploadThroughput: Math.floor((750 * 1024) / 8) },
  cpu: 4,
  timeout: 180_000,
};

/**
 * One cold load in a fresh context (empty cache). Waits for load and, on a page with the widget,
 * for its `ready` event, then for the measurement window (one second after ready, or after load
 * on a static page) on an in-page timer; returns the timings in ms from navigation start, and the
 * server's log of what it sent for this load.
 */
async function load(browser, server, spec, profile) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  await page.addInitScript(OBSERVE);
  if (profile.network) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', profile.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  const from = server.sent.length;
  const url = server.url + spec.path;
  await page.goto(url, { waitUntil: 'load', timeout: profile.timeout });
  const m = await page.evaluate(async ({ widget, timeout }) => {
    const b = window.__bench;
    const loadAt = await b.load;
    const readyAt = widget ? await Promise.race([b.ready, new Promise((r) => setTimeout(() => r(null), timeout))]) : null;
    const end = (readyAt ?? loadAt) + 1000;
    await new Promise((r) => setTimeout(r, Math.max(0, end - performance.now())));
    return { ...b.collect(end), load: loadAt };
  }, { widget: spec.widget, timeout: profile.timeout });
  const doc = new URL(url).pathname;
  const sent = server.sent.slice(from);
  return { ...m, sent, html: sent.find((s) => s.path === doc), files: sent.filter((s) => s.path !== doc), page, context };
}

async function memory(page, ours) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = ours ? await page.evaluate(async () => (await import('./commentary-reader/commentary-reader-core.js')).memory_bytes()) : 0;
  return { js: usedSize, wasm };
}

/** Median ms from asking for a card to the frame that paints it, over several mentions. */
async function cards(page, ours) {
  return page.evaluate(async (isOurs) => {
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    const times = [];
    const root = isOurs ? document.querySelector('commentary-reader').shadowRoot : document;
    // Ours: the mention's button (the label around its words is not focusable).
    const mentions = [...root.querySelectorAll(isOurs ? '.cr-invoke' : '.mention')].slice(0, 30).filter((_, i) => i % 3 === 0);
    for (const m of mentions) {
      m.scrollIntoView({ block: 'center' });
      await frame();
      const start = performance.now();
      if (isOurs) m.focus(); else m._tippy.show();
      for (;;) {
        const card = isOurs ? root.querySelector('.cr-card[data-placed]') : document.querySelector('[data-tippy-root] .tippy-box');
        if (card) break;
        await new Promise((r) => setTimeout(r, 0));
      }
      await frame();  // the frame that paints it
      times.push(performance.now() - start);
      if (isOurs) m.blur(); else m._tippy.hide();
      await frame();
      await frame();
    }
    return times;
  }, ours);
}

// ---- First card: a reader on a phone taps the first mention until its card shows ------------
// On the mobile profile: from the first frame in which the first mention is on the page (watched
// from navigation, at every animation frame), and then every ~1.2 s: a tap on a blank margin (so
// the emulated pointer leaves the mention and an open card is dismissed), a tap on the first
// mention's words, then up to 1.2 s of watching for its card. Returns the page's clock when a
// card was first seen (ms from navigation start), or null if none showed within a minute.
async function firstCard(spec, profile) {
  const context = await browser.newContext(profile.context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', profile.network);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  const ours = spec.name !== 'peer';
  try {
    await page.goto(server.url + spec.path, { waitUntil: 'commit', timeout: profile.timeout });
    // The reader taps as soon as the mention is there to tap.
    await page.waitForFunction((isOurs) => {
      const root = isOurs ? document.querySelector('commentary-reader')?.shadowRoot : document;
      return Boolean(root?.querySelector(isOurs ? 'label.cr-mention' : '.mention'));
    }, ours, { polling: 'raf', timeout: 60_000 });
    const until = Date.now() + 60_000;
    while (Date.now() < until) {
      const started = Date.now();
      const at = await page.evaluate((isOurs) => {
        const root = isOurs ? document.querySelector('commentary-reader')?.shadowRoot : document;
        const mention = root?.querySelector(isOurs ? 'label.cr-mention' : '.mention');
        if (!mention) return null;
        mention.scrollIntoView({ block: 'center' });
        const line = mention.getClientRects()[0];
        const [w, h] = [innerWidth, innerHeight];
        // A blank point: one not on a link, a control, a mention or the widget.
        const blank = [[2, 2], [w - 2, 2], [2, h - 2], [w - 2, h - 2]].find(([x, y]) => {
          const el = document.elementFromPoint(x, y);
          return !el || !el.closest('a, button, label, summary, [tabindex], commentary-reader, .mention, .leaflet-container');
        }) ?? null;
        return line ? { x: line.left + Math.min(line.width / 2, 12), y: line.top + line.height / 2, blank } : null;
      }, ours).catch(() => null);
      if (at) {
        if (at.blank) await page.touchscreen.tap(at.blank[0], at.blank[1]);
        await page.touchscreen.tap(at.x, at.y);
      }
      const shown = await page.waitForFunction((isOurs) => {
        const card = isOurs
          ? document.querySelector('commentary-reader')?.shadowRoot?.querySelector('.cr-card:popover-open')
          : document.querySelector('[data-tippy-root] .tippy-box');
        return card && card.getBoundingClientRect().height > 0 ? performance.now() : null;
      }, ours, { polling: 'raf', timeout: 1200 }).then((h) => h.jsonValue()).catch(() => null);
      if (shown !== null) return shown;
      await new Promise((r) => setTimeout(r, Math.max(0, 1200 - (Date.now() - started))));
    }
    return null;
  } finally {
    await context.close();
  }
}

// ---- Lighthouse (12.2.3, its mobile preset: simulated throttling) ---------------------------
// One run of Lighthouse's performance category on `url`, in its own Chromium (CHROME_PATH):
// the score, total blocking time, the longest main-thread task it saw, LCP and the largest
// potential first input delay.
// Run as a child process, asynchronously: this process serves the pages it loads.
async function lighthouse(url) {
  const cli = join(ROOT, 'bench/node_modules/lighthouse/cli/index.js');
  const { stdout } = await promisify(execFile)(process.execPath, [cli, url, '--only-categories=performance', '--output=json', '--output-path=stdout', '--quiet',
    '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-quic'], {
    env: { ...process.env, CHROME_PATH: process.env.CHROMIUM ?? '/usr/bin/chromium' }, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8', timeout: 300_000,
  });
  const lhr = JSON.parse(stdout);
  const audit = (id) => lhr.audits[id]?.numericValue ?? null;
  const tasks = lhr.audits['long-tasks']?.details?.items ?? [];
  return {
    score: Math.round((lhr.categories.performance.score ?? 0) * 100),
    tbt: audit('total-blocking-time'),
    longest: tasks.reduce((m, t) => Math.max(m, t.duration ?? 0), 0),
    lcp: audit('largest-contentful-paint'),
    fid: audit('max-potential-fid'),
  };
}

// ---- Native throughput from criterion ----------------------------------------------------------
function native() {
  const dir = join(ROOT, 'target/criterion/parse+link');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((d) => /^\d+$/.test(d)).map(Number).sort((a, b) => a - b).map((words) => {
    const info = JSON.parse(readFileSync(join(dir, String(words), 'new/benchmark.json'), 'utf8'));
    const ns = JSON.parse(readFileSync(join(dir, String(words), 'new/estimates.json'), 'utf8')).mean.point_estimate;
    const bytes = info.throughput.Bytes;
    return { words, bytes, ms: ns / 1e6, mbs: bytes / (ns / 1e9) / 1e6 };
  });
}

// ---- Run ---------------------------------------------------------------------------------------
prepareOurs();
const prerendered = preparePrerendered();
// Interleaved in this order on every round, in both profiles.
const PAGES = [
  { name: 'ours', path: 'ours/', widget: true, label: 'ours (the snippet, `commentary.bundle`)' },
  ...(prerendered ? [{ name: 'prerendered', path: `site/commentaries/${SEED}/`, widget: true, label: 'ours, prerendered reading page' }] : []),
  { name: 'peer', path: 'peer/', widget: true, label: 'peer (Tippy.js + Leaflet)' },
  { name: 'limit', path: 'limit/', widget: false, label: 'limit (static HTML)' },
];
if (!prerendered) console.log(`no ${join(DIST, 'commentaries', SEED, 'index.html')} (the prerendered reading page) in this build: its row is skipped`);

const server = await startServer({ root: OUT, csp: true, compress: true });
await server.precompress();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const results = { desktop: {}, mobile: {} };
for (const profile of Object.keys(results)) for (const p of PAGES) results[profile][p.name] = [];
const first = { desktop: {}, mobile: {} };  // the first load of each page: what it fetched, its LCP element
const problems = [];
let ourMemory; let peerMemory; let ourCards; let peerCards;

function check(profile, spec, r) {
  for (const v of r.csp) problems.push(`${profile.name}, ${spec.name}: CSP violation ${v}`);
  for (const s of r.sent) if (s.status !== 200) problems.push(`${profile.name}, ${spec.name}: ${s.status} for ${s.path}`);
  if (spec.widget && r.ready === null) problems.push(`${profile.name}, ${spec.name}: no \`commentary-reader:ready\` within ${profile.timeout / 1000} s`);
}

async function rounds(profile, count) {
  for (let run = 0; run < count; run++) {
    for (const spec of PAGES) {
      const r = await load(browser, server, spec, profile);
      check(profile, spec, r);
      results[profile.name][spec.name].push(r);
      if (run === 0) {
        first[profile.name][spec.name] = r;
        if (profile === DESKTOP && spec.name === 'ours') { ourMemory = await memory(r.page, true); ourCards = await cards(r.page, true); }
        if (profile === DESKTOP && spec.name === 'peer') { peerMemory = await memory(r.page, false); peerCards = await cards(r.page, false); }
      }
      await r.context.close();
    }
    process.stderr.write(`\r${profile.name} loads: ${run + 1}/${count}`);
  }
  process.stderr.write('\n');
}

try {
  await rounds(DESKTOP, RUNS);
  await rounds(MOBILE, MOBILE_RUNS);
  // The HTML-first measures: "first card" on the mobile profile, Lighthouse's mobile preset.
  const tapped = PAGES.filter((p) => p.widget);
  const firstCards = Object.fromEntries(tapped.map((p) => [p.name, []]));
  for (let run = 0; run < CARD_RUNS; run++) {
    for (const spec of tapped) firstCards[spec.name].push(await firstCard(spec, MOBILE));
    process.stderr.write(`\rfirst card: ${run + 1}/${CARD_RUNS}`);
  }
  process.stderr.write('\n');
  const lighthoused = PAGES.filter((p) => p.name !== 'ours');
  const lh = Object.fromEntries(lighthoused.map((p) => [p.name, []]));
  for (let run = 0; run < LIGHTHOUSE_RUNS; run++) {
    for (const spec of lighthoused) lh[spec.name].push(await lighthouse(server.url + spec.path));
    process.stderr.write(`\rLighthouse: ${run + 1}/${LIGHTHOUSE_RUNS}`);
  }
  if (LIGHTHOUSE_RUNS) process.stderr.write('\n');
  const scale = [];
  const markdown = [];
  const extra = [['ours/md/', markdown], ...(SKIP_SCALE ? [] : [['ours/scale/', scale]])];
  for (let i = 0; i < 5; i++) {
    for (const [path, into] of extra) {
      const spec = { name: path, path, widget: true };
      const r = await load(browser, server, spec, DESKTOP);
      check(DESKTOP, spec, r);
      into.push(r.ready);
      await r.context.close();
    }
  }

  // ---- Report ------------------------------------------------------------------------------
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
  const byName = Object.fromEntries(PAGES.map((p) => [p.name, p]));
  const bytesRows = [];
  const totals = {};
  const mismatched = [];
  const served = (s) => `${kb(s.bytes)} ${s.encoding ?? 'as is'}`;
  for (const name of ['ours', ...(prerendered ? ['prerendered'] : []), 'peer']) {
    const t = { raw: 0, gzip: 0, brotli: 0, sent: 0 };
    const strip = (path) => path.replace(/^\/[^/]+\//, '');
    const { files, html } = first.desktop[name];
    for (const f of [...files].filter((s) => s.status === 200).sort((a, b) => a.path.localeCompare(b.path))) {
      const s = sizes(readFileSync(join(OUT, f.path)));
      for (const k of ['raw', 'gzip', 'brotli']) t[k] += s[k];
      t.sent += f.bytes;
      const expected = f.encoding === 'br' ? s.brotli : f.encoding === 'gzip' ? s.gzip : s.raw;
      if (expected !== f.bytes) mismatched.push(`${f.path}: sent ${f.bytes} B ${f.encoding ?? 'as is'}, measured ${expected} B`);
      bytesRows.push(`| ${name} | \`${strip(f.path)}\` | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} | ${served(f)} |`);
    }
    totals[name] = t;
    bytesRows.push(`| **${name}** | **total after the HTML** | **${kb(t.raw)}** | **${kb(t.gzip)}** | **${kb(t.brotli)}** | **${kb(t.sent)}** |`);
    const h = sizes(readFileSync(join(OUT, html.path.endsWith('/') ? `${html.path}index.html` : html.path)));
    bytesRows.push(`| ${name} | *the HTML itself (not in the total)* | *${kb(h.raw)}* | *${kb(h.gzip)}* | *${kb(h.brotli)}* | *${served(html)}* |`);
  }
  const spread = (xs) => `${ms(quantile(xs, 0.1))}–${ms(quantile(xs, 0.9))}`;
  const readyOf = (name) => results.desktop[name].map((r) => (byName[name].widget ? r.ready : r.fcp)).filter((x) => x !== null);
  const m = Object.fromEntries(PAGES.map((p) => [p.name, median(readyOf(p.name))]));

  // FCP | LCP | ready | CLS per page and profile, medians.
  const profileTable = (profile, count) => {
    const rs = results[profile];
    const med = (name, key) => { const xs = rs[name].map((r) => r[key]).filter((x) => x !== null); return xs.length ? median(xs) : null; };
    const limitLcp = med('limit', 'lcp');
    const rows = PAGES.map((p) => {
      const lcp = med(p.name, 'lcp');
      const ready = med(p.name, 'ready');
      const missed = rs[p.name].filter((r) => r.ready === null).length;
      const fmt = (x) => (x === null ? 'n/a' : ms(x));
      const readyCell = !p.widget ? '—' : ready === null ? 'no ready event' : `${ms(ready)}${missed ? ` (no ready in ${missed} of ${count})` : ''}`;
      return `| ${p.label} | ${fmt(med(p.name, 'fcp'))} | ${fmt(lcp)} | ${lcp !== null && limitLcp ? `${(lcp / limitLcp).toFixed(2)}×` : 'n/a'} | ${readyCell} | ${med(p.name, 'cls').toFixed(3)} | ${fmt(med(p.name, 'longest'))} | ${fmt(med(p.name, 'blocking'))} |`;
    });
    const elements = PAGES.map((p) => `${p.name}: \`${first[profile][p.name].lcpWhat ?? 'none'}\``).join('; ');
    return `| page | FCP | LCP | LCP / limit's | ready | CLS | longest task | blocking |
| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |
${rows.join('\n')}

LCP element (first load): ${elements}.`;
  };

  // Where the time to ready goes, on our pages: medians of each step, from navigation start.
  const stepsTable = (profile) => {
    const steps = [['wasm', 'wasm arrived'], ['bundle', 'bundle arrived'], ['core', 'core compiled and instantiated'], ['decoded', 'bundle decoded'], ['checked', 'prerendered page checked against the bundle (hydration only)'], ['rendered', 'first render (hydrated or created) committed'], ['ready', '`ready`']];
    const ours = PAGES.filter((p) => p.widget && p.name !== 'peer');
    const cell = (name, key) => {
      const xs = results[profile][name].map((r) => (key === 'ready' ? r.ready : r.steps?.[key])).filter((x) => x !== null && x !== undefined);
      return xs.length ? ms(median(xs)) : 'n/a';
    };
    return `Where the time to \`ready\` goes on the ${profile} profile (medians, from navigation start):

| step | ${ours.map((p) => p.label).join(' | ')} |
| --- | ${ours.map(() => '---:').join(' | ')} |
${steps.map(([key, label]) => `| ${label} | ${ours.map((p) => cell(p.name, key)).join(' | ')} |`).join('\n')}`;
  };

  // The HTML-first goals (issue 28), judged on the prerendered reading page (else the snippet).
  const medOf = (xs) => { const v = xs.filter((x) => x !== null && x !== undefined); return v.length ? median(v) : null; };
  const fmtMs = (x) => (x === null ? 'n/a' : ms(x));
  const judged = prerendered ? 'prerendered' : 'ours';
  const fc = Object.fromEntries(tapped.map((p) => [p.name, medOf(firstCards[p.name])]));
  const cardRows = tapped.map((p) => {
    const missed = firstCards[p.name].filter((x) => x === null).length;
    return `| ${p.label} | ${fmtMs(fc[p.name])}${missed ? ` (no card in ${missed} of ${CARD_RUNS})` : ''} | ${fc[p.name] !== null && fc.peer ? `${(fc[p.name] / fc.peer).toFixed(2)}×` : 'n/a'} |`;
  });
  const lhMed = (name, key) => medOf(lh[name].map((r) => r[key]));
  const lhRows = lighthoused.map((p) => `| ${p.label} | ${lhMed(p.name, 'score') ?? 'n/a'} | ${fmtMs(lhMed(p.name, 'tbt'))} | ${fmtMs(lhMed(p.name, 'longest'))} | ${fmtMs(lhMed(p.name, 'lcp'))} | ${fmtMs(lhMed(p.name, 'fid'))} |`);
  const readerFiles = ['commentary-reader-core_bg.wasm', 'commentary-reader-core.js', 'commentary-reader.js', 'commentary-reader.css'];
  const readerBrotli = readerFiles.reduce((sum, f) => sum + sizes(readFileSync(join(DIST, 'commentary-reader', f))).brotli, 0);
  const medKey = (profile, name, key) => medOf(results[profile][name].map((r) => r[key]));
  const worstTask = Math.max(...results.mobile[judged].map((r) => r.longest));
  const ratio = (a, b) => (a !== null && b ? a / b : null);
  const verdict = (ok) => (ok === null ? 'not measured' : ok ? '**met**' : '**not met**');
  const goals = [
    [`first card on the phone profile ≤ 0.6× the peer's`, `${fmtMs(fc[judged])} vs ${fmtMs(fc.peer)} (${ratio(fc[judged], fc.peer)?.toFixed(2) ?? 'n/a'}×)`, ratio(fc[judged], fc.peer) === null ? null : ratio(fc[judged], fc.peer) <= 0.6],
    [`Lighthouse mobile performance ≥ the peer's`, `${lhMed(judged, 'score') ?? 'n/a'} vs ${lhMed('peer', 'score') ?? 'n/a'}`, LIGHTHOUSE_RUNS ? lhMed(judged, 'score') >= lhMed('peer', 'score') : null],
    [`Lighthouse total blocking time ≤ the peer's`, `${fmtMs(lhMed(judged, 'tbt'))} vs ${fmtMs(lhMed('peer', 'tbt'))}`, LIGHTHOUSE_RUNS ? lhMed(judged, 'tbt') <= lhMed('peer', 'tbt') : null],
    [`\`ready\` ≤ the peer's, phone profile`, `${fmtMs(medKey('mobile', judged, 'ready'))} vs ${fmtMs(medKey('mobile', 'peer', 'ready'))}`, medKey('mobile', judged, 'ready') <= medKey('mobile', 'peer', 'ready')],
    [`\`ready\` ≤ the peer's, desktop`, `${fmtMs(medKey('desktop', judged, 'ready'))} vs ${fmtMs(medKey('desktop', 'peer', 'ready'))}`, medKey('desktop', judged, 'ready') <= medKey('desktop', 'peer', 'ready')],
    [`largest contentful paint ≤ 1.2× the static page's, phone profile`, `${fmtMs(medKey('mobile', judged, 'lcp'))} vs ${fmtMs(medKey('mobile', 'limit', 'lcp'))} (${ratio(medKey('mobile', judged, 'lcp'), medKey('mobile', 'limit', 'lcp'))?.toFixed(2) ?? 'n/a'}×)`, ratio(medKey('mobile', judged, 'lcp'), medKey('mobile', 'limit', 'lcp')) <= 1.2],
    [`CLS 0, phone and desktop`, `${medKey('mobile', judged, 'cls').toFixed(3)} and ${medKey('desktop', judged, 'cls').toFixed(3)}`, medKey('mobile', judged, 'cls') === 0 && medKey('desktop', judged, 'cls') === 0],
    [`no main-thread task over 50 ms from first paint to 1 s after \`ready\`, phone profile (every load)`, `longest ${ms(worstTask)} over ${MOBILE_RUNS} loads`, worstTask <= 50],
    [`reader code ≤ 130 KB brotli (${readerFiles.map((f) => `\`${f}\``).join(', ')})`, kb(readerBrotli), readerBrotli <= 130 * 1024],
  ];

  const rows = native();
  const cspSeen = [...new Set(problems.filter((p) => p.includes('CSP violation')))];
  const text = `<!-- bench:start (written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand) -->
## Side by side (\`make bench\`)

Ours: the widget as a host page embeds it, pointed at the compiled \`commentary.bundle\`
that \`make dist\` publishes${prerendered ? `; and the prerendered reading page \`make dist\` writes
(\`commentaries/${SEED}/index.html\`: the text in a declarative shadow root, hydrated by the
same element)` : ''}. Peer: what a think tank would use instead, the same
commentary as static HTML with Tippy.js cards and a Leaflet map of the same base map, routes and
markers (no tiles), built by \`bench/build-peer.mjs\` from the project's own files. Limit: the
same text as plain static HTML. Served from localhost as a host or CDN serves: brotli (quality
11) to a browser that accepts it, else gzip, for text, JSON, SVG, wasm and the bundle, with the
strict Content-Security-Policy the tests use. Headless Chromium, cold loads (a new context
each), the pages interleaved: ${RUNS} per page on the desktop profile, ${MOBILE_RUNS} on the mobile one.

### Bytes each page downloads after its HTML

| page | file | raw | gzip | brotli | as sent |
| --- | --- | ---: | ---: | ---: | ---: |
${bytesRows.join('\n')}

Ours / peer, brotli: **${(totals.ours.brotli / totals.peer.brotli).toFixed(2)}×** (goal: ≤ 1.0×); as sent: ${(totals.ours.sent / totals.peer.sent).toFixed(2)}×.
Content-Security-Policy violations over all loads: ${cspSeen.length ? cspSeen.join('; ') : 'none'}.

### Time to ready (desktop; navigation start → \`commentary-reader:ready\`; limit: first contentful paint)

| page | median | 10th–90th percentile |
| --- | ---: | ---: |
| ours | ${ms(m.ours)} | ${spread(readyOf('ours'))} |
${prerendered ? `| ours, prerendered reading page | ${ms(m.prerendered)} | ${spread(readyOf('prerendered'))} |\n` : ''}| peer (map drawn, cards wired) | ${ms(m.peer)} | ${spread(readyOf('peer'))} |
| limit (first contentful paint) | ${ms(m.limit)} | ${spread(readyOf('limit'))} |

Ours / peer: **${(m.ours / m.peer).toFixed(2)}×** (goal ≤ 1.0×); ours / limit: **${(m.ours / m.limit).toFixed(2)}×** (goal ≤ 1.5×).

### Paint, ready and layout shift

First contentful paint, largest contentful paint (the last candidate up to one second after
\`ready\`, or after load on the static page), \`ready\`, and cumulative layout shift from first
paint to the end of that second (shifts without recent input), all from navigation start;
the longest main-thread task in that window and the time tasks blocked input (each task's part
beyond 50 ms, as total blocking time counts it), from the page's own \`longtask\` entries.

#### desktop profile (1280×900, no throttling, brotli), medians of ${RUNS}

${profileTable('desktop', RUNS)}

#### mobile profile (RTT 150 ms, 1.6 Mbit/s, CPU 4×, brotli), medians of ${MOBILE_RUNS}

412×823 at 1.75×, touch. Chromium's DevTools throttling with Lighthouse's nominal numbers:
150 ms added to every request, 1.6 Mbit/s down, 750 kbit/s up, CPU slowed 4× (on this 2-core
machine). Lighthouse's own DevTools-throttled runs use a larger per-request latency (562.5 ms)
and 0.9× the bandwidth to stand for the same connection, so these are the milder of the two.

${profileTable('mobile', MOBILE_RUNS)}

${stepsTable('mobile')}

### HTML-first: first card, Lighthouse, the goals

"First card": on the mobile profile, from navigation, a tap on a blank margin then on the first
mention's words every ~1.2 s until a card shows; the page's clock when it is first seen, medians
of ${CARD_RUNS} loads.

| page | first card | / peer's |
| --- | ---: | ---: |
${cardRows.join('\n')}
| limit (static HTML) | no cards | — |

Lighthouse 12.2.3, mobile preset (simulated throttling), performance category, medians of
${LIGHTHOUSE_RUNS} runs each (\`CHROME_PATH\`: Debian's Chromium; the same server):

| page | score | total blocking time | longest task | LCP | max potential FID |
| --- | ---: | ---: | ---: | ---: | ---: |
${lhRows.join('\n')}

The goals, on ${prerendered ? 'the prerendered reading page' : 'the snippet page (no prerendered page in this build)'}:

| goal | measured | |
| --- | --- | --- |
${goals.map(([goal, measured, ok]) => `| ${goal} | ${measured} | ${verdict(ok)} |`).join('\n')}

### Cards, scale, memory

| measure | ours | peer |
| --- | ---: | ---: |
| card painted, from asking (focus; \`tippy.show()\`) to its frame, median of ${ourCards.length} | ${ms(median(ourCards))} | ${ms(median(peerCards))} |
| generated report, 20,000 words, 200 entities, 2,000 mentions (compiled): time to ready, median of ${scale.length} | ${SKIP_SCALE ? 'not measured (BENCH_SKIP_SCALE=1)' : ms(median(scale))} | — |
| the seed named by its \`commentary.md\` (compiled in the browser, compiler module loaded): time to ready, median of ${markdown.length} | ${ms(median(markdown))} | — |
| JS heap after ready (after a GC) | ${kb(ourMemory.js)} | ${kb(peerMemory.js)} |
| WebAssembly memory after ready | ${kb(ourMemory.wasm)} | — |

A frame is ${(1000 / 60).toFixed(1)} ms at 60 Hz (goal: the card within one frame of its timer).

### Native parse + link throughput (criterion, \`cargo bench --bench link\`)

| words | bytes | mean | throughput |
| ---: | ---: | ---: | ---: |
${rows.map((r) => `| ${r.words.toLocaleString('en')} | ${r.bytes.toLocaleString('en')} | ${r.ms.toFixed(2)} ms | ${r.mbs.toFixed(0)} MB/s |`).join('\n')}
<!-- bench:end -->`;
  console.log(`\n${text}\n`);
  for (const p of [...new Set(problems)]) console.warn(`warning: ${p}`);
  for (const p of mismatched) console.warn(`warning: bytes as sent differ from the size report: ${p}`);
  const file = join(ROOT, 'BENCHMARKS.md');
  const current = readFileSync(file, 'utf8');
  const re = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
  writeFileSync(file, re.test(current) ? current.replace(re, text) : `${current.trimEnd()}\n\n${text}\n`);
  console.log('BENCHMARKS.md updated.');
} finally {
  await browser.close();
  await server.close();
}
