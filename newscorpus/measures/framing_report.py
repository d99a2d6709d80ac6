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


def sources_table(attributions: pd.DataFrame, table: pd.DataFrame, overview: pd.DataFrame) -> pd.DataFrame:
    """One row per article (long: it reads the same for one article or a thousand): attributions
    in all, then by class of source, kind of source and form, each column named "Source: unnamed",
    "Kind: United States", "Form: direct quotation"; classes no article has are left out."""
    files = list(table["file"])
    readable = attributions.assign(source_class=reader_words(attributions["source_class"], SOURCE_CLASS_NAMES),
                                   kind=reader_words(attributions["kind"], KIND_NAMES),
                                   form=reader_words(attributions["form"], FORM_NAMES))
    parts = []
    for column, heading, order in (("source_class", "Source", SOURCE_CLASS_NAMES), ("kind", "Kind", KIND_NAMES),
                                   ("form", "Form", FORM_NAMES)):
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


def attributions_frame(found: pd.DataFrame, names: dict[str, str], max_chars: int = 110) -> pd.DataFrame:
    """``attributions.csv`` with reader headings, the sentence cut to ``max_chars`` so that a
    row stays one or two lines on the page (the download keeps it whole)."""
    sentence = found["text"].where(found["text"].str.len() <= max_chars,
                                   found["text"].str.slice(0, max_chars).str.rstrip() + "…")
    return pd.DataFrame({
        "Article": found["file"].map(names).to_numpy(), "Paragraph": found["paragraph"].to_numpy(),
        "Source": found["speaker"].to_numpy(),
        "Class": reader_words(found["source_class"], SOURCE_CLASS_NAMES).to_numpy(),
        "Kind": reader_words(found["kind"], KIND_NAMES).to_numpy(), "Cue": found["cue"].to_numpy(),
        "Form": reader_words(found["form"], FORM_NAMES).to_numpy(), "Sentence": sentence.to_numpy(),
    })


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
