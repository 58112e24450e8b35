// Fails when the widget's brotli-compressed size exceeds scripts/size-budget.txt. Two budgets:
// `reader`, what a host page downloads to show a compiled commentary (the element, the core's
// glue and wasm), and `compiler`, the module the element loads on demand to compile a
// commentary.md in the browser.
// The release wasm is built by a pinned nightly with build-std (scripts/release-build.sh), or by
// stable when that nightly is not installed: each toolchain has its own pair of budgets
// (`reader`, `compiler`; `reader-stable`, `compiler-stable`), chosen by
// target/release-toolchain.txt, which the build writes.
// Usage: node scripts/size-check.mjs [folder=dist/commentary-reader] (the publishable folder)
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist/commentary-reader';
const budgetFile = new URL('./size-budget.txt', import.meta.url);
const toolchainFile = join(process.env.CARGO_TARGET_DIR ?? 'target', 'release-toolchain.txt');
let toolchain = 'nightly';
try { toolchain = readFileSync(toolchainFile, 'utf8').trim(); } catch { /* built before release-build.sh wrote it */ }
const suffix = toolchain === 'stable' ? '-stable' : '';
console.log(`wasm built with the ${toolchain === 'stable' ? 'stable toolchain (the pinned nightly was missing)' : 'pinned nightly (build-std)'}: budgets \`reader${suffix}\`, \`compiler${suffix}\``);
const budgets = {};
for (const line of readFileSync(budgetFile, 'utf8').split('\n')) {
  const m = /^\s*(reader|compiler)(-stable)?\s*=\s*(\d+)\s*$/.exec(line);
  if (m && (m[2] ?? '') === suffix) budgets[m[1]] = Number(m[3]);
}
for (const part of ['reader', 'compiler']) {
  if (!Number.isFinite(budgets[part])) throw new Error(`no \`${part}${suffix} = <bytes>\` line in ${budgetFile.pathname}`);
}

// What a host page downloads to run the widget: the loader, the wasm glue, the wasm, CSS.
// The iframe alternative's two small scripts are not part of that, nor the archive page's
// stylesheet (`build --site`'s archive and entity pages, which load no widget) nor the WordPress
// plugin's folder (its block's editor script runs in WordPress's editor). The editors' tools
// (the preview page, the checker module it and the Node checker load, and the publisher module
// it loads) are listed on their own, without a budget: no reader's page loads them.
const HOST_PAGE_ONLY = new Set(['site.css', 'embed.js', 'commentary-reader-frame.js', 'archive.css']);
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk(dist)
  .filter((p) => /\.(wasm|js|css)$/.test(p) && !HOST_PAGE_ONLY.has(relative(dist, p)) && !relative(dist, p).startsWith('wordpress/'))
  .sort();
if (files.length === 0) throw new Error(`no .wasm/.js/.css in ${dist}: run trunk build --release first`);

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const EDITOR = /^(preview\.|commentary-reader-publisher|commentary-reader-checker)/;
const partOf = (file) => {
  const name = relative(dist, file);
  if (EDITOR.test(name)) return 'editor';
  return name.startsWith('commentary-reader-compiler') ? 'compiler' : 'reader';
};
let over = false;
const TITLES = { reader: 'reader (every page)', compiler: 'compiler (only for a src naming a commentary.md)', editor: "editors' tools (preview.html, the checker module it and check.mjs load, the publisher module; no budget)" };
for (const part of ['reader', 'compiler', 'editor']) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  console.log(TITLES[part]);
  console.log(`  ${'file'.padEnd(40)} ${'raw KB'.padStart(8)} ${'gzip KB'.padStart(8)} ${'br KB'.padStart(8)}`);
  for (const file of files.filter((f) => partOf(f) === part)) {
    const data = readFileSync(file);
    const sizes = {
      raw: data.length,
      gzip: gzipSync(data, { level: 9 }).length,
      brotli: brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
    for (const k in total) total[k] += sizes[k];
    console.log(`  ${relative(dist, file).padEnd(40)} ${kb(sizes.raw)} ${kb(sizes.gzip)} ${kb(sizes.brotli)}`);
  }
  console.log(`  ${'total'.padEnd(40)} ${kb(total.raw)} ${kb(total.gzip)} ${kb(total.brotli)}`);
  if (part === 'editor') continue;
  const budget = budgets[part];
  const verdict = total.brotli <= budget ? 'within' : 'OVER';
  console.log(`  ${part} budget: ${total.brotli} of ${budget} bytes brotli (${verdict} budget, ${(100 * total.brotli / budget).toFixed(1)} %)`);
  if (total.brotli > budget) over = true;
}
if (over) {
  console.error('The widget grew past scripts/size-budget.txt: shrink it, or raise the budget with a dated reason.');
  process.exit(1);
}
