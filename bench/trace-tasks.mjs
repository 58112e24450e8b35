// What the main thread's tasks around hydration are made of: a Chromium trace of the seed's
// prerendered reading page (dist/, after a release build) with the CPU slowed 4× (no network
// throttling), printing every main-thread task over 20 ms from first paint to a second after
// `ready`, with the time V8 spent in it compiling WebAssembly lazily (Liftoff, at each
// function's first call) and the widget's marks. Reported, never asserted.
//
//   node bench/trace-tasks.mjs                   (RUNS=3 by default)
//   CHROMIUM_FLAGS=--js-flags=--no-wasm-lazy-compilation node bench/trace-tasks.mjs
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-static.mjs';

const DIST = process.env.DIST ?? new URL('../dist/', import.meta.url).pathname;
const RUNS = Number(process.env.RUNS ?? 3);
const flags = (process.env.CHROMIUM_FLAGS ?? '').split(' ').filter(Boolean);
const KINDS = new Set(['ParseHTML', 'Layout', 'UpdateLayoutTree', 'Paint', 'PrePaint', 'Layerize', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'TimerFire', 'RunMicrotasks', 'MajorGC', 'MinorGC', 'HitTest', 'ResourceReceivedData', 'v8.evaluateModule', 'FireAnimationFrame', 'IntersectionObserverController::computeIntersections', 'ScheduleStyleRecalculation', 'ParseAuthorStyleSheet', 'Decode Image', 'v8.wasm.compiledModule', 'v8.wasm.streamFromResponseCallback']);
const server = await startServer({ root: DIST, csp: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', ...flags] });
try {
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__ready = new Promise((r) => document.addEventListener('commentary-reader:ready', () => r(performance.now()), true));
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm', 'blink.user_timing', 'loading'] },
    });
    await page.goto(`${server.url}commentaries/belarus-china-relations-2024/`);
    const { ready, marks } = await page.evaluate(async () => {
      const ready = await window.__ready;
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const marks = performance.getEntriesByType('mark').map((m) => `${m.name.replace('commentary-reader:', '')}@${Math.round(m.startTime)}`);
      return { ready, marks };
    });
    await cdp.send('Tracing.end');
    await done;
    // The renderer's main thread: where the page's marks are.
    const mark = events.find((e) => e.name === 'commentary-reader:core' || e.name?.startsWith('commentary-reader:'));
    const main = events.filter((e) => e.pid === mark?.pid && e.tid === mark?.tid);
    const nav = events.find((e) => e.name === 'navigationStart' && e.pid === mark?.pid) ?? events.find((e) => e.name === 'TracingStartedInBrowser');
    const fcpEvent = events.find((e) => e.name === 'firstContentfulPaint' && e.pid === mark?.pid);
    const t0 = nav.ts;
    const ms = (ts) => (ts - t0) / 1000;
    const fcp = fcpEvent ? ms(fcpEvent.ts) : 0;
    const tasks = main.filter((e) => e.ph === 'X' && e.name === 'RunTask' && e.dur >= 20000 && ms(e.ts) + e.dur / 1000 >= fcp && ms(e.ts) <= ready + 1000);
    const compiles = main.filter((e) => e.ph === 'X' && e.name === 'wasm.CompileLazy');
    const rows = tasks.map((t) => {
      const inside = compiles.filter((c) => c.ts >= t.ts && c.ts < t.ts + t.dur);
      const compile = inside.reduce((s, c) => s + (c.dur ?? 0), 0) / 1000;
      // What else the task did, by the trace's own names (nested events counted in each).
      const by = new Map();
      for (const e of main) {
        if (e.ph === 'X' && e.dur && e.ts >= t.ts && e.ts < t.ts + t.dur && KINDS.has(e.name)) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
      }
      const kinds = [...by].filter(([, d]) => d >= 3).sort((a, b) => b[1] - a[1]).map(([n, d]) => `${n} ${Math.round(d)}`).join(', ');
      return `[${Math.round(ms(t.ts))}, ${Math.round(t.dur / 1000)} ms: wasm compiling ${Math.round(compile)} ms (${inside.length} functions); ${kinds}]`;
    });
    console.log(`fcp ${Math.round(fcp)} ready ${Math.round(ready)} ${marks.join(' ')}\n  ${rows.join('\n  ')}`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
