// Assembles the publishable folder `commentary-reader/` inside a Trunk build (a post_build hook
// in Trunk.toml, so `trunk serve`, `trunk build` and `make dist` all produce the same thing):
//
//   commentary-reader/commentary-reader.js        the element (the only file a page names)
//   commentary-reader/commentary-reader.css       the widget's stylesheet (linked into every shadow root)
//   commentary-reader/commentary-reader-core.js   wasm-bindgen glue, imported by the element
//   commentary-reader/commentary-reader-core_bg.wasm  the reader (reads compiled bundles only)
//   commentary-reader/commentary-reader-compiler.js, …_bg.wasm  the compiler module, loaded by
//                                                 the element only for a src naming a commentary.md
//   commentary-reader/basemaps/                   base maps (the default one is fetched from here)
//   commentary-reader/embed.html, embed.js        the iframe alternative
//   commentary-reader/commentary-reader-frame.js  the host script that sizes such iframes
//   commentary-reader/integrity.json, snippet.html  SRI (sha384) hashes and the snippet using them
//   commentary-reader/check.mjs                   the checker for editors, run by Node
//   commentary-reader/preview.html, .js, .css     the checker and live preview in the browser
//   commentary-reader/commentary-reader-checker.js, …_bg.wasm  the checker module (the editors'
//                                                 `check` with the drafting aids), loaded by
//                                                 check.mjs and the preview page, never by readers
//   commentary-reader/template/                   the template a new commentary starts from
//   commentary-reader/gazetteer.tsv               the checkers' gazetteer (GeoNames, CC BY 4.0):
//                                                 read by check.mjs, fetched by the preview
//   commentary-reader/commentary-reader-publisher.js, …_bg.wasm  the module the preview loads to
//                                                 write a folder's prerendered pages
//
// Every commentary folder copied into the build gets its compiled form, commentary.bundle
// (`commentary-reader build`, native), which is what pages should point the element at, and
// its published pages: index.html (a reading page, the commentary prerendered) and embed.html.
//
// The wasm's hash is written into the element's code, which fetches the wasm with it: with the
// snippet's `integrity` on the element and `modulepreload` on the glue, every byte is checked.
//   node scripts/package.mjs [staging dir]   (default: $TRUNK_STAGING_DIR)
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const staging = resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? 'dist');
const source = resolve(process.env.TRUNK_SOURCE_DIR ?? '.');
const out = join(staging, 'commentary-reader');
const release = (process.env.TRUNK_PROFILE ?? 'release') === 'release';
const run = (command, args) => execFileSync(command, args, { cwd: source, stdio: ['ignore', 'inherit', 'inherit'] });
// Native programs (the validator, `build`, `stylesheet`) are built with the default toolchain even
// when scripts/release-build.sh chose a nightly with build-std for the wasm.
const nativeEnv = Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== 'RUSTUP_TOOLCHAIN' && !k.startsWith('CARGO_UNSTABLE_')));
const runNative = (command, args) => execFileSync(command, args, { cwd: source, env: nativeEnv, stdio: ['ignore', 'inherit', 'inherit'] });
const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
for (const name of ['commentary-reader-core.js', 'commentary-reader-core_bg.wasm']) {
  renameSync(join(staging, name), join(out, name));
}
// A second `wasm-opt -Oz` pass over every release wasm (Trunk ran the first over the reader's):
// it converges further, 0.8 KB brotli off the reader's and 0.1 KB off the compiler's (a third
// gains nothing; BENCHMARKS.md, "The workspace").
const WASM_OPT = ['--enable-bulk-memory', '--enable-reference-types', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals', '--enable-multivalue'];
const shrink = (file, passes) => {
  for (let i = 0; i < passes; i++) run('wasm-opt', ['-Oz', ...WASM_OPT, file, '-o', file]);
};
if (existsSync(join(staging, 'basemaps'))) renameSync(join(staging, 'basemaps'), join(out, 'basemaps'));
else cpSync(join(source, 'static/basemaps'), join(out, 'basemaps'), { recursive: true });
for (const name of ['embed.html', 'embed.js', 'commentary-reader-frame.js']) {
  cpSync(join(source, 'static/embed', name), join(out, name));
}
// The editors' tools: the checker Node runs with the compiler module (no Rust needed).
// and the checker and preview page, which runs the same checks in the browser.
for (const name of ['check.mjs', 'preview.html', 'preview.js', 'preview.css']) cpSync(join(source, 'static/editor', name), join(out, name));
// The template a new commentary starts from (the preview's "Start a new commentary"; the
// command line's `commentary-reader new` has it built in).
cpSync(join(source, 'static/template'), join(out, 'template'), { recursive: true });
// The gazetteer the checkers compare places with and fill stubs from (never the reader's).
cpSync(join(source, 'static/gazetteer.tsv'), join(out, 'gazetteer.tsv'));
// The archive page's stylesheet (`build --site` writes the page, naming it with its hash).
cpSync(join(source, 'static/site/archive.css'), join(out, 'archive.css'));
// The WordPress plugin, for sites that publish with WordPress (README "WordPress").
cpSync(join(source, 'static/wordpress'), join(out, 'wordpress'), { recursive: true });

// The compiler module: the same crate without the reader, with the `compile` export.
const profile = release ? ['--release'] : [];
run('cargo', ['build', '--quiet', ...profile, '--target', 'wasm32-unknown-unknown', '-p', 'commentary-reader', '--bin', 'commentary-reader-compiler', '--no-default-features', '--features', 'compiler']);
const targetDir = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const built = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'commentary-reader-compiler.wasm');
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'commentary-reader-compiler', built]);
// The checker module: the same crate with the editors' `check` and the drafting aids, which
// readers' compiler module leaves out.
run('cargo', ['build', '--quiet', ...profile, '--target', 'wasm32-unknown-unknown', '-p', 'commentary-reader', '--bin', 'commentary-reader-checker', '--no-default-features', '--features', 'checker']);
const checker = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'commentary-reader-checker.wasm');
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'commentary-reader-checker', checker]);
if (release) {
  shrink(join(out, 'commentary-reader-core_bg.wasm'), 1);
  shrink(join(out, 'commentary-reader-compiler_bg.wasm'), 2);
  shrink(join(out, 'commentary-reader-checker_bg.wasm'), 1);
}
// The publisher module (crates/tools), for the editors' preview page only: the reader's
// components with Yew's server renderer and the site's pages, to write a folder's prerendered
// pages in the browser.
run('cargo', ['build', '--quiet', ...profile, '--target', 'wasm32-unknown-unknown', '-p', 'commentary-tools', '--bin', 'commentary-reader-publisher']);
const publisher = join(targetDir, 'wasm32-unknown-unknown', release ? 'release' : 'debug', 'commentary-reader-publisher.wasm');
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'commentary-reader-publisher', publisher]);
if (release) shrink(join(out, 'commentary-reader-publisher_bg.wasm'), 1);

// The widget's stylesheet, as a file (prerendered shadow roots link it, and so do the roots the
// element makes): written by the native binary, which has it built in, minified.
runNative('cargo', ['run', '--quiet', ...profile, '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', 'stylesheet', join(out, 'commentary-reader.css')]);

const wasm = readFileSync(join(out, 'commentary-reader-core_bg.wasm'));
const placeholder = 'const WASM_INTEGRITY = null;';
const loader = readFileSync(join(staging, 'commentary-reader.js'), 'utf8');
if (!loader.includes(placeholder)) throw new Error(`commentary-reader.js lacks \`${placeholder}\``);
const compilerPlaceholder = 'const COMPILER_INTEGRITY = null;';
if (!loader.includes(compilerPlaceholder)) throw new Error(`commentary-reader.js lacks \`${compilerPlaceholder}\``);
const compilerWasm = readFileSync(join(out, 'commentary-reader-compiler_bg.wasm'));
const cssPlaceholder = 'const CSS_INTEGRITY = null;';
if (!loader.includes(cssPlaceholder)) throw new Error(`commentary-reader.js lacks \`${cssPlaceholder}\``);
writeFileSync(join(out, 'commentary-reader.js'), loader
  .replace(placeholder, `const WASM_INTEGRITY = '${sri(wasm)}';`)
  .replace(cssPlaceholder, `const CSS_INTEGRITY = '${sri(readFileSync(join(out, 'commentary-reader.css')))}';`)
  .replace(compilerPlaceholder, `const COMPILER_INTEGRITY = '${sri(compilerWasm)}';`));
rmSync(join(staging, 'commentary-reader.js'));

const integrity = {};
for (const name of ['commentary-reader.js', 'commentary-reader.css', 'commentary-reader-core.js', 'commentary-reader-core_bg.wasm', 'commentary-reader-compiler.js', 'commentary-reader-compiler_bg.wasm', 'commentary-reader-frame.js', 'embed.js', 'archive.css']) {
  integrity[name] = sri(readFileSync(join(out, name)));
}
writeFileSync(join(out, 'integrity.json'), `${JSON.stringify(integrity, null, 2)}\n`);
// The two preloads start the wasm and the commentary with the page's HTML instead of after the
// element's script (the element's own requests reuse them: same URL, mode and integrity).
const snippet = `<!-- commentary-reader: put the folder at /commentary-reader/ (or change the URLs); preload the
     commentary the element names (the same URL as its src) -->
<link rel="modulepreload" href="/commentary-reader/commentary-reader-core.js" integrity="${integrity['commentary-reader-core.js']}">
<link rel="preload" href="/commentary-reader/commentary-reader-core_bg.wasm" as="fetch" type="application/wasm" crossorigin>
<link rel="preload" href="/commentaries/belarus-china-relations-2024/commentary.bundle" as="fetch" crossorigin>
<link rel="preload" href="/commentary-reader/commentary-reader.css" as="style" integrity="${integrity['commentary-reader.css']}">
<script type="module" src="/commentary-reader/commentary-reader.js" integrity="${integrity['commentary-reader.js']}"></script>
<commentary-reader src="/commentaries/belarus-china-relations-2024/commentary.bundle" lang="en">
  <p>Optional fallback: the article as plain HTML, shown while the widget loads and if it fails.</p>
</commentary-reader>
`;
writeFileSync(join(out, 'snippet.html'), snippet);

// Compiled bundles for every commentary folder of the build, and their published pages:
// index.html (a reading page with the commentary prerendered) and embed.html (the fragment a
// host page includes), which name the widget's files with the hashes just written.
const commentaries = join(staging, 'commentaries');
if (existsSync(commentaries)) {
  const folders = readdirSync(commentaries, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(commentaries, d.name));
  // The site's settings: dist/site.toml (static/site.toml), its `url` overridden by SITE_URL.
  const url = process.env.SITE_URL ? ['--url', process.env.SITE_URL] : [];
  if (folders.length) runNative('cargo', ['run', '--quiet', ...profile, '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', 'build', '--site', staging, ...url, ...folders]);
}

// Trunk leaves its `<link data-trunk rel="rust">` in the page when it injects no loader (its
// loader is inline, which the policy refuses): a `<link>` without `href`, which the HTML
// validator rejects. The page loads the element itself.
{
  const page = join(staging, 'index.html');
  if (existsSync(page)) {
    const html = readFileSync(page, 'utf8');
    const cleaned = html.replace(/^[ \t]*<link\b[^>]*\bdata-trunk\b[^>]*>[ \t]*\r?\n?/gm, '');
    if (cleaned !== html) writeFileSync(page, cleaned);
  }
}

// Development builds (`trunk serve`) reload their pages after every rebuild through an external
// module (static/dev/live-reload.js): Trunk's own reload script is inline, which the strict
// policy `trunk serve` sends refuses. Release builds never get it. The reading pages get it too
// (they are written above).
if (!release) {
  mkdirSync(join(staging, 'dev'), { recursive: true });
  cpSync(join(source, 'static/dev/live-reload.js'), join(staging, 'dev', 'live-reload.js'));
  const pages = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const path = join(dir, d.name);
    if (d.isDirectory()) return path === out ? [] : pages(path);
    // embed.html (and a translation's embed.ru.html) is a fragment for a host page, not a page.
    return d.name.endsWith('.html') && !/^embed(\.[^.]+)?\.html$/.test(d.name) ? [path] : [];
  });
  for (const page of pages(staging)) {
    const html = readFileSync(page, 'utf8');
    const src = relative(dirname(page), join(staging, 'dev', 'live-reload.js')).split(sep).join('/');
    const tag = `<script type="module" src="${src}"></script>`;
    if (!html.includes('</head>')) throw new Error(`${relative(staging, page)} has no </head> for the live-reload script`);
    writeFileSync(page, html.replace('</head>', `  ${tag}\n</head>`));
  }
}

