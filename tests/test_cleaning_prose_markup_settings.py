"""Issue 22: the cleaner keeps sentences of prose that jusText's stop-word share would drop, blanks
markup tags in plain text (offsets kept), takes a dateline off the first paragraph, and a corpus can
be declared clean in ``corpus.toml`` (honoured by every path that cleans)."""

from __future__ import annotations

import importlib.util

import pytest

from conftest import REPO
from faults_support import article_text, run_cli, small_corpus, write_corpus
from newscorpus import load
from newscorpus.cleaning import audit, clean_corpus, clean_text
from newscorpus.cleaning.cleaner import STOPWORDS_LOW, as_is, split_units
from newscorpus.cleaning.markup import neutralise
from newscorpus.corpus import CorpusSettings, corpus_settings
from newscorpus.check import check_corpus
from newscorpus.errors import CorpusError
from newscorpus.layer.annotate import read_document
from newscorpus.pipeline import clean_task, corpus_tasks

BODY = [
    "The caucus campaign moved into its final week on Monday as the candidates crossed the state, "
    "and the polls suggested that the race was closer than it had been at any time this autumn.",
    "Organisers said that turnout in the rural counties would decide it, and that the weather on the "
    "night of the vote was the one thing that none of the campaigns could plan for in advance.",
]
# News prose full of names: fewer function words than jusText's threshold, yet a sentence.
NAMES_SENTENCE = ("Inside many Iowa churches, Carson enjoys exalted status. Congregants pass around copies "
                  "of his memoir, Gifted Hands, and pastors quote Carson sermons.")


def test_a_sentence_of_prose_with_few_stop_words_is_kept_between_paragraphs():
    unit = split_units(NAMES_SENTENCE)[0]
    assert unit.stop_density < STOPWORDS_LOW  # what jusText alone would call boilerplate
    article = clean_text("\n\n".join([BODY[0], NAMES_SENTENCE, BODY[1]]))
    assert NAMES_SENTENCE in article.paragraphs
    assert not article.removed


def test_a_title_case_line_among_menu_lines_still_goes():
    menu = "\n".join(["Home", "Politics", "Hillary Clinton Put On The Defensive Over Middle East Policy.",
                      "World", "Sports"])
    article = clean_text(menu + "\n\n" + "\n\n".join(BODY))
    assert all("Defensive" not in p for p in article.paragraphs)


def test_a_short_sentence_between_the_body_and_a_removed_line_is_kept():
    text = "\n\n".join([BODY[0], BODY[1], "Pure propaganda.", "Sign up for our newsletter to get the news."])
    article = clean_text(text)
    assert "Pure propaganda." in article.paragraphs
    assert "newsletter" in {r.reason for r in article.removed}


def test_neutralise_blanks_tags_with_as_many_spaces_and_names_their_lines():
    text = ('First line a < b and <http://example.org> and <jane@example.org>.\n'
            '<tweet id="1" author="@someone"\n datetime="2016-02-01">Words of the tweet</tweet>.\n'
            '<tweet/>\n<!-- a comment -->')
    blanked, tags = neutralise(text)
    assert len(blanked) == len(text) and blanked.count("\n") == text.count("\n")
    assert blanked.splitlines()[0] == text.splitlines()[0]  # no tag on the first line
    assert [line for line, _ in tags] == [2, 3, 4, 5]
    assert tags[0][1] == '<tweet id="1" author="@someone" datetime="2016-02-01">'
    assert "Words of the tweet" in blanked and "<" not in "".join(blanked.splitlines()[1:])
    assert neutralise("no markup here") == ("no markup here", [])


def test_markup_is_not_body_text_and_is_in_the_audit_with_its_line(tmp_path):
    tweet = '<tweet id="672138506081275904" author="@Reporter" datetime="2015-12-02">Police name the suspect</tweet>.'
    text = "\n\n".join([BODY[0], tweet, BODY[1]]) + "\n"
    article = clean_text(text)
    assert not any("<" in p or "author" in p for p in article.paragraphs)
    assert any(p.startswith("Police name the suspect") for p in article.paragraphs)
    markup = [r for r in article.removed if r.reason == "markup"]
    assert [(r.line, r.text) for r in markup] == [(3, tweet[:tweet.index(">") + 1]), (3, "</tweet>")]
    # the text layer's offsets still index the file as read, and every part aligns
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    doc = read_document(path)
    assert all(part.aligned for part in doc.parts)
    assert len(doc.text) == len(text)
    for token in doc.tokens:
        assert text[token.start:token.end].split() == token.text.split()


def test_a_dateline_comes_off_the_first_paragraph_only():
    first = "WASHINGTON (AP) — " + BODY[0]
    later = "MANCHESTER, N.H. - " + BODY[1]
    article = clean_text("\n\n".join([first, later]))
    assert article.paragraphs == [BODY[0], later]
    assert [(r.line, r.text, r.reason) for r in article.removed] == [(1, "WASHINGTON (AP) —", "dateline")]
    assert clean_text("US — " + BODY[0]).paragraphs == ["US — " + BODY[0]]  # too short to be a place


def test_as_is_keeps_every_paragraph_but_title_labels_and_lines_without_words():
    text = "\n\n".join(["A headline for the test", "ABSTRACT.", "Sign up for our newsletter today.",
                        "___.", "NEW YORK — " + BODY[0], BODY[1]])
    article = as_is(text, title="A headline for the test")
    assert article.title == "A headline for the test"
    assert article.paragraphs == ["Sign up for our newsletter today.", "NEW YORK — " + BODY[0], BODY[1]]
    assert {r.reason for r in article.removed} == {"title", "label", "no words"}
    assert "newsletter" in {r.reason for r in clean_text(text).removed}  # the cleaner would remove it


def test_a_dateline_opening_the_first_paragraph_comes_off_as_is_too():
    article = as_is("\n\n".join(["ROME - " + BODY[0], BODY[1]]))
    assert article.paragraphs == BODY and article.removed[0].reason == "dateline"


def _clean_false_corpus(folder):
    texts = {"a00.txt": "Article 0\n\n" + article_text(0) + "\nSign up for our newsletter today.\n",
             "a01.txt": "Article 1\n\n" + article_text(1) + "\nSign up for our newsletter today.\n"}
    write_corpus(folder, [{"file": name} for name in texts], texts)
    (folder / "corpus.toml").write_text("# already clean\nclean = false\n", encoding="utf-8")
    return folder


def test_corpus_toml_switches_cleaning_off_for_the_book_check_and_pipeline(tmp_path):
    folder = _clean_false_corpus(tmp_path / "corpus")
    assert corpus_settings(folder) == CorpusSettings(clean=False)
    articles = load(folder)
    as_read = clean_corpus(articles, clean=False)
    assert all("Sign up for our newsletter today." in p for p in as_read["paragraphs"])
    assert set(audit(as_read)["reason"]) == {"title"}
    cleaned = clean_corpus(articles, clean=True)
    assert not any("Sign up for our newsletter today." in p for p in cleaned["paragraphs"])
    notes = []
    _, problems = check_corpus(folder, notes=notes)
    assert problems == [] and any("clean = false" in note for note in notes)
    tasks, problems = corpus_tasks(folder)
    assert problems == [] and all(task.clean is False for task in tasks)
    assert "Sign up for our newsletter today." in clean_task(tasks[0]).paragraphs


def test_clean_corpus_reads_the_setting_of_the_corpus_folder(tmp_path, monkeypatch):
    folder = _clean_false_corpus(tmp_path / "corpus")
    kept = lambda table: all("Sign up for our newsletter today." in p for p in table["paragraphs"])
    assert kept(clean_corpus(load(folder)))  # the folder load read, wherever the book's seeds are
    monkeypatch.setenv("NEWSCORPUS_SEEDS", str(folder))
    assert kept(clean_corpus(load()))
    articles = load()
    assert kept(clean_corpus(articles[articles["file"] == "a00.txt"]))  # a subset keeps its folder


def test_without_corpus_toml_a_corpus_is_cleaned(tmp_path):
    folder = small_corpus(tmp_path / "corpus")
    assert corpus_settings(folder).clean is True


@pytest.mark.parametrize("content, message", [
    ("clean = no\n", "not valid TOML"),
    ('clean = "false"\n', "clean = 'false' is not true or false"),
    ("clean = false\ncleen = true\n", "unknown setting 'cleen'"),
])
def test_check_reports_a_wrong_corpus_toml_in_one_line(tmp_path, content, message):
    folder = small_corpus(tmp_path / "corpus")
    (folder / "corpus.toml").write_text(content, encoding="utf-8")
    _, problems = check_corpus(folder)
    assert len(problems) == 1 and message in str(problems[0]) and "corpus.toml" in str(problems[0])
    assert "\n" not in str(problems[0])
    with pytest.raises(CorpusError):
        corpus_settings(folder)
    result = run_cli("check", str(folder))
    assert result.returncode != 0 and message in result.stderr and "Traceback" not in result.stderr


def test_polnear_archive_writes_clean_false_unless_mixed_with_seeds(tmp_path):
    spec = importlib.util.spec_from_file_location("polnear_archive", REPO / "scripts" / "polnear_archive.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    source = tmp_path / "nyt_2016-01-02_a-test-article.txt"
    source.write_text("A test article\n\n" + article_text(0), encoding="utf-8")
    module.write_archive([source], tmp_path / "alone")
    assert corpus_settings(tmp_path / "alone").clean is False
    module.write_archive([source], tmp_path / "mixed", seeds=REPO / "seeds")
    assert not (tmp_path / "mixed" / "corpus.toml").exists()


def test_a_corpus_declared_clean_is_told_what_its_outlets_repeat(tmp_path):
    # an editor's note in three of an outlet's articles is kept (the corpus is declared clean),
    # and both check and the cleaning chapter's note say so; a line in two articles is not named
    note = "Editor's note: this story was updated with the *council's* vote."
    texts = {f"a{i:02d}.txt": f"Article {i}\n\n" + article_text(i) + (f"\n{note}\n" if i < 3 else "\n")
             + ("Thanks for reading our coverage today.\n" if i in (3, 4) else "") for i in range(5)}
    folder = tmp_path / "corpus"
    write_corpus(folder, [{"file": name} for name in texts], texts)
    (folder / "corpus.toml").write_text("clean = false\n", encoding="utf-8")
    articles = load(folder)
    cleaned = clean_corpus(articles)
    assert sum(note in p for paragraphs in cleaned["paragraphs"] for p in paragraphs) == 3  # kept as text
    from newscorpus.cleaning.cleaned import repeated_lines
    from newscorpus.cleaning.report import cleaning_off_notice

    outlets = dict(zip(articles["file"], articles["outlet"]))
    repeats = repeated_lines([outlets[f] for f in cleaned["file"]], list(cleaned["paragraphs"]))
    assert list(repeats["text"]) == [note] and list(repeats["articles"]) == [3]
    notice = cleaning_off_notice(audit(cleaned), cleaned, articles)
    assert "1 paragraph recurs word for word in 3 or more articles" in notice
    assert "\\*council\\'s\\*" in notice  # the corpus's text is escaped, not read as emphasis
    notes = []
    _, problems = check_corpus(folder, notes=notes)
    repeated = [n for n in notes if "recur word for word" in n]
    assert problems == [] and len(repeated) == 1 and "in 3 " in repeated[0] and "Editor's note" in repeated[0]
    assert "\n" not in repeated[0]
    # with cleaning on, nothing is said about repeats: the cleaner weighs them itself
    (folder / "corpus.toml").unlink()
    notes = []
    check_corpus(folder, notes=notes)
    assert not any("recur word for word" in n for n in notes)
