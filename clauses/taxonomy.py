"""Load, validate and merge clause taxonomies: the default ``taxonomy.toml`` and users' files extending it.

A user file either extends the default::

    extends = "default"
    remove = ["energy_security"]          # drop a default category

    [[category]]                           # a new category, or an override of a default one:
    id = "export_duties"                   # the fields given replace the default's, the rest are kept
    phrases = ["export levy"]

or replaces it (no ``extends``): then it must define every category in full.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from clauses.models import Taxonomy
from clauses.regex_safety import backtracking_hazard
from clauses.vocabulary import phrase_slots
from grammar.errors import TaxonomyError

DEFAULT_PATH = Path(__file__).with_name("taxonomy.toml")

#: Keys a taxonomy file may have at the top level, besides the Taxonomy fields.
FILE_KEYS = {"extends", "remove", "category"}
SHARED_KEYS = {"spellings", "fixed_words", "common_exclusions", "heading_exclusions"}
ANAPHOR = re.compile(r"[a-z][a-z-]*")


def load_taxonomy(path: str | None = None) -> Taxonomy:
    """The default taxonomy, or the user's file at ``path`` merged with it (``extends = "default"``)."""
    default_data = _read_toml(DEFAULT_PATH)
    if path is None:
        return _build(default_data, None, DEFAULT_PATH, source="default")
    user_data = _read_toml(Path(path))
    return _build(user_data, default_data if user_data.get("extends") else None, Path(path), source=str(path))


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise TaxonomyError("no such taxonomy file", path=str(path)) from None
    except tomllib.TOMLDecodeError as error:
        # tomllib writes "Invalid value (at line 3, column 9)": lift the position into the error's fields.
        position = re.search(r"\(at line (\d+), column (\d+)\)", str(error))
        problem = re.sub(r"\s*\(at line.*\)$", "", str(error))
        line, column = (int(position[1]), int(position[2])) if position else (None, None)
        raise TaxonomyError(f"not valid TOML: {problem}", path=str(path), line=line, column=column) from None


def _build(data: dict[str, Any], base: dict[str, Any] | None, path: Path, source: str) -> Taxonomy:
    unknown = set(data) - FILE_KEYS - SHARED_KEYS
    if unknown:
        raise TaxonomyError(f"unknown top-level key {sorted(unknown)[0]!r}", path=str(path), line=_line_of(path, sorted(unknown)[0]))
    if "extends" in data and data["extends"] != "default":
        raise TaxonomyError('only extends = "default" is supported', field="extends", path=str(path), line=_line_of(path, "extends"))
    raw_categories = data.get("category", [])
    if not isinstance(raw_categories, list) or not all(isinstance(item, dict) for item in raw_categories):
        raise TaxonomyError("categories must be [[category]] tables", field="category", path=str(path))
    _check_ids(raw_categories, path)
    if base is None:
        if "remove" in data:
            raise TaxonomyError('"remove" needs extends = "default"', field="remove", path=str(path), line=_line_of(path, "remove"))
        merged_categories = raw_categories
        shared = {key: data[key] for key in SHARED_KEYS if key in data}
    else:
        merged_categories = _merge_categories(base["category"], raw_categories, data.get("remove", []), path)
        shared = {key: base.get(key) for key in SHARED_KEYS if key in base}
        for key in SHARED_KEYS & data.keys():
            shared[key] = _merge_shared(shared.get(key), data[key])
    try:
        taxonomy = Taxonomy(source=source, categories=merged_categories, **shared)
    except ValidationError as error:
        raise _taxonomy_error(error, merged_categories, path) from None
    _check_relations(taxonomy, path)
    _check_phrases(taxonomy, path)
    _check_regexes(taxonomy, path)
    return taxonomy


def _check_ids(raw_categories: list[dict], path: Path) -> None:
    seen: set[str] = set()
    for index, raw in enumerate(raw_categories):
        category_id = raw.get("id")
        if not isinstance(category_id, str):
            raise TaxonomyError(f"category number {index + 1} has no id", field="id", path=str(path))
        if category_id in seen:
            raise TaxonomyError("duplicate category id", category=category_id, field="id", path=str(path),
                                line=_line_of(path, "id", category_id, occurrence=2))
        seen.add(category_id)


def _merge_categories(base: list[dict], overrides: list[dict], remove: list[str], path: Path) -> list[dict]:
    """Default categories in order, minus ``remove``, each updated by the user's fields; new ones appended."""
    by_id = {raw["id"]: dict(raw) for raw in base}
    for category_id in remove:
        if category_id not in by_id:
            raise TaxonomyError("cannot remove a category the default does not have", category=category_id,
                                field="remove", path=str(path), line=_line_of(path, "remove"))
        del by_id[category_id]
    for raw in overrides:
        by_id[raw["id"]] = {**by_id.get(raw["id"], {}), **raw}
    removed = set(remove)
    dangling = [raw["id"] for raw in by_id.values() if raw.get("parent") in removed]
    if dangling:
        raise TaxonomyError(f"its parent {by_id[dangling[0]]['parent']!r} was removed", category=dangling[0], field="parent", path=str(path))
    return list(by_id.values())


def _merge_shared(default: Any, user: Any) -> Any:
    """Shared rules add up: the user's spellings and exclusions join the default's."""
    if isinstance(default, dict) and isinstance(user, dict):
        return {**default, **user}
    if isinstance(default, list) and isinstance(user, list):
        return default + [item for item in user if item not in default]
    return user


def _taxonomy_error(error: ValidationError, raw_categories: list[dict], path: Path) -> TaxonomyError:
    # For a str-or-table union, pydantic reports every member; the deepest location is the one the user meant.
    first = max(error.errors(), key=lambda item: len(item["loc"]))
    location = list(first["loc"])
    category_id = None
    field = ".".join(str(part) for part in location) or None
    if location[:1] == ["categories"] and len(location) >= 2 and isinstance(location[1], int):
        category_id = raw_categories[location[1]].get("id")
        # pydantic reports str|table unions by member type ("phrases.0.str"): keep the user's field path.
        field = ".".join(str(part) for part in location[2:] if part not in ("str", "WeightedPhrase", "WeightedPattern", "LayoutPhrase")) or None
    message = first["msg"]
    if first["type"] == "extra_forbidden":
        message = f"unknown key {location[-1]!r}"
        field = str(location[-1])
    key = str(location[2]) if category_id is not None and len(location) > 2 else (str(location[0]) if location else None)
    line = _line_of(path, key, category_id) if key else None
    return TaxonomyError(message[0].lower() + message[1:], category=category_id, field=field, path=str(path), line=line)


def _check_relations(taxonomy: Taxonomy, path: Path) -> None:
    ids = set(taxonomy.ids)
    parents = {category.id: category.parent for category in taxonomy.categories}
    for category in taxonomy.categories:
        if not category.phrases and not category.patterns:
            raise TaxonomyError("empty vocabulary: give at least one phrase or pattern", category=category.id,
                                field="phrases", path=str(path), line=_line_of(path, "id", category.id))
        if category.parent is None:
            continue
        if category.parent not in ids:
            raise TaxonomyError(f"parent {category.parent!r} does not exist", category=category.id, field="parent",
                                path=str(path), line=_line_of(path, "parent", category.id))
        seen, current = {category.id}, category.parent
        while current is not None:
            if current in seen:
                raise TaxonomyError("parents form a cycle", category=category.id, field="parent", path=str(path))
            seen.add(current)
            current = parents.get(current)


def _check_phrases(taxonomy: Taxonomy, path: Path) -> None:
    """A phrase must start with a word: one that can start with ``*`` (all its first slots optional) would have the scan
    try a five-word gap at every word of the text, and one that can be empty matches nothing. A phrase given twice in
    one field for the same layout is refused too: which weight counts would be a guess."""
    for category in taxonomy.categories:
        for noun in category.anaphors:
            if not ANAPHOR.fullmatch(noun):
                raise TaxonomyError(f"anaphor {noun!r} must be one word (letters and hyphens)", category=category.id,
                                    field="anaphors", path=str(path), line=_line_of(path, "anaphors", category.id))
        for field, entries in (("phrases", category.phrases), ("ignore", category.ignore), ("context", category.context),
                               ("fields", category.fields)):
            seen: set[tuple[str, str | None]] = set()
            for entry in entries:
                phrase = entry if isinstance(entry, str) else entry.phrase
                problem = _phrase_opening_problem(phrase_slots(phrase))
                key = (" ".join(phrase.lower().split()), getattr(entry, "layout", None))
                if problem is None and key in seen:
                    problem = "is given twice: keep one (with the weight and layout you mean)"
                seen.add(key)
                if problem:
                    raise TaxonomyError(f"phrase {phrase!r} {problem}", category=category.id, field=field, path=str(path),
                                        line=_pattern_line(path, field, category.id, phrase))


def _phrase_opening_problem(slots: list[list[list[str]]]) -> str | None:
    for slot in slots:
        if any(option and option[0] == "*" for option in slot):
            return "can start with *: a gap needs a word before it"
        if all(option for option in slot):
            return None
    return "can be empty: give it at least one word that is not optional"


def _check_regexes(taxonomy: Taxonomy, path: Path) -> None:
    shared = [("common_exclusions", pattern) for pattern in taxonomy.common_exclusions]
    shared += [("heading_exclusions", pattern) for pattern in taxonomy.heading_exclusions]
    for field, pattern in shared:
        _check_regex(pattern, None, field, path)
    for category in taxonomy.categories:
        for pattern in category.patterns:
            _check_regex(pattern if isinstance(pattern, str) else pattern.pattern, category.id, "patterns", path)
        for pattern in category.exclusions:
            _check_regex(pattern, category.id, "exclusions", path)
        for pattern in category.context_exclusions:
            _check_regex(pattern, category.id, "context_exclusions", path)
        for pattern in category.lead_ins:
            _check_regex(pattern, category.id, "lead_ins", path)


def _check_regex(pattern: str, category_id: str | None, field: str, path: Path) -> None:
    try:
        compiled = re.compile(pattern)
    except re.error as error:
        raise TaxonomyError(f"invalid regular expression {pattern!r}: {error}", category=category_id, field=field,
                            path=str(path), line=_line_of(path, field, category_id)) from None
    if compiled.groupindex:
        # All patterns are compiled into one combined expression, where named groups would collide.
        raise TaxonomyError(f"named groups are not allowed in {pattern!r}: use (?:…)", category=category_id,
                            field=field, path=str(path), line=_line_of(path, field, category_id))
    if compiled.match(""):
        raise TaxonomyError(f"pattern {pattern!r} matches the empty string", category=category_id, field=field, path=str(path))
    hazard = backtracking_hazard(pattern)
    if hazard:
        raise TaxonomyError(f"pattern {pattern!r} can backtrack exponentially: {hazard}", category=category_id, field=field,
                            path=str(path), line=_pattern_line(path, field, category_id, pattern))


def _pattern_line(path: Path, field: str, category_id: str | None, pattern: str) -> int | None:
    """The line of ``pattern`` in ``field``'s list (written as a literal or a basic string), else the field's line."""
    field_line = _line_of(path, field, category_id)
    if field_line is None:
        return None
    lines = path.read_text(encoding="utf-8").splitlines()
    spellings = (pattern, pattern.replace("\\", "\\\\").replace('"', '\\"'))
    for number in range(field_line - 1, len(lines)):
        if number > field_line - 1 and lines[number].strip() == "[[category]]":
            break
        if any(spelling in lines[number] for spelling in spellings):
            return number + 1
    return field_line


def _line_of(path: Path, key: str | None, category_id: str | None = None, occurrence: int = 1) -> int | None:
    """The line of ``key = …`` in the file, inside the table of ``category_id`` when given (best effort)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    start = 0
    if category_id is not None:
        id_line = re.compile(rf"""^\s*id\s*=\s*["']{re.escape(category_id)}["']""")
        hits = [number for number, line in enumerate(lines) if id_line.match(line)]
        if len(hits) < occurrence:
            return None
        start = hits[occurrence - 1]
        if key == "id":
            return start + 1
    key_line = re.compile(rf"^\s*{re.escape(key)}\s*=") if key else None
    for number in range(start, len(lines)):
        if number > start and category_id is not None and lines[number].strip() == "[[category]]":
            break
        if key_line and key_line.match(lines[number]):
            return number + 1
    return start + 1 if category_id is not None else None
