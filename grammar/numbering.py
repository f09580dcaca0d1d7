"""How agreements number their articles, written once for every regex that reads an article heading.

``2.4``, ``1-4`` (Canadian style), ``C-12`` (NAFTA style: the chapter's letter first) and ``1101``. The
provision grammar's ``ARTICLE`` terminal (``provisions.lark``) spells the same patterns (number and keyword): a
grammar file cannot import them, so a change here goes there too.
"""
from __future__ import annotations

import re
from bisect import bisect_left

__all__ = ["ARTICLE_KEYWORD", "ORDINAL_WORDS", "ARTICLE_NUMBER", "ORDINAL", "DIVISION_KINDS", "DIVISION_WORDS", "KEYWORD_DASH", "KEYWORD_SEPARATOR", "NUMBER_WORD", "NUMBER_WORDS", "division_keyword", "value_of_words", "roman_numeral", "number_key", "rising_run"]

#: The word "Article" as headings spell it, with the abbreviation and the misreadings of scanned text that no word
#: of English shares ("Artic1e", "Articte", "Artlcle", "Aiticle", "Anicle", "Artide"), and as the Spanish and Portuguese
#: texts among the agreements notified to the WTO spell it ("Artículo 5", "Artigo 5"; French writes "Article"):
#: lowercase, wrap it in ``(?i:…)``; and the section sign as statutes and the agreements drafted like them number their
#: units ("§ 1 Objectives").
ARTICLE_KEYWORD = r"articles?|art\.|a(?:rt|rl|it|n)[il1|]c[il1|t]es?|artides?|art[íi]culos?|artigos?|§"
#: The words that head a division, in English, Spanish, Portuguese and French, and the level each names. The provision
#: grammar's ``DIVISION`` terminal spells the same.
DIVISION_WORDS = {
    "part": "part", "parte": "part", "partie": "part",
    "title": "title", "título": "title", "titulo": "title", "titre": "title",
    "chapter": "chapter", "capítulo": "chapter", "capitulo": "chapter", "chapitre": "chapter",
    "section": "section", "sección": "section", "seccion": "section", "secção": "section", "seção": "section",
    "subsection": "subsection", "sub-section": "subsection",
    "annex": "annex", "annexe": "annex", "anexo": "annex",
    "appendix": "appendix", "apéndice": "appendix", "apendice": "appendix", "schedule": "schedule",
}
#: The kind of provision each division level makes: a title is a part, a subsection a section, and an annex, appendix
#: or schedule a part, as it "forms an integral part" of the agreement.
DIVISION_KINDS = {"part": "part", "title": "part", "chapter": "chapter", "section": "section", "subsection": "section",
                  "annex": "part", "appendix": "part", "schedule": "part"}
#: A number spelled out, as older agreements number their articles ("Article ONE", "Article Twenty-One"), and the first
#: article as French and Spanish texts number it ("Article premier", "Artículo primero"); the provision
#: grammar's ``_NUMBER_WORD`` terminal spells the same.
NUMBER_WORD = (r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[ -](?:one|two|three|four|five|six|seven|eight|nine))?"
               r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
               r"|eighteen|nineteen|premi[eè]re?|primer[oa])")
#: An article number in digits, with an optional chapter-letter prefix; uppercase letters (wrap the
#: expression in ``(?i:…)`` where the heading's case does not matter).
ARTICLE_NUMBER = r"(?:[A-Z]{1,2}-)?[0-9]{1,4}(?:[.\-][0-9]{1,3})*"
#: What stands between a heading's keyword and its number, as well as a colon or spaces: a dash ("ARTICLE - I" in
#: India's treaties with Bhutan and Nepal, "Article – 5"). The provision grammar's ``ARTICLE`` terminal spells the same.
KEYWORD_DASH = r"\s*[\-–—]\s*"
#: The ordinal mark after an article's or a division's number in French, Spanish and Portuguese texts: "Article 1er",
#: "Artículo 1º", "Artículo 2°", "Artigo 1.º". Where a regex follows it with a word boundary, it writes ``(?!\w)``
#: instead of ``\b`` ("°" is no word character). The provision grammar's ``ARTICLE`` and ``_DIVISION_NUMBER`` spell the same.
ORDINAL = r"(?:er|\.?[ºª°])"
#: The value of each word of a number spelled out (``NUMBER_WORD``): "twenty-two" is 20 + 2.
NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
    "premier": 1, "première": 1, "premiere": 1, "primero": 1, "primera": 1,
}
#: The ordinals with which Spanish and Portuguese memoranda head their clauses ("PRIMERO. OBJETIVO", "CLÁUSULA TERCERA",
#: "CLÁUSULA PRIMEIRA"), masculine and feminine, and the value of each.
ORDINAL_WORDS = {
    **{word: value for value, words in enumerate((
        ("primero", "primera", "primeiro", "primeira"), ("segundo", "segunda"), ("tercero", "tercera", "terceiro", "terceira"),
        ("cuarto", "cuarta", "quarto", "quarta"), ("quinto", "quinta"), ("sexto", "sexta"),
        ("séptimo", "séptima", "sétimo", "sétima", "septimo", "septima"), ("octavo", "octava", "oitavo", "oitava"),
        ("noveno", "novena", "nono", "nona"), ("décimo", "décima", "decimo", "decima"),
        ("undécimo", "undécima", "decimoprimero", "decimoprimera"), ("duodécimo", "duodécima", "decimosegundo", "decimosegunda"),
        ("decimotercero", "decimotercera"), ("decimocuarto", "decimocuarta"), ("decimoquinto", "decimoquinta"),
    ), start=1) for word in words},
}
KEYWORD_SEPARATOR = rf"(?::?\s*|{KEYWORD_DASH})"
_WHOLE_NUMBER = re.compile(ARTICLE_NUMBER, re.IGNORECASE)


def number_key(number: str) -> tuple[int, ...] | None:
    """The order of a digit number: ``"2.4"`` → ``(2, 4)``, ``"C-12"`` → ``(3, 12)`` (the chapter letter orders
    first, as its place in the alphabet); ``None`` when ``number`` is not one."""
    if not _WHOLE_NUMBER.fullmatch(number):
        return None
    letters, _, digits = number.partition("-") if number[0].isalpha() else ("", "", number)
    prefix = tuple(ord(letter.upper()) - ord("A") + 1 for letter in letters)
    return prefix + tuple(int(part) for part in digits.replace("-", ".").split("."))


def value_of_words(words: str) -> int | None:
    """``"twenty-one"`` → ``21``, ``"Six"`` → ``6``; ``None`` where ``words`` are not a number spelled out."""
    parts = words.lower().replace("-", " ").split()
    if not parts or any(part not in NUMBER_WORDS for part in parts):
        return None
    return sum(NUMBER_WORDS[part] for part in parts)


def roman_numeral(value: int) -> str:
    """``4`` → ``"iv"``, ``14`` → ``"xiv"``: a number as a list's roman label (lowercase), below 400."""
    numeral = ""
    for step, letters in ((100, "c"), (90, "xc"), (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        count, value = divmod(value, step)
        numeral += letters * count
    return numeral


def division_keyword(*levels: str) -> str:
    """The words of ``DIVISION_WORDS`` naming these levels (all of them when none is given), as one alternation,
    longest first, to wrap in ``(?i:…)``: ``division_keyword("chapter")`` → ``capítulo|capitulo|chapitre|chapter``."""
    words = [word for word, level in DIVISION_WORDS.items() if not levels or level in levels]
    return "|".join(re.escape(word) for word in sorted(words, key=lambda word: (-len(word), word)))


def rising_run(keys: list[tuple[int, ...]]) -> list[int]:
    """The positions of the longest run of ``keys`` that rises strictly in order; of runs equally long, the one taking
    the earliest positions ("Article 3: Scope" / "Article 1 The Parties …" / "Article 4": 3 and 4), as reading in order
    would have it.

    ``run_from[i]``, the longest rising run starting at position i, comes from a patience sort read from the end
    (n log n): ``firsts[n]`` holds the highest key that starts a run of n + 1 so far.
    """
    run_from = [0] * len(keys)
    firsts: list[_Descending] = []
    for index in range(len(keys) - 1, -1, -1):
        key = _Descending(keys[index])
        length = bisect_left(firsts, key)  # the runs of every length whose first key is higher
        if length == len(firsts):
            firsts.append(key)
        else:
            firsts[length] = key
        run_from[index] = length + 1
    needed = max(run_from, default=0)
    previous: tuple[int, ...] | None = None
    run = []
    for index, (key, length) in enumerate(zip(keys, run_from)):
        if length == needed and (previous is None or key > previous):
            run.append(index)
            previous, needed = key, needed - 1
    return run


class _Descending:
    """A key that sorts backwards, for ``bisect`` over keys kept in descending order."""

    __slots__ = ("key",)

    def __init__(self, key: tuple[int, ...]) -> None:
        self.key = key

    def __lt__(self, other: "_Descending") -> bool:
        return self.key > other.key
