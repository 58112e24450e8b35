// The editors' checker and preview page (dist/commentary-reader/preview.html) under the strict
// CSP: a good folder renders as readers see it; each of the mistakes an editor makes is listed
// at its file, line and column, with the line and what was meant; a folder opened through the
// File System Access API is checked again when a file is saved; keyboard and axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { DIST, launch, newPage, until, SEED_SLUG } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const SEED = join(ROOT, 'static/commentaries', SEED_SLUG);

/**
 * The seed published on its own by `commentary-reader build --site`, with the release's widget
 * hashes and site settings: what the preview page, which sees one folder, must write byte for
 * byte. (dist/'s seed differs by its cards' "Also in": a site's build knows the site's other
 * commentaries, one folder does not.) Returns the folder.
 */
function publishedAlone() {
  const site = mkdtempSync(join(tmpdir(), 'cr-preview-site-'));
  mkdirSync(join(site, 'commentary-reader'));
  cpSync(join(DIST, 'commentary-reader/integrity.json'), join(site, 'commentary-reader/integrity.json'));
  cpSync(join(DIST, 'site.toml'), join(site, 'site.toml'));
  const folder = join(site, 'commentaries', SEED_SLUG);
  cpSync(SEED, folder, { recursive: true });
  execFileSync('cargo', ['run', '--quiet', '--release', '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', 'build', '--site', site, folder], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return folder;
}
let env;
let work;
before(async () => {
  env = await launch();
  work = mkdtempSync(join(tmpdir(), 'cr-preview-'));
});
after(async () => {
  await env.close();
  rmSync(work, { recursive: true, force: true });
});

/** The page, with the preview loaded. */
async function preview(options = {}) {
  const { page, problems, context } = await newPage(env.browser, options);
  await page.goto(`${env.server.url}commentary-reader/preview.html`);
  return { page, problems, context };
}

/** Picks `dir` with the folder input and waits for the check number `n` to be shown. */
async function pick(page, dir, n = 1) {
  await page.locator('#pv-folder').setInputFiles(dir);
  await until(page, (k) => Number(document.body.dataset.checked ?? 0) >= k, n, { what: `check ${n}` });
  return page.evaluate(() => ({
    summary: document.getElementById('pv-summary').textContent,
    items: [...document.querySelectorAll('#pv-problems li')].map((li) => ({
      where: li.querySelector('.pv-where').textContent,
      severity: li.querySelector('.pv-severity').textContent,
      text: li.querySelector('.pv-text').textContent,
      line: li.querySelector('.pv-line')?.textContent ?? null,
    })),
  }));
}

/** Clicks the first mention of `entity` in the preview's widget, checks that its card opens
 *  with `name`, and closes it with Escape. */
async function openCardOf(page, entity, name) {
  await page.locator(`#pv-widget .cr-body [data-entity="${entity}"][data-mention]:not(.cr-invoke)`).first().click();
  await until(page, (id) => document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector(`.cr-card[data-open][data-entity="${id}"]`), entity, { what: `${entity}'s card` });
  const shown = await page.evaluate(() => document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector('.cr-card[data-open] .cr-card-name').textContent);
  assert.equal(shown, name);
  await page.keyboard.press('Escape');
  await until(page, () => !document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector('.cr-card[data-open]'), null, { what: 'the card closed' });
}

/** A copy of the seed with one file changed by `edit(text)`. */
function seedWith(name, file, edit) {
  const dir = join(work, name);
  cpSync(SEED, dir, { recursive: true });
  const path = join(dir, file);
  const before = readFileSync(path, 'utf8');
  const after = edit(before);
  assert.notEqual(after, before, `${name}: the edit changed nothing`);
  writeFileSync(path, after);
  return dir;
}

/** [width, height] of a PNG file, from its IHDR chunk. */
function pngSize(bytes) {
  assert.equal(bytes.subarray(1, 4).toString('latin1'), 'PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

/** 1-based line and column of the first `needle` in `text`. */
function position(text, needle) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, needle);
  const lines = text.slice(0, at).split('\n');
  return `${lines.length}:${[...lines[lines.length - 1]].length + 1}`;
}

test('a good folder: no problems, and the widget renders it as readers will see it, with no CSP violation', async () => {
  const { page, problems, context } = await preview();
  const shown = await pick(page, SEED);
  assert.equal(shown.summary, 'belarus-china-relations-2024: no problems.');
  assert.deepEqual(shown.items, []);
  await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: 'the widget ready' });
  const title = await page.evaluate(() => document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector('h1, h2').textContent);
  assert.match(title, /Belarus-China Relations amid Geostrategic Challenges/);
  // The compiled bundle and the prerendered pages download byte for byte as
  // `commentary-reader build --site` writes them for the seed published on its own (the path on
  // the site defaults to commentaries/<folder>).
  const alone = publishedAlone();
  assert.equal(await page.locator('#pv-path').inputValue(), 'commentaries/belarus-china-relations-2024');
  for (const [id, name] of [['pv-bundle', 'commentary.bundle'], ['pv-embed', 'embed.html'], ['pv-index', 'index.html']]) {
    const download = page.waitForEvent('download');
    await page.locator(`#${id}`).click();
    const done = await download;
    assert.equal(done.suggestedFilename(), name);
    const bytes = readFileSync(await done.path());
    const built = readFileSync(join(alone, name));
    assert.ok(bytes.equals(built), `${name}: ${bytes.length} bytes differ from the build's ${built.length}`);
  }
  assert.equal(await page.locator('#pv-publish-status').textContent(), 'index.html written.');
  // The share picture the pages name, drawn here from the build's SVG (in this browser's fonts,
  // so not byte for byte the build's): a PNG of 1200×630.
  {
    const download = page.waitForEvent('download');
    await page.locator('#pv-share').click();
    const done = await download;
    assert.equal(done.suggestedFilename(), 'share.png');
    assert.deepEqual(pngSize(readFileSync(await done.path())), [1200, 630]);
  }
  // The translation is previewed too: the widget's switch shows the Russian text, from the
  // bundles compiled here (nothing is fetched for it), and back.
  const bundles = [];
  page.on('request', (r) => { if (/\.bundle$/.test(new URL(r.url()).pathname)) bundles.push(r.url()); });
  await page.evaluate(() => { window.__events.length = 0; });
  await page.locator('#pv-widget commentary-reader nav[part=languages] a[data-lang="ru"]').click();
  await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:language'), null, { what: 'the language event' });
  const russian = await page.evaluate(() => document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector('h1, h2').textContent);
  assert.match(russian, /^Белорусско-китайские отношения/);
  await page.locator('#pv-widget commentary-reader nav[part=languages] a[data-lang="en"]').click();
  await until(page, () => document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector('article')?.getAttribute('lang') === 'en', null, { what: 'English again' });
  assert.deepEqual(bundles, [], 'the languages come from memory');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a new commentary from the template: no problems, its cards open, its map alone at two widths and every chapter, and its files download dated today', async () => {
  const { page, problems, context } = await preview();
  // The page's own day, read before the template opens and after its download (a run across
  // midnight accepts either).
  const day = () => page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const days = [await day()];
  await page.locator('#pv-new').click();
  await until(page, () => Number(document.body.dataset.checked ?? 0) >= 1, null, { what: 'the template checked' });
  assert.equal(await page.locator('#pv-summary').textContent(), 'New commentary (the template): no problems.');
  await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: 'the widget ready' });
  // Each of the template's entities has its card: a click on its first mention opens it.
  for (const [entity, name] of [['kazakhstan', 'Kazakhstan'], ['aktau', 'Aktau'], ['example-institute', 'Example Institute']]) {
    await openCardOf(page, entity, name);
  }
  // The map draws the template's country.
  await until(page, () => document.querySelector('#pv-widget commentary-reader').shadowRoot.querySelector('.cr-country[data-country="KAZ"]'), null, { what: 'the map' });
  // The three files download as the template, dated today, ready to save in a folder and edit.
  const links = await page.locator('#pv-template a').allTextContents();
  assert.deepEqual(links, ['Download commentary.md', 'Download entities.toml', 'Download map.toml']);
  const download = page.waitForEvent('download');
  await page.locator('#pv-template a', { hasText: 'commentary.md' }).click();
  const text = readFileSync(await (await download).path(), 'utf8');
  days.push(await day());
  const template = readFileSync(join(ROOT, 'static/template/commentary.md'), 'utf8');
  assert.ok(days.some((today) => text === template.replace('date = 2026-01-01', `date = ${today}`)), `not the template dated ${days.join(' or ')}:\n${text}`);
  // The map alone: at a phone's and a desktop's width, the whole map and each chapter's view.
  await page.locator('#pv-maps').click();
  await until(page, () => document.querySelectorAll('#pv-maps-list img').length === 6 && [...document.querySelectorAll('#pv-maps-list img')].every((i) => i.complete && i.naturalWidth > 0), null, { what: 'six map views drawn' });
  const views = await page.evaluate(() => [...document.querySelectorAll('#pv-maps-list section')].map((g) => ({
    size: g.dataset.size,
    widths: [...g.querySelectorAll('img')].map((i) => i.naturalWidth),
    captions: [...g.querySelectorAll('figcaption')].map((c) => c.textContent),
  })));
  const captions = ['The whole map (its view before any chapter)', 'Chapter "intro"', 'Chapter "a-heading-starts-a-section"'];
  assert.deepEqual(views, [
    { size: 'phone', widths: [380, 380, 380], captions },
    { size: 'desktop', widths: [480, 480, 480], captions },
  ]);
  assert.equal(await page.locator('#pv-maps-status').textContent(), '6 views drawn.');
  // Opening a folder afterwards puts the template's links away.
  await pick(page, SEED, 2);
  assert.equal(await page.locator('#pv-template').isHidden(), true);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the names the template writes and its catalog lacks are listed; three become entries with one action each, and their cards open', async () => {
  const { page, problems, context } = await preview();
  await page.locator('#pv-new').click();
  await until(page, () => Number(document.body.dataset.checked ?? 0) >= 1, null, { what: 'the template checked' });
  const listed = await page.locator('#pv-suggestions li .pv-text').allTextContents();
  assert.deepEqual(listed.map((t) => /`([^`]*)`/.exec(t)?.[1]), ['Atyrau', 'Black Sea', 'Caspian Pipeline Consortium', 'Azerbaijan', 'Georgia']);
  assert.match(listed[0], /^place `Atyrau`, once \(the gazetteer: Atyrau \(47\.1\d, 51\.8\d, KAZ\)\)$/);
  assert.equal(listed[3], 'country `Azerbaijan`, once (iso AZE)');
  const added = [['Atyrau', 'atyrau'], ['Caspian Pipeline Consortium', 'caspian-pipeline-consortium'], ['Azerbaijan', 'azerbaijan']];
  for (const [name] of added) {
    const before = await page.evaluate(() => Number(document.body.dataset.checked));
    await page.getByRole('button', { name: `Add ${name} to the catalog` }).click();
    await until(page, (n) => Number(document.body.dataset.checked) > n, before, { what: `checked with ${name}` });
    await until(page, (text) => document.querySelector('#pv-added-status').textContent.startsWith(text), `${name} added to entities.toml`, { what: `${name} said added` });
    // The keyboard keeps its place: on the next suggestion's button.
    assert.match(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? ''), /^Add .* to the catalog$/);
  }
  // Each is an entry now: gone from the list, and the only problems are the three summaries to write.
  const left = await page.locator('#pv-suggestions li .pv-text').allTextContents();
  assert.deepEqual(left.map((t) => /`([^`]*)`/.exec(t)?.[1]), ['Black Sea', 'Georgia']);
  assert.equal(await page.locator('#pv-summary').textContent(), 'New commentary (the template): 0 errors, 3 warnings.');
  const warned = await page.locator('#pv-problems li .pv-text').allTextContents();
  assert.ok(warned.every((w) => /the summary is still a draft/.test(w)), JSON.stringify(warned));
  // The entries, to copy into the catalog: the place with the gazetteer's point and country.
  const toml = await page.locator('#pv-added-toml').textContent();
  assert.match(toml, /^\[\[entity\]\]\nid = "atyrau"\nkind = "place"\nname = "Atyrau"\nsummary = "To be written: what Atyrau is, in one or two sentences\."\nlat = 47\.1\d\nlon = 51\.8\d\ncountry = "KAZ"\n/);
  assert.match(toml, /id = "caspian-pipeline-consortium"\nkind = "organisation"/);
  assert.match(toml, /id = "azerbaijan"\nkind = "country"\nname = "Azerbaijan"\nsummary = "[^"]*"\niso = "AZE"/);
  // Their cards open in the widget, from their mentions.
  for (const [name, id] of added) {
    await openCardOf(page, id, name);
  }
  // The whole catalog downloads with them: the template's entries, then the three.
  const download = page.waitForEvent('download');
  await page.locator('#pv-catalog').click();
  const catalog = readFileSync(await (await download).path(), 'utf8');
  const template = readFileSync(join(ROOT, 'static/template/entities.toml'), 'utf8');
  assert.equal(catalog, `${template.replace(/\n*$/, '\n')}\n${toml}`);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  // Last: axe injects styles of its own, which the page's policy refuses.
  const result = await new AxeBuilder({ page }).exclude('commentary-reader').analyze();
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), []);
  await context.close();
});

test('each mistake of an editor is listed at its line and column, with the line and what was meant', async () => {
  const cases = [
    {
      name: 'link-typo', file: 'commentary.md', edit: (t) => t.replace('Beijing and Minsk are', 'Beijing and [Minsk](entity:mnisk) are'),
      needle: '[Minsk](entity:mnisk)', expect: /unknown entity id `mnisk`.*did you mean `minsk`\?$/,
    },
    {
      name: 'unclosed-quote', file: 'entities.toml', edit: (t) => t.replace('name = "Aleksandr Lukashenko"', 'name = "Aleksandr Lukashenko'),
      needle: 'name = "Aleksandr Lukashenko\n', expect: /^TOML syntax/, severity: 'error', column: false,
      // The other messages that would follow from the lost catalog are folded into one note.
      also: (items) => assert.ok(items.length <= 3 && items.some((i) => /messages about ids not in the catalog .* are left out/.test(i.text)), JSON.stringify(items)),
    },
    {
      name: 'swapped', file: 'entities.toml',
      edit: (t) => { const at = t.indexOf('id = "minsk"'); return t.slice(0, at) + t.slice(at).replace('lat = 53.90019\nlon = 27.56653', 'lat = 27.56653\nlon = 53.90019'); },
      needle: null, expect: /^place `minsk` is in Iran, which the map does not show; lat and lon look swapped: lat = 53\.90019, lon = 27\.56653 is in Belarus$/,
    },
    {
      name: 'stop-typo', file: 'map.toml', edit: (t) => t.replace('"brest", "malaszewicze"', '"brest", "malaszewice"'),
      needle: '"malaszewice"', expect: /stop `malaszewice` .*did you mean `malaszewicze`\?$/,
    },
    {
      name: 'common-word', file: 'entities.toml', edit: (t) => t.replace('aliases = ["Eurasian land bridge", "Eurasian Land Bridge"]', 'aliases = ["Eurasian land bridge", "Eurasian Land Bridge", "corridor"]'),
      needle: null, expect: /^alias `corridor` of `land-bridge` is a lower-case word: .*\(once now\)/,
    },
    {
      name: 'old-iso', file: 'map.toml', edit: (t) => t.replace('countries = ["BLR"]', 'countries = ["BYS"]'),
      needle: '"BYS"', expect: /country `BYS` is not on the base map; `BYS` is an old or a sports code, ISO's is `BLR`$/,
    },
  ];
  const { page, problems, context } = await preview();
  let n = 0;
  for (const c of cases) {
    const dir = seedWith(c.name, c.file, c.edit);
    const shown = await pick(page, dir, ++n);
    const item = shown.items.find((i) => c.expect.test(i.text));
    assert.ok(item, `${c.name}: not listed: ${JSON.stringify(shown.items, null, 1)}`);
    assert.equal(item.severity, c.severity ?? 'warning', c.name);
    assert.ok(item.where.startsWith(`${c.file}:`), `${c.name}: ${item.where}`);
    const text = readFileSync(join(dir, c.file), 'utf8');
    if (c.needle) {
      const at = position(text, c.needle);
      assert.equal(item.where, c.column === false ? item.where : `${c.file}:${at}`, c.name);
      assert.ok(item.where.startsWith(`${c.file}:${at.split(':')[0]}:`), `${c.name}: ${item.where}, expected line ${at}`);
    }
    // The offending line is shown, with a caret under the column.
    const line = Number(item.where.split(':')[1]);
    assert.ok(item.line?.startsWith(`${line} | ${text.split('\n')[line - 1]}`), `${c.name}: ${item.line}`);
    assert.match(item.line, /\n *\^$/);
    c.also?.(shown.items);
  }
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('a folder opened through File System Access is checked again when a file is saved; a picked one when picked again', async () => {
  const { page, problems, context } = await preview();
  // A directory handle over files the test can change, as the browser's picker would give.
  const files = Object.fromEntries(readdirSync(SEED).map((f) => [f, readFileSync(join(SEED, f), 'utf8')]));
  await page.evaluate((initial) => {
    window.__files = Object.fromEntries(Object.entries(initial).map(([name, text]) => [name, { text, modified: 1 }]));
    const file = (name) => ({ kind: 'file', name, getFile: async () => new File([window.__files[name].text], name, { lastModified: window.__files[name].modified }) });
    window.showDirectoryPicker = async () => ({ kind: 'directory', name: 'seed', async *values() { for (const name of Object.keys(window.__files)) yield file(name); } });
  }, files);
  // The page offers "Open a folder…" where the API exists; this page was loaded before the stub.
  await page.evaluate(() => { document.getElementById('pv-open').hidden = false; });
  await page.locator('#pv-open').click();
  await until(page, () => document.body.dataset.checked === '1', null, { what: 'the first check' });
  assert.match(await page.locator('#pv-summary').textContent(), /no problems/);
  assert.equal(await page.locator('#pv-watch').isVisible(), true);
  await until(page, () => window.__events.filter((e) => e.type === 'commentary-reader:ready').length === 1, null, { what: 'the widget ready' });
  // The editor saves a typo into map.toml.
  await page.evaluate(() => {
    const f = window.__files['map.toml'];
    window.__files['map.toml'] = { text: f.text.replace('"brest", "malaszewicze"', '"brest", "malaszewice"'), modified: 2 };
  });
  await until(page, () => document.body.dataset.checked === '2', null, { what: 'the check after saving', timeout: 10_000 });
  assert.match(await page.locator('#pv-problems').textContent(), /stop `malaszewice`/);
  await until(page, () => window.__events.filter((e) => e.type === 'commentary-reader:ready').length === 2, null, { what: 'the widget rendered again' });
  // The editor names a town the catalog lacks, adds its entry here, then pastes it into the
  // folder's catalog and saves: the entry is the folder's now, not added twice.
  await page.evaluate(() => {
    const f = window.__files['commentary.md'];
    window.__files['commentary.md'] = { text: f.text.replace('Beijing and Minsk are', 'Beijing, Hamburg and Minsk are'), modified: 3 };
  });
  await until(page, () => document.body.dataset.checked === '3', null, { what: 'the check after naming Hamburg', timeout: 10_000 });
  await page.getByRole('button', { name: 'Add Hamburg to the catalog' }).click();
  await until(page, () => document.body.dataset.checked === '4', null, { what: 'the check with Hamburg added' });
  const entry = await page.locator('#pv-added-toml').textContent();
  assert.match(entry, /^\[\[entity\]\]\nid = "hamburg"\nkind = "place"/);
  await page.evaluate((pasted) => {
    const f = window.__files['entities.toml'];
    window.__files['entities.toml'] = { text: `${f.text}\n${pasted}`, modified: 4 };
  }, entry);
  await until(page, () => document.body.dataset.checked === '5', null, { what: 'the check after pasting the entry', timeout: 10_000 });
  assert.equal(await page.locator('#pv-added').isHidden(), true);
  assert.doesNotMatch(await page.locator('#pv-problems').textContent(), /duplicate entity id/);
  assert.match(await page.locator('#pv-problems').textContent(), /`hamburg`: the summary is still a draft/);
  // Picked with the input, the folder is read again when picked again.
  const dir = seedWith('re-pick', 'commentary.md', (t) => t.replace('Beijing and Minsk are', 'Beijing and [Minsk](entity:mnisk) are'));
  let shown = await pick(page, dir, 6);
  assert.ok(shown.items.some((i) => /`mnisk`/.test(i.text)));
  writeFileSync(join(dir, 'commentary.md'), readFileSync(join(SEED, 'commentary.md'), 'utf8'));
  shown = await pick(page, dir, 7);
  assert.equal(shown.summary, 're-pick: no problems.');
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the page works from the keyboard and axe finds no violations, light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page, context } = await preview({ colorScheme });
    await pick(page, seedWith(`axe-${colorScheme}`, 'map.toml', (t) => t.replace('countries = ["BLR"]', 'countries = ["BYS"]')));
    // Tab reaches the pickers and the downloads.
    const reached = new Set();
    for (let i = 0; i < 10; i++) {
      await page.keyboard.press('Tab');
      reached.add(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName));
    }
    for (const id of ['pv-folder', 'pv-files', 'pv-path', 'pv-bundle', 'pv-embed', 'pv-index', 'pv-share']) assert.ok(reached.has(id), `${id} not reached: ${[...reached]}`);
    const result = await new AxeBuilder({ page }).exclude('commentary-reader').analyze();
    assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(', ')}`), [], colorScheme);
    await context.close();
  }
});

test('files picked without their folder get the title\'s path, and a translated folder downloads every language\'s bundle and pages', async () => {
  const { page, problems, context } = await preview();
  const files = readdirSync(SEED).filter((f) => /\.(md|toml)$/.test(f)).map((f) => join(SEED, f));
  await page.locator('#pv-files').setInputFiles(files);
  await until(page, () => Number(document.body.dataset.checked ?? 0) >= 1, null, { what: 'the check' });
  assert.equal(await page.locator('#pv-path').inputValue(), 'commentaries/belarus-china-relations-amid-geostrategic-challenges', 'not "commentaries/5 files"');
  // The site's path the build used, then every file of the Russian translation, byte for byte.
  await page.locator('#pv-path').fill('commentaries/belarus-china-relations-2024');
  const downloads = page.locator('#pv-languages');
  await downloads.locator('a', { hasText: 'commentary.ru.bundle' }).waitFor();
  const alone = publishedAlone();
  for (const name of ['commentary.ru.bundle', 'embed.ru.html', 'index.ru.html']) {
    const download = page.waitForEvent('download');
    await downloads.locator('a, button', { hasText: name }).click();
    const done = await download;
    assert.equal(done.suggestedFilename(), name);
    const bytes = readFileSync(await done.path());
    const built = readFileSync(join(alone, name));
    assert.ok(bytes.equals(built), `${name}: ${bytes.length} bytes differ from the build's ${built.length}`);
  }
  const download = page.waitForEvent('download');
  await downloads.locator('button', { hasText: 'share.ru.png' }).click();
  const done = await download;
  assert.equal(done.suggestedFilename(), 'share.ru.png');
  assert.deepEqual(pngSize(readFileSync(await done.path())), [1200, 630]);
  assert.deepEqual(problems, []);
  await context.close();
});
