// Map labels as the reader sees them: measured on the rendered SVG (the boxes of every visible
// label against each other and against every marker's dot), on every commentary folder of the
// repo and on generated stress folders (ten markers within 50 km, long names, a view zoomed to
// one country), wide and phone, at the first view and after each chapter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve-static.mjs';
import { CHROMIUM_ARGS, DIST, addWidgetRoot, settled, until } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
let site;
let server;
let browser;

const front = (title) => `+++\ntitle = "${title}"\ndate = 2026-12-01\nlang = "en"\n\n[[authors]]\nname = "Test"\n+++\n\nA generated folder for the label tests.\n`;
const entities = '[[entity]]\nid = "belarus"\nkind = "country"\nname = "Belarus"\niso = "BLR"\nsummary = "A country."\n';
const place = (id, name, lat, lon) => `[[place]]\nid = "${id}"\nname = "${name}"\nlat = ${lat}\nlon = ${lon}\n`;

/** The generated folders: what a new editor's map might crowd the label placement with. */
function stressFolders() {
  // Ten markers within 50 km of Minsk, on a route.
  const cluster = Array.from({ length: 10 }, (_, i) => {
    const a = (i / 10) * 2 * Math.PI;
    return place(`c${i}`, ['Smalyavichy', 'Zaslawye', 'Fanipal', 'Dzyarzhynsk', 'Rudzensk', 'Maryina Horka', 'Smilavichy', 'Lahoysk', 'Kalodzishchy', 'Machulishchy'][i],
      (53.9 + 0.3 * Math.sin(a)).toFixed(3), (27.56 + 0.45 * Math.cos(a)).toFixed(3));
  });
  const clusterMap = `title = "Ten stops around Minsk"\n\n[view]\nbounds = [[5.0, 27.0], [122.0, 62.0]]\n\n[[highlight]]\ncountries = ["BLR"]\nlabel = "Belarus"\nemphasis = true\nentity = "belarus"\n\n${cluster.join('\n')}\n[[route]]\nid = "ring"\nname = "Ring"\nkind = "road"\nvia = [${cluster.map((_, i) => `"c${i}"`).join(', ')}]\n`;
  // Long names across Central Asia and the Caspian, on a route with a ferry leg, and a pipeline.
  const long = [
    ['turkmenbashi', 'Turkmenbashi International Seaport', 40.02, 52.97], ['khorgos', 'Khorgos Gateway Dry Port and Free Economic Zone', 44.21, 80.41],
    ['aktau', 'Aktau Sea Commercial Port', 43.65, 51.17], ['baku', 'Baku International Sea Trade Port (Alat)', 40.04, 49.45],
    ['poti', 'Poti Sea Port and Free Industrial Zone', 42.15, 41.67], ['herat', 'Herat', 34.35, 62.2], ['mary', 'Mary', 37.6, 61.83],
  ].map(([id, name, lat, lon]) => place(id, name, lat, lon));
  const longMap = `title = "Long names"\n\n[view]\nbounds = [[35.0, 30.0], [85.0, 50.0]]\n\n${long.join('\n')}\n[[route]]\nid = "middle"\nname = "Middle corridor"\nkind = "rail"\nvia = ["herat", "mary", "turkmenbashi", "baku", "poti"]\n\n[[route.leg]]\nfrom = "turkmenbashi"\nto = "baku"\nkind = "ferry"\n\n[[route]]\nid = "gas"\nname = "A gas pipeline"\nkind = "pipeline"\nvia = ["baku", "poti"]\n`;
  // A view zoomed to one country.
  const belarus = [['minsk', 'Minsk', 53.9, 27.56], ['brest', 'Brest', 52.1, 23.7], ['grodno', 'Grodno', 53.68, 23.83], ['vitebsk', 'Vitebsk', 55.19, 30.2],
    ['gomel', 'Gomel', 52.43, 31.0], ['mogilev', 'Mogilev', 53.9, 30.33], ['orsha', 'Orsha', 54.51, 30.42], ['baranovichi', 'Baranovichi', 53.13, 26.01]]
    .map(([id, name, lat, lon]) => place(id, name, lat, lon));
  const zoomMap = `title = "Belarus"\n\n[view]\nbounds = [[23.0, 51.2], [32.8, 56.2]]\n\n[[highlight]]\ncountries = ["BLR"]\nlabel = "Belarus"\nemphasis = true\nentity = "belarus"\n\n${belarus.join('\n')}\n[[route]]\nid = "main"\nname = "Main line"\nkind = "rail"\nvia = ["brest", "baranovichi", "minsk", "orsha"]\n`;
  return { 'stress-cluster': clusterMap, 'stress-long': longMap, 'stress-zoom': zoomMap };
}

const page = (src) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,"><title>Labels</title>
<script type="module" src="/commentary-reader/commentary-reader.js"></script></head>
<body><main><commentary-reader src="${src}"></commentary-reader></main></body></html>
`;

before(async () => {
  site = mkdtempSync(join(tmpdir(), 'cr-labels-'));
  cpSync(join(DIST, 'commentary-reader'), join(site, 'commentary-reader'), { recursive: true });
  mkdirSync(join(site, 'commentaries'));
  for (const d of readdirSync(join(DIST, 'commentaries'), { withFileTypes: true }).filter((e) => e.isDirectory())) {
    cpSync(join(DIST, 'commentaries', d.name), join(site, 'commentaries', d.name), { recursive: true });
    writeFileSync(join(site, 'commentaries', d.name, 'labels.html'), page('commentary.bundle'));
  }
  const generated = Object.entries(stressFolders()).map(([name, map]) => {
    const dir = join(site, 'commentaries', name);
    mkdirSync(dir);
    writeFileSync(join(dir, 'commentary.md'), front(name));
    writeFileSync(join(dir, 'entities.toml'), entities);
    writeFileSync(join(dir, 'map.toml'), map);
    writeFileSync(join(dir, 'labels.html'), page('commentary.bundle'));
    return dir;
  });
  execFileSync('cargo', ['run', '--quiet', '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', 'build', ...generated], { cwd: ROOT, stdio: 'inherit' });
  server = await startServer({ root: site, csp: true });
  browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
});
after(async () => {
  await browser?.close();
  await server?.close();
  if (site) rmSync(site, { recursive: true, force: true });
});

/** Every pair of visible labels that overlap, every label over a marker's dot and every label
 * under the locator, in view. */
const collisions = (p) => p.evaluate(() => {
  const svg = __cr().querySelector('svg[part=map]');
  const labels = [...svg.querySelectorAll('.cr-labels text')].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
  const dots = [...svg.querySelectorAll('.cr-marker .cr-dot')].map((d) => ({ id: d.closest('[data-place]').dataset.place, r: d.getBoundingClientRect() }));
  // Half a pixel of anti-aliasing is not an overlap.
  const hit = (a, b) => a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
  const found = [];
  const inset = svg.querySelector('.cr-inset-frame')?.getBoundingClientRect();
  labels.forEach((a, i) => {
    if (inset && hit(a.r, inset)) found.push(`"${a.text}" under the locator`);
    for (const b of labels.slice(i + 1)) if (hit(a.r, b.r)) found.push(`"${a.text}" × "${b.text}"`);
    for (const d of dots) if (hit(a.r, d.r)) found.push(`"${a.text}" on the dot of ${d.id}`);
  });
  return { found, labels: labels.length };
});

test('no two labels overlap and no label lies on a marker, in every folder and stress folder, wide and phone, first view and each chapter', async () => {
  const folders = readdirSync(join(site, 'commentaries'));
  assert.ok(folders.length >= 5, folders.join(', '));
  const problems = [];
  let views = 0;
  let labels = 0;
  for (const folder of folders) {
    for (const [profile, viewport] of [['wide', { width: 1280, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
      const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
      const p = await context.newPage();
      await addWidgetRoot(p);
      await p.addInitScript(() => document.addEventListener('commentary-reader:ready', () => { window.__ready = true; }));
      await p.goto(`${server.url}commentaries/${folder}/labels.html`);
      await until(p, () => window.__ready, null, { what: `${folder}: ready` });
      await settled(p);
      // The labels are laid out again once the browser has measured their font.
      await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      for (let i = 0; i < 12; i++) {
        const at = await p.evaluate(() => __cr().querySelector('.cr-map').dataset.chapter ?? 'overview');
        const c = await collisions(p);
        views++;
        labels += c.labels;
        problems.push(...c.found.map((f) => `${folder}, ${profile}, ${at}: ${f}`));
        const next = p.locator('.cr-chapters button[aria-label="Next chapter"]');
        if (!(await next.count()) || (await next.getAttribute('aria-disabled')) === 'true') break;
        await next.click();
        await until(p, (was) => (__cr().querySelector('.cr-map').dataset.chapter ?? 'overview') !== was, at, { what: `${folder}: the chapter after ${at}` });
        await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      }
      await context.close();
    }
  }
  console.log(`# ${views} views, ${labels} labels measured`);
  assert.ok(labels > 100, `only ${labels} labels drawn in ${views} views`);
  assert.deepEqual(problems, []);
});

test('a route is drawn leg by leg, each kind in its style, and the legend names each kind once', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const p = await context.newPage();
  await addWidgetRoot(p);
  await p.addInitScript(() => document.addEventListener('commentary-reader:ready', () => { window.__ready = true; }));
  await p.goto(`${server.url}commentaries/stress-long/labels.html`);
  await until(p, () => window.__ready, null, { what: 'stress-long: ready' });
  await settled(p);
  const seen = await p.evaluate(() => {
    const root = __cr();
    const legs = (id) => [...root.querySelectorAll(`[data-route=${id}] > g`)].map((g) => {
      const line = getComputedStyle(g.querySelector('.cr-route-line'));
      return { kind: g.getAttribute('class'), dash: line.strokeDasharray, colour: line.stroke, marks: g.querySelectorAll('.cr-chevron').length };
    });
    return {
      middle: legs('middle'),
      gas: legs('gas'),
      legend: [...root.querySelectorAll('.cr-legend li')].map((li) => li.textContent),
      text: [...root.querySelectorAll('.cr-map-text li')].map((li) => li.textContent).find((t) => t.startsWith('Middle corridor')),
    };
  });
  await context.close();
  assert.deepEqual(seen.middle.map((l) => l.kind), ['cr-rail', 'cr-ferry', 'cr-rail']);
  assert.deepEqual(seen.gas.map((l) => l.kind), ['cr-pipeline']);
  // Each kind looks different from the others.
  const looks = new Set([...seen.middle, ...seen.gas].map((l) => `${l.dash} ${l.colour}`));
  assert.equal(looks.size, 3, JSON.stringify(seen));
  for (const leg of [...seen.middle, ...seen.gas]) assert.ok(leg.marks >= 1, `${leg.kind} shows no direction: ${JSON.stringify(seen)}`);
  const routeKeys = seen.legend.filter((t) => /route|crossing|pipeline/i.test(t));
  assert.deepEqual(routeKeys, ['Rail route', 'Ferry crossing', 'Pipeline']);
  assert.equal(seen.text, 'Middle corridor: Herat → Mary → Turkmenbashi International Seaport (Rail route); Turkmenbashi International Seaport → Baku International Sea Trade Port (Alat) (Ferry crossing); Baku International Sea Trade Port (Alat) → Poti Sea Port and Free Industrial Zone (Rail route)');
});

test('a view zoomed far in shows a locator of its surroundings with the view outlined; the overview shows none', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' });
  const p = await context.newPage();
  await addWidgetRoot(p);
  await p.addInitScript(() => document.addEventListener('commentary-reader:ready', () => { window.__ready = true; }));
  const locator = async (folder) => {
    await p.goto(`${server.url}commentaries/${folder}/labels.html`);
    await until(p, () => window.__ready, null, { what: `${folder}: ready` });
    await settled(p);
    return p.evaluate(() => {
      const svg = __cr().querySelector('svg[part=map]');
      const inset = svg.querySelector('.cr-inset');
      if (!inset) return null;
      const box = (e) => { const r = e.getBoundingClientRect(); return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width }; };
      const used = inset.querySelector('use');
      return {
        hidden: inset.getAttribute('aria-hidden'),
        frame: box(svg.querySelector('.cr-inset-frame')), view: box(inset.querySelector('.cr-inset-view')), map: box(svg),
        // The miniature is the map's own countries, shown again.
        land: used.getAttribute('href'), countries: svg.querySelectorAll(`${used.getAttribute('href')} .cr-country`).length,
        focusable: [...svg.querySelectorAll('[tabindex]')].filter((e) => inset.contains(e)).length,
      };
    });
  };
  assert.equal(await locator('belarus-china-relations-2024'), null, 'the overview of Eurasia needs no locator');
  const zoomed = await locator('stress-zoom');
  await context.close();
  assert.ok(zoomed, 'a view of one country has a locator');
  const { frame, view, map } = zoomed;
  assert.equal(zoomed.hidden, 'true');
  assert.equal(zoomed.focusable, 0);
  assert.ok(zoomed.countries > 20, JSON.stringify(zoomed));
  assert.ok(frame.left >= map.left && frame.right <= map.right && frame.width <= map.width / 2.5, JSON.stringify(zoomed));
  assert.ok(view.left > frame.left && view.right < frame.right && view.top > frame.top && view.bottom < frame.bottom && view.width < frame.width / 3, JSON.stringify(zoomed));
});
