// The WordPress plugin (static/wordpress/commentary-reader.php) under WordPress 6.1's own content
// filters (wptexturize, wpautop, shortcodes: Debian's `wordpress` package, unpacked into .tools/
// by scripts/setup.sh, run with php-cli): every embed the build wrote, by shortcode, block and
// pasted address, comes out byte for byte; then each filtered post, as a theme would serve it,
// hydrates in place in Chromium with no CSP violation, and shows its text without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { DIST, launch, newPage, until } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const WORDPRESS = `${ROOT}.tools/wordpress/usr/share/wordpress/`;
const POSTS = `${DIST}wordpress-test/`;

let env;
before(async () => {
  rmSync(POSTS, { recursive: true, force: true });
  mkdirSync(POSTS, { recursive: true });
  env = await launch();
});
after(async () => {
  await env?.close();
  rmSync(POSTS, { recursive: true, force: true });
});

test("WordPress's content filters leave every embed as the build wrote it, by shortcode, block and pasted address", () => {
  const run = spawnSync('php', [`${ROOT}tests/wordpress/the_content.php`, WORDPRESS, DIST, POSTS], { encoding: 'utf8' });
  assert.equal(run.error, undefined, `php: ${run.error}`);
  const failed = run.stdout.split('\n').filter((l) => l.startsWith('FAIL'));
  assert.deepEqual(failed, [], run.stdout + run.stderr);
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.ok(run.stdout.split('\n').filter((l) => l.startsWith('ok')).length >= 30, run.stdout);
});

test('each post WordPress filtered hydrates in place, with no CSP violation, and reads without JavaScript', async () => {
  const posts = readdirSync(POSTS).filter((f) => f.endsWith('.html'));
  assert.ok(posts.length >= 9, posts.join(' '));
  for (const post of posts) {
    const { page, problems, context } = await newPage(env.browser, { viewport: { width: 1000, height: 800 } });
    const warnings = [];
    page.on('console', (m) => { if (m.type() === 'warning' || m.type() === 'error') warnings.push(m.text()); });
    await page.goto(`${env.server.url}wordpress-test/${post}`);
    await until(page, () => window.__events.some((e) => e.type === 'commentary-reader:ready'), null, { what: `${post}: ready` });
    assert.deepEqual(warnings.filter((w) => w.includes('commentary-reader')), [], `${post}: hydrated in place, not rendered afresh`);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], post);
    assert.equal(await page.evaluate(() => document.querySelector('commentary-reader').closest('p')), null, `${post}: not inside a paragraph`);
    assert.deepEqual(problems, [], post);
    await context.close();
  }
  // Without JavaScript: the shadow root WordPress served is the one the reading page has, node
  // for node (no paragraph or break added inside it).
  const { page, context } = await newPage(env.browser, { javaScriptEnabled: false });
  const rootOf = async (path) => {
    await page.goto(`${env.server.url}${path}`);
    return page.evaluate(() => document.querySelector('commentary-reader').shadowRoot.querySelector('.cr-root').innerHTML);
  };
  const reading = await rootOf('commentaries/belarus-china-relations-2024/');
  assert.ok(reading.length > 10_000);
  const post = posts.find((p) => p.startsWith('commentaries-belarus-china-relations-2024-embed.html.'));
  assert.equal(await rootOf(`wordpress-test/${post}`), reading, post);
  await context.close();
});
