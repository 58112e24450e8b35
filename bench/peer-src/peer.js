// The peer page's script: Tippy.js cards on every mention and a Leaflet map of the same data
// our widget draws. Cards are built as DOM nodes with textContent (never HTML from data).
import tippy from 'tippy.js';
import L from 'leaflet';

const PALETTE = ['#c9d9ef', '#ecd7b4', '#f0c3b8', '#f3e19a', '#cfe3c2', '#e0cfe9'];

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function card(entity) {
  const root = el('div', 'card');
  root.append(el('p', 'kind', entity.kind), el('p', 'name', entity.name));
  if (entity.native.length) root.append(el('p', 'native', entity.native.map(([, n]) => n).join(' · ')));
  root.append(el('p', 'summary', entity.summary));
  if (entity.facts.length) {
    const dl = el('dl');
    for (const [label, value] of entity.facts) dl.append(el('dt', '', label), el('dd', '', value));
    root.append(dl);
  }
  for (const [name, href] of Object.entries(entity.links)) {
    const url = name === 'wikidata' ? `https://www.wikidata.org/wiki/${href}` : href;
    if (!/^https?:/.test(url)) continue;
    const a = el('a', '', name);
    a.href = url;
    a.target = '_blank';
    a.rel = 'noopener noreferrer';
    root.append(a, document.createTextNode(' '));
  }
  return root;
}

async function cards() {
  const data = await (await fetch('cards.json')).json();
  for (const span of document.querySelectorAll('.mention')) {
    const entity = data[span.dataset.entity];
    if (!entity) continue;
    tippy(span, { content: card(entity), interactive: true, delay: [500, 300], appendTo: () => document.body, trigger: 'mouseenter focus', maxWidth: 360 });
  }
}

async function map() {
  const data = await (await fetch('map.json')).json();
  const m = L.map('map', { zoomSnap: 0.25, attributionControl: true });
  // A view first: Leaflet's vector renderer needs one before layers are added.
  const [[lon0, lat0], [lon1, lat1]] = data.view;
  m.fitBounds([[lat0, lon0], [lat1, lon1]]);
  m.attributionControl.setPrefix(false).addAttribution('Borders: Natural Earth');
  L.geoJSON(data.countries, {
    style: (f) => ({
      fillColor: f.properties.emphasis ? '#a8321c' : f.properties.highlight === null ? '#f3efe6' : PALETTE[f.properties.highlight % PALETTE.length],
      fillOpacity: 1, color: '#bdb5a6', weight: 0.6,
    }),
  }).addTo(m);
  for (const r of data.routes) {
    L.polyline(r.coordinates, { color: '#1f1d1a', weight: 3 }).addTo(m).bindTooltip(r.name);
    L.polyline(r.coordinates, { color: '#fff', weight: 1.4, dashArray: '6 5' }).addTo(m);
  }
  for (const p of data.markers) {
    L.circleMarker([p.lat, p.lon], { radius: p.entity ? 5 : 4, color: p.gauge_break ? '#8c2d19' : '#1f1d1a', weight: 1.5, fillColor: p.entity ? '#8c2d19' : '#fff', fillOpacity: 1 })
      .addTo(m).bindTooltip(p.note ? `${p.name} — ${p.note}` : p.name);
  }
  L.control.scale({ imperial: false }).addTo(m);
}

await Promise.all([cards(), map()]);
window.__readyAt = performance.now();
document.dispatchEvent(new CustomEvent('commentary-reader:ready', { bubbles: true, composed: true }));
