"""The vocabulary of the classification stage: category tags with the evidence for each."""
from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from grammar.models import Document


class Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Evidence(Model):
    """One match that supports a tag: the text matched, its offsets in the document's normalized text."""

    match: str
    start: int
    end: int
    #: The taxonomy phrase or pattern that matched.
    pattern: str
    score: float = 1.0


class Tag(Model):
    """A category given to a provision, with a score in [0, 1] and the evidence behind it."""

    category: str
    score: float
    evidence: list[Evidence]


class ClassifiedDocument(Model):
    """A parsed document plus the tags of each provision, keyed by provision ``ref``."""

    document: Document
    tags: dict[str, list[Tag]]
    #: "default" or the path of the user's taxonomy file.
    taxonomy: str = "default"

    def categories(self, ref: str) -> list[str]:
        return [tag.category for tag in self.tags.get(ref, [])]
