// `make screenshots`: the README's pictures, from the release build — light and dark on a wide
// screen, a narrow phone, and the print rendering as a PDF (Chromium's own print pipeline).
//   node scripts/screenshots.mjs   (after `trunk build --release`; writes docs/screenshots/)
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer } from './serve-static.mjs';

// playwright-core is installed for the end-to-end tests.
const require = createRequire(new URL('../tests/e2e/package.json', import.meta.url));
const { chromium } = require('playwright-core');
const OUT = new URL('../docs/screenshots/', import.meta.url).pathname;
mkdirSync(OUT, { recursive: true });

const server = await startServer({ root: new URL('../dist/', import.meta.url).pathname, csp: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });

async function shoot(name, options, act = async () => {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  await page.addInitScript(() => document.addEventListener('commentary-reader:ready', () => { window.__ready = true; }));
  await page.goto(server.url);
  await page.waitForFunction(() => window.__ready);
  await act(page);
  return { page, context, done: async (file) => { if (file) await page.screenshot({ path: `${OUT}${file}` }); await context.close(); console.log(`wrote docs/screenshots/${file ?? name}`); } };
}

// Wide, light, reading the second section with a card open.
const readSection = async (page) => {
  await page.evaluate(() => {
    const h = document.querySelector('commentary-reader').shadowRoot.getElementById('long-established-relations-that-took-off-in-the-2010s');
    window.scrollTo(0, h.getBoundingClientRect().top + scrollY - 80);
  });
  await page.waitForFunction(() => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-map').dataset.chapter !== 'intro');
  const mention = page.locator('.cr-mention[data-entity=eaeu]').first();
  await mention.focus();
  await page.waitForFunction(() => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-card[data-placed]'));
};
for (const [name, scheme] of [['light.png', 'light'], ['dark.png', 'dark']]) {
  const s = await shoot(name, { viewport: { width: 1280, height: 860 }, colorScheme: scheme, reducedMotion: 'reduce' }, readSection);
  await s.done(name);
}
const phone = await shoot('phone.png', { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, reducedMotion: 'reduce' });
await phone.done('phone.png');
const print = await shoot('print.pdf', { viewport: { width: 1280, height: 860 } });
// The print glossary is rendered once the browser is idle after ready.
await print.page.waitForFunction(() => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-glossary dt'));
await print.page.pdf({ path: `${OUT}print.pdf`, format: 'A4', printBackground: true, margin: { top: '18mm', bottom: '18mm', left: '16mm', right: '16mm' } });
await print.done();

await browser.close();
await server.close();
