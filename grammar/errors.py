"""The one exception hierarchy of treaty-compare: every error a user can meet derives from TreatyError."""
from __future__ import annotations


class TreatyError(Exception):
    """A problem with the user's input, reported as ``path:line:col: problem`` plus an optional hint."""

    def __init__(
        self,
        problem: str,
        *,
        path: str | None = None,
        line: int | None = None,
        column: int | None = None,
        hint: str | None = None,
        context: str | None = None,
    ) -> None:
        super().__init__(problem)
        self.problem = problem
        self.path = path
        self.line = line
        self.column = column
        self.hint = hint
        self.context = context

    def __str__(self) -> str:
        where = ":".join(str(part) for part in (self.path, self.line, self.column) if part is not None)
        message = f"{where}: {self.problem}" if where else self.problem
        if self.context:
            message += "\n" + self.context
        if self.hint:
            message += f"\n  hint: {self.hint}"
        return message


class InputError(TreatyError):
    """A document could not be read: missing, empty, binary, undecodable, unsupported or without text."""


class ParseError(TreatyError):
    """A document was read but its structure could not be parsed."""


class TaxonomyError(TreatyError):
    """A taxonomy file is malformed: names the file, the category id and the field."""

    def __init__(self, problem: str, *, category: str | None = None, field: str | None = None, **kwargs) -> None:
        self.category = category
        self.field = field
        where = ", ".join(part for part in (f"category {category!r}" if category else None, f"field {field!r}" if field else None) if part)
        super().__init__(f"{where}: {problem}" if where else problem, **kwargs)


class TimeLimitError(TreatyError):
    """Classifying a document ran past its time limit: a taxonomy pattern backtracks on its text (issue 6)."""


class UsageError(TreatyError):
    """The command line asks for something impossible (unknown category, bad option value)."""
