#!/usr/bin/env bash
# Prints the rustc flags for every wasm build (the Makefile exports them as
# CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS, so native builds and `cargo test` are untouched).
#
# They rename the build machine's folders in everything the compiler writes into the wasm (panic
# locations of dependencies, mostly): without them the published wasm carries the builder's cargo
# registry and checkout paths, and its bytes depend on where the repository sits.
# scripts/reproducible.sh checks the result: no machine path in dist/, and the same bytes from
# another folder.
#
#   scripts/wasm-rustflags.sh   (from the repository root, or any copy of it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cargo_home=${CARGO_HOME:-$HOME/.cargo}
flags=()
remap() {
  # rustc applies the last matching prefix: the most specific folders come last.
  local from=$1 to=$2
  [ -n "$from" ] || return 0
  case "$from" in
    *" "*) echo "wasm-rustflags: '$from' contains a space; it cannot be remapped (the wasm will name it)" >&2; return 0 ;;
  esac
  flags+=("--remap-path-prefix=$from=$to")
}
sysroot=$(rustc --print sysroot 2>/dev/null || true)
remap "$sysroot" rust
remap "$cargo_home/registry/src" cargo-registry
remap "$cargo_home/git/checkouts" cargo-git
remap "$root" commentary-reader
target=${CARGO_TARGET_DIR:-$root/target}
case "$target" in /*) ;; *) target="$root/$target" ;; esac
remap "$target" target
echo "${flags[*]}"
