// The checker for editors without Rust (dist/commentary-reader/check.mjs, the compiler module
// run by Node) on a PATH where there is no cargo: it prints what the native validator prints,
// for every published folder and every broken fixture, exits as it does, and writes the same
// bundle.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { DIST } from './helpers.mjs';

const ROOT = new URL('../../', import.meta.url).pathname;
const CHECKER = join(DIST, 'commentary-reader', 'check.mjs');
// The machine's PATH without any folder that holds cargo or rustc.
const PATH = process.env.PATH.split(delimiter).filter((dir) => !['cargo', 'rustc', 'rustup'].some((bin) => existsSync(join(dir, bin)))).join(delimiter);
const withoutRust = { ...process.env, PATH, CARGO_HOME: '/nonexistent', RUSTUP_HOME: '/nonexistent' };

const folders = [
  ...readdirSync(join(ROOT, 'static/commentaries')).map((f) => `static/commentaries/${f}`),
  ...readdirSync(join(ROOT, 'docs/example')).map((f) => `docs/example/${f}`),
  ...readdirSync(join(ROOT, 'tests/fixtures/broken'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => `tests/fixtures/broken/${e.name}`),
];
const native = (args) => spawnSync('cargo', ['run', '--quiet', '-p', 'commentary-tools', '--bin', 'commentary-reader', '--', ...args], { cwd: ROOT, encoding: 'utf8' });
const node = (args) => spawnSync(process.execPath, [CHECKER, ...args], { cwd: ROOT, env: withoutRust, encoding: 'utf8' });

test('the machine path of these runs has no Rust toolchain on it', () => {
  const cargo = spawnSync('cargo', ['--version'], { env: withoutRust, encoding: 'utf8' });
  assert.equal(cargo.error?.code, 'ENOENT', `cargo is still reachable: ${cargo.stdout}`);
});

test('the Node checker prints what the native validator prints, folder by folder, and exits as it does', () => {
  assert.ok(folders.length > 25, folders.join(', '));
  for (const folder of folders) {
    const expected = native(['check', folder]);
    const got = node([folder]);
    assert.equal(got.stdout, expected.stdout, folder);
    assert.equal(got.status, expected.status, `${folder}: exit status`);
    assert.match(got.stderr, /^checked 1 folder\(s\): \d+ error\(s\), \d+ warning\(s\)\n$/, folder);
  }
});

test('--suggest lists the same candidates and inflections as the native validator, with the gazetteer beside the checker', () => {
  // The template names places, countries and an organisation its catalog lacks; the example
  // and the demo commentary name places; the seed's translation is complete.
  const suggesting = ['static/template', 'docs/example/middle-corridor', ...folders.filter((f) => f.startsWith('static/commentaries/'))];
  let listed = 0;
  for (const folder of suggesting) {
    const expected = native(['check', '--suggest', folder]);
    const got = node(['--suggest', folder]);
    assert.equal(got.stdout, expected.stdout, folder);
    assert.equal(got.status, expected.status, `${folder}: exit status`);
    assert.match(got.stderr, /^checked 1 folder\(s\): \d+ error\(s\), \d+ warning\(s\), \d+ suggestion\(s\)\n$/, folder);
    listed += got.stdout.split('\n').filter((l) => /: candidate: /.test(l)).length;
  }
  const template = node(['--suggest', 'static/template']).stdout;
  assert.match(template, /^static\/template\/commentary\.md:\d+:\d+: candidate: place `Atyrau`, once \(the gazetteer: Atyrau \(47\.1\d, 51\.8\d, KAZ\)\)$/m);
  assert.match(template, /: candidate: organisation `Caspian Pipeline Consortium`, once$/m);
  assert.ok(listed >= 15, `${listed} candidates`);
  // Without --suggest, nothing of it.
  assert.doesNotMatch(node(['static/template']).stdout, /candidate/);
});

test('--strict fails on warnings, usage errors exit with 2, and --bundle writes the bundle build writes', () => {
  assert.equal(node(['tests/fixtures/broken/did-you-mean']).status, 0);
  const strict = node(['--strict', 'tests/fixtures/broken/did-you-mean']);
  assert.equal(strict.status, 1);
  assert.match(strict.stderr, /--strict: the warnings fail the check/);
  assert.equal(node(['--strict', 'static/commentaries/belarus-china-relations-2024']).status, 0);
  const usage = node([]);
  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^usage: /);
  const work = mkdtempSync(join(tmpdir(), 'cr-checker-'));
  try {
    for (const side of ['native', 'node']) cpSync(join(ROOT, 'static/commentaries/belarus-china-relations-2024'), join(work, side), { recursive: true });
    assert.equal(native(['build', join(work, 'native')]).status, 0);
    assert.equal(node(['--bundle', join(work, 'node')]).status, 0);
    // The original's bundle and the Russian translation's.
    for (const name of ['commentary.bundle', 'commentary.ru.bundle']) {
      const [a, b] = ['native', 'node'].map((side) => readFileSync(join(work, side, name)));
      assert.ok(a.length > 10_000, name);
      assert.ok(a.equals(b), `${name}: the bundles differ (${a.length} and ${b.length} bytes)`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
