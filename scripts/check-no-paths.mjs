// Fails if any file under a folder (a build's dist/) names a folder of the machine that built it:
// the home, cargo and toolchain folders, the checkout, the target and temp folders, or anything
// shaped like an absolute Unix or Windows path. Text and binary files alike (the wasm's panic
// locations were where such paths hid).
//
//   node scripts/check-no-paths.mjs dist [more folders the build machine used…]
import { readdirSync, readFileSync, realpathSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const [dir, ...extra] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/check-no-paths.mjs <folder> [machine folders…]');
  process.exit(2);
}
const root = resolve(dir);
const repo = resolve(new URL('..', import.meta.url).pathname);
const real = (p) => { try { return realpathSync(p); } catch { return p; } };
const machine = new Set([homedir(), process.env.CARGO_HOME, process.env.RUSTUP_HOME, process.env.CARGO_TARGET_DIR, tmpdir(), repo, ...extra]
  .filter((p) => p && p.length > 1).flatMap((p) => [resolve(p), real(resolve(p))]));
// An absolute path: a slash-rooted run of two or more path segments after something that is not
// part of a URL or a word (so https://host/a/b and 1/2 pass), or a drive letter.
const shaped = /(?<![\w.:/-])\/(?:root|home|Users|tmp|var|opt|usr|work|srv|mnt|private|build|runner)\/[\w.@+-]+/g;
const windows = /\b[A-Za-z]:\\(?:Users|Windows|Program Files)\\/g;

const files = (d) => readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(d, e.name)) : [join(d, e.name)]));
const found = [];
for (const file of files(root)) {
  const text = readFileSync(file).toString('latin1');
  for (const p of machine) {
    const at = text.indexOf(p);
    if (at >= 0) found.push(`${relative(root, file)}: names ${p} (at byte ${at})`);
  }
  for (const re of [shaped, windows]) {
    for (const m of text.matchAll(re)) found.push(`${relative(root, file)}: ${JSON.stringify(m[0])} at byte ${m.index}`);
  }
}
if (found.length) {
  console.error(`machine paths in ${dir}:\n  ${[...new Set(found)].slice(0, 40).join('\n  ')}`);
  process.exit(1);
}
console.log(`no machine paths in ${dir} (${files(root).length} files; checked for ${[...machine].length} folders and absolute-path shapes)`);
