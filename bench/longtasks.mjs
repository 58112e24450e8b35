// The probe behind BENCHMARKS.md's "HTML-first" task numbers: loads the seed's prerendered
// reading page from dist/ (after `make dist` or `scripts/release-build.sh`) in Chromium with the
// CPU slowed 4× (no network throttling), and prints per load the first contentful paint, when `ready` fired, every main-thread
// task over 50 ms ([start, duration] in ms from navigation, from `longtask` entries), every
// script over MIN_SCRIPT ms (30 by default) ([start, duration, what ran], the scripts of `long-animation-frame` entries:
// which of the page's callbacks a long task was) and the widget's own marks. Reported, never
// asserted.
//
//   node bench/longtasks.mjs            (RUNS=5 by default; PAGE=another page of dist/)
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-static.mjs';

const DIST = process.env.DIST ?? new URL('../dist/', import.meta.url).pathname;
const RUNS = Number(process.env.RUNS ?? 5);
const MIN_SCRIPT = Number(process.env.MIN_SCRIPT ?? 30);
// Another page of dist/ (an A/B variant), relative to it.
const PAGE = process.env.PAGE ?? 'commentaries/belarus-china-relations-2024/';
const server = await startServer({ root: DIST, csp: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...(process.env.CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean)] });
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.addInitScript((MIN) => {
      window.__tasks = [];
      window.__scripts = [];
      new PerformanceObserver((l) => l.getEntries().forEach((f) => f.scripts.forEach((s) => {
        if (s.duration >= MIN) window.__scripts.push([Math.round(s.startTime), Math.round(s.duration), `${s.invoker} (${s.sourceURL.split('/').pop()})`]);
      }))).observe({ type: 'long-animation-frame', buffered: true });
      new PerformanceObserver((l) => l.getEntries().forEach((e) => window.__tasks.push([Math.round(e.startTime), Math.round(e.duration)]))).observe({ type: 'longtask', buffered: true });
      // The page says when the window measured is over (a console message): Playwright's own
      // scripts, which `page.evaluate` injects, take 30-50 ms to evaluate at 4× and would be
      // counted as the page's.
      document.addEventListener('commentary-reader:ready', () => {
        window.__ready = performance.now();
        setTimeout(() => console.log('longtasks: measured'), 1500);
      }, true);
    }, MIN_SCRIPT);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const measured = page.waitForEvent('console', { predicate: (m) => m.text() === 'longtasks: measured', timeout: 60_000 });
    await page.goto(`${server.url}${PAGE}`);
    await measured;
    const r = await page.evaluate(() => {
      const ready = window.__ready;
      const marks = performance.getEntriesByType('mark').map((m) => `${m.name.replace('commentary-reader:', '')}@${Math.round(m.startTime)}`);
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: fcp && Math.round(fcp.startTime), ready: Math.round(ready), tasks: window.__tasks, scripts: window.__scripts, marks };
    });
    console.log(JSON.stringify(r));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
