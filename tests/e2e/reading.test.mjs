// Reading aids: reading time, progress, paragraph links and deep links, "Cite this".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import AxeBuilder from '@axe-core/playwright';
import { launch, open, inWidget, waitForEvent, until } from './helpers.mjs';

let env;
before(async () => { env = await launch(); });
after(async () => { await env?.close(); });

test('reading time as a range, and a progress bar that fills while reading', async () => {
  const { page, context } = await open(env);
  assert.equal(await inWidget(page, (root) => root.querySelector('.cr-reading-time').textContent), ' · 4–5 min read');
  const progress = () => inWidget(page, (root) => new DOMMatrix(getComputedStyle(root.querySelector('.cr-progress-bar')).transform).a);
  assert.equal(await progress(), 0);
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight / 3));
  await until(page, () => new DOMMatrix(getComputedStyle(__cr().querySelector('.cr-progress-bar')).transform).a > 0.2, null, { what: 'the bar to fill' });
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await until(page, () => new DOMMatrix(getComputedStyle(__cr().querySelector('.cr-progress-bar')).transform).a === 1, null, { what: 'the bar to be full' });
  await context.close();
});

test('each paragraph copies a link to itself; opening that link scrolls the widget there', async () => {
  const { page, context } = await open(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  const button = page.locator('#p-5 .cr-anchor');
  await button.scrollIntoViewIfNeeded();
  await button.focus();
  assert.equal(await button.getAttribute('aria-label'), 'Copy a link to this paragraph');
  await page.keyboard.press('Enter');
  await until(page, () => __cr().querySelector('.cr-announce').textContent === 'Link copied', null, { what: 'the announcement' });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.server.url}#p-5`);

  // A fresh page opened at that link shows paragraph 5 once ready.
  const fresh = await context.newPage();
  await fresh.addInitScript(() => { window.__events = []; document.addEventListener('commentary-reader:ready', (e) => window.__events.push({ type: e.type, id: '' })); });
  await fresh.goto(link);
  await waitForEvent(fresh, 'commentary-reader:ready');
  await until(fresh, () => {
    const r = __cr().getElementById('p-5').getBoundingClientRect();
    return r.top >= -1 && r.top < innerHeight / 2;
  }, null, { what: 'paragraph 5 in view' });
  await context.close();
});

test('"Cite this" gives Chicago, APA and BibTeX, each with a copy button', async () => {
  const { page, context } = await open(env, { permissions: ['clipboard-read', 'clipboard-write'] });
  await page.locator('.cr-cite summary').click();
  await until(page, () => __cr().querySelector('.cr-cite-style'), null, { what: 'the citations' });
  const styles = await inWidget(page, (root) => [...root.querySelectorAll('.cr-cite-style')].map((e) => e.textContent));
  assert.deepEqual(styles, ['Chicago', 'APA', 'BibTeX']);
  await page.locator('.cr-cite').getByRole('button', { name: 'Copy (APA)' }).click();
  await until(page, () => __cr().querySelector('.cr-announce').textContent === 'Copied', null, { what: 'Copied' });
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^Preiherman, Y\. \(2024, February 14\)\. Belarus-China Relations amid Geostrategic Challenges\./);
  const result = await new AxeBuilder({ page }).include('commentary-reader').analyze();
  assert.deepEqual(result.violations.map((v) => v.id), []);
  await context.close();
});
