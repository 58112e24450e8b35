#!/usr/bin/env bash
# The release build (`trunk build --release`, then scripts/package.mjs as its hook), with the
# reader's and the compiler module's wasm built by a pinned nightly toolchain that rebuilds the
# standard library for size:
#
#   -Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
#   -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none
#
# (as Yew's own size CI does; BENCHMARKS.md "Phone-class speed" has the measurements). Everything
# native (tests, the validator, `build`, the prerender) stays on stable: package.mjs runs those
# without this environment. If the pinned nightly or its rust-src is missing, the build says so
# and uses stable, whose size has its own budget (scripts/size-budget.txt, `reader-stable`).
# Which toolchain built dist/ is written to target/release-toolchain.txt for scripts/size-check.mjs.
#
#   scripts/release-build.sh [trunk build options…]
set -euo pipefail
cd "$(dirname "$0")/.."
# The same tools as the Makefile's (our pinned wasm-opt first), when run by hand.
export PATH="$PWD/.tools/node_modules/binaryen/bin:$HOME/.cargo/bin:$PATH"
NIGHTLY=nightly-1999-01-01
target=${CARGO_TARGET_DIR:-target}
mkdir -p "$target"
library() { echo "$(rustup run "$NIGHTLY" rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"; }
# The crates the standard library depends on, fetched once (Trunk builds offline).
if rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 && [ -f "$(library)" ] \
  && cargo "+$NIGHTLY" fetch --quiet --manifest-path "$(library)"; then
  export RUSTUP_TOOLCHAIN=$NIGHTLY
  export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
  export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
  flags="-Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none"
  echo "release-build: wasm with $NIGHTLY (build-std, immediate-abort); native with stable"
  echo nightly >"$target/release-toolchain.txt"
else
  flags=""
  echo "release-build: $NIGHTLY with rust-src is not installed (scripts/setup.sh installs it);" >&2
  echo "release-build: building the wasm with stable instead, checked against its own budget" >&2
  echo stable >"$target/release-toolchain.txt"
fi
# The path remapping (scripts/wasm-rustflags.sh) names the sysroot of the toolchain in use.
CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$(scripts/wasm-rustflags.sh) $flags"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS
exec trunk build --release "$@"
