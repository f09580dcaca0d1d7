"""The nothing-lost invariant, as a checker shared by the example tests and the property tests."""
from __future__ import annotations

from grammar.models import Document


def coverage_problems(document: Document) -> list[str]:
    """Every way ``document`` breaks the invariant; empty when it holds.

    * every span maps back to its text exactly;
    * every non-whitespace character lies in a provision or a skipped span;
    * no character lies in two siblings (top-level provisions and skipped spans count as siblings);
    * children lie inside their parent; refs are unique.
    """
    text = document.text
    problems: list[str] = []
    by_ref = {}
    for provision in document.provisions:
        if provision.ref in by_ref:
            problems.append(f"duplicate ref {provision.ref!r}")
        by_ref[provision.ref] = provision
        if not 0 <= provision.start <= provision.end <= len(text):
            problems.append(f"{provision.ref}: span [{provision.start}, {provision.end}) outside the text")
        elif text[provision.start : provision.end] != provision.text:
            problems.append(f"{provision.ref}: text differs from text[start:end]")
    siblings: dict[str | None, list[tuple[int, int, str]]] = {}
    for provision in document.provisions:
        siblings.setdefault(provision.parent, []).append((provision.start, provision.end, provision.ref))
        if provision.parent is not None:
            parent = by_ref.get(provision.parent)
            if parent is None:
                problems.append(f"{provision.ref}: parent {provision.parent!r} does not exist")
            elif not (parent.start <= provision.start and provision.end <= parent.end):
                problems.append(f"{provision.ref}: span outside its parent {parent.ref}")
    for span in document.skipped:
        # A skipped span inside an article (a share-this line between its paragraphs) is a child of that article; inside
        # a provision and its only child, which share a span (a paragraph of one sentence), it is the child's.
        enclosing = [(p.end - p.start, -position, p.ref) for position, p in enumerate(document.provisions)
                     if p.start <= span.start and span.end <= p.end]
        parent = min(enclosing)[2] if enclosing else None
        siblings.setdefault(parent, []).append((span.start, span.end, f"skipped:{span.reason}"))
        if text[span.start : span.end].strip() == "":
            problems.append(f"empty skipped span at {span.start}")
    for group in siblings.values():
        group.sort()
        for (start_a, end_a, name_a), (start_b, end_b, name_b) in zip(group, group[1:]):
            if start_b < end_a:
                problems.append(f"siblings overlap: {name_a} [{start_a},{end_a}) and {name_b} [{start_b},{end_b})")
    covered = bytearray(len(text))
    for start, end, _ in siblings.get(None, []):
        covered[start:end] = b"\x01" * (end - start)
    lost = [index for index, char in enumerate(text) if not covered[index] and not char.isspace()]
    if lost:
        first = lost[0]
        problems.append(f"{len(lost)} characters in no provision or skipped span, first at {first}: {text[first:first + 40]!r}")
    return problems
