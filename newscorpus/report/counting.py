"""What a count counts, said where two chapters count one thing two ways (#22, a referee reading of
the 923-article book: "Morales occurs 84 times" on the fork page, 75 in the keyness table).

The word lists, bars and keyness tables of the themes chapter (and the framing chapter's log-odds
lists) count the text layer's *tokens*: a name of several words is one token ("Bernie Sanders"),
so *Sanders* there is the word on its own. A pattern (the fork page) or the place finder counts
every *mention*, inside longer names too, and a pattern with ``re.IGNORECASE`` in any case. Both
are right; the sentences here give the other number beside each count, with the reason, so a
reader never meets two numbers for one thing without an explanation.
"""

from __future__ import annotations

import re

import pandas as pd

from ..prose import count_noun, english_list

TOP_LONGER = 3  # the longer names a sentence shows, the most frequent first


def token_counts(term_counts: pd.DataFrame, pattern: str, flags: int = 0) -> tuple[pd.Series, pd.Series]:
    """How the token counts (``keyness.term_counts_table``: ``term``, ``form``, ``count``) read a
    pattern, each token by its key shown in its usual form (``keyness.display_forms``), over the
    corpus, the most frequent first (ties by form): the tokens that are the pattern whole (the
    word on its own: one, or a few where case makes them different words, *Sanders* and
    *SANDERS*), and the longer tokens that contain a match (names of several words: "Bernie
    Sanders")."""
    if term_counts.empty:
        return pd.Series(dtype=int), pd.Series(dtype=int)
    from ..measures.keyness import display_forms

    forms = display_forms(term_counts)
    by_key = term_counts.groupby("term")["count"].sum()
    by_form = pd.Series(by_key.to_numpy(), index=[forms.get(k, k) for k in by_key.index]).groupby(level=0).sum()
    regex = re.compile(pattern, flags)
    whole = [bool(regex.fullmatch(f)) for f in by_form.index]
    inside = [not w and bool(regex.search(f)) for f, w in zip(by_form.index, whole)]

    def ranked(rows: pd.Series) -> pd.Series:
        return rows.sort_index().sort_values(ascending=False, kind="stable").astype(int)

    return ranked(by_form[whole]), ranked(by_form[inside])


def _longer_names(longer: pd.Series, k: int = TOP_LONGER) -> str:
    shown = [f"“{form}” ({int(n):,d})" for form, n in longer.head(k).items()]
    more = len(longer) - len(shown)
    return english_list(shown + ([count_noun(more, "other name")] if more else []))


def _on_its_own(whole: pd.Series, shown: str) -> str:
    """“Sanders” on its own counts 2 times; or, where case makes several words of it, each."""
    if len(whole) <= 1:
        return f"“{shown}” on its own counts {count_noun(int(whole.sum()), 'time')}"
    return ("the word on its own counts " + english_list([f"{count_noun(int(n), 'time')} as “{form}”"
                                                          for form, n in whole.items()]) + " (different words by case)")


def pattern_note(term_counts: pd.DataFrame, pattern: str, shown: str, matches: int, flags: int = 0) -> str:
    """For a page that counts a pattern's matches (``matches``) in the cleaned text: what the
    themes chapter's word counts make of the same word, and why the numbers differ. ``shown`` is
    the term as the page writes it."""
    whole, longer = token_counts(term_counts, pattern, flags)
    if int(whole.sum()) == matches and longer.empty and len(whole) <= 1:
        return ("The themes chapter's word counts, which count a name of several words as one word, give the same "
                "number.")
    case = " in any case," if flags & re.IGNORECASE else ""
    text = (f"This count is of every match of the pattern,{case} inside longer names too. The themes chapter counts "
            f"words as the text layer writes them, where a name of several words is one word and a word in capitals "
            f"keeps its case: across the corpus, {_on_its_own(whole, shown)}")
    if len(longer):
        text += f", and the longer names that contain it count for themselves: {_longer_names(longer)}"
    return text + "."


def mention_note(term_counts: pd.DataFrame, place: str, mentions: int) -> str:
    """For a place counted by mention (``places``: every time the name is written as a place,
    inside longer names too): the word counts' figure for the same name, and why it differs;
    "" when they agree."""
    whole, longer = token_counts(term_counts, re.escape(place))
    alone = int(whole.sum())
    if alone == mentions:
        return ""
    text = (f"that is every mention of the place, inside longer names too, while this chapter's word lists count "
            f"“{place}” on its own {count_noun(alone, 'time')}")
    if len(longer):
        text += f"; the names that contain it count for themselves: {_longer_names(longer, 2)}"
    return text


def token_example(term_counts: pd.DataFrame, top: int = 200) -> tuple[str, int, pd.Series] | None:
    """An example of this corpus for the chapter's account of counting: among the ``top`` most
    frequent capitalised words, the one used most inside longer names (``token_counts``);
    ``(form, count on its own, longer names)``, or None when no such word has a longer name."""
    if term_counts.empty:
        return None
    totals = term_counts.groupby("form")["count"].sum()
    words = totals[[bool(re.fullmatch(r"[A-Z][a-z]{2,}", f)) for f in totals.index]]
    words = words.sort_index().sort_values(ascending=False, kind="stable").head(top)
    if words.empty:
        return None
    inside: dict[str, int] = {}  # word -> uses inside names of several words, one pass over the names
    for name, n in totals[[" " in f for f in totals.index]].items():
        for word in set(re.findall(r"\b[A-Z][a-z]{2,}\b", name)):
            inside[word] = inside.get(word, 0) + int(n)
    best = max(words.index, key=lambda w: (inside.get(w, 0), -list(words.index).index(w)))
    if not inside.get(best):
        return None
    whole, longer = token_counts(term_counts, r"\b" + re.escape(best) + r"\b")
    return best, int(whole.sum()), longer


def token_example_text(term_counts: pd.DataFrame) -> str:
    """One sentence for the themes chapter's account of counting, with this corpus's example:
    "So a count here is of the word as written on its own: in this corpus “Sanders” counts
    1,569 times on its own, while “Bernie Sanders” (355), ... count as names of their own." "" when the corpus has no such word."""
    example = token_example(term_counts)
    if example is None:
        return ""
    form, alone, longer = example
    return (f"So a count here is of the word as written on its own: in this corpus “{form}” counts "
            f"{count_noun(alone, 'time')} on its own, while {_longer_names(longer)} count as names of their own. The places "
            "section and the fork-a-chapter page count every mention instead, inside longer names too, and say so "
            "beside their numbers.")


def name_examples(term_counts: pd.DataFrame, k: int = 3) -> str:
    """This corpus's most frequent names of several words, as the chapter's examples of a name kept
    whole (“Hillary Clinton”, “New Hampshire” and “White House”: quotes, as the glued text is shown
    as written); "" when it has none."""
    if term_counts.empty:
        return ""
    totals = term_counts[term_counts["form"].str.contains(" ", regex=False)].groupby("form")["count"].sum()
    top = totals.sort_index().sort_values(ascending=False, kind="stable").head(k)
    return english_list([f"“{form}”" for form in top.index])
