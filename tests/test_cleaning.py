"""The cleaner against hand labels (seeds and held-out set) and its individual promises."""

from __future__ import annotations

import csv
import re

import pytest

from newscorpus import load
from newscorpus.cleaning import audit, clean_corpus
from newscorpus.cleaning import clean_file, clean_text
from newscorpus.cleaning.phrases import PHRASES_FILE, lexicon_category
from newscorpus.cleaning.evaluation import evaluate_heldout, evaluate_seeds, first_runs, load_marked, pooled, seed_labels

from conftest import REPO, SEEDS

EVALUATION = REPO / "newscorpus" / "data" / "evaluation"


@pytest.fixture(scope="module")
def cleaned():
    return clean_corpus(load(SEEDS))


def test_seed_labels_match_the_seed_files():
    labels = seed_labels(EVALUATION)
    for row in labels.itertuples():
        line = (SEEDS / row.file).read_text(encoding="utf-8").splitlines()[row.line - 1]
        assert " ".join(line.split()).startswith(row.text_start), (row.file, row.line)


def test_seeds_keep_every_body_line_and_drop_every_other(cleaned):
    scores = evaluate_seeds(cleaned, seed_labels(EVALUATION))
    total = pooled(scores)
    assert total["fn"] == 0, scores  # every body paragraph kept
    assert total["fp"] == 0, scores  # every paywall, cookie, tag and chrome line gone
    assert total["tp"] == 81


def test_heldout_body_recall_is_total_and_boilerplate_removal_at_least_95_percent():
    scores, categories = evaluate_heldout(EVALUATION)
    total = pooled(scores)
    assert len(scores) >= 4
    assert total["recall"] == 1.0, scores
    assert total["boilerplate_removed"] >= 0.95, scores
    assert {"paywall", "cookie notice", "newsletter", "navigation", "comments", "related links",
            "share bar", "tags", "copyright"} <= set(categories["category"])


def test_every_heldout_document_has_exactly_one_recorded_first_run():
    runs = first_runs(EVALUATION)
    named = [d.strip() for cell in runs["documents"] for d in cell.split(";")]
    on_disk = sorted(p.stem for p in (EVALUATION / "heldout").glob("*.txt"))
    assert sorted(named) == on_disk
    rates = runs[["precision", "recall", "boilerplate_removed"]].stack().dropna()
    assert rates.between(0, 1).all()


def test_heldout_set_has_a_full_page_with_a_long_navigation_menu():
    page = load_marked(EVALUATION / "heldout" / "wire_full_page.txt")
    assert sum(c == "navigation" for c in page.categories.values()) >= 30


@pytest.mark.parametrize("sentence", [
    "Supporters of the group urged followers on Telegram to share the videos and subscribe to its channels.",
    "The group's media office asked its supporters to subscribe to its new channels and share its statements widely.",
    "Officials said the cookies and sweets handed out at checkpoints were a goodwill gesture.",
    "Comments by the prime minister on Sunday angered the Kurdish parties.",
    "Displaced families were told to register at the camp office before they could sign up for food rations.",
    "Credit for the advance went to the Golden Division, the commanders said.",
    "The views expressed by the tribal elders were those of men who felt abandoned by Baghdad.",
    "The recruiters had a simple message for young men in the camps: follow us, and you will be paid.",
    "The provincial council said it would consider supporting the tribal fighters if Baghdad paid them.",
    "The local radio station is funded by its listeners and a grant from a European foundation.",
    "Commanders told their men to read the rest of the orders aloud at every checkpoint.",
    "The council said the must-read report on the camps had been ignored for a year.",
    "He asked displaced families to share their stories with the aid workers in the camp.",
])
def test_reporting_that_mentions_subscribe_or_share_is_not_boilerplate(sentence):
    text = f"A title for the test\n\n{'The army advanced on the city from three fronts, officials said on Monday. ' * 3}\n\n{sentence}\n\n{'Residents fled the fighting along corridors secured by the security forces. ' * 3}\n"
    assert sentence in clean_text(text).paragraphs


def test_short_one_line_paragraph_inside_the_body_is_kept():
    body = "The army advanced on the city from three fronts, officials said on Monday, and the fighting was fierce. " * 2
    text = f"Headline about Mosul\n\n{body}\n\nIt did not last.\n\n{body.replace('Monday', 'Tuesday')}\n\nShare this article\n"
    article = clean_text(text)
    assert "It did not last." in article.paragraphs
    assert [r.reason for r in article.removed] == ["title", "share bar"]


def test_every_phrase_lexicon_row_is_well_formed():
    rows = [r for r in csv.reader(line for line in PHRASES_FILE.open(encoding="utf-8") if not line.startswith("#"))]
    assert rows[0] == ["category", "max_words", "pattern"]
    for row in rows[1:]:
        assert len(row) == 3, row
        assert int(row[1]) >= 0
        re.compile(row[2])
        # lines are lower-cased before matching; upper case is only allowed in escapes (\S, \W)
        assert not re.search(r"(?<!\\)[A-Z]", row[2]), row


@pytest.mark.parametrize("line, category", [
    ("We use cookies to give you the best experience. By continuing to browse our site you agree.", "cookie notice"),
    ("To keep reading, subscribe now to continue with unlimited digital access.", "paywall"),
    ("Sign up for our morning newsletter, delivered to your inbox.", "newsletter"),
    ("Filed under: Iraq, Security", "tags"),
    ("© 2019 Example Media Group", "copyright"),
    ("Related articles", "related links"),
    ("Reader Comments", "comments"),
    ("Get our best analysis every Friday. It's free, and you can unsubscribe at any time.", "newsletter"),
    ("Write to Jane Doe at jane.doe@example.com", "contact"),
    ("About the Institute", "about us"),
    ("Our mission", "about us"),
    ("If you value reporting like this, please consider becoming a supporting member today.", "paywall"),
    ("TIME may receive compensation for some links to products and services on this website.", "disclaimer"),
    ("-- By Jane Doe Follow @janedoe_news", "byline"),
    ("Follow @thereview.", "share bar"),
    ("Read the rest here.", "related links"),
    ("Read the full story here", "related links"),
    ("Please share your videos, pictures and stories at our reader hub.", "share bar"),
    ("More Must-Reads From The Review", "related links"),
])
def test_lexicon_categories(line, category):
    assert lexicon_category(line.lower(), len(line.split())) == category


def test_hard_wrapped_text_is_joined_into_paragraphs():
    wrapped = (
        "Mosul battle enters second week\n\n"
        "Iraqi forces pushed into the eastern districts of the city on Tuesday as\n"
        "the offensive entered its second week, officials said, while residents\n"
        "fled along corridors secured by the army.\n\n"
        "The advance was slower than planned because of the number of civilians\n"
        "still living in the old city and the tunnels dug by the militants.\n"
    )
    article = clean_text(wrapped)
    assert article.title == "Mosul battle enters second week"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].startswith("Iraqi forces pushed") and article.paragraphs[0].endswith("secured by the army.")


def test_pdf_style_wrapping_joins_lines_that_start_with_capitals_but_not_a_byline():
    paragraph = (
        "It should be pointed out that the Iraqi army is not alone in standing against\n"
        "ISIS in Iraq. There is also the Ansar al-Islam organization, noting that this\n"
        "organization and Jabhat al-Nusra are cooperating against the group in the north\n"
        "Nusra are cooperating against ISIS.\n"
    )
    text = (
        "ISIS sleeper cells in Iraq: a threat that has changed its shape over the years\n"
        "Iraqi Studies Unit\n\n" + paragraph + "\n" + paragraph.replace("north", "west")
    )
    article = clean_text(text)
    assert article.byline == "Iraqi Studies Unit"
    assert len(article.paragraphs) == 2
    assert article.paragraphs[0].endswith("cooperating against ISIS.")


def test_a_subheading_under_a_running_header_is_kept():
    paragraph = "The army advanced on the city from three fronts, officials said, and the fighting was fierce. " * 2
    text = (f"Report title\n\n{paragraph}\n\nPage 2 of 5\nTHE CENTER FOR STUDIES\n\n"
            f"The dormant cells\n\n{paragraph.replace('fierce', 'slow')}\n")
    article = clean_text(text)
    assert "The dormant cells" in article.paragraphs
    assert "Page 2 of 5" not in article.paragraphs


def test_body_is_the_same_without_metadata_hints(cleaned):
    for file, article in zip(cleaned["file"], cleaned["cleaned"]):
        assert clean_file(SEEDS / file).body_lines == article.body_lines, file


def test_audit_accounts_for_every_non_blank_line(cleaned):
    table = audit(cleaned)
    for file, article in zip(cleaned["file"], cleaned["cleaned"]):
        lines = (SEEDS / file).read_text(encoding="utf-8").splitlines()
        non_blank = {n for n, line in enumerate(lines, 1) if line.strip()}
        removed = set(table.loc[table["file"] == file, "line"])
        assert removed.isdisjoint(article.body_lines)
        assert removed | set(article.body_lines) == non_blank
        assert table.loc[table["file"] == file, "reason"].ne("").all()


def test_parts_of_the_seed_articles(cleaned):
    parts = cleaned.set_index("file")
    assert parts.loc["001_a92967235dabab54.txt", "date_line"] == "Jun 10, 2014"
    assert parts.loc["001_a92967235dabab54.txt", "standfirst"].startswith("The Islamic State of Iraq and al-Sham (ISIS) is still")
    assert parts.loc["003_0de244d715e8d948.txt", "byline"] == "Local Editor"
    assert parts.loc["004_36699c77de50e06f.txt", "byline"] == "Translated by Captain Ahab; By Elijah J.Magnier"
    assert parts.loc["001_a92967235dabab54.txt", "captions"][0].endswith("Photo by REUTERS.")


def test_html_article_is_extracted_with_trafilatura_then_cleaned(tmp_path):
    paragraphs = [
        "Iraqi forces pushed into the eastern districts of Mosul on Tuesday as the offensive entered its second week, officials said.",
        "The advance was slower than planned because of the number of civilians still living in the old city, a commander said.",
    ]
    page = tmp_path / "page.html"
    page.write_text(
        "<html><head><title>Mosul battle enters second week</title></head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li></ul></nav>"
        "<article><h1>Mosul battle enters second week</h1>"
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "<p>Sign up for our daily newsletter, delivered straight to your inbox.</p></article>"
        "<footer>© 2016 Example News. All rights reserved.</footer></body></html>",
        encoding="utf-8",
    )
    article = clean_file(page)
    assert article.title == "Mosul battle enters second week"
    assert article.paragraphs == paragraphs
