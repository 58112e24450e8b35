// `make bench`: our widget side by side with the peer (the same commentary as static HTML with
// Tippy.js cards and a Leaflet map, bench/build-peer.mjs) and the limit (the same text as plain
// static HTML). Prints one table and rewrites the generated part of BENCHMARKS.md.
//
//   node bench/run.mjs            (after `trunk build --release`, `node bench/build-peer.mjs`
//                                  and `cargo bench --bench link`; `make bench` does all four)
//   BENCH_RUNS=20 (default)       cold loads per page, interleaved ours, peer, limit, ours, …
//
// Timings are reported, never asserted: they depend on the machine (this project's machine
// kind: 2 cores). Sizes are exact.
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../scripts/serve-static.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const SEED = 'belarus-china-relations-2024';

// ---- Our page: the same shell as the limit page, with the widget as a host embeds it ---------
function prepareOurs() {
  const ours = join(OUT, 'ours');
  rmSync(ours, { recursive: true, force: true });
  mkdirSync(join(ours, 'commentaries'), { recursive: true });
  const pkg = join(ROOT, 'dist/commentary-reader');
  if (!existsSync(join(pkg, 'commentary-reader-core_bg.wasm'))) throw new Error('no dist/commentary-reader: run trunk build --release first');
  cpSync(pkg, join(ours, 'commentary-reader'), { recursive: true });
  // The folder as `make dist` publishes it: sources and their compiled commentary.bundle.
  cpSync(join(ROOT, 'dist/commentaries', SEED), join(ours, 'commentaries', SEED), { recursive: true });
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
  mkdirSync(join(ours, 'scale'), { recursive: true });
  const { md, toml } = generated(20_000, 200, 10);
  writeFileSync(join(ours, 'scale/commentary.md'), md);
  writeFileSync(join(ours, 'scale/entities.toml'), toml);
  writeFileSync(join(ours, 'scale/index.html'), page('Scale', 'commentary.bundle', '../'));
  execFileSync('cargo', ['run', '--quiet', '--release', '--bin', 'commentary-reader', '--', 'build', join(ours, 'scale')], { cwd: ROOT, stdio: 'inherit' });
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
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const sizes = (bytes) => ({
  raw: bytes.length,
  gzip: gzipSync(bytes, { level: 9 }).length,
  brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

const READY = () => {
  document.addEventListener('commentary-reader:ready', () => { window.__readyAt ??= performance.now(); }, true);
};

/** One cold load in a fresh context: ms from navigation start to ready (or to FCP). */
async function load(browser, url, what, record) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript(READY);
  const files = [];
  if (record) page.on('response', (r) => { if (r.request().resourceType() !== 'document') files.push(new URL(r.url()).pathname); });
  await page.goto(url);
  const ms = what === 'fcp'
    ? await page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime, null, { polling: 'raf' }).then((h) => h.jsonValue())
    : await page.waitForFunction(() => window.__readyAt, null, { polling: 'raf', timeout: 60_000 }).then((h) => h.jsonValue());
  return { ms, files, page, context };
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
    const mentions = [...root.querySelectorAll(isOurs ? '.cr-mention' : '.mention')].slice(0, 30).filter((_, i) => i % 3 === 0);
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
const server = await startServer({ root: OUT });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const pages = { ours: 'ours/', peer: 'peer/', limit: 'limit/' };
const times = { ours: [], peer: [], limit: [] };
const downloads = {};
let ourMemory; let peerMemory; let ourCards; let peerCards;
try {
  for (let run = 0; run < RUNS; run++) {
    for (const [name, path] of Object.entries(pages)) {
      const first = run === 0;
      const r = await load(browser, server.url + path, name === 'limit' ? 'fcp' : 'ready', first);
      times[name].push(r.ms);
      if (first) {
        downloads[name] = [...new Set(r.files)];
        if (name === 'ours') { ourMemory = await memory(r.page, true); ourCards = await cards(r.page, true); }
        if (name === 'peer') { peerMemory = await memory(r.page, false); peerCards = await cards(r.page, false); }
      }
      await r.context.close();
    }
    process.stderr.write(`\rloads: ${run + 1}/${RUNS}`);
  }
  process.stderr.write('\n');
  const scale = [];
  const markdown = [];
  for (let i = 0; i < 5; i++) {
    for (const [path, into] of [['ours/scale/', scale], ['ours/md/', markdown]]) {
      const r = await load(browser, server.url + path, 'ready', false);
      into.push(r.ms);
      await r.context.close();
    }
  }

  // ---- Report ------------------------------------------------------------------------------
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const ms = (n) => `${n.toFixed(0)} ms`;
  const bytesRows = [];
  const totals = {};
  for (const name of ['ours', 'peer']) {
    const t = { raw: 0, gzip: 0, brotli: 0 };
    for (const file of downloads[name].sort()) {
      const s = sizes(readFileSync(join(OUT, decodeURIComponent(file))));
      for (const k in t) t[k] += s[k];
      bytesRows.push(`| ${name} | \`${file.replace(/^\/(ours|peer)\//, '')}\` | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
    }
    totals[name] = t;
    bytesRows.push(`| **${name}** | **total after the HTML** | **${kb(t.raw)}** | **${kb(t.gzip)}** | **${kb(t.brotli)}** |`);
  }
  const spread = (xs) => `${ms(quantile(xs, 0.1))}–${ms(quantile(xs, 0.9))}`;
  const m = { ours: median(times.ours), peer: median(times.peer), limit: median(times.limit) };
  const rows = native();
  const text = `<!-- bench:start (written by \`make bench\` on ${new Date().toISOString().slice(0, 10)}; do not edit by hand) -->
## Side by side (\`make bench\`)

Ours: the widget as a host page embeds it, pointed at the compiled \`commentary.bundle\`
that \`make dist\` publishes. Peer: what a think tank would use instead, the same
commentary as static HTML with Tippy.js cards and a Leaflet map of the same base map, routes and
markers (no tiles), built by \`bench/build-peer.mjs\` from the project's own files. Limit: the
same text as plain static HTML. Served from localhost, headless Chromium, ${RUNS} cold loads
per page, interleaved.

### Bytes each page downloads after its HTML

| page | file | raw | gzip | brotli |
| --- | --- | ---: | ---: | ---: |
${bytesRows.join('\n')}

Ours / peer, brotli: **${(totals.ours.brotli / totals.peer.brotli).toFixed(2)}×** (goal: ≤ 1.0×).

### Time to ready (navigation start → \`commentary-reader:ready\`; limit: first contentful paint)

| page | median | 10th–90th percentile |
| --- | ---: | ---: |
| ours | ${ms(m.ours)} | ${spread(times.ours)} |
| peer (map drawn, cards wired) | ${ms(m.peer)} | ${spread(times.peer)} |
| limit (first contentful paint) | ${ms(m.limit)} | ${spread(times.limit)} |

Ours / peer: **${(m.ours / m.peer).toFixed(2)}×** (goal ≤ 1.0×); ours / limit: **${(m.ours / m.limit).toFixed(2)}×** (goal ≤ 1.5×).

### Cards, scale, memory

| measure | ours | peer |
| --- | ---: | ---: |
| card painted, from asking (focus; \`tippy.show()\`) to its frame, median of ${ourCards.length} | ${ms(median(ourCards))} | ${ms(median(peerCards))} |
| generated report, 20,000 words, 200 entities, 2,000 mentions (compiled): time to ready, median of ${scale.length} | ${ms(median(scale))} | — |
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
  const file = join(ROOT, 'BENCHMARKS.md');
  const current = readFileSync(file, 'utf8');
  const re = /<!-- bench:start[\s\S]*?<!-- bench:end -->/;
  writeFileSync(file, re.test(current) ? current.replace(re, text) : `${current.trimEnd()}\n\n${text}\n`);
  console.log('BENCHMARKS.md updated.');
} finally {
  await browser.close();
  await server.close();
}
