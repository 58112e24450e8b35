// Builds the two comparison pages of `make bench` from the project's own files, so they stay in
// step with the widget's content:
//   out/limit/  the seed commentary as plain static HTML (no script): its first contentful
//               paint is the physical limit for showing the words;
//   out/peer/   what a think tank would build instead of our widget: the same HTML with Tippy.js
//               hover cards and a Leaflet map of the same base map, highlights, routes and
//               markers as GeoJSON (no tiles). It fires `commentary-reader:ready` when the map is
//               drawn and the cards are wired, like our widget.
//   node bench/build-peer.mjs
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { Marked } from 'marked';
import { parse as parseToml } from 'smol-toml';
import { feature } from 'topojson-client';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const SEED = join(ROOT, 'static/commentaries/belarus-china-relations-2024');
const OUT = join(HERE, 'out');

// ---- The project's data ------------------------------------------------------------------------
const source = readFileSync(join(SEED, 'commentary.md'), 'utf8');
const [, frontText, body] = source.match(/^\+\+\+\n([\s\S]*?)\n\+\+\+\n([\s\S]*)$/);
const front = parseToml(frontText);
const entities = parseToml(readFileSync(join(SEED, 'entities.toml'), 'utf8')).entity;
const map = parseToml(readFileSync(join(SEED, 'map.toml'), 'utf8'));
const topology = JSON.parse(readFileSync(join(ROOT, 'static/basemaps/eurasia.topo.json'), 'utf8'));

const escape = (s) => String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);

// ---- The article, with or without mention spans -------------------------------------------------
const aliases = entities
  .flatMap((e) => (e.aliases ?? [e.name]).map((alias) => ({ alias, id: e.id })))
  .sort((a, b) => b.alias.length - a.alias.length);
const aliasPattern = new RegExp(`(?<![\\p{L}\\p{N}])(${aliases.map((a) => a.alias.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
const idOf = new Map(aliases.map((a) => [a.alias, a.id]));

function renderArticle(withMentions) {
  const marked = new Marked({ gfm: true });
  marked.use({
    renderer: {
      // Explicit entity links become mentions (peer) or plain text (limit).
      link({ href, tokens }) {
        const text = this.parser.parseInline(tokens);
        if (href.startsWith('entity:')) return withMentions ? `<span class="mention" tabindex="0" data-entity="${escape(href.slice(7))}">${text}</span>` : text;
        return `<a href="${escape(href)}">${text}</a>`;
      },
      text(token) {
        const text = token.tokens ? this.parser.parseInline(token.tokens) : escape(token.text);
        if (!withMentions || token.tokens) return text;
        return text.replace(aliasPattern, (m) => `<span class="mention" tabindex="0" data-entity="${escape(idOf.get(m))}">${m}</span>`);
      },
      html({ text }) { return escape(text); },
    },
  });
  const authors = (front.authors ?? []).map((a) => escape(a.name)).join(', ');
  const date = new Date(`${new Date(front.date).toISOString().slice(0, 10)}T00:00:00Z`).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  const pub = front.publication;
  return `<article lang="${escape(front.lang ?? 'en')}">
<header><p class="kicker">Commentary</p><h1>${escape(front.title)}</h1>
<p class="byline">By ${authors}</p><p class="meta">${date}${pub ? ` · Originally published by ${pub.url ? `<a href="${escape(pub.url)}">${escape(pub.publisher)}</a>` : escape(pub.publisher)}` : ''}</p></header>
<div class="body">${marked.parse(body)}</div>
${pub?.note ? `<footer><p class="note">${escape(pub.note)}</p></footer>` : ''}
</article>`;
}

const page = ({ title, head, main }) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" href="data:,"><title>${escape(title)}</title>
${head}</head>
<body><main>${main}</main></body></html>
`;

const CSS = `/* Shared by the limit and peer pages (and ours, for the same shell). */
body { margin: 0; background: #fffdf9; color: #1f1d1a; }
main { max-width: 74rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
article { max-width: 40em; font: 1.125rem/1.6 Charter, "Bitstream Charter", Cambria, Georgia, serif; }
h1 { font-size: 2.2em; line-height: 1.15; margin: 0 0 0.4em; }
.kicker { font: 600 0.75rem system-ui, sans-serif; letter-spacing: 0.08em; text-transform: uppercase; color: #8c2d19; }
.byline, .meta { font-family: system-ui, sans-serif; font-size: 0.9em; color: #5d5850; margin: 0.2em 0; }
.body h2 { font-size: 1.35em; margin: 1.6em 0 0.5em; }
.note { font-style: italic; color: #5d5850; }
.mention { text-decoration: underline dotted; text-underline-offset: 0.22em; cursor: pointer; }
`;
const PEER_CSS = `${CSS}
.layout { display: grid; gap: 2rem; }
@media (min-width: 940px) { .layout { grid-template-columns: minmax(0, 40em) minmax(300px, 1fr); align-items: start; } }
#map { height: 420px; position: sticky; top: 1rem; border: 1px solid #e3ddd2; border-radius: 6px; background: #e6edf1; }
.card { max-width: 22rem; font: 0.9rem/1.45 system-ui, sans-serif; }
.card .kind { font-size: 0.75em; font-weight: 600; text-transform: uppercase; letter-spacing: 0.07em; }
.card .name { font-weight: 700; font-size: 1.15em; margin: 0.1em 0; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 0.1em 0.8em; margin: 0.5em 0 0; }
.card dd { margin: 0; }
.card a { color: #f0a58f; }
`;

// ---- Cards and map data ------------------------------------------------------------------------
const cards = Object.fromEntries(entities.map((e) => [e.id, {
  name: e.name, kind: e.kind, summary: e.summary, facts: e.facts ?? [],
  native: Object.entries(e.native ?? {}), links: e.links ?? {},
}]));

const located = new Map(entities.filter((e) => e.kind === 'place' && e.lat !== undefined).map((e) => [e.id, e]));
const markers = [
  ...(map.place ?? []).map((p) => ({ id: p.id, name: p.name, lat: p.lat, lon: p.lon, gauge_break: !!p.gauge_break, note: p.note ?? null, entity: located.has(p.id) ? p.id : null })),
  ...[...located.values()].filter((e) => !(map.place ?? []).some((p) => p.id === e.id)).map((e) => ({ id: e.id, name: e.name, lat: e.lat, lon: e.lon, gauge_break: false, note: null, entity: e.id })),
];
const position = (id) => {
  const m = markers.find((x) => x.id === id) ?? entities.find((e) => e.id === id && e.lat !== undefined);
  return m ? [m.lat, m.lon] : null;
};
const highlightOf = new Map();
(map.highlight ?? []).forEach((h, i) => h.countries.forEach((c) => {
  const current = highlightOf.get(c);
  if (current === undefined || !(map.highlight[current].emphasis && !h.emphasis)) highlightOf.set(c, i);
}));
const countries = feature(topology, topology.objects.countries);
// Three decimals (about 100 m) are plenty for a map this size, as in our own base map.
const round = (c) => (typeof c[0] === 'number' ? c.map((v) => Math.round(v * 1000) / 1000) : c.map(round));
for (const f of countries.features) if (f.geometry) f.geometry.coordinates = round(f.geometry.coordinates);
for (const f of countries.features) {
  const h = highlightOf.get(f.properties.a3);
  f.properties = { iso: f.properties.a3, name: f.properties.name, highlight: h ?? null, emphasis: h !== undefined && !!map.highlight[h].emphasis };
}
const mapData = {
  view: map.view.bounds,
  countries,
  routes: (map.route ?? []).map((r) => ({ id: r.id, name: r.name, kind: r.kind ?? 'rail', coordinates: r.via.map(position).filter(Boolean) })),
  markers,
};

// ---- Write ------------------------------------------------------------------------------------
rmSync(join(OUT, 'peer'), { recursive: true, force: true });
rmSync(join(OUT, 'limit'), { recursive: true, force: true });
mkdirSync(join(OUT, 'peer'), { recursive: true });
mkdirSync(join(OUT, 'limit'), { recursive: true });

writeFileSync(join(OUT, 'limit/page.css'), CSS);
writeFileSync(join(OUT, 'limit/index.html'), page({ title: front.title, head: '<link rel="stylesheet" href="page.css">', main: renderArticle(false) }));

writeFileSync(join(OUT, 'peer/page.css'), PEER_CSS);
copyFileSync(join(HERE, 'node_modules/leaflet/dist/leaflet.css'), join(OUT, 'peer/leaflet.css'));
copyFileSync(join(HERE, 'node_modules/tippy.js/dist/tippy.css'), join(OUT, 'peer/tippy.css'));
writeFileSync(join(OUT, 'peer/cards.json'), JSON.stringify(cards));
writeFileSync(join(OUT, 'peer/map.json'), JSON.stringify(mapData));
writeFileSync(join(OUT, 'peer/index.html'), page({
  title: front.title,
  head: '<link rel="stylesheet" href="leaflet.css"><link rel="stylesheet" href="tippy.css"><link rel="stylesheet" href="page.css">\n<script type="module" src="peer.js"></script>',
  main: `<div class="layout">${renderArticle(true)}<div id="map" role="img" aria-label="Map: ${escape(map.title ?? 'map')}"></div></div>`,
}));
await build({ entryPoints: [join(HERE, 'peer-src/peer.js')], bundle: true, minify: true, format: 'esm', target: 'es2022', outfile: join(OUT, 'peer/peer.js'), logLevel: 'warning' });

for (const dir of ['limit', 'peer']) {
  for (const f of ['index.html', 'page.css', ...(dir === 'peer' ? ['leaflet.css', 'tippy.css', 'peer.js', 'cards.json', 'map.json'] : [])]) {
    console.log(`${`${dir}/${f}`.padEnd(24)} ${String(statSync(join(OUT, dir, f)).size).padStart(9)} bytes`);
  }
}
