// The commentary checker for editors without Rust: the same checks as
// `commentary-reader check`, run by Node (18 or later) with the widget's own checker module
// (the compiler's pipeline with the editors' `check`), which sits beside this file in the
// release folder. Nothing is uploaded or fetched.
//
//   node commentary-reader/check.mjs [--strict] [--bundle] [--suggest] <folder>…
//
// Prints every problem as `folder/file:line:column: error|warning: message` and exits with 1
// if a folder has an error (with --strict, a warning too), 2 on bad usage. --bundle also writes
// each folder's commentary.bundle (and each translation's, commentary.ru.bundle), as
// `commentary-reader build` does. --suggest also lists what the text names and the catalog
// lacks (`candidate: …`, with the gazetteer's coordinates and codes for places, gazetteer.tsv
// beside this file) and the forms a translation writes and its catalog lacks (`inflections: …`),
// as `commentary-reader check --suggest` does.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const USAGE = `usage: node ${process.argv[1] ? 'check.mjs' : ''} [--strict] [--bundle] [--suggest] <folder>…

Checks commentary folders (commentary.md, entity catalogs, map.toml) as the widget loads them
and prints every problem as file:line:column: error|warning: message.
--strict: warnings fail too (exit 1), for a CMS's checks before publishing.
--bundle: also writes each folder's commentary.bundle, the compiled form readers load.
--suggest: also lists what the text names and the catalog lacks, and the inflected forms a
translation writes and its catalog lacks (never an error or a warning).`;

const args = process.argv.slice(2);
const flag = (name) => {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
};
const strict = flag('--strict');
const writeBundle = flag('--bundle');
const suggest = flag('--suggest');
if (args.length === 0 || args.some((a) => a.startsWith('--'))) {
  console.error(USAGE);
  process.exit(2);
}

const glue = await import(join(here, 'commentary-reader-checker.js'));
await glue.default({ module_or_path: readFileSync(join(here, 'commentary-reader-checker_bg.wasm')) });

let errors = 0;
let warnings = 0;
let suggested = 0;
for (const folder of args) {
  const read = (name, widget) => {
    try {
      return readFileSync(join(widget ? here : folder, name), 'utf8');
    } catch (e) {
      if (e.code === 'ENOENT') return undefined;
      throw new Error(e.code === 'EISDIR' ? 'it is a folder' : e.message);
    }
  };
  const checked = glue.check(read);
  const prefix = folder.endsWith('/') ? folder : `${folder}/`;
  for (const message of checked.messages) console.log(prefix + message);
  if (suggest) for (const line of checked.suggestions) console.log(prefix + line);
  suggested += checked.suggestions.length;
  errors += checked.errors;
  warnings += checked.messages.length - checked.errors;
  if (writeBundle) checked.files.forEach((name, i) => writeFileSync(join(folder, name), checked.bundle_at(i)));
}
console.error(`checked ${args.length} folder(s): ${errors} error(s), ${warnings} warning(s)${suggest ? `, ${suggested} suggestion(s)` : ''}`);
if (strict && warnings > 0 && errors === 0) console.error('--strict: the warnings fail the check');
process.exit(errors > 0 || (strict && warnings > 0) ? 1 : 0);
