#!/usr/bin/env bash
# The release build names no folder of the machine that built it, and gives the same bytes from
# another folder: `make test-reproducible` (part of `make test`, after `make size` built dist/).
#
# 1. scripts/check-no-paths.mjs over dist/.
# 2. A copy of the working tree (tracked and untracked files, not ignored ones) in a temporary
#    folder of a different name and depth is built with the same commands (sharing the cargo
#    target folder, so only this crate compiles again), and every file of its dist/ must equal
#    dist/ byte for byte.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
# The same tools as the Makefile's (our pinned wasm-opt first), when run by hand.
export PATH="$root/.tools/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"
[ -f dist/commentary-reader/commentary-reader-core_bg.wasm ] || { echo "reproducible: build dist/ first (make size or make build)" >&2; exit 2; }

node scripts/check-no-paths.mjs dist

work=$(mktemp -d "${TMPDIR:-/tmp}/commentary-reader-repro.XXXXXX")
trap 'rm -rf "$work"' EXIT
copy="$work/another/place/for-the-reader"
mkdir -p "$copy"
git ls-files -z --cached --others --exclude-standard | while IFS= read -r -d '' f; do
  [ -e "$f" ] || continue
  mkdir -p "$copy/$(dirname "$f")"
  cp -p "$f" "$copy/$f"
done

echo "== the same release build from $copy"
(
  cd "$copy"
  export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$root/target}"
  scripts/release-build.sh --dist "$work/dist" >"$work/build.log" 2>&1 || { tail -40 "$work/build.log"; exit 1; }
)
node scripts/check-no-paths.mjs "$work/dist" "$copy"

if ! diff -r -q dist "$work/dist"; then
  echo "reproducible: the build from another folder differs (above)" >&2
  exit 1
fi
echo "reproducible: $(find dist -type f | wc -l) files, byte-identical from two folders"
