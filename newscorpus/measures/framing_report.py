"""Reader tables for the framing chapter: the measures of ``framing`` laid out with articles named
by outlet and date, counts split by voice, and the external context marked as such."""

from __future__ import annotations

import html

import pandas as pd

from ..overview import by_article_name
from ..labels import article_names
from ..prose import english_list
from . import lexicons
from .framing import LEXICON, slug

VOICE_SHORT = {"quoted": "quoted", "gloss": "in a gloss"}

# Reader words for the codes of attributions.csv and the lexicon names of framing.csv.
SOURCE_TYPE_NAMES = {"named": "named person", "unnamed": "unnamed", "institution": "institution or document",
                     "unknown": "unresolved pronoun"}
SOURCE_CLASS_NAMES = {"named_person": "named person", "named_institution": "named institution", "unnamed": "unnamed",
                      "the_group": "the group itself", "unresolved": "unresolved"}
# Another corpus: "the group itself" is a source the naming lexicon, written for ISIS, calls the group.
OTHER_CORPUS_CLASS_NAMES = {**SOURCE_CLASS_NAMES, "the_group": "the group (ISIS lexicon)"}
FORM_NAMES = {"direct": "direct quotation", "indirect": "indirect", "mixed": "mixed quotation"}
# The best published attribution figures, for comparison only (Asr et al. 2021, the Gender Gap
# Tracker, on its own gold of 98 articles): quote precision and recall at 0.3 span overlap, and the
# share of quotes with the right speaker. Not computed here: copied from the paper.
PUBLISHED_ATTRIBUTION = {"precision": 0.846, "recall": 0.827, "overlap": 0.3, "speaker": 0.86}
KIND_NAMES = {"the_group": "the group itself", "media": "media", "analysts": "analysts",
              "united_states": "United States", "iraqi_government": "Iraqi government or military",
              "other": "other", "unknown": "cannot tell"}
LEXICON_NAMES = {"loaded": "Loaded vocabulary", "hedges": "Hedges (Hyland)", "factives": "Factives (Hooper)",
                 "assertives": "Assertives (Hooper)", "implicatives": "Implicatives (Karttunen)",
                 "recasens": "NPOV list (Recasens et al.)"}


# The lists as a sentence names them (no parentheses: the names sit inside a parenthesis).
LEXICON_PHRASES = {"loaded": "the loaded vocabulary", "hedges": "Hyland's hedges", "factives": "Hooper's factives",
                   "assertives": "Hooper's assertives", "implicatives": "Karttunen's implicatives",
                   "recasens": "the NPOV list"}


def reader_words(codes: pd.Series, names: dict[str, str]) -> pd.Series:
    """Codes replaced by their reader words; a code without one is shown as written."""
    return codes.map(lambda code: names.get(code, code))


def _voice_cell(narrative: int, quoted: int, gloss: int) -> str:
    """'15', or '0 + 2 quoted + 1 in a gloss': the narrative count first, the others only if any."""
    parts = [str(int(narrative))]
    parts += [f"{int(n)} {VOICE_SHORT[v]}" for v, n in (("quoted", quoted), ("gloss", gloss)) if n]
    return " + ".join(parts)


def label_table(table: pd.DataFrame, overview: pd.DataFrame, labels: list[str] | None = None,
                drop_unused: bool = True) -> pd.DataFrame:
    """Labels (rows) by articles (columns); each cell the narrative count, then quoted and gloss.
    Labels no article uses are left out unless ``drop_unused`` is False."""
    labels = labels or lexicons.label_names()
    if drop_unused:
        labels = [label for label in labels
                  if table[[f"label_{slug(label)}_{v}" for v in ("narrative", "quoted", "gloss")]].to_numpy().sum() > 0]
    cells = {
        name: [_voice_cell(*(row[f"label_{slug(label)}_{v}"] for v in ("narrative", "quoted", "gloss"))) for label in labels]
        for name, row in zip(article_names(table["file"], overview), table.to_dict("records"))
    }
    return pd.DataFrame(cells, index=pd.Index(labels, name="Label"))


def voice_table(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """Words per voice and the quoted share, one row per article."""
    out = by_article_name(table, overview, {
        "Words": "words", "Narrative": "words_narrative", "Quoted": "words_quoted", "Gloss": "words_gloss",
        "Quotations of speech": "quotations",
    })
    out["Quoted share"] = out["Quoted"] / out["Words"]
    return out


def group_as_other_sources(attributions: pd.DataFrame) -> pd.DataFrame:
    """The attributions with no class "the group": a source the naming lexicon calls the group is
    classed by its source type like any other (a corpus the group is not a subject of, where "the
    group" is as often another group)."""
    from .attribution import source_class

    if attributions.empty or "source_class" not in attributions:
        return attributions
    group = attributions["source_class"] == "the_group"
    if not group.any():
        return attributions
    out = attributions.copy()
    out.loc[group, "source_class"] = [source_class(str(t), "") for t in out.loc[group, "source_type"]]
    return out


def sources_table(attributions: pd.DataFrame, table: pd.DataFrame, overview: pd.DataFrame,
                  kinds: bool = True) -> pd.DataFrame:
    """One row per article (long: it reads the same for one article or a thousand): attributions
    in all, then by class of source, kind of source and form, each column named "Source: unnamed",
    "Kind: United States", "Form: direct quotation"; classes no article has are left out. With
    ``kinds=False`` (a corpus other than the original five: the kinds' cues were written for its
    war, and elsewhere nearly every source is "cannot tell") the kind columns are left out."""
    files = list(table["file"])
    classes = SOURCE_CLASS_NAMES if kinds else OTHER_CORPUS_CLASS_NAMES
    readable = attributions.assign(source_class=reader_words(attributions["source_class"], classes),
                                   kind=reader_words(attributions["kind"], KIND_NAMES),
                                   form=reader_words(attributions["form"], FORM_NAMES))
    parts = []
    groups = (("source_class", "Source", classes), ("kind", "Kind", KIND_NAMES), ("form", "Form", FORM_NAMES))
    for column, heading, order in (g for g in groups if kinds or g[0] != "kind"):
        counts = pd.crosstab(readable["file"], readable[column]).reindex(index=files, fill_value=0)
        known = [v for v in order.values() if v in counts.columns]
        counts = counts[known + [c for c in counts.columns if c not in known]]
        parts.append(counts.rename(columns=lambda c, h=heading: f"{h}: {c}"))
    out = pd.concat(parts, axis=1).fillna(0).astype(int)
    out.insert(0, "Attributions", attributions["file"].value_counts().reindex(files, fill_value=0).to_numpy())
    out.index = pd.Index(article_names(files, overview), name="Article")
    return out


def by_article_columns(table: pd.DataFrame) -> pd.DataFrame:
    """Articles as columns: five articles fit a page where a dozen categories would not."""
    return table.T.rename_axis(index=[None, None] if table.columns.nlevels == 2 else None)


def lexicon_term_table(hits: pd.DataFrame, table: pd.DataFrame, overview: pd.DataFrame, lexicon: str) -> pd.DataFrame:
    """A lexicon's lemmas (rows) by article (columns); cell: narrative count, then quoted."""
    found = hits[(hits["family"] == LEXICON) & (hits["name"] == lexicon)]
    if found.empty:
        return pd.DataFrame()
    counts = found.pivot_table(index=["lemma", "file"], columns="voice", values="start", aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=["narrative", "quoted", "gloss"], fill_value=0)
    files = list(table["file"])
    lemmas = found["lemma"].value_counts().index
    cells = {
        name: [_voice_cell(*counts.loc[(lemma, file)]) if (lemma, file) in counts.index else "0" for lemma in lemmas]
        for file, name in zip(files, article_names(files, overview))
    }
    return pd.DataFrame(cells, index=pd.Index(lemmas, name="Term (lemma)"))


def drivers_table(hits: pd.DataFrame, table: pd.DataFrame, overview: pd.DataFrame, lexicons_shown: list[str],
                  top: int = 5) -> pd.DataFrame:
    """For each lexicon and article: the narrative rate and the lemmas that drive it."""
    rows = []
    narrative = hits[(hits["family"] == LEXICON) & (hits["voice"] == "narrative")]
    for lexicon in lexicons_shown:
        for file, name in zip(table["file"], article_names(table["file"], overview)):
            found = narrative[(narrative["name"] == lexicon) & (narrative["file"] == file)]
            top_lemmas = found["lemma"].value_counts().head(top)
            rate = table.set_index("file").loc[file, f"lex_{lexicon}_narrative_per_1000"]
            rows.append({"List": LEXICON_NAMES.get(lexicon, lexicon), "Article": name, "Per 1,000 narrative words": rate,
                         "Hits": len(found), "Most frequent entries": ", ".join(f"{w} {n}" for w, n in top_lemmas.items())})
    return pd.DataFrame(rows).set_index(["List", "Article"])


def actor_table(table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """Mentions of each actor (rows) by article (columns); cell: narrative count, then quoted and gloss."""
    actors = lexicons.actor_names()
    data = {name: [_voice_cell(*(row[f"actor_{slug(a)}_{v}"] for v in ("narrative", "quoted", "gloss"))) for a in actors]
            for name, row in zip(article_names(table["file"], overview), table.to_dict("records"))}
    return pd.DataFrame(data, index=pd.Index(actors, name="Actor"))


def stance_reader_table(stance: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    out = stance.set_index(pd.Index(article_names(stance["file"], overview), name="Article"))
    return out[["hedges", "boosters", "of_which_say", "boosters_without_say", "narrative_words",
                "hedges_per_1000", "boosters_without_say_per_1000"]].set_axis(
        ["Hedges", "Factives + assertives", "of which say", "Without say", "Narrative words",
         "Hedges per 1,000", "Factives + assertives (without say) per 1,000"], axis=1)


def read_data_table(name: str) -> pd.DataFrame:
    """A data table of ``data/framing`` (outlet context, AP edits) as a DataFrame."""
    return pd.DataFrame(lexicons.read_csv("framing", name))


def al_ahed_names(table: pd.DataFrame, file: str) -> pd.DataFrame:
    """The names of the group in one article, by voice: what the measures find next to the edits."""
    row = table.set_index("file").loc[file]
    names = ["Daesh", "ISIS", "ISIL", "IS", "Islamic State", "the group", "militants"]
    return pd.DataFrame(
        {v: [int(row[f"label_{slug(n)}_{v}"]) for n in names] for v in ("narrative", "quoted", "gloss")},
        index=pd.Index(names, name="Name"),
    ).set_axis(["Outlet's narrative", "Quoted", "Bracketed gloss"], axis=1)


def kwic_lines(lines: pd.DataFrame, names: dict[str, str], extra: list[str] | None = None):
    """A KWIC table (``kwic.kwic`` output) as one readable line per match: article, paragraph,
    any ``extra`` columns, and the line with the match in bold. A Styler; every cell is escaped."""
    extra = extra or []
    table = pd.DataFrame({
        "Article": lines["file"].map(names).to_numpy(),
        "¶": lines["paragraph"].to_numpy(),
        **{c.capitalize(): lines[c].to_numpy() for c in extra},
        "Line": [f"{html.escape(l)}<b>{html.escape(m)}</b>{html.escape(r)}"
                 for l, m, r in zip(lines["left"], lines["match"], lines["right"])],
    })
    style = table.style.hide(axis="index").format(escape="html", subset=[c for c in table.columns if c != "Line"])
    return style.set_properties(subset=["Line"], **{"text-align": "left", "min-width": "26em"})


def kwic_frame(lines: pd.DataFrame, names: dict[str, str], extra: list[str] | None = None) -> pd.DataFrame:
    """A KWIC table (``kwic.kwic`` output) with articles named and reader headings, for a
    searchable evidence table: Article, Paragraph, any ``extra`` columns, Left, Match, Right."""
    extra = extra or []
    return pd.DataFrame({
        "Article": lines["file"].map(names).to_numpy(),
        "Paragraph": lines["paragraph"].to_numpy(),
        **{c.capitalize(): lines[c].to_numpy() for c in extra},
        "Left": lines["left"].to_numpy(), "Match": lines["match"].to_numpy(), "Right": lines["right"].to_numpy(),
    })


def attributions_frame(found: pd.DataFrame, names: dict[str, str], max_chars: int = 110,
                       kinds: bool = True) -> pd.DataFrame:
    """``attributions.csv`` with reader headings, the sentence cut to ``max_chars`` so that a
    row stays one or two lines on the page (the download keeps it whole); without the kind of
    source when ``kinds`` is false (as in ``sources_table``)."""
    sentence = found["text"].where(found["text"].str.len() <= max_chars,
                                   found["text"].str.slice(0, max_chars).str.rstrip() + "…")
    frame = pd.DataFrame({
        "Article": found["file"].map(names).to_numpy(), "Paragraph": found["paragraph"].to_numpy(),
        "Source": found["speaker"].to_numpy(),
        "Class": reader_words(found["source_class"], SOURCE_CLASS_NAMES if kinds else OTHER_CORPUS_CLASS_NAMES).to_numpy(),
        "Kind": reader_words(found["kind"], KIND_NAMES).to_numpy(), "Cue": found["cue"].to_numpy(),
        "Form": reader_words(found["form"], FORM_NAMES).to_numpy(), "Sentence": sentence.to_numpy(),
    })
    return frame if kinds else frame.drop(columns="Kind")


def _reading(row: dict, side: str) -> str:
    """One side of an attribution pair in reader words: "Rasul (named person; cannot tell; direct)"."""
    speaker = row.get("gold_resolved" if side == "gold" else "found_speaker")
    if not isinstance(speaker, str):
        return "—"
    details = (SOURCE_TYPE_NAMES.get(row[f"{side}_source_type"], row[f"{side}_source_type"]),
               KIND_NAMES.get(row[f"{side}_kind"], row[f"{side}_kind"]), row[f"{side}_mode"])
    return f"{speaker} ({'; '.join(details)})"


def disagreement_table(differences: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """``attribution.disagreements`` for the reader: article, paragraph, verb, what differs, and
    each side's source with its type, kind and mode ("—" where a side has no attribution)."""
    rows = differences.to_dict("records")
    return pd.DataFrame({
        "Article": [names.get(r["file"], r["file"]) for r in rows],
        "Paragraph": [r["paragraph"] for r in rows],
        "Verb": [r["verb"] for r in rows],
        "What differs": [r["differs"] for r in rows],
        "Hand annotation": [_reading(r, "gold") for r in rows],
        "Extractor": [_reading(r, "found") for r in rows],
    })


def attribution_scores_text(scores: dict, n_annotated: int, confidence: float) -> str:
    """The extractor's scores as a sentence, or, for a corpus none of whose articles has a hand
    annotation, why there are none."""
    if not n_annotated or not scores["gold"]:
        return ("None of the articles in this corpus has a hand annotation, so the extractor is not "
                "scored here; read its lines below.")
    s = scores
    return (
        f"Against the {s['gold']:d} hand-annotated attributions of the {n_annotated:d} annotated "
        f"article{'s' if n_annotated != 1 else ''} the extractor finds {s['found']:d}: precision "
        f"{s['precision']:.0%} ({confidence:.0%} interval {s['precision_low']:.0%} to {s['precision_high']:.0%}), "
        f"recall {s['recall']:.0%} ({s['recall_low']:.0%} to {s['recall_high']:.0%})"
    )


def attribution_agreement_text(scores: dict) -> str:
    """How often matched attributions are read alike, or nothing to say when none matched."""
    if not scores["tp"]:
        return "No attribution is found by both, so there is no agreement on readings to report."
    return (f"Where both agree on an attribution, they agree on the source type in "
            f"{scores['source_type_agreement']:.0%} of cases, on its kind in {scores['kind_agreement']:.0%}, "
            f"and on direct or reported in {scores['mode_agreement']:.0%}.")


def label_check_text(n_articles: int, mentions: int, agreeing: int, cells: int) -> str:
    """The label counts against the hand count, for the articles of this corpus that have one."""
    if not n_articles:
        return "none of the articles in this corpus is among them, so the counts are not checked here."
    return (f"for the {n_articles:d} of them in this corpus ({mentions:,d} mentions), the counts agree with "
            f"it in {agreeing:d} of {cells:d} label-by-article cells.")


def overlap_examples_text(overlaps: pd.DataFrame, examples: int = 3) -> str:
    """A few forms listed twice and where each was kept, one per list it left:
    "“acknowledge” is kept in Hooper's assertives, not in the NPOV list; ..."."""
    rows = overlaps.drop_duplicates("removed_from").head(examples).itertuples()
    return "; ".join(f"“{r.form}” is kept in {LEXICON_PHRASES[r.kept_in]}, not in {LEXICON_PHRASES[r.removed_from]}"
                     for r in rows)


def most_mentioned_text(table: pd.DataFrame, actors: dict[str, str], names: dict[str, str]) -> str:
    """Where each actor is mentioned most (all voices), actors sharing an article named together:
    "Russia (5 times) and the United States (7) are mentioned most in X". ``actors`` maps an
    actor of ``actors.csv`` to its name in a sentence ("United States" -> "the United States")."""
    clauses, never = [], []
    tops: dict[str, list[str]] = {}
    for actor, phrase in actors.items():
        counts = table.set_index("file")[f"actor_{slug(actor)}"]
        if counts.max() <= 0:
            never.append(phrase)
            continue
        top = counts.idxmax()
        times = f"{int(counts.max()):d} time{'s' if counts.max() != 1 else ''}"
        tops.setdefault(top, []).append(f"{phrase} ({times})")
    for file, mentioned in tops.items():
        verb = "is" if len(mentioned) == 1 else "are both" if len(mentioned) == 2 else "are all"
        clauses.append(f"{english_list(mentioned)} {verb} mentioned most in {names[file]}")
    if never:
        clauses.append(f"{english_list(never)} {'is' if len(never) == 1 else 'are'} never mentioned")
    return "; ".join(clauses) + "."


# PolNeAR's outlet codes (its file names) as a reader knows the outlets.
POLNEAR_OUTLETS = {"breitbart": "Breitbart", "huff-post": "HuffPost", "nyt": "New York Times", "politico": "Politico",
                   "usa-today": "USA Today", "wash-post": "Washington Post", "west-journal": "Western Journalism"}


def polnear_outlets(found: dict) -> pd.DataFrame:
    """The attribution scorer's per-outlet figures on PolNeAR (``summary.json`` "attribution":
    ``<outlet>_precision``, ``_recall`` and their Wilson bounds), one row per outlet, lowest recall
    first."""
    suffix = "_precision_low"
    outlets = sorted(k[:-len(suffix)] for k in found if k.endswith(suffix))
    rows = [{"Outlet": POLNEAR_OUTLETS.get(o, o), "precision": found[f"{o}_precision"], "precision_low": found[f"{o}_precision_low"],
             "precision_high": found[f"{o}_precision_high"], "recall": found[f"{o}_recall"],
             "recall_low": found[f"{o}_recall_low"], "recall_high": found[f"{o}_recall_high"]} for o in outlets]
    columns = ["Outlet", "precision", "precision_low", "precision_high", "recall", "recall_low", "recall_high"]
    return pd.DataFrame(rows, columns=columns).sort_values("recall", kind="stable").reset_index(drop=True)


def polnear_outlet_table(outlets: pd.DataFrame) -> pd.DataFrame:
    """:func:`polnear_outlets` for the reader: each figure with its interval in one cell."""
    cell = lambda v, lo, hi: f"{v:.2f} ({lo:.2f} to {hi:.2f})"  # noqa: E731
    return pd.DataFrame({
        "Cue precision (95% interval)": [cell(*r) for r in outlets[["precision", "precision_low", "precision_high"]].to_numpy()],
        "Cue recall (95% interval)": [cell(*r) for r in outlets[["recall", "recall_low", "recall_high"]].to_numpy()],
    }, index=pd.Index(outlets["Outlet"], name="PolNeAR outlet (dev split)"))


def quotation_kind_counts(paragraphs: dict[str, list[str]], attributions: pd.DataFrame) -> pd.DataFrame:
    """Per article, the quotation marks by what they hold (``quotes.quote_kinds``): speech (someone's
    words inside an attribution's content, the only kind counted as a quotation), names and
    coinages, and titles."""
    from .quotes import NAME, SPEECH, TITLE, quote_kinds

    rows = []
    for file, paras in paragraphs.items():
        mine = attributions[attributions["file"] == file]
        counts = {SPEECH: 0, NAME: 0, TITLE: 0}
        for number, p in enumerate(paras):
            here = mine[mine["paragraph"] == number]
            contents = list(zip(here["content_start"], here["content_end"]))
            for _s, _e, kind in quote_kinds(p, contents):
                counts[kind] += 1
        rows.append({"file": file, "speech": counts[SPEECH], "name": counts[NAME], "title": counts[TITLE]})
    return pd.DataFrame(rows, columns=["file", "speech", "name", "title"])


# -- any corpus: long tables, the corpus's own names, outlets compared -------------------------------

# Up to this many articles a label or actor table keeps one column per article (the original five
# read across); beyond it every such table is long: a row per article and entry.
MAX_GRID_ARTICLES = 6
VOICES = ("narrative", "quoted", "gloss")


def voice_counts_long(table: pd.DataFrame, overview: pd.DataFrame, prefix: str, entries: list[str],
                      heading: str) -> pd.DataFrame:
    """A row per article and entry (a label or an actor of ``prefix`` "label" or "actor") that
    the article uses at all: Article, Outlet, ``heading``, the counts by voice and their sum.
    Long, so it reads the same for one article or a thousand."""
    outlet = dict(zip(overview["file"], overview["outlet"]))
    names = dict(zip(table["file"], article_names(table["file"], overview)))
    rows = []
    for row in table.to_dict("records"):
        for entry in entries:
            counts = [int(row[f"{prefix}_{slug(entry)}_{v}"]) for v in VOICES]
            if sum(counts):
                rows.append({"Article": names[row["file"]], "Outlet": outlet.get(row["file"], ""), heading: entry,
                             "Narrative": counts[0], "Quoted": counts[1], "Gloss": counts[2], "All": sum(counts)})
    return pd.DataFrame(rows, columns=["Article", "Outlet", heading, "Narrative", "Quoted", "Gloss", "All"])


def lexicon_terms_long(hits: pd.DataFrame, table: pd.DataFrame, overview: pd.DataFrame, lexicon: str) -> pd.DataFrame:
    """A lexicon's lemmas, a row per article and lemma used: Article, Outlet, Term, counts by voice."""
    found = hits[(hits["family"] == LEXICON) & (hits["name"] == lexicon)]
    columns = ["Article", "Outlet", "Term (lemma)", "Narrative", "Quoted", "Gloss", "All"]
    if found.empty:
        return pd.DataFrame(columns=columns)
    counts = (found.pivot_table(index=["file", "lemma"], columns="voice", values="start", aggfunc="count", fill_value=0)
              .reindex(columns=list(VOICES), fill_value=0).reset_index())
    names = dict(zip(table["file"], article_names(table["file"], overview)))
    outlet = dict(zip(overview["file"], overview["outlet"]))
    order = {f: i for i, f in enumerate(table["file"])}
    counts = counts.sort_values(["file", "lemma"], key=lambda s: s.map(order) if s.name == "file" else s, kind="stable")
    return pd.DataFrame({"Article": counts["file"].map(names).to_numpy(), "Outlet": counts["file"].map(outlet).to_numpy(),
                         "Term (lemma)": counts["lemma"].to_numpy(), "Narrative": counts["narrative"].to_numpy(),
                         "Quoted": counts["quoted"].to_numpy(), "Gloss": counts["gloss"].to_numpy(),
                         "All": counts[list(VOICES)].sum(axis=1).to_numpy()}, columns=columns)


def lexicon_reach_text(found: pd.DataFrame, n_articles: int, what: str, heading: str) -> str:
    """For a corpus other than the original five: what a topic lexicon (``what``: "the naming
    lexicon", "the actor list") finds, from a long table of :func:`voice_counts_long`."""
    from ..prose import count_noun, top_k_list

    where = "the one article" if n_articles == 1 else f"any of the {n_articles:,d} articles"
    if found.empty:
        return f"In this corpus {what}, written for the book's original topic, finds nothing in {where}."
    totals = found.groupby(heading)["All"].sum().sort_values(ascending=False, kind="stable")
    top = top_k_list([f"{entry} ({count:,d})" for entry, count in totals.items()], k=4)
    articles = found["Article"].nunique()
    return (f"{what[:1].upper() + what[1:]} was written for the book's original topic; in this corpus it finds "
            f"{count_noun(int(totals.sum()), 'mention')} in {'the article' if n_articles == 1 else f'{articles:,d} of the {n_articles:,d} articles'}, "
            f"most often {top}. A listed word can mean something else here: read the lines before the counts.")


def corpus_names(word_rows: list[dict], overview: pd.DataFrame) -> pd.DataFrame:
    """The multi-word names the text layer finds (``log_odds.word_counts`` rows: a name such as
    "Hillary Clinton" is one term), over the corpus: Name, Mentions, Articles, Outlets, most
    mentioned first. No list is consulted, so any corpus gets its own names."""
    outlet = dict(zip(overview["file"], overview["outlet"]))
    rows = [(row["file"], term, n) for row in word_rows for term, n in row["counts"].items() if " " in term]
    frame = pd.DataFrame(rows, columns=["file", "Name", "n"])
    columns = ["Name", "Mentions", "Articles", "Outlets"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    frame["outlet"] = frame["file"].map(outlet)
    out = frame.groupby("Name").agg(Mentions=("n", "sum"), Articles=("file", "nunique"), Outlets=("outlet", "nunique"))
    out = out.reset_index().sort_values(["Mentions", "Articles", "Name"], ascending=[False, False, True], kind="stable")
    return out[columns].reset_index(drop=True)


def names_by_group(word_rows: list[dict], overview: pd.DataFrame, by: str, top: int = 6) -> pd.DataFrame:
    """A row per outlet (``by`` "outlet") or per article (``by`` "article"): how many articles,
    and its ``top`` most frequent multi-word names with their counts ("Hillary Clinton 41, ...")."""
    outlet = dict(zip(overview["file"], overview["outlet"]))
    names = dict(zip(overview["file"], article_names(overview["file"], overview)))
    groups: dict[str, list] = {}
    for row in word_rows:
        key = outlet.get(row["file"], "") if by == "outlet" else names.get(row["file"], row["file"])
        groups.setdefault(key, []).append(row)
    out = []
    for key, rows in groups.items():
        counts: dict[str, int] = {}
        for row in rows:
            for term, n in row["counts"].items():
                if " " in term:
                    counts[term] = counts.get(term, 0) + n
        ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]
        out.append({"Outlet" if by == "outlet" else "Article": key, "Articles": len(rows),
                    "Most frequent names": ", ".join(f"{t} {n:d}" for t, n in ranked) or "—"})
    frame = pd.DataFrame(out)
    if by == "outlet" and len(frame):
        frame = frame.sort_values(["Articles", "Outlet"], ascending=[False, True], kind="stable")
    return frame.set_index(frame.columns[0]) if len(frame) else frame


def corpus_names_text(names: pd.DataFrame, k: int = 5) -> str:
    """The corpus's most mentioned names in one sentence (top ``k``, the rest left to the table)."""
    from ..prose import top_k_list

    if names.empty:
        return "The text layer finds no multi-word name in this corpus, so no name is listed."
    from ..prose import count_noun

    shown = [f"{r.Name} ({count_noun(int(r.Mentions), 'mention')} in {count_noun(int(r.Articles), 'article')})"
             for r in names.head(k).itertuples()]
    rest = len(names) - len(shown)
    more = f"; {count_noun(rest, 'more name')} {'is' if rest == 1 else 'are'} in the table" if rest > 0 else ""
    return f"The names this corpus mentions most are {english_list(shown)}{more}."


# The chapter's main rates, compared between outlets when outlets are the unit. Keys are columns of
# :func:`outlet_measures`; values the reader's name. The loaded vocabulary is kept as a
# description (the lists do no better than a constant guess on BABE): it is never stated as a
# difference between outlets.
OUTLET_MEASURES = {
    "attributions_per_1000": "Attributions per 1,000 words",
    "unnamed_share": "Share of attributions to unnamed sources",
    "quoted_share": "Share of words quoted",
    "hedges_per_1000": "Hedges per 1,000 narrative words (word-list rate)",
    "boosters_per_1000": "Factives + assertives (without say) per 1,000 narrative words (word-list rate)",
    "loaded_per_1000": "Loaded vocabulary per 1,000 narrative words (description only)",
    "tone": "Mean VADER compound (tone)",
    "agent_share": "Agent share of the group's sentences (rule)",
}
DESCRIPTION_ONLY = frozenset({"loaded_per_1000"})
# Measures that count the attribution extractor's finds (the attributions, and the class it gives
# each source): a pair of outlets is stated on them only if its ratio of means exceeds the
# extractor's recall ratio across PolNeAR outlets (``findings.extractor_recall_ratio``), the gap
# its own unevenness can make, as in the conclusions. The share of words quoted is read from
# quotation marks, not from the extractor, and is not screened.
EXTRACTOR_MEASURES = frozenset({"attributions_per_1000", "unnamed_share"})
# Rates of word lists that no one has validated: stated between outlets as word-list rates, which
# count listed forms, not meanings.
WORD_LIST_MEASURES = frozenset({"hedges_per_1000", "boosters_per_1000"})
# The same measures as a sentence names them (short: several share one sentence).
OUTLET_MEASURE_PHRASES = {
    "attributions_per_1000": "attributions per 1,000 words", "unnamed_share": "the share of unnamed sources",
    "quoted_share": "the share of words quoted", "hedges_per_1000": "the word-list rate of hedges",
    "boosters_per_1000": "the word-list rate of factives and assertives", "loaded_per_1000": "loaded vocabulary",
    "tone": "tone", "agent_share": "the group's agent share",
}


# Measures that read the naming lexicon of the book's subject (the group's sentences): compared
# between outlets only for that subject; for another corpus they would rank outlets on how often
# they write about ISIS, which is not what the rates are meant to show.
SUBJECT_MEASURES = frozenset({"agent_share"})


def outlet_measure_names(original: bool) -> dict[str, str]:
    """``OUTLET_MEASURES`` for this corpus: without ``SUBJECT_MEASURES`` unless it is the original."""
    return {k: v for k, v in OUTLET_MEASURES.items() if original or k not in SUBJECT_MEASURES}


def outlet_measures(table: pd.DataFrame, attributions: pd.DataFrame, agency_counts: pd.DataFrame) -> pd.DataFrame:
    """One row per article (``file``) with the columns of ``OUTLET_MEASURES``: counts from
    ``framing.csv``, ``attributions.csv`` and the agency counts; NaN where a rate has no
    denominator (an article without attributions has no unnamed share, one without the group's
    sentences no agent share)."""
    t = table.set_index("file")
    words = t["words"].where(t["words"] > 0)
    narrative = t["words_narrative"].where(t["words_narrative"] > 0)
    n_attr = attributions["file"].value_counts().reindex(t.index, fill_value=0)
    unnamed = attributions[attributions["source_class"] == "unnamed"]["file"].value_counts().reindex(t.index, fill_value=0)
    boosters = t["lex_factives_narrative"] + t["lex_assertives_narrative"] - t["lex_assertives_say_narrative"]
    agency = agency_counts.set_index("file").reindex(t.index)
    out = pd.DataFrame({
        "attributions_per_1000": 1000 * n_attr / words,
        "unnamed_share": unnamed / n_attr.where(n_attr > 0),
        "quoted_share": t["words_quoted"] / words,
        "hedges_per_1000": 1000 * t["lex_hedges_narrative"] / narrative,
        "boosters_per_1000": 1000 * boosters / narrative,
        "loaded_per_1000": 1000 * t["lex_loaded_narrative"] / narrative,
        "tone": t["vader_compound_mean"].where(t["sentences"] > 0),
        "agent_share": agency["agent"] / agency["sentences"].where(agency["sentences"] > 0),
    }, index=t.index)
    return out.rename_axis("file").reset_index()


PERCENT_MEASURES = frozenset({"unnamed_share", "quoted_share", "agent_share"})


def measure_format(measure: str) -> str:
    """The format a measure's values are printed with."""
    return ".0%" if measure in PERCENT_MEASURES else "+.2f" if measure == "tone" else ".1f"


def outlet_summary_table(summary: pd.DataFrame) -> pd.DataFrame:
    """``units.outlet_summary`` for the reader: a row per measure and outlet (long), values
    formatted as the measure is, the interval as one cell ("—" below the articles it needs)."""
    from ..prose import number_or

    rows = []
    for r in summary.itertuples():
        spec = measure_format(r.measure)
        interval = ("—" if r.low != r.low else f"{format(r.low, spec)} to {format(r.high, spec)}")
        rows.append({"Measure": OUTLET_MEASURES.get(r.measure, r.measure), "Outlet": r.outlet,
                     "Articles with a value": int(r.articles), "Mean": number_or(r.mean, spec, "—"),
                     "Median": number_or(r.median, spec, "—"),
                     "Middle half of articles": ("—" if r.q25 != r.q25 else
                                                 f"{format(r.q25, spec)} to {format(r.q75, spec)}"),
                     "95% interval of the mean": interval})
    return pd.DataFrame(rows, columns=["Measure", "Outlet", "Articles with a value", "Mean", "Median",
                                       "Middle half of articles", "95% interval of the mean"])


def _gap_phrase(pair, measure: str) -> str:
    """A stated pair's gap in words: "20 percentage points higher (14 to 27); d = 1.06, large" for a
    share (a difference of shares is in percentage points, not per cent), "6.1 higher (4.2 to 8.1),
    1.7 times as high; d = 0.77, medium" for a rate; a tone has no ratio (no true zero)."""
    from ..units import cohen_size

    if measure in PERCENT_MEASURES:
        low, high = 100 * pair.difference_low, 100 * pair.difference_high
        gap = f"{100 * pair.difference:.1f} percentage points higher ({low:.1f} to {high:.1f})"
    else:
        spec = measure_format(measure).replace("+", "")
        gap = (f"{format(pair.difference, spec)} higher ({format(pair.difference_low, spec)} to "
               f"{format(pair.difference_high, spec)})")
    if measure != "tone" and pair.ratio == pair.ratio and pair.ratio < 100:
        gap += f", {pair.ratio:.1f} times as high"
    if pair.cohen_d == pair.cohen_d:
        gap += f"; d = {pair.cohen_d:.2f}, {cohen_size(pair.cohen_d)}"
    return gap


def separated_pairs(summary: pd.DataFrame, measure: str) -> tuple[pd.DataFrame, int]:
    """The pairs of outlets the chapter states on ``measure``: those whose intervals do not overlap
    (``units.separated_outlets``) and, for a measure of the attribution extractor
    (``EXTRACTOR_MEASURES``), whose ratio of means exceeds the extractor's recall ratio. Returns
    (the pairs stated, largest difference first; how many separated pairs the screen held back)."""
    from ..findings import extractor_recall_ratio
    from ..units import separated_outlets

    pairs = separated_outlets(summary, measure)
    held = 0
    if measure in EXTRACTOR_MEASURES and len(pairs):  # beyond the extractor's own unevenness only
        kept = pairs[(pairs["lower_mean"] <= 0) | (pairs["ratio"] > extractor_recall_ratio())]
        held = len(pairs) - len(kept)
        pairs = kept
    order = pairs.assign(_gap=pairs["difference"].abs()).sort_values(["_gap", "higher", "lower"],
                                                                    ascending=[False, True, True], kind="stable")
    return order.drop(columns="_gap").reset_index(drop=True), held


def separated_text(summary: pd.DataFrame, measures: dict[str, str] | None = None) -> str:
    """The differences between outlets that the intervals support: one short sentence per measure
    naming its largest gap and counting the other pairs (the table has them all), then one
    sentence for the measures without any. A measure of the attribution extractor states only
    gaps beyond its unevenness, and says how many it holds back; the word lists' rates are called
    word-list rates; description-only measures are never stated as differences."""
    from ..prose import english_list as listed
    from ..findings import extractor_recall_ratio

    measures = measures or OUTLET_MEASURES
    with_interval = summary.dropna(subset=["low", "high"])["outlet"].nunique()
    if with_interval < 2:
        return ("Fewer than two outlets have enough articles for an interval of their mean, so no difference "
                "between outlets is stated; the table gives each outlet's values.")
    sentences, none = [], []
    summarised = set(summary["measure"])
    for measure, name in measures.items():
        if measure in DESCRIPTION_ONLY or measure not in summarised:  # a measure not compared for this corpus
            continue
        phrase = OUTLET_MEASURE_PHRASES.get(measure, name)
        pairs, held = separated_pairs(summary, measure)
        within = (f"by a ratio of {extractor_recall_ratio():.2f} or less, within the attribution extractor's own "
                  "unevenness between outlets")
        screen = (f"{held:,d} other separated pair{'s' * (held != 1)} {'differ' if held != 1 else 'differs'} {within} "
                  f"and {'are' if held != 1 else 'is'} not stated") if held else ""
        if pairs.empty:
            if held:
                every = "the one pair whose intervals separate differs" if held == 1 else \
                    f"all {held:,d} pairs whose intervals separate differ"
                sentences.append(f"On {phrase}, no gap is stated: {every} {within}.")
            else:
                none.append(phrase)
            continue
        # a share to one decimal here, so that the gap in percentage points matches the two shares printed
        spec = ".1%" if measure in PERCENT_MEASURES else measure_format(measure)
        top = pairs.iloc[0]
        rest = len(pairs) - 1
        counted = (f"; {rest:,d} more pair{'s' * (rest != 1)} of outlets {'differ' if rest != 1 else 'differs'} "
                   "beyond the intervals") if rest else "; no other pair differs beyond the intervals"
        sentences.append(f"On {phrase}, the largest gap is {top.higher} ({format(top.higher_mean, spec)}) above "
                         f"{top.lower} ({format(top.lower_mean, spec)}; {_gap_phrase(top, measure)}){counted}"
                         + (f"; {screen}" if screen else "") + ".")
    if none:
        sentences.append(f"No two outlets' intervals separate on {listed(none)}.")
    return " ".join(sentences)


# The framing chapter's outlet measures the conclusions do not compare themselves, with what each
# counts, as the conclusions' reconciling sentence names them: the conclusions compare the
# extractor's quotations of speech and unnamed sources per 1,000 words, chapter 4 the share of all
# quoted words and the share of attributions that go to unnamed sources.
CONCLUSIONS_GAP_MEASURES = {
    "quoted_share": "the share of words quoted (every word between quotation marks, speech or not)",
    "unnamed_share": "the share of attributions to unnamed sources (of the attributions found, not per 1,000 words)",
    "hedges_per_1000": "the word-list rate of hedges",
    "boosters_per_1000": "the word-list rate of factives and assertives",
}


def conclusions_gaps_text(summary: pd.DataFrame, unit_is_outlet: bool = True) -> str:
    """For the conclusions (plain text, glued): which of the framing chapter's outlet measures the
    conclusions leave to it, and the largest gap it states on each (``separated_pairs``: the same
    screen as the chapter), so that the two pages read as one account. "" where outlets are not
    compared."""
    from ..prose import english_list

    if not unit_is_outlet or summary.dropna(subset=["low", "high"])["outlet"].nunique() < 2:
        return ""
    measures = [m for m in CONCLUSIONS_GAP_MEASURES if m in set(summary["measure"])]
    if not measures:
        return ""
    gaps, none = [], []
    for measure in measures:
        pairs, _ = separated_pairs(summary, measure)
        phrase = CONCLUSIONS_GAP_MEASURES[measure]
        if pairs.empty:
            none.append(OUTLET_MEASURE_PHRASES.get(measure, phrase))
            continue
        spec = ".1%" if measure in PERCENT_MEASURES else measure_format(measure)
        top = pairs.iloc[0]
        d = f"; d = {top.cohen_d:.2f}" if top.cohen_d == top.cohen_d else ""
        gaps.append(f"On {phrase}, {top.higher} ({format(top.higher_mean, spec)}) is above {top.lower} "
                    f"({format(top.lower_mean, spec)}{d}).")
    lead = ("On sources and quotations the comparison above counts what the attribution extractor finds, per 1,000 "
            "words (quotations of speech it gives a speaker, named and unnamed sources). The framing chapter compares "
            "the outlets on other measures of the same texts")
    if not gaps:
        return f"{lead}, and on {english_list(none)} no two outlets' intervals separate there either."
    text = f"{lead}, and states these largest gaps. " + " ".join(gaps)
    if none:
        text += f" On {english_list(none)} it states none."
    return text


def separated_summary(summary: pd.DataFrame, measures: dict[str, str] | None = None) -> str:
    """The Summary's pointer to the outlet comparison: on how many of the compared measures some
    pair of outlets is stated, not the pairs themselves (the section has them)."""
    measures = measures or OUTLET_MEASURES
    if summary.dropna(subset=["low", "high"])["outlet"].nunique() < 2:
        return "fewer than two outlets have enough articles for an interval, so no difference between outlets is stated."
    compared = [m for m in measures if m not in DESCRIPTION_ONLY and m in set(summary["measure"])]
    stated = [m for m in compared if len(separated_pairs(summary, m)[0])]
    return (f"on {len(stated):,d} of the {len(compared):,d} measures compared, some pair of outlets differs beyond "
            "the intervals (and, for the extractor's measures, beyond its unevenness); that section names the largest "
            "gap on each.")


def outlet_intervals_caption(measures: dict[str, str]) -> str:
    """The outlets chart's caption, naming the panels it draws (``measures``: those compared for
    this corpus), so that it promises no panel the chart leaves out."""
    from ..prose import english_list

    phrases = english_list([OUTLET_MEASURE_PHRASES.get(m, name) for m, name in measures.items()])
    return (f"The chapter's main rates by outlet, one panel each ({phrases}): each outlet's mean over its articles "
            "(dot), the middle half of its articles (grey bar) and a 95% interval for the mean from resampling its "
            "articles (line; outlets with fewer than four articles have none), outlets sorted by their mean in each "
            "panel; at most the twenty outlets with the most articles.")


def outlet_context_table(context: pd.DataFrame, articles: pd.DataFrame) -> pd.DataFrame:
    """A row per outlet of the corpus: the recorded context (``outlet_context.csv``) for the
    outlets it covers, else the kind of outlet its collector recorded in ``sources.csv``."""
    recorded = context.set_index("outlet") if "outlet" in context.columns else context
    rows = []
    kinds = articles.groupby("outlet")["outlet_type"].first() if "outlet_type" in articles else pd.Series(dtype=str)
    for outlet in sorted(articles["outlet"].unique()):
        if outlet in recorded.index:
            r = recorded.loc[outlet]
            rows.append({"Outlet": outlet, "Affiliation": r["affiliation"], "Kind of outlet": r["kind_of_outlet"],
                         "Language of origin": r["language_of_origin"], "Source of this context": r["basis"]})
        else:
            kind = kinds.get(outlet, "")
            rows.append({"Outlet": outlet, "Affiliation": "—", "Kind of outlet": kind if isinstance(kind, str) and kind else "—",
                         "Language of origin": "—", "Source of this context": "sources.csv (as the collector recorded it)"})
    return pd.DataFrame(rows).set_index("Outlet")
