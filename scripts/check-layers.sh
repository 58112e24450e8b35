#!/usr/bin/env bash
# The layers the workspace enforces (`make test`; docs/architecture.md):
# 1. `cargo metadata` lists the workspace's members: the reader (the root package), the core, the
#    compiler and the tools.
# 2. The reader's wasm (the root package for wasm32 with its default features) depends on no
#    parser: neither the compiler crate nor a crate only the parsers use (Markdown, TOML,
#    Aho-Corasick) is in its dependency tree (JSON is not: Yew's gloo brings serde_json).
#    Nor does it carry Yew's server renderer (`ssr`, which the tools turn on for themselves).
# 3. The compiler module's tree (feature `compiler`) has them: the check above is looking at the
#    right names.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "check-layers: $*" >&2; exit 1; }

members=$(cargo metadata --format-version 1 --no-deps | node -e '
  let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    const m = JSON.parse(s);
    const names = m.workspace_members.map((id) => m.packages.find((p) => p.id === id).name).sort();
    console.log(names.join(" "));
  });')
for want in commentary-compiler commentary-core commentary-reader commentary-tools; do
  [[ " $members " == *" $want "* ]] || fail "the workspace's members are \"$members\": $want is missing"
done
echo "workspace members: $members"

PARSER_CRATES="commentary-compiler pulldown-cmark aho-corasick toml toml_datetime serde_spanned"
tree() {
  cargo tree --target wasm32-unknown-unknown -p commentary-reader "$@" -e normal,no-proc-macro --prefix none --format '{p} {f}' \
    | awk '{ print $1 }' | sort -u
}

reader=$(tree)
for crate in $PARSER_CRATES; do
  if grep -qx "$crate" <<<"$reader"; then
    fail "the reader's wasm depends on $crate, which only the compiler uses (cargo tree --target wasm32-unknown-unknown -p commentary-reader -i $crate)"
  fi
done
if cargo tree --target wasm32-unknown-unknown -p commentary-reader -e features -i yew --prefix none | grep -q 'yew feature "ssr"'; then
  fail "the reader's wasm turns on Yew's server renderer (feature \"ssr\")"
fi

compiler=$(tree --no-default-features --features compiler)
for crate in $PARSER_CRATES; do
  grep -qx "$crate" <<<"$compiler" || fail "the compiler module does not depend on $crate: update PARSER_CRATES"
done
echo "the reader's wasm depends on no parser (none of: $PARSER_CRATES)"
