"""How agreements number their articles, written once for every regex that reads an article heading.

``2.4``, ``1-4`` (Canadian style), ``C-12`` (NAFTA style: the chapter's letter first) and ``1101``. The
provision grammar's ``ARTICLE`` terminal (``provisions.lark``) spells the same patterns (number and keyword): a
grammar file cannot import them, so a change here goes there too.
"""
from __future__ import annotations

import re

__all__ = ["ARTICLE_KEYWORD", "ARTICLE_NUMBER", "DIVISION_WORDS", "NUMBER_WORD", "division_keyword", "number_key"]

#: The word "Article" as headings spell it, with the abbreviation and the misreadings of scanned text that no word
#: of English shares ("Artic1e", "Articte", "Artlcle", "Aiticle", "Anicle", "Artide"), and as the Spanish and Portuguese
#: texts among the agreements notified to the WTO spell it ("Artículo 5", "Artigo 5"; French writes "Article"):
#: lowercase, wrap it in ``(?i:…)``.
ARTICLE_KEYWORD = r"articles?|art\.|a(?:rt|rl|it|n)[il1|]c[il1|t]es?|artides?|art[íi]culos?|artigos?"
#: The words that head a division, in English, Spanish, Portuguese and French, and the level each names.
DIVISION_WORDS = {
    "part": "part", "parte": "part", "partie": "part",
    "title": "title", "título": "title", "titulo": "title", "titre": "title",
    "chapter": "chapter", "capítulo": "chapter", "capitulo": "chapter", "chapitre": "chapter",
    "section": "section", "sección": "section", "seccion": "section", "secção": "section", "seção": "section",
    "subsection": "subsection", "sub-section": "subsection",
}
#: A number spelled out, as older agreements number their articles ("Article ONE", "Article Twenty-One"); the provision
#: grammar's ``_NUMBER_WORD`` terminal spells the same.
NUMBER_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
               r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
               r"|eighteen|nineteen)")
#: An article number in digits, with an optional chapter-letter prefix; uppercase letters (wrap the
#: expression in ``(?i:…)`` where the heading's case does not matter).
ARTICLE_NUMBER = r"(?:[A-Z]{1,2}-)?[0-9]{1,4}(?:[.\-][0-9]{1,3})*"
_WHOLE_NUMBER = re.compile(ARTICLE_NUMBER, re.IGNORECASE)


def number_key(number: str) -> tuple[int, ...] | None:
    """The order of a digit number: ``"2.4"`` → ``(2, 4)``, ``"C-12"`` → ``(3, 12)`` (the chapter letter orders
    first, as its place in the alphabet); ``None`` when ``number`` is not one."""
    if not _WHOLE_NUMBER.fullmatch(number):
        return None
    letters, _, digits = number.partition("-") if number[0].isalpha() else ("", "", number)
    prefix = tuple(ord(letter.upper()) - ord("A") + 1 for letter in letters)
    return prefix + tuple(int(part) for part in digits.replace("-", ".").split("."))


def division_keyword(*levels: str) -> str:
    """The words of ``DIVISION_WORDS`` naming these levels (all of them when none is given), as one alternation,
    longest first, to wrap in ``(?i:…)``: ``division_keyword("chapter")`` → ``capítulo|capitulo|chapitre|chapter``."""
    words = [word for word, level in DIVISION_WORDS.items() if not levels or level in levels]
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))
