"""Pages in other languages: named, not silently emptied (cleaning/language.py, the cleaner's
`language` field and `clean --json`). The samples are written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from newscorpus import load
from newscorpus.cleaning import clean_corpus, clean_text
from newscorpus.cleaning.language import detect_language

from conftest import SEEDS

FRENCH = (
    "Les forces irakiennes ont repris mardi le contrôle de plusieurs quartiers de l'est de Mossoul, "
    "selon les responsables militaires, tandis que des milliers d'habitants fuyaient les combats. "
    "L'avancée a été plus lente que prévu, car de nombreux civils vivent encore dans la vieille ville "
    "et les combattants ont creusé des tunnels sous les maisons."
)
GERMAN = (
    "Die irakischen Truppen haben am Dienstag mehrere Viertel im Osten von Mossul zurückerobert, wie "
    "Offiziere mitteilten, während Tausende Bewohner vor den Kämpfen flohen. Der Vormarsch war "
    "langsamer als geplant, weil noch viele Zivilisten in der Altstadt leben und die Kämpfer Tunnel "
    "unter den Häusern gegraben haben."
)
SPANISH = (
    "Las fuerzas iraquíes recuperaron el martes el control de varios barrios del este de Mosul, según "
    "los mandos militares, mientras miles de vecinos huían de los combates. El avance fue más lento "
    "de lo previsto, porque muchos civiles siguen viviendo en la ciudad vieja y los combatientes "
    "cavaron túneles bajo las casas."
)
ARABIC = (
    "استعادت القوات العراقية يوم الثلاثاء السيطرة على عدة أحياء في شرق الموصل، بحسب مسؤولين عسكريين، "
    "في حين فر آلاف السكان من المعارك. وكان التقدم أبطأ مما كان متوقعا، لأن كثيرا من المدنيين ما "
    "زالوا يعيشون في المدينة القديمة، وقد حفر المقاتلون أنفاقا تحت المنازل التي كانت على الطريق."
)
CHINESE = "伊拉克军队星期二收复了摩苏尔东部的几个街区，军方官员说，数千名居民逃离了战斗。由于许多平民仍住在老城，推进比计划的要慢。"
JAPANESE = "イラク軍は火曜日、モスル東部のいくつかの地区を奪還したと軍の当局者が述べた。数千人の住民が戦闘から逃れた。"
# Languages jusText has no stop list for, in scripts English is not written in.
SORANI = (
    "هێزەکانی عێراق ڕۆژی سێشەممە کۆنترۆڵی چەند گەڕەکێکی ڕۆژهەڵاتی موسڵیان گرتەوە، بەپێی فەرماندە "
    "سەربازییەکان، لە کاتێکدا هەزاران دانیشتوو لە شەڕەکان هەڵهاتن. پێشڕەوییەکە لەوەی پلانی بۆ دانرابوو "
    "هێواشتر بوو."
)
AMHARIC = (
    "የኢራቅ ኃይሎች ማክሰኞ በምስራቅ ሞሱል የሚገኙ በርካታ ሰፈሮችን መልሰው መቆጣጠራቸውን ወታደራዊ አዛዦች ገለጹ። "
    "በሺዎች የሚቆጠሩ ነዋሪዎች ከውጊያው ሸሽተዋል። በአሮጌው ከተማ አሁንም ብዙ ሰላማዊ ሰዎች ስለሚኖሩ ግስጋሴው "
    "ከታቀደው በላይ ዘግይቷል። ይህም ለሠራዊቱ ትልቅ ፈተና ሆኗል።"
)
ENGLISH = (
    "Iraqi forces pushed into the eastern districts of Mosul on Tuesday as the offensive entered its "
    "second week, officials said, while thousands of residents fled along corridors secured by the army. "
    "The advance was slower than planned because of the number of civilians still living in the old city."
)


@pytest.mark.parametrize("text, language", [
    (FRENCH, "French"), (GERMAN, "German"), (SPANISH, "Spanish"), (ARABIC, "Arabic"),
    (CHINESE, "Chinese"), (JAPANESE, "Japanese"), (ENGLISH, "English"),
])
def test_detect_language_names_the_language_of_a_short_paragraph(text, language):
    assert detect_language(text) == language


@pytest.mark.parametrize("text, language", [
    (SORANI, "a language in Arabic script"), (AMHARIC, "a language in Ethiopic script"),
])
def test_a_language_without_a_stop_list_is_named_by_its_script_and_not_cleaned_as_english(text, language):
    assert detect_language(text) == language
    article = clean_text(f"{text}\n\n{text}\n")
    assert article.language == language and article.paragraphs == []
    assert {r.reason for r in article.removed} == {"not English"}


def test_the_corpus_check_refuses_an_article_in_another_language():
    from newscorpus.check import content_problems

    articles = load(SEEDS)
    articles.loc[0, "raw_text"] = f"{SORANI}\n\n{SORANI}\n"
    problems = content_problems(articles, SEEDS)
    assert len(problems) == 1
    assert f"{articles.loc[0, 'file']}: looks like a language in Arabic script, not English" in str(problems[0])


def test_detect_language_is_unknown_when_there_is_too_little_to_go_on():
    assert detect_language("Mosul, Iraq") == "unknown"
    assert detect_language("") == "unknown"
    assert detect_language("12 345 678 " * 10) == "unknown"


@pytest.mark.parametrize("text, language", [(FRENCH, "French"), (ARABIC, "Arabic"), (CHINESE, "Chinese")])
def test_a_page_in_another_language_is_named_on_every_line_not_emptied_in_silence(text, language):
    page = f"Accueil\nMonde\n\n{text}\n\n{text}\n"
    article = clean_text(page)
    assert article.language == language
    assert article.paragraphs == []
    assert {r.reason for r in article.removed} == {"not English"}
    assert [r.line for r in article.removed] == [1, 2, 4, 6]  # every non-blank line accounted for


def test_english_pages_say_english_and_seeds_agree_with_the_full_detector():
    cleaned = clean_corpus(load(SEEDS))
    assert set(cleaned["language"]) == {"English"}
    for text in cleaned["source_text"]:
        assert detect_language(text) == "English"  # the cleaner's cheap test and the full one agree
    assert clean_text(ENGLISH + "\n\n" + ENGLISH.replace("Tuesday", "Monday")).language == "English"


def test_clean_json_carries_the_language(tmp_path):
    (tmp_path / "article_fr.txt").write_text(f"Titre\n\n{FRENCH}\n\n{FRENCH}\n", encoding="utf-8")
    seed = str(SEEDS / "004_36699c77de50e06f.txt")
    result = subprocess.run([sys.executable, "-m", "newscorpus", "clean", "--json", "article_fr.txt", seed],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    french, english = (json.loads(line) for line in result.stdout.splitlines())
    assert french["language"] == "French" and french["paragraphs"] == []
    assert {r["reason"] for r in french["removed"]} == {"not English"}
    assert english["language"] == "English" and english["paragraphs"]
