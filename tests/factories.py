"""Build ``Document`` and ``ClassifiedDocument`` objects for tests and benchmarks without the parser or classifier.

``make_classified`` turns a short table of provisions into a consistent document (offsets, parents, text);
``read_tota`` reads a ToTA treaty's articles straight from its XML, one provision per paragraph, so alignment
work can be measured on real agreements independently of the provision grammar.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from defusedxml import ElementTree

from clauses.models import ClassifiedDocument, Tag
from grammar.models import Document, Party, Provision

_PARAGRAPH_BREAK = re.compile(r"\n[ \t\u00a0]*\n\s*")
# A numbered paragraph starting a line ("\n  2. The treatment…"): ToTA often omits the blank line before it.
_NUMBERED_LINE = re.compile(r"\n[ \t\u00a0]*(?=\d{1,2}\.\s+[A-Z])")
_NON_REF = re.compile(r"[^0-9a-z]+")


@dataclass
class Spec:
    """One provision of a test document: leaves give their text; containers get the span of their children."""

    ref: str
    text: str = ""
    kind: str = "paragraph"
    heading: str | None = None
    parent: str | None = None
    modality: str = "none"
    polarity: str = "positive"
    categories: list[str] = field(default_factory=list)


def make_classified(
    specs: list[Spec],
    *,
    path: str = "test.txt",
    title: str | None = None,
    parties: list[tuple[str, str]] = (),
    instrument: str = "agreement",
) -> ClassifiedDocument:
    """A classified document whose provisions are ``specs`` in order, leaves separated by blank lines."""
    parents = {spec.parent for spec in specs}
    text = ""
    spans: dict[str, tuple[int, int]] = {}
    for spec in specs:
        if spec.ref in parents:
            continue
        if text:
            text += "\n\n"
        spans[spec.ref] = (len(text), len(text) + len(spec.text))
        text += spec.text
    for spec in reversed(specs):  # children come after their parent, so walking backwards sizes containers
        if spec.parent is not None:
            start, end = spans[spec.ref]
            outer = spans.get(spec.parent, (start, end))
            spans[spec.parent] = (min(start, outer[0]), max(end, outer[1]))
    provisions = [
        Provision(ref=spec.ref, kind=spec.kind, heading=spec.heading, text=text[spans[spec.ref][0]:spans[spec.ref][1]],
                  start=spans[spec.ref][0], end=spans[spec.ref][1], parent=spec.parent,
                  modality=spec.modality, polarity=spec.polarity)
        for spec in specs
    ]
    document = Document(
        path=path, format="text", layout="structured", title=title,
        parties=[Party(code=code, name=name, role="signatory") for code, name in parties], dates=[],
        instrument=instrument, genre="legal_text", minerals=[], text=text, provisions=provisions, skipped=[],
    )
    tags = {spec.ref: [Tag(category=category, score=1.0, evidence=[]) for category in spec.categories]
            for spec in specs if spec.categories}
    return ClassifiedDocument(document=document, tags=tags)


def read_tota(path: Path | str) -> ClassifiedDocument:
    """A ToTA treaty as articles (heading = the article's name) with one child provision per paragraph; no tags.

    Refs follow the article number: ``ARTICLE 2.3`` → ``art_2_3``, its second paragraph ``art_2_3__para_2``;
    an unnumbered article uses its ToTA identifier (``art_id32898``).
    """
    root = ElementTree.parse(str(path)).getroot()
    specs: list[Spec] = []
    seen: set[str] = set()
    for article in root.iter("article"):
        ref = article_ref(article.get("number"), article.get("article_identifier"))
        while ref in seen:
            ref += "_"
        seen.add(ref)
        paragraphs = split_paragraphs(article.text or "")
        if not paragraphs:
            continue
        heading = (article.get("name") or "").strip() or None
        if len(paragraphs) == 1:
            specs.append(Spec(ref=ref, text=paragraphs[0], kind="article", heading=heading))
            continue
        specs.append(Spec(ref=ref, kind="article", heading=heading))
        specs.extend(Spec(ref=f"{ref}__para_{index}", text=paragraph, parent=ref)
                     for index, paragraph in enumerate(paragraphs, start=1))
    meta = root.find("meta")
    parties = [(code.text, code.text) for code in meta.iter("partyisocode")] if meta is not None else []
    title = meta.findtext("name") if meta is not None else None
    return make_classified(specs, path=str(path), title=title, parties=list(dict.fromkeys(parties)))


def article_ref(number: str | None, identifier: str | None) -> str:
    """``ARTICLE 2.3`` → ``art_2_3``; no number → ``art_id<identifier>``."""
    if number:
        digits = _NON_REF.sub("_", number.lower().replace("article", "")).strip("_")
        if digits:
            return f"art_{digits}"
    return f"art_id{identifier}"


def split_paragraphs(text: str) -> list[str]:
    """An article's paragraphs: split at blank lines and before numbered lines, each stripped, empties dropped."""
    pieces = []
    for block in _PARAGRAPH_BREAK.split(text):
        pieces.extend(_NUMBERED_LINE.split(block))
    return [" ".join(piece.split()) for piece in pieces if piece.strip()]


ALIGN_DATA = Path(__file__).resolve().parent / "data" / "align"


@dataclass
class LabelledCase:
    """Two agreements and the provision pairs a reader drew between them."""

    id: str
    a: ClassifiedDocument
    b: ClassifiedDocument
    pairs: set[tuple[str, str]]


def load_written_cases(path: Path = ALIGN_DATA / "written.toml") -> list[LabelledCase]:
    """The labelled cases of agreement language written for the project (``tests/data/align/written.toml``)."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return [
        LabelledCase(
            id=case["id"],
            a=make_classified([Spec(**spec) for spec in case["a"]], path=f"{case['id']}/A", title=f"{case['id']} A"),
            b=make_classified([Spec(**spec) for spec in case["b"]], path=f"{case['id']}/B", title=f"{case['id']} B"),
            pairs={tuple(pair) for pair in case["pairs"]},
        )
        for case in data["case"]
    ]


def load_tota_pairs(path: Path = ALIGN_DATA / "tota_pairs.toml") -> list[tuple[str, str, set[tuple[str, str]]]]:
    """ToTA article pairs as (file A, file B, {(article ref A, article ref B)}), refs as ``read_tota`` makes them."""
    with open(path, "rb") as handle:
        data = tomllib.load(handle)
    return [
        (entry["a"], entry["b"], {(article_ref(a, None), article_ref(b, None)) for a, b in entry["pairs"]})
        for entry in data["agreements"]
    ]


def article_keys(classified) -> dict[str, str]:
    """Each provision's article as its number's digits (``Art. 2.3`` and ``ARTICLE 2.3`` → ``2_3``), via the parent chain."""
    by_ref = {p.ref: p for p in classified.document.provisions}
    keys = {}
    for provision in classified.document.provisions:
        node = provision
        while node is not None and node.kind != "article":
            node = by_ref.get(node.parent) if node.parent else None
        keys[provision.ref] = article_digits(node.ref) if node is not None else provision.ref
    return keys


def article_digits(ref: str) -> str:
    return "_".join(re.findall(r"\d+", ref)) or ref
