// Where the long tasks' time goes: the CPU profile behind BENCHMARKS.md's "HTML-first" analysis.
// After a release build (`make dist` or `scripts/release-build.sh`), it copies dist/ to a
// temporary folder with the reader's wasm rebuilt keeping its function names (wasm-bindgen on
// the linked module in target/, then `wasm-opt -Oz -g`: the same code, names kept; the SRI
// hashes that would refuse it are taken off the copy), loads the seed's prerendered reading page
// with the CPU slowed 4× (no network throttling), records a CPU profile until a second after
// `ready`, and prints for every main-thread task over 50 ms (the page's `longtask` entries), and
// every script over MIN_SCRIPT ms (30 by default; the scripts of `long-animation-frame` entries),
// the functions that took its time: by self time and by inclusive time. Rust names are shortened
// (crate hashes dropped, `C::` for the widget's components, `L::` for Yew's lifecycle).
// Reported, never asserted; the profiler adds its own overhead, so compare shares, not totals.
//
//   node bench/profile-tasks.mjs            (TOP=40 inclusive lines per task by default)
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-static.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const TOP = Number(process.env.TOP ?? 40);
const MIN_SCRIPT = Number(process.env.MIN_SCRIPT ?? 30);
const LINKED = join(ROOT, 'target/wasm32-unknown-unknown/release/commentary-reader-core.wasm');
const env = { ...process.env, PATH: `${join(ROOT, '.tools/node_modules/binaryen/bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };

// dist/ again, with the reader's wasm named.
const copy = mkdtempSync(join(tmpdir(), 'cr-profile-'));
const bindgen = join(copy, '.bindgen');
cpSync(join(ROOT, 'dist'), copy, { recursive: true });
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', bindgen, LINKED], { env, stdio: 'inherit' });
const glue = 'commentary-reader-core.js';
if (readFileSync(join(bindgen, glue), 'utf8') !== readFileSync(join(copy, 'commentary-reader', glue), 'utf8')) {
  throw new Error(`${LINKED} is not the build in dist/ (its glue differs): run scripts/release-build.sh first`);
}
execFileSync('wasm-opt', ['-Oz', '-g', '--enable-bulk-memory', '--enable-reference-types', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-multivalue', join(bindgen, 'commentary-reader-core_bg.wasm'), '-o', join(copy, 'commentary-reader/commentary-reader-core_bg.wasm')], { env, stdio: 'inherit' });
const unpin = (file, edit) => writeFileSync(file, edit(readFileSync(file, 'utf8')));
unpin(join(copy, 'commentary-reader/commentary-reader.js'), (s) => s.replace(/^const WASM_INTEGRITY = '[^']*';/m, 'const WASM_INTEGRITY = null;'));
const pages = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? pages(join(dir, f)) : f.endsWith('.html') ? [join(dir, f)] : []));
for (const page of pages(copy)) unpin(page, (s) => s.replace(/ integrity="sha384-[^"]*"/g, ''));

const short = (name) => (name || '(anonymous)')
  .replace(/\[[0-9a-f]{6,}\]/g, '')
  .replace(/commentary_reader::web::components::/g, 'C::')
  .replace(/yew::html::component::lifecycle::/g, 'L::');

const server = await startServer({ root: copy, csp: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.addInitScript((MIN_SCRIPT) => {
    // A few milliseconds in a function of known name at a known time: how the profile's clock
    // maps onto the page's (`longtask` entries are on the page's).
    window.__syncAt = performance.now();
    (function __crProfileClock() { const end = performance.now() + 4; while (performance.now() < end) { /* spin */ } })();
    window.__tasks = [];
    new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([Math.round(e.startTime), Math.round(e.duration), 'task']))).observe({ type: 'longtask', buffered: true });
    // A script of the page's that ran long inside a long animation frame, though its task as a
    // whole stayed under 50 ms.
    new PerformanceObserver((l) => l.getEntries().forEach((f) => f.scripts.forEach((s) => {
      if (s.duration >= MIN_SCRIPT) window.__tasks.push([Math.round(s.startTime), Math.round(s.duration), `script ${s.invoker}`]);
    }))).observe({ type: 'long-animation-frame', buffered: true });
    window.__ready = new Promise((r) => document.addEventListener('commentary-reader:ready', () => r(performance.now()), true));
  }, MIN_SCRIPT);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await page.goto(`${server.url}commentaries/belarus-china-relations-2024/`);
  const run = await page.evaluate(async () => {
    const ready = await window.__ready;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const marks = performance.getEntriesByType('mark').map((m) => `${m.name.replace('commentary-reader:', '')}@${Math.round(m.startTime)}`);
    return { ready: Math.round(ready), tasks: window.__tasks, marks, syncAt: window.__syncAt };
  });
  const { profile } = await cdp.send('Profiler.stop');
  console.log(`ready at ${run.ready} ms; marks ${run.marks.join(' ')}`);

  const node = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (id) => short(node.get(id).callFrame.functionName);
  let at = profile.startTime;
  // Each sample: when it was taken (µs, the profile's clock), its node, and the time until the next.
  const samples = profile.samples.map((id, i) => { at += profile.timeDeltas[i]; return [at, id, profile.timeDeltas[i + 1] ?? 0]; });
  const clock = samples.find(([, id]) => name(id) === '__crProfileClock');
  if (!clock) throw new Error('the clock marker was not sampled: the profile cannot be aligned with the page');
  const pageTime = (us) => (us - clock[0]) / 1000 + run.syncAt;
  const ms = (us) => (us / 1000).toFixed(1);
  for (const [start, duration, what] of run.tasks) {
    const self = new Map();
    const inclusive = new Map();
    for (const [us, id, dt] of samples) {
      const t = pageTime(us);
      if (t < start || t > start + duration) continue;
      self.set(name(id), (self.get(name(id)) ?? 0) + dt);
      const seen = new Set();
      for (let p = id; p !== undefined; p = parent.get(p)) {
        const n = name(p);
        if (!seen.has(n)) { seen.add(n); inclusive.set(n, (inclusive.get(n) ?? 0) + dt); }
      }
    }
    const top = (m, count, width) => [...m].sort((a, b) => b[1] - a[1]).slice(0, count).map(([n, us]) => `    ${ms(us).padStart(6)} ms  ${n.slice(0, width)}`).join('\n');
    console.log(`\n== ${what} at ${start} ms, ${duration} ms (profiled)\n  self:\n${top(self, 12, 120)}\n  inclusive:\n${top(inclusive, TOP, 150)}`);
  }
  await context.close();
} finally {
  await browser.close();
  await server.close();
  rmSync(copy, { recursive: true, force: true });
}
