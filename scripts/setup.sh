#!/usr/bin/env bash
# Installs whatever this project needs and is missing, at the pinned versions in
# docs/../TOOLCHAIN facts (see README "Set-up"). Idempotent: each step checks first and
# prints what it installs. Safe to run on a fresh machine of the project's kind.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130   # must equal wasm-bindgen in Cargo.lock
BINARYEN_VERSION=132.0.0
TOOLS="$PWD/.tools"

say() { printf '[setup] %s\n' "$*"; }
have() { command -v "$1" >/dev/null 2>&1; }

export PATH="$HOME/.cargo/bin:$PATH"

# Cargo.lock and this script must agree on wasm-bindgen, or the CLI refuses the wasm.
if [ -f Cargo.lock ]; then
  locked=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
  if [ -n "$locked" ] && [ "$locked" != "$WASM_BINDGEN_VERSION" ]; then
    say "ERROR: Cargo.lock pins wasm-bindgen $locked but setup pins $WASM_BINDGEN_VERSION"; exit 1
  fi
fi

# The code style `make test` checks (rustfmt.toml, clippy -D warnings).
for component in rustfmt clippy; do
  if ! rustup component list --installed 2>/dev/null | grep -q "^$component"; then
    say "installing rust component $component"
    rustup component add "$component"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "installing rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# The release wasm's toolchain (scripts/release-build.sh): a pinned nightly with rust-src, so
# build-std can rebuild the standard library for size (the build fetches the crates std depends
# on). Without it the release build falls back to stable and says so.
NIGHTLY=$(sed -n 's/^NIGHTLY=//p' scripts/release-build.sh)
if ! rustup run "$NIGHTLY" rustc --version >/dev/null 2>&1 \
  || [ ! -d "$(rustup run "$NIGHTLY" rustc --print sysroot)/lib/rustlib/src/rust/library" ]; then
  say "installing $NIGHTLY with rust-src (for the release wasm's build-std)"
  rustup toolchain install "$NIGHTLY" --profile minimal --component rust-src \
    || say "WARNING: $NIGHTLY could not be installed: release builds will use stable (larger wasm, its own budget)"
fi

apt_missing=()
have chromium || apt_missing+=(chromium)
have chromedriver || apt_missing+=(chromium-driver)
have brotli || apt_missing+=(brotli)
# The feed test reads the site's Atom feed as feed readers do (tests/e2e/publication.test.mjs).
/usr/bin/python3 -c 'import feedparser' 2>/dev/null || apt_missing+=(python3-feedparser)
# … and the text copy as scrapers read it (BeautifulSoup).
/usr/bin/python3 -c 'import bs4' 2>/dev/null || apt_missing+=(python3-bs4)
# The W3C's HTML checker (vnu.jar, an npm package of tests/e2e) runs on Java.
have java || apt_missing+=(default-jre-headless)
# The WordPress plugin's test runs WordPress's own content filters with PHP.
have php || apt_missing+=(php-cli)
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "installing Debian packages: ${apt_missing[*]}"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${apt_missing[@]}" >/dev/null
fi
if dpkg -s binaryen >/dev/null 2>&1; then
  say "WARNING: Debian's binaryen is installed; its wasm-opt is too old. Our pinned one is put first on PATH by the Makefile."
fi

if ! (have trunk && trunk --version | grep -q "$TRUNK_VERSION"); then
  say "installing trunk $TRUNK_VERSION (takes ~6 min on 2 cores)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install --locked trunk --version "$TRUNK_VERSION" --no-default-features
fi

if ! (have wasm-bindgen && wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"); then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes ~3 min)"
  # No --locked: its lockfile pins a crate version the registry here lacks.
  cargo install --force wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if [ ! -x "$TOOLS/node_modules/binaryen/bin/wasm-opt" ]; then
  say "installing wasm-opt (npm binaryen@$BINARYEN_VERSION) into .tools/"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
fi

# WordPress 6.1's own code (Debian's `wordpress` package, unpacked, not installed: the test needs
# its wp-includes, not a web server or a database), for tests/e2e/wordpress.test.mjs.
if [ ! -f "$TOOLS/wordpress/usr/share/wordpress/wp-includes/formatting.php" ]; then
  say "unpacking Debian's wordpress package into .tools/wordpress (its wp-includes, for the plugin's test)"
  mkdir -p "$TOOLS/wordpress-deb"
  if ! (cd "$TOOLS/wordpress-deb" && apt-get download wordpress 2>/dev/null); then
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO=sudo
    $SUDO apt-get update -qq
    (cd "$TOOLS/wordpress-deb" && apt-get download wordpress 2>/dev/null)
  fi
  dpkg -x "$TOOLS"/wordpress-deb/wordpress_*.deb "$TOOLS/wordpress"
  rm -rf "$TOOLS/wordpress-deb"
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/vnu-jar ]; then
  say "installing end-to-end test packages (npm ci in tests/e2e)"
  (cd tests/e2e && npm ci --silent --no-audit --no-fund)
fi

say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-opt $("$TOOLS/node_modules/binaryen/bin/wasm-opt" --version | awk '{print $3}'), $(chromium --version 2>/dev/null | head -1)"
