// The editors' checker and preview (preview.html, in the widget's release folder): an editor
// picks or drops a commentary folder; the widget's checker module checks and compiles it here,
// in the browser (nothing is uploaded); every problem is listed at its file, line and column with
// the line itself, and the widget renders the result beside them, as readers will see it. With
// the File System Access API (Chromium) the folder is watched and checked again when a file
// changes; elsewhere "Check again" asks for it once more. The compiled bundle and an embed
// folder's prerendered pages (the publisher module) can be downloaded. The names the text writes
// and the catalog lacks are listed (the gazetteer beside this page fills places' coordinates
// and countries' codes); "Add to the catalog" puts an entry in the preview's copy of the
// catalog, checked and rendered at once, for the editor to copy into the real file.
import init, { check } from './commentary-reader-checker.js';

const $ = (id) => document.getElementById(id);
const compiler = init({ module_or_path: new URL('./commentary-reader-checker_bg.wasm', import.meta.url) });
// The widget's own files (the default base map), fetched once, when a folder first asks.
const widgetFiles = new Map();
async function widgetFile(name) {
  if (!widgetFiles.has(name)) {
    widgetFiles.set(name, fetch(new URL(name, import.meta.url)).then((r) => (r.ok ? r.text() : undefined), () => undefined));
  }
  return widgetFiles.get(name);
}

/** The folder being previewed: its files by path relative to the folder, and how to read it again. */
let folder = { name: '', files: new Map(), reload: null, stamp: '' };
let bundleUrl = null;

/** `a/b/../c` → `a/c`; `null` for a path that leaves the folder. */
function normalise(path) {
  const out = [];
  for (const part of path.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (!out.length) return null;
      out.pop();
    } else out.push(part);
  }
  return out.join('/');
}

/** Files picked with an <input> or dropped: paths relative to the folder they came in. */
async function fromFiles(list) {
  const files = new Map();
  const entries = [...list].map((f) => [f.webkitRelativePath || f.name, f]);
  // A picked folder's paths start with its name: drop it.
  const top = entries.length && entries.every(([p]) => p.includes('/')) ? entries[0][0].split('/')[0] : null;
  for (const [path, file] of entries) {
    const relative = top && path.startsWith(`${top}/`) ? path.slice(top.length + 1) : path;
    if (/\.(md|toml|json)$/i.test(relative)) files.set(relative, { text: await file.text(), modified: file.lastModified });
  }
  return { name: top ?? (entries.length === 1 ? entries[0][0] : `${entries.length} files`), dir: top, files };
}

/** The slug of the title in a commentary.md's front matter (`Belarus-China Relations` →
 *  `belarus-china-relations`), or '' without one: a folder's likely name when only its files
 *  were picked. */
function titleSlug(markdown) {
  const title = /^\+\+\+[\s\S]*?^title\s*=\s*"((?:[^"\\]|\\.)*)"/m.exec(markdown ?? '')?.[1] ?? '';
  return title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/['’]/g, '').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
}

/** A directory handle (File System Access), read two levels deep. */
async function fromHandle(handle) {
  const files = new Map();
  async function walk(dir, prefix, depth) {
    for await (const entry of dir.values()) {
      const path = prefix + entry.name;
      if (entry.kind === 'directory' && depth < 2) await walk(entry, `${path}/`, depth + 1);
      else if (entry.kind === 'file' && /\.(md|toml|json)$/i.test(entry.name)) {
        const file = await entry.getFile();
        files.set(path, { text: await file.text(), modified: file.lastModified });
      }
    }
  }
  await walk(handle, '', 0);
  return { name: handle.name, dir: handle.name, files };
}

/** Today as `YYYY-MM-DD`, in the editor's own time zone. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The template (the widget folder's `template/`, what `commentary-reader new` writes), dated today. */
async function fromTemplate() {
  const files = new Map();
  for (const name of ['commentary.md', 'entities.toml', 'map.toml']) {
    const response = await fetch(new URL(`template/${name}`, import.meta.url));
    if (!response.ok) throw new Error(`template/${name}: ${response.status}`);
    const text = (await response.text()).replace('date = 2026-01-01', `date = ${today()}`);
    files.set(name, { text, modified: 0 });
  }
  return { name: 'New commentary (the template)', dir: null, files };
}

/** Links to download the template's files, for an editor to save in a folder of their own. */
let templateUrls = [];
function offerTemplate(files) {
  for (const url of templateUrls) URL.revokeObjectURL(url);
  templateUrls = [];
  const box = $('pv-template');
  box.replaceChildren();
  for (const [name, file] of files ?? []) {
    const link = document.createElement('a');
    link.className = 'pv-button';
    link.download = name;
    link.href = URL.createObjectURL(new Blob([file.text], { type: 'text/plain' }));
    templateUrls.push(link.href);
    link.textContent = `Download ${name}`;
    box.append(link);
  }
  box.hidden = !files;
}

/** Dropped items: a folder (read through its entry) or loose files. */
async function fromDrop(transfer) {
  const entries = [...transfer.items].map((i) => i.webkitGetAsEntry?.()).filter(Boolean);
  if (entries.length === 1 && entries[0].isDirectory) {
    const files = [];
    const read = (dir, prefix) => new Promise((resolve, reject) => {
      const reader = dir.createReader();
      const batch = () => reader.readEntries(async (list) => {
        if (!list.length) { resolve(); return; }
        for (const e of list) {
          if (e.isDirectory && prefix.split('/').length < 3) await read(e, `${prefix}${e.name}/`);
          else if (e.isFile) files.push(await new Promise((ok, fail) => e.file((f) => ok(Object.defineProperty(f, 'webkitRelativePath', { value: `${prefix}${f.name}` })), fail)));
        }
        batch();
      }, reject);
      batch();
    });
    await read(entries[0], `${entries[0].name}/`);
    return fromFiles(files);
  }
  return fromFiles(transfer.files);
}

const stampOf = (files) => [...files].map(([p, f]) => `${p}:${f.modified}:${f.text.length}`).sort().join('|');

/** Checks and compiles the folder, then shows the problems and the widget. */
async function run() {
  await compiler;
  // The compiler asks for files synchronously: every file the folder may name is read already;
  // the widget's own (the default base map) is fetched first.
  await widgetFile('basemaps/eurasia.topo.json');
  const basemap = await widgetFile('basemaps/eurasia.topo.json');
  const gazetteer = await widgetFile('gazetteer.tsv');
  const target = catalogFile();
  // An entry the editor has since pasted into the folder's own catalog (a watched folder read
  // again) is no longer added here: it would be there twice.
  const own = folder.files.get(target)?.text ?? '';
  added = added.filter((stub) => !own.includes(/^id = "[^"]*"$/m.exec(stub)?.[0] ?? '\u0000'));
  const checked = check((name, widget) => {
    if (widget) return { 'basemaps/eurasia.topo.json': basemap, 'gazetteer.tsv': gazetteer }[name];
    const path = normalise(name);
    if (path === null) return undefined;
    const text = folder.files.get(path)?.text;
    // The entries added here follow the folder's own, as the editor will paste them.
    if (path === target && added.length) return [text?.replace(/\n*$/, '\n'), ...added].filter((t) => t !== undefined).join('\n');
    return text;
  });
  show(checked.messages, checked.errors);
  suggest(checked.suggestions, checked.stubs);
  // The translations' bundles too: the widget's language switch shows them.
  const translations = Object.fromEntries(checked.langs.map((lang, i) => [lang, i]).filter(([lang]) => lang).map(([lang, i]) => [lang, checked.bundle_at(i)]));
  render(checked.bundle, translations);
}

/** The catalog an added entry goes to: the first the front matter lists, else entities.toml. */
function catalogFile() {
  const front = /^\+\+\+([\s\S]*?)^\+\+\+/m.exec(folder.files.get('commentary.md')?.text ?? '')?.[1] ?? '';
  const listed = /^entities\s*=\s*\[\s*"((?:[^"\\]|\\.)*)"/m.exec(front)?.[1];
  return (listed && normalise(listed)) || 'entities.toml';
}

/** Entries the editor added to the catalog in this preview (TOML), in the order added. */
let added = [];
let catalogUrl = null;

/** Lists what the text names and the catalog lacks, each candidate with "Add to the catalog"
 *  (its entry, `stubs[i]`), then each translation's inflections with their `aliases` line. */
function suggest(lines, stubs) {
  const list = $('pv-suggestions');
  list.replaceChildren();
  lines.forEach((line, i) => {
    const m = /^(.*?):(\d+):(\d+): (candidate|inflections): (.*)$/s.exec(line);
    if (!m) return;
    const item = document.createElement('li');
    const where = document.createElement('span');
    where.className = 'pv-where';
    where.textContent = `${m[1]}:${m[2]}:${m[3]}`;
    const text = document.createElement('span');
    text.className = 'pv-text';
    text.textContent = m[5];
    item.append(where, ' ', text, ' ');
    const button = document.createElement('button');
    button.type = 'button';
    if (m[4] === 'candidate') {
      const name = /`([^`]*)`/.exec(m[5])?.[1] ?? '';
      button.textContent = 'Add to the catalog';
      button.setAttribute('aria-label', `Add ${name} to the catalog`);
      button.dataset.name = name;
      button.addEventListener('click', async () => {
        added.push(stubs[i]);
        await run();
        $('pv-added-status').textContent = `${name} added to ${catalogFile()} in this preview; its mentions now open its card.`;
        // The next suggestion keeps the keyboard's place (or the copy button, the last one gone).
        (list.querySelector('button') ?? $('pv-copy')).focus();
      });
    } else {
      // The aliases line on a line of its own, to copy over the entry's.
      const [said, aliases] = m[5].split(/: (?=aliases = \[)/);
      text.textContent = said;
      const code = document.createElement('code');
      code.className = 'pv-aliases';
      code.textContent = aliases ?? '';
      item.append(code, ' ');
      button.textContent = 'Copy the aliases line';
      button.addEventListener('click', () => copy(code, button));
    }
    item.append(button);
    list.append(item);
  });
  const n = list.childElementCount;
  $('pv-suggestions-summary').textContent = n
    ? `${n} ${n === 1 ? 'suggestion' : 'suggestions'}: names the text writes and no entry covers, and forms a translation writes and its catalog lacks.`
    : 'None: every name the text writes that looks like an entity has one.';
  const box = $('pv-added');
  box.hidden = added.length === 0;
  $('pv-added-file').textContent = catalogFile();
  $('pv-added-toml').textContent = added.join('\n');
  if (catalogUrl) URL.revokeObjectURL(catalogUrl);
  const own = folder.files.get(catalogFile())?.text;
  catalogUrl = URL.createObjectURL(new Blob([[own?.replace(/\n*$/, '\n'), ...added].filter((t) => t !== undefined).join('\n')], { type: 'text/plain' }));
  $('pv-catalog').href = catalogUrl;
  $('pv-catalog').download = catalogFile().split('/').pop();
  $('pv-catalog').textContent = `Download ${catalogFile().split('/').pop()}`;
}

/** Copies the text of the element `code` to the clipboard, saying so on `button` for a moment;
 *  where the page may not write the clipboard, the text is selected for the editor to copy. */
async function copy(code, button) {
  const label = button.dataset.label ?? button.textContent;
  button.dataset.label = label;
  try {
    await navigator.clipboard.writeText(code.textContent);
    button.textContent = 'Copied';
  } catch {
    getSelection().selectAllChildren(code);
    button.textContent = 'Selected: press Ctrl+C';
  }
  setTimeout(() => { button.textContent = label; }, 2000);
}
$('pv-copy').addEventListener('click', () => copy($('pv-added-toml'), $('pv-copy')));

/** `file:line:column: severity: message` → its parts. */
function parse(message) {
  const m = /^(.*?):(\d+):(\d+): (error|warning): (.*)$/s.exec(message);
  return m ? { file: m[1], line: Number(m[2]), column: Number(m[3]), severity: m[4], text: m[5] } : { file: '', line: 0, column: 0, severity: 'error', text: message };
}

function show(messages, errors) {
  const list = $('pv-problems');
  list.replaceChildren();
  for (const message of messages) {
    const d = parse(message);
    const item = document.createElement('li');
    item.className = `pv-${d.severity}`;
    const where = document.createElement('span');
    where.className = 'pv-where';
    where.textContent = d.file ? `${d.file}:${d.line}:${d.column}` : '';
    const badge = document.createElement('span');
    badge.className = 'pv-severity';
    badge.textContent = d.severity;
    const text = document.createElement('span');
    text.className = 'pv-text';
    text.textContent = d.text;
    item.append(where, ' ', badge, ' ', text);
    // The offending line, with a caret at the column.
    const source = folder.files.get(normalise(d.file) ?? '')?.text.split(/\r?\n/)[d.line - 1];
    if (source !== undefined) {
      const pre = document.createElement('pre');
      pre.className = 'pv-line';
      const code = document.createElement('code');
      const gutter = `${d.line} | `;
      code.textContent = `${gutter}${source}\n${' '.repeat(gutter.length + Math.max(0, d.column - 1))}^`;
      pre.append(code);
      item.append(pre);
    }
    list.append(item);
  }
  const warnings = messages.length - errors;
  const count = (n, one, many) => `${n} ${n === 1 ? one : many}`;
  $('pv-summary').textContent = messages.length
    ? `${folder.name}: ${count(errors, 'error', 'errors')}, ${count(warnings, 'warning', 'warnings')}.`
    : `${folder.name}: no problems.`;
  document.body.dataset.checked = String(Number(document.body.dataset.checked ?? 0) + 1);
}

/** The file a bundle or page has in `lang` (null: the original): commentary.ru.bundle, index.ru.html. */
const inLanguage = (name, lang) => (lang ? name.replace(/\.(\w+)$/, `.${lang}.$1`) : name);

function render(bytes, translations) {
  let widget = $('pv-widget').querySelector('commentary-reader');
  if (!widget) {
    widget = document.createElement('commentary-reader');
    widget.setAttribute('src', 'commentary.bundle');
    $('pv-widget').append(widget);
  }
  widget.translations = translations;
  widget.bundle = bytes;
  if (bundleUrl) URL.revokeObjectURL(bundleUrl);
  bundleUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
  const link = $('pv-bundle');
  link.href = bundleUrl;
  link.removeAttribute('aria-disabled');
  current = bytes;
  currentTranslations = translations;
  for (const id of ['pv-embed', 'pv-index', 'pv-share', 'pv-maps']) $(id).disabled = false;
  $('pv-maps-list').replaceChildren();
  $('pv-maps-status').textContent = '';
  // Each translation's bundle and pages, as `build --site` writes them beside the original's.
  for (const url of translationUrls) URL.revokeObjectURL(url);
  translationUrls = [];
  const box = $('pv-languages');
  box.replaceChildren();
  for (const [lang, translated] of Object.entries(translations ?? {})) {
    const row = document.createElement('p');
    row.className = 'pv-downloads';
    row.lang = 'en';
    const link = document.createElement('a');
    link.className = 'pv-button';
    link.download = inLanguage('commentary.bundle', lang);
    link.href = URL.createObjectURL(new Blob([translated], { type: 'application/octet-stream' }));
    translationUrls.push(link.href);
    link.textContent = `Download ${link.download}`;
    row.append(link);
    for (const [name, index] of [['embed.html', 1], ['index.html', 0], ['share.png', 2]]) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = `Download ${inLanguage(name, lang)}`;
      button.dataset.lang = lang;
      button.addEventListener('click', () => download(inLanguage(name, lang), index, lang));
      row.append(button);
    }
    box.append(row);
  }
  box.hidden = box.childElementCount === 0;
  $('pv-publish-status').textContent = '';
}

// The folder's pages, written by the publisher module (loaded on first use), as `build --site`
// writes them: [index.html, embed.html].
let current = null;
let currentTranslations = {};
let translationUrls = [];
let publisher = null;
/** The publisher module and what its pages name, loaded on first use. */
function loadPublisher() {
  publisher ??= (async () => {
    const module = await import('./commentary-reader-publisher.js');
    await module.default({ module_or_path: new URL('./commentary-reader-publisher_bg.wasm', import.meta.url) });
    const integrity = await (await fetch(new URL('./integrity.json', import.meta.url))).text();
    // The site's settings, where `build --site` reads them (the site's root, above the widget's
    // folder): the pages then name the site's addresses as the build's do.
    const settings = await fetch(new URL('../site.toml', import.meta.url)).catch(() => null);
    const site = settings?.ok ? await settings.text() : undefined;
    return { module, integrity, site };
  })();
  return publisher;
}
async function pages(lang = null) {
  const { module, integrity, site } = await loadPublisher();
  return module.pages(lang ? currentTranslations[lang] : current, $('pv-path').value, integrity, lang, site);
}

function save(name, content) {
  const url = URL.createObjectURL(content instanceof Blob ? content : new Blob([content], { type: 'text/html' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The share picture's SVG as a PNG of its size (1200×630), drawn in a canvas with the browser's
 * fonts (`build --site` draws it natively with the machine's).
 */
async function png(svg) {
  const image = new Image();
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.naturalWidth;
  canvas.height = image.naturalHeight;
  canvas.getContext('2d').drawImage(image, 0, 0);
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the canvas gave no PNG'))), 'image/png'));
}

/**
 * Writes page `index` ([index.html, embed.html, share.png]) of `lang` (null: the original) as
 * `name`.
 */
async function download(name, index, lang) {
  $('pv-publish-status').textContent = `Writing ${name}…`;
  try {
    const written = await pages(lang);
    save(name, index === 2 ? await png(written[2]) : written[index]);
    $('pv-publish-status').textContent = `${name} written.`;
  } catch (error) {
    $('pv-publish-status').textContent = `${name} could not be written: ${error?.message ?? error}`;
  }
}

/** The map alone at a phone's and a desktop's size, every chapter's view (the publisher module). */
async function showMaps() {
  $('pv-maps-status').textContent = 'Drawing the map…';
  try {
    const { module } = await loadPublisher();
    const flat = await module.maps(current);
    const list = $('pv-maps-list');
    list.replaceChildren();
    const sizes = { phone: "At a phone's width", desktop: "At a desktop's width" };
    let group = null;
    let count = 0;
    for (let i = 0; i + 2 < flat.length; i += 3) {
      const [size, chapter, svg] = [flat[i], flat[i + 1], flat[i + 2]];
      if (group?.dataset.size !== size) {
        group = document.createElement('section');
        group.dataset.size = size;
        const heading = document.createElement('h3');
        heading.textContent = sizes[size] ?? size;
        group.append(heading);
        list.append(group);
      }
      const figure = document.createElement('figure');
      const image = document.createElement('img');
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
      const caption = chapter ? `Chapter "${chapter}"` : 'The whole map (its view before any chapter)';
      image.alt = `The map ${sizes[size]?.toLowerCase() ?? ''}: ${caption}`;
      const text = document.createElement('figcaption');
      text.textContent = caption;
      figure.append(image, text);
      group.append(figure);
      count += 1;
    }
    $('pv-maps-status').textContent = count ? `${count} views drawn.` : 'This commentary has no map.';
  } catch (error) {
    $('pv-maps-status').textContent = `The map could not be drawn: ${error?.message ?? error}`;
  }
}
$('pv-maps').addEventListener('click', showMaps);

for (const [id, name, index] of [['pv-embed', 'embed.html', 1], ['pv-index', 'index.html', 0], ['pv-share', 'share.png', 2]]) {
  $(id).addEventListener('click', () => download(name, index, null));
}

/** Starts previewing what `read` reads; `watch` says whether it can be read again unasked. */
async function open(read, watch) {
  try {
    folder = { ...(await read()), reload: read, stamp: '' };
  } catch (error) {
    $('pv-summary').textContent = `The folder could not be read: ${error?.message ?? error}`;
    return;
  }
  folder.stamp = stampOf(folder.files);
  added = [];
  $('pv-added-status').textContent = '';
  offerTemplate(read === fromTemplate ? folder.files : null);
  // The site's usual layout, until the editor says otherwise: the folder's name, or for files
  // picked without their folder, the title's slug (never "5 files").
  if (!$('pv-path').dataset.edited) $('pv-path').value = `commentaries/${folder.dir ?? titleSlug(folder.files.get('commentary.md')?.text)}`;
  $('pv-source').textContent = `${folder.name}: ${[...folder.files.keys()].sort().join(', ') || 'no .md, .toml or .json files'}`;
  $('pv-watch').hidden = !watch;
  $('pv-watch').textContent = watch ? 'Watching the folder: saved changes are checked at once.' : '';
  $('pv-again').hidden = watch;
  await run();
}

// Watching a folder opened through File System Access: read it again every second, and check
// it when a file was saved, added or removed.
let watching = null;
function watch(handle) {
  clearInterval(watching);
  let busy = false;
  watching = setInterval(async () => {
    if (busy || folder.reload === null) return;
    busy = true;
    try {
      const next = await fromHandle(handle);
      const stamp = stampOf(next.files);
      if (stamp !== folder.stamp) {
        folder = { ...next, reload: folder.reload, stamp };
        await run();
      }
    } catch {
      // Gone or no longer permitted: keep the last result.
    } finally {
      busy = false;
    }
  }, 1000);
}

if ('showDirectoryPicker' in window) {
  $('pv-open').hidden = false;
  $('pv-open').addEventListener('click', async () => {
    let handle;
    try {
      handle = await window.showDirectoryPicker({ mode: 'read' });
    } catch {
      return; // cancelled
    }
    await open(() => fromHandle(handle), true);
    watch(handle);
  });
}
for (const id of ['pv-folder', 'pv-files']) {
  $(id).addEventListener('change', (e) => {
    clearInterval(watching);
    const list = [...e.target.files];
    if (list.length) open(() => fromFiles(list), false);
    e.target.value = '';
  });
}
$('pv-again').addEventListener('click', () => $('pv-folder').click());
$('pv-new').addEventListener('click', () => {
  clearInterval(watching);
  open(fromTemplate, false);
});
$('pv-path').addEventListener('input', () => { $('pv-path').dataset.edited = 'yes'; });
const drop = $('pv-drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('pv-over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('pv-over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('pv-over');
  clearInterval(watching);
  const transfer = e.dataTransfer;
  const read = fromDrop(transfer);
  open(() => read, false);
});
