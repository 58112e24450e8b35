// Assembles the publishable folder `commentary-reader/` inside a Trunk build (a post_build hook
// in Trunk.toml, so `trunk serve`, `trunk build` and `make dist` all produce the same thing):
//
//   commentary-reader/commentary-reader.js        the element (the only file a page names)
//   commentary-reader/commentary-reader-core.js   wasm-bindgen glue, imported by the element
//   commentary-reader/commentary-reader-core_bg.wasm
//   commentary-reader/basemaps/                   base maps (the default one is fetched from here)
//   commentary-reader/embed.html, embed.js        the iframe alternative
//   commentary-reader/commentary-reader-frame.js  the host script that sizes such iframes
//   commentary-reader/integrity.json, snippet.html  SRI (sha384) hashes and the snippet using them
//
// The wasm's hash is written into the element's code, which fetches the wasm with it: with the
// snippet's `integrity` on the element and `modulepreload` on the glue, every byte is checked.
//   node scripts/package.mjs [staging dir]   (default: $TRUNK_STAGING_DIR)
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const staging = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist');
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const out = join(staging, 'commentary-reader');
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const name of ['commentary-reader-core.js', 'commentary-reader-core_bg.wasm']) {
  renameSync(join(staging, name), join(out, name));
}
if (existsSync(join(staging, 'basemaps'))) renameSync(join(staging, 'basemaps'), join(out, 'basemaps'));
else cpSync(join(source, 'static/basemaps'), join(out, 'basemaps'), { recursive: true });
for (const name of ['embed.html', 'embed.js', 'commentary-reader-frame.js']) {
  cpSync(join(source, 'static/embed', name), join(out, name));
}

const wasm = readFileSync(join(out, 'commentary-reader-core_bg.wasm'));
const placeholder = 'const WASM_INTEGRITY = null;';
const loader = readFileSync(join(staging, 'commentary-reader.js'), 'utf8');
if (!loader.includes(placeholder)) throw new Error(`commentary-reader.js lacks \`${placeholder}\``);
writeFileSync(join(out, 'commentary-reader.js'), loader.replace(placeholder, `const WASM_INTEGRITY = '${sri(wasm)}';`));
rmSync(join(staging, 'commentary-reader.js'));

const integrity = {};
for (const name of ['commentary-reader.js', 'commentary-reader-core.js', 'commentary-reader-core_bg.wasm', 'commentary-reader-frame.js', 'embed.js']) {
  integrity[name] = sri(readFileSync(join(out, name)));
}
writeFileSync(join(out, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
const snippet = `<!-- commentary-reader: put the folder at /commentary-reader/ (or change the three URLs) -->
<link rel="modulepreload" href="/commentary-reader/commentary-reader-core.js" integrity="${integrity['commentary-reader-core.js']}">
<script type="module" src="/commentary-reader/commentary-reader.js" integrity="${integrity['commentary-reader.js']}"></script>
<commentary-reader src="/commentaries/belarus-china-relations-2024/commentary.md" lang="en">
  <p>Optional fallback: the article as plain HTML, shown while the widget loads and if it fails.</p>
</commentary-reader>
`;
writeFileSync(join(out, 'snippet.html'), snippet);
