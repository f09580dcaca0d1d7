"""The vocabulary of the compare stage: aligned provision pairs, coverage of categories, and gaps.

Every model is frozen and JSON-able with ``model_dump(mode="json")``: the report stage and other tools
read these dumps, so field names are domain nouns and every claim carries its evidence (refs, texts, score).
"""
from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, computed_field

from grammar.models import Modality, Polarity

#: ``same``: equal after normalization; ``reworded``: same commitment, other words;
#: ``related``: same subject (category or heading), a different commitment.
Relation = Literal["same", "reworded", "related"]
#: How many agreements cover a category: every one, several, exactly one (``only``), or none.
Status = Literal["all", "some", "only", "none"]
GapKind = Literal["missing", "uncovered", "strength"]
RedlineOp = Literal["equal", "insert", "delete"]


class Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class AgreementInfo(Model):
    """Who and what an agreement is, as the header of a comparison shows it."""

    path: str
    title: str | None = None
    #: Signatory names, or every party named when the parser found no signatories.
    parties: list[str] = []
    #: ``kind date`` strings in document order, e.g. ``signed 2023-03-28``.
    dates: list[str] = []
    instrument: str = "unknown"
    genre: str = "legal_text"
    provisions: int = 0


class RedlineChunk(Model):
    """One run of words in a word-level diff: kept (``equal``), only in B (``insert``) or only in A (``delete``)."""

    op: RedlineOp
    text: str


class Pair(Model):
    """Two provisions, one per agreement, that say the same thing or speak to the same subject."""

    a_ref: str
    b_ref: str
    a_text: str
    b_text: str
    a_heading: str | None = None
    b_heading: str | None = None
    #: The pairing score in [0, 1]: wording similarity plus the category and heading signals.
    score: float
    #: Wording similarity alone in [0, 1], from the scorer named in ``Alignment.scorer``.
    text_score: float
    relation: Relation
    #: Categories both provisions carry.
    categories: list[str] = []
    a_modality: Modality = "none"
    b_modality: Modality = "none"
    a_polarity: Polarity = "positive"
    b_polarity: Polarity = "positive"
    #: Word-level diff from A's wording to B's; empty for ``same`` pairs.
    redline: list[RedlineChunk] = []

    # Computed fields appear in ``model_dump``, so JSON readers get the flags the text output shows.
    @computed_field
    @property
    def modality_differs(self) -> bool:
        """A binds and B only aspires, or any other difference in strength."""
        return self.a_modality != self.b_modality

    @computed_field
    @property
    def polarity_differs(self) -> bool:
        """One prohibits ("shall not") what the other permits or requires."""
        return self.a_polarity != self.b_polarity


class Unpaired(Model):
    """A provision with no partner in the other agreement: a gap at provision level."""

    ref: str
    text: str
    heading: str | None = None
    categories: list[str] = []
    modality: Modality = "none"
    polarity: Polarity = "positive"


class Alignment(Model):
    """The one-to-one pairing of two agreements' provisions, with what stayed unpaired on each side."""

    a: AgreementInfo
    b: AgreementInfo
    pairs: list[Pair]
    unpaired_a: list[Unpaired]
    unpaired_b: list[Unpaired]
    #: Pairs scoring below this stay unpaired.
    min_score: float
    scorer: str

    def has_differences(self) -> bool:
        """True unless every provision pairs with an equal one on the other side (diff(1) exit status 1)."""
        return bool(self.unpaired_a or self.unpaired_b) or any(pair.relation != "same" for pair in self.pairs)


class CoverageCell(Model):
    """How one agreement covers one category: the provisions tagged with it and the strongest modality among them."""

    agreement: str
    category: str
    refs: list[str] = []
    strongest: Modality | None = None

    @property
    def covered(self) -> bool:
        return bool(self.refs)


class CategoryCoverage(Model):
    """One row of the coverage matrix: a category's cell in every agreement and its status across them."""

    category: str
    cells: list[CoverageCell]
    status: Status
    #: The agreements that cover the category (paths), in the order of ``Comparison.agreements``.
    covered_by: list[str] = []

    @property
    def label(self) -> str:
        """``all``, ``some``, ``none`` or ``only <agreement>``."""
        return f"only {self.covered_by[0]}" if self.status == "only" else self.status


class Gap(Model):
    """A difference in coverage: ``missing`` (some agreements cover the category, these do not),
    ``uncovered`` (no agreement covers it), ``strength`` (covered everywhere listed, but more weakly in ``weaker``).
    """

    kind: GapKind
    category: str
    #: Agreements (paths) that cover the category; for strength gaps, those with the strongest modality.
    covered_by: list[str] = []
    #: Agreements that lack the category (missing, uncovered) or cover it more weakly (strength).
    lacking: list[str] = []
    #: Strongest modality per agreement that covers the category (strength gaps).
    modalities: dict[str, Modality] = {}


class Comparison(Model):
    """Coverage matrix, gaps and (for two agreements, or on request) the pairwise alignments of several agreements."""

    agreements: list[AgreementInfo]
    coverage: list[CategoryCoverage]
    gaps: list[Gap]
    alignments: list[Alignment] = []

    def has_differences(self) -> bool:
        """True when any alignment differs or any category is covered unevenly (diff(1) exit status 1)."""
        if any(alignment.has_differences() for alignment in self.alignments):
            return True
        return any(gap.kind != "uncovered" for gap in self.gaps)
