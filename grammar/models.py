"""The vocabulary of the grammar stage: documents, provisions, skipped spans and metadata.

Every offset is a half-open ``[start, end)`` index into ``Document.text``, the normalized text,
so ``document.text[p.start:p.end] == p.text`` holds for every provision ``p``.
"""
from __future__ import annotations

from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict

Kind = Literal["part", "chapter", "section", "article", "paragraph", "item", "bullet", "sentence"]
Modality = Literal["binding", "commitment", "best_effort", "aspirational", "none"]
Polarity = Literal["positive", "negative"]
SourceFormat = Literal["text", "markdown", "html", "tota_xml", "pdf"]
Layout = Literal["structured", "prose"]

#: Strongest first: the order used wherever modalities are ranked.
MODALITY_STRENGTH: tuple[Modality, ...] = ("binding", "commitment", "best_effort", "aspirational", "none")


class Model(BaseModel):
    model_config = ConfigDict(frozen=True)


ModelT = TypeVar("ModelT", bound=BaseModel)


def trusted(model: type[ModelT], **values) -> ModelT:
    """``model.model_construct(**values)`` for values that give every field and are valid by construction.

    For the models a stage builds by the thousand from its own checked data (provisions, tags, evidence):
    validation would only cost time, and so would ``model_construct``'s per-field default and alias lookups.
    This sets the same four attributes it sets.
    """
    instance = model.__new__(model)
    object.__setattr__(instance, "__dict__", values)
    object.__setattr__(instance, "__pydantic_fields_set__", set(values))
    object.__setattr__(instance, "__pydantic_extra__", None)
    object.__setattr__(instance, "__pydantic_private__", None)
    return instance


class ClauseReading(Model):
    """What the clause grammar reads in one provision: who acts, how strongly, and whether it is a prohibition."""

    actor: str | None = None
    modality: Modality = "none"
    polarity: Polarity = "positive"
    #: The phrases that decided modality and polarity, as they appear in the text.
    modality_cue: str | None = None
    polarity_cue: str | None = None


class Provision(Model):
    """One unit of an agreement: an article, a numbered paragraph, a lettered item, a bullet or a sentence."""

    ref: str
    kind: Kind
    heading: str | None = None
    text: str
    start: int
    end: int
    #: ``ref`` of the enclosing provision; ``None`` at the top level.
    parent: str | None = None
    actor: str | None = None
    modality: Modality = "none"
    polarity: Polarity = "positive"
    modality_cue: str | None = None
    polarity_cue: str | None = None


class Skipped(Model):
    """A span of normalized text set aside rather than parsed, with the reason (boilerplate, duplicate, title …)."""

    start: int
    end: int
    reason: str


class DatedEvent(Model):
    """A date the document gives for an event: ``kind`` is published, signed, in_force or mentioned."""

    kind: Literal["published", "signed", "in_force", "mentioned"]
    date: str  # ISO 8601, as precise as the text: 2023, 2023-09 or 2023-09-21
    text: str


class Party(Model):
    """A state or the EU, by code (ISO 3166-1 alpha-3 or ``EU``), as a signatory or merely mentioned."""

    code: str
    name: str
    role: Literal["signatory", "mentioned"]


class Metadata(Model):
    title: str | None = None
    parties: list[Party] = []
    dates: list[DatedEvent] = []
    #: agreement, memorandum, framework, joint_statement, partnership, roadmap, unilateral_policy, news_report, unknown
    instrument: str = "unknown"
    #: legal_text for the agreement itself, news_report for reports and press releases about it.
    genre: Literal["legal_text", "news_report"] = "legal_text"
    minerals: list[str] = []


class OutlineEntry(Model):
    """A heading line the source format declares outright (ToTA XML): the parser trusts these and no others."""

    kind: Kind
    line: str


class Source(Model):
    """A document as read from disk: decoded text before normalization, plus any structure the format carries."""

    path: str
    format: SourceFormat
    raw: str
    warnings: list[str] = []
    #: Metadata the format states outright (ToTA ``<meta>``): name, date_signed, parties.
    declared: dict[str, str | list[str]] = {}
    #: Heading lines, in order, that the format declares (``Chapter ONE: …``, ``ARTICLE 2.4: Export Duties``);
    #: empty for plain text, where the grammar alone decides what is a heading.
    outline: list[OutlineEntry] = []


class Document(Model):
    """A parsed agreement: normalized text, its provisions in document order, what was skipped, and metadata."""

    path: str
    format: SourceFormat
    layout: Layout
    title: str | None
    parties: list[Party]
    dates: list[DatedEvent]
    instrument: str
    genre: Literal["legal_text", "news_report"]
    minerals: list[str]
    text: str
    provisions: list[Provision]
    skipped: list[Skipped]
    warnings: list[str] = []

    @property
    def signatories(self) -> list[str]:
        return [party.code for party in self.parties if party.role == "signatory"]

    def children(self, ref: str | None) -> list[Provision]:
        return [provision for provision in self.provisions if provision.parent == ref]
