"""The ``treaty`` command: the one module that wires the four stages together.

Exit codes (also in ``treaty --help`` and the README):
  0  success (``diff``: no differences)
  1  a check failed (``taxonomy check``) or, for ``diff``, differences found
  2  trouble: bad input or usage; in a batch, at least one input failed (the others were still processed)
  130 interrupted
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from collections.abc import Callable, Iterable, Iterator
from typing import Any, NamedTuple

from grammar import load_document, expand_paths
from grammar.errors import TreatyError, UsageError
from grammar.models import Document
from grammar.version import PROGRAM_VERSION

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_DIFFERENCES = 1
EXIT_TROUBLE = 2
EXIT_INTERRUPTED = 130

VERSION = PROGRAM_VERSION
#: The sample corpus shipped with the repository: the default input of ``treaty report``.
BUNDLED_SEEDS = Path(__file__).resolve().parent.parent / "seeds"

EXIT_CODES_HELP = """exit codes:
  0    success (diff: no differences)
  1    a check failed (taxonomy check); diff: differences found
  2    trouble: bad input or usage; in a batch, some inputs failed (the rest were processed)
  130  interrupted
"""


def _common_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("-o", "--output", metavar="FILE", help="write data to FILE instead of stdout")
    parent.add_argument("-q", "--quiet", action="store_true", help="print no messages on stderr, only errors")
    parent.add_argument("-v", "--verbose", action="store_true", help="print more messages on stderr")
    parent.add_argument("--debug", action="store_true", help="show tracebacks for errors")
    return parent


# ----------------------------------------------------------------------------- parse

def _add_parse(commands, parent) -> None:
    parser = commands.add_parser(
        "parse",
        parents=[parent],
        help="parse agreements into provisions and metadata",
        description="Parse agreements into provisions (ref, kind, modality, polarity) and document metadata.",
        epilog="example:\n  treaty parse seeds/ --format json\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories; - for stdin")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.set_defaults(run=_cmd_parse)


def _cmd_parse(args) -> int:
    documents, failed = _load_all(args.paths, args)
    if args.format == "json":
        payload = {"version": VERSION, "documents": [_document_json(doc) for doc in documents]}
        _emit(args, json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        _emit(args, "".join(_document_outline(doc) for doc in documents))
    return EXIT_TROUBLE if failed else EXIT_OK


def _document_json(document: Document) -> dict:
    data = document.model_dump(mode="json")
    return data


def _document_outline(document: Document) -> str:
    parties = ", ".join(document.signatories) or "-"
    lines = [
        f"# {document.path}",
        f"title:      {document.title or '-'}",
        f"parties:    {parties}",
        f"instrument: {document.instrument} ({document.genre})",
        f"dates:      {', '.join(f'{d.kind} {d.date}' for d in document.dates) or '-'}",
        f"minerals:   {', '.join(document.minerals) or '-'}",
        f"provisions: {len(document.provisions)}   skipped spans: {len(document.skipped)}",
        "",
    ]
    depth: dict[str, int] = {}
    for provision in document.provisions:
        level = depth[provision.parent] + 1 if provision.parent in depth else 0
        depth[provision.ref] = level
        words = " ".join(provision.text.split())
        first_words = words if len(words) <= 72 else words[:71] + "…"
        polarity = " NOT" if provision.polarity == "negative" else ""
        lines.append(f"{'  ' * level}{provision.ref:<16} {provision.kind:<9} {provision.modality + polarity:<16} {first_words}")
    lines.append("")
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- classify

def _add_classify(commands, parent) -> None:
    parser = commands.add_parser(
        "classify",
        parents=[parent, _batch_options()],
        help="tag each provision with clause categories",
        description="Tag each provision with the taxonomy's clause categories: one row per provision with its "
                    "categories, modality, polarity and actor (jsonl rows also carry the evidence).",
        epilog="examples:\n  treaty classify seeds/002_b68c110a14118c9d.txt\n"
               "  treaty classify seeds/ --format jsonl --category labor_rights\n"
               "  treaty classify treaty.xml --taxonomy my_taxonomy.toml\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories; - for stdin")
    parser.add_argument("--format", choices=["text", "jsonl"], default="text", help="output format (default: text)")
    parser.add_argument("--category", metavar="ID", action="append",
                        help="only provisions with this category (repeatable)")
    parser.set_defaults(run=_cmd_classify)


def _cmd_classify(args) -> int:
    _check_categories(args, args.category or [])
    # Each document becomes its rows as it arrives, so only the rows are kept, not the documents.
    per_document, failed = _classify_all(args.paths, args, keep=lambda classified: _classify_rows(classified, args.category))
    rows = [row for rows in per_document for row in rows]
    if args.format == "jsonl":
        _emit(args, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    else:
        _emit(args, _classify_table(rows))
    return EXIT_TROUBLE if failed else EXIT_OK


def _classify_rows(classified, categories: list[str] | None) -> list[dict]:
    """One row per provision of ``classified``; with ``categories``, only the provisions tagged with one of them."""
    rows = []
    for provision in classified.document.provisions:
        tags = classified.tags.get(provision.ref, [])
        if categories and not any(tag.category in categories for tag in tags):
            continue
        rows.append(_classify_row(classified.document.path, provision, tags))
    return rows


def _classify_row(path: str, provision, tags) -> dict:
    return {
        "path": path, "ref": provision.ref, "kind": provision.kind, "start": provision.start, "end": provision.end,
        "categories": [tag.category for tag in tags],
        "scores": {tag.category: tag.score for tag in tags},
        "evidence": {tag.category: [{"match": e.match, "start": e.start, "end": e.end, "pattern": e.pattern}
                                    for e in tag.evidence] for tag in tags},
        "modality": provision.modality, "polarity": provision.polarity, "actor": provision.actor,
        "text": provision.text,
    }


def _classify_table(rows: list[dict]) -> str:
    """Tab-separated rows with a header: grep and cut friendly; the text is shortened to one line."""
    header = ["path", "ref", "start", "end", "categories", "modality", "polarity", "actor", "text"]
    lines = ["\t".join(header)]
    for row in rows:
        words = " ".join(row["text"].split())
        lines.append("\t".join([
            row["path"], row["ref"], str(row["start"]), str(row["end"]), ",".join(row["categories"]) or "-",
            row["modality"], row["polarity"], row["actor"] or "-", words if len(words) <= 100 else words[:99] + "…",
        ]))
    return "\n".join(lines) + "\n"


# ----------------------------------------------------------------------------- explain

def _add_explain(commands, parent) -> None:
    parser = commands.add_parser(
        "explain",
        parents=[parent],
        help="show why a text gets its categories",
        description="Classify one text and show why: the vocabulary each category matched, scores, vetoes, "
                    "and the clause reading (modality, polarity, actor).",
        epilog='examples:\n  treaty explain "Neither Party shall impose export duties on lithium."\n'
               "  echo 'The Parties hereby establish a Joint Committee.' | treaty explain -\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("text", metavar="TEXT", help="the text to explain; - reads it from stdin")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    parser.add_argument("--taxonomy", metavar="FILE", help="a taxonomy file (extending or replacing the default)")
    parser.set_defaults(run=_cmd_explain)


def _cmd_explain(args) -> int:
    from clauses import explain_text, load_taxonomy
    from grammar.errors import InputError

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise InputError("nothing to explain: the text is empty", path="-" if args.text == "-" else None)
    explanation = explain_text(text, load_taxonomy(args.taxonomy))
    if args.format == "json":
        _emit(args, json.dumps({"version": VERSION, **explanation.model_dump(mode="json")}, ensure_ascii=False, indent=2) + "\n")
        return EXIT_OK
    lines = [f"categories: {', '.join(explanation.categories) or '-'}"]
    for candidate in explanation.candidates:
        verdict = "given" if candidate.tagged else (f"vetoed by {candidate.vetoed_by}" if candidate.vetoed_by else "below threshold")
        lines.append(f"  {candidate.category}  score {candidate.score:.2f}  {verdict}")
        for evidence in candidate.evidence:
            lines.append(f"    {evidence.match!r} at {evidence.start}-{evidence.end}, weight {evidence.score:g}, from {evidence.pattern!r}")
    polarity_cue = f" ({explanation.polarity_cue!r})" if explanation.polarity_cue else ""
    modality_cue = f" ({explanation.modality_cue!r})" if explanation.modality_cue else ""
    lines.append(f"modality: {explanation.modality}{modality_cue}")
    lines.append(f"polarity: {explanation.polarity}{polarity_cue}")
    lines.append(f"actor:    {explanation.actor or '-'}")
    _emit(args, "\n".join(lines) + "\n")
    return EXIT_OK


# ----------------------------------------------------------------------------- taxonomy

def _add_taxonomy(commands, parent) -> None:
    parser = commands.add_parser(
        "taxonomy",
        help="check or show a clause taxonomy",
        description="Validate a taxonomy file and run its examples (check), or print the merged taxonomy (show). "
                    "Without FILE, the default taxonomy.",
        epilog="examples:\n  treaty taxonomy check my_taxonomy.toml\n  treaty taxonomy show --format json\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    check = actions.add_parser(
        "check", parents=[parent], help="validate, then run every example and counter-example",
        description="Validate a taxonomy, then classify every example (must get its category) and counter-example "
                    "(must not). Exit 1 listing the failures.",
        epilog="example:\n  treaty taxonomy check my_taxonomy.toml\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("file", nargs="?", metavar="FILE", help="taxonomy file (default: the built-in taxonomy)")
    check.set_defaults(run=_cmd_taxonomy_check)
    show = actions.add_parser(
        "show", parents=[parent], help="print the merged taxonomy as a tree",
        description="Print the merged taxonomy (default plus the user's file) as a tree of categories.",
        epilog="example:\n  treaty taxonomy show my_taxonomy.toml --format json\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    show.add_argument("file", nargs="?", metavar="FILE", help="taxonomy file (default: the built-in taxonomy)")
    show.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")
    show.set_defaults(run=_cmd_taxonomy_show)


def _cmd_taxonomy_check(args) -> int:
    from clauses import load_taxonomy
    from clauses.classify import classify_text

    taxonomy = load_taxonomy(args.file)
    failures, checked = [], 0
    for category in taxonomy.categories:
        for sentence in category.examples:
            checked += 1
            got = classify_text(sentence, taxonomy)
            if category.id not in got:
                failures.append(f"{category.id}: example not classified (got {', '.join(got) or 'nothing'}): {sentence}")
        for sentence in category.counter_examples:
            checked += 1
            if category.id in classify_text(sentence, taxonomy):
                failures.append(f"{category.id}: counter-example classified: {sentence}")
    name = args.file or "default taxonomy"
    if failures:
        _emit(args, "".join(f"FAIL {failure}\n" for failure in failures))
        _message(args, f"treaty: {name}: {len(failures)} of {checked} examples failed", always=True)
        return EXIT_CHECK_FAILED
    _emit(args, f"ok: {name}: {len(taxonomy.categories)} categories, {checked} examples and counter-examples pass\n")
    return EXIT_OK


def _cmd_taxonomy_show(args) -> int:
    from clauses import load_taxonomy

    taxonomy = load_taxonomy(args.file)
    children: dict[str | None, list] = {}
    for category in taxonomy.categories:
        children.setdefault(category.parent, []).append(category)

    def as_tree(parent: str | None) -> list[dict]:
        return [{**category.model_dump(mode="json"), "children": as_tree(category.id)} for category in children.get(parent, [])]

    def as_lines(parent: str | None, depth: int) -> list[str]:
        lines = []
        for category in children.get(parent, []):
            vocabulary = f"{len(category.phrases)} phrases, {len(category.patterns)} patterns, {len(category.exclusions)} exclusions"
            if category.lead_ins:
                vocabulary += f", {len(category.lead_ins)} lead-ins"
            if category.context:
                vocabulary += f", {len(category.context)} context phrases"
            if category.fields:
                vocabulary += f", {len(category.fields)} fields"
            lines.append(f"{'  ' * depth}{category.id:<{28 - 2 * depth}} {category.label}  ({vocabulary})")
            lines += as_lines(category.id, depth + 1)
        return lines

    if args.format == "json":
        _emit(args, json.dumps({"version": VERSION, "source": taxonomy.source, "categories": as_tree(None)},
                               ensure_ascii=False, indent=2) + "\n")
    else:
        _emit(args, f"# taxonomy: {taxonomy.source}\n" + "\n".join(as_lines(None, 0)) + "\n")
    return EXIT_OK


# ----------------------------------------------------------------------------- diff, compare, report

def _batch_options() -> argparse.ArgumentParser:
    """Options of every command that classifies a corpus: taxonomy, parallel jobs, cache."""
    options = argparse.ArgumentParser(add_help=False)
    options.add_argument("--taxonomy", metavar="FILE", help="a taxonomy file (extending or replacing the default)")
    options.add_argument("--jobs", type=int, default=None, metavar="N",
                         help="parse and classify with N processes (default: one per core)")
    options.add_argument("--cache-dir", metavar="DIR", help="where parsed documents are cached (default: user cache folder)")
    options.add_argument("--no-cache", action="store_true", help="neither read nor write the cache")
    return options


def _add_diff(commands, parent) -> None:
    parser = commands.add_parser(
        "diff",
        parents=[parent, _batch_options()],
        help="compare two agreements category by category",
        description="Compare two agreements: coverage per category (both / only A / only B), strength differences, "
                    "aligned provisions with a word-level redline, and unpaired provisions. "
                    "Exit status as diff(1): 0 no differences, 1 differences, 2 trouble.",
        epilog="examples:\n  treaty diff seeds/000_a3af9cbf6debed67.txt seeds/002_b68c110a14118c9d.txt\n"
               "  treaty diff A.xml B.xml --category export_duties --format md\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("a", metavar="A", help="first agreement (file, or - for stdin)")
    parser.add_argument("b", metavar="B", help="second agreement")
    parser.add_argument("--format", choices=["text", "json", "md"], default="text", help="output format (default: text)")
    parser.add_argument("--category", metavar="ID", help="only this category")
    parser.add_argument("--min-score", type=float, default=None, metavar="N",
                        help="pair provisions only from this score (0-1 or 0-100)")
    parser.add_argument("--no-color", action="store_true", help="plain [-deleted-]{+inserted+} markers, no colour")
    parser.set_defaults(run=_cmd_diff)


def _cmd_diff(args) -> int:
    from compare import compare_documents
    from reports.diff_text import render_diff

    taxonomy = _check_categories(args, [args.category] if args.category else [])
    documents, failed = _classify_all([args.a, args.b], args)
    if failed:
        return EXIT_TROUBLE
    if len(documents) != 2:
        raise UsageError(f"diff compares two agreements; the paths hold {len(documents)}")
    options = {} if args.min_score is None else {"min_score": args.min_score / 100 if args.min_score > 1 else args.min_score}
    comparison = compare_documents(documents, categories=taxonomy.ids, align=True, **options)
    color = args.format == "text" and not args.no_color and not os.environ.get("NO_COLOR") and not args.output \
        and sys.stdout.isatty()
    _emit(args, render_diff(comparison, fmt=args.format, color=color, category=args.category))
    return EXIT_DIFFERENCES if comparison.has_differences() else EXIT_OK


def _add_compare(commands, parent) -> None:
    parser = commands.add_parser(
        "compare",
        parents=[parent, _batch_options()],
        help="coverage matrix and gaps of many agreements",
        description="The coverage matrix (categories x agreements; each cell the number of provisions and the "
                    "strongest modality) and the gap lists, for any number of agreements.",
        epilog="examples:\n  treaty compare seeds/\n  treaty compare treaties/ --format csv -o coverage.csv\n\n"
               + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="files or directories; - for stdin")
    parser.add_argument("--format", choices=["text", "json", "csv"], default="text", help="output format (default: text)")
    parser.set_defaults(run=_cmd_compare)


def _cmd_compare(args) -> int:
    from compare.coverage import compare_coverage

    taxonomy = _check_categories(args, [])
    # Only each document's coverage is kept (and read from the cache): hundreds of treaties fit in bounded memory.
    coverages, failed = _classify_all(args.paths, args, product="coverage")
    if not coverages:
        return EXIT_TROUBLE
    comparison = compare_coverage(coverages, categories=taxonomy.ids)
    if args.format == "json":
        _emit(args, json.dumps({"version": VERSION, **comparison.model_dump(mode="json")}, ensure_ascii=False, indent=2) + "\n")
    elif args.format == "csv":
        from reports.table_csv import render_coverage_csv

        _emit(args, render_coverage_csv(comparison))
    else:
        from reports.matrix_text import render_coverage_text

        _emit(args, render_coverage_text(comparison))
    return EXIT_TROUBLE if failed else EXIT_OK


#: Up to this many agreements the report aligns every pair for its side-by-side section.
REPORT_ALIGN_UP_TO = 12
DEFAULT_REPORT = "treaty-report.html"


def _add_report(commands, parent) -> None:
    parser = commands.add_parser(
        "report",
        parents=[parent, _batch_options()],
        help="write the comparison report (HTML, Markdown or JSON)",
        description="Write one self-contained comparison report: agreements, coverage matrix, gaps, side-by-side "
                    f"provisions and each agreement's parsed text. Default input: the bundled seeds; default output: "
                    f"./{DEFAULT_REPORT} (./treaty-report.md, .json for the other formats).",
        epilog="examples:\n  treaty report\n  treaty report treaties/ -o comparison.html --title 'Critical minerals deals'\n"
               "  treaty report seeds/ --format md -o -\n\n" + EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("paths", nargs="*", metavar="PATH", help="files or directories (default: the bundled seeds)")
    parser.add_argument("--format", choices=["html", "md", "json"], default="html", help="output format (default: html)")
    parser.add_argument("--title", metavar="TEXT", help="the report's title")
    parser.set_defaults(run=_cmd_report)


def _cmd_report(args) -> int:
    from compare import compare_documents
    from reports.render import render_report

    taxonomy = _check_categories(args, [])
    paths = args.paths or [str(BUNDLED_SEEDS)]
    documents, failed = _classify_all(paths, args)
    if not documents:
        return EXIT_TROUBLE
    comparison = compare_documents(documents, categories=taxonomy.ids, align=len(documents) <= REPORT_ALIGN_UP_TO)
    report = render_report(
        documents, comparison, fmt=args.format, title=args.title, taxonomy_name=args.taxonomy or "default",
        generated=_generation_time(), category_labels={category.id: category.label for category in taxonomy.categories},
    )
    if args.output == "-":
        sys.stdout.write(report)
    else:
        args.output = args.output or DEFAULT_REPORT.replace(".html", {"html": ".html", "md": ".md", "json": ".json"}[args.format])
        _emit(args, report)
    return EXIT_TROUBLE if failed else EXIT_OK


def _generation_time() -> datetime:
    """Now, or the time ``SOURCE_DATE_EPOCH`` fixes so that reports are reproducible byte for byte."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), tz=timezone.utc)
        except ValueError:
            raise UsageError(f"SOURCE_DATE_EPOCH must be whole seconds, not {epoch!r}") from None
    return datetime.now(tz=timezone.utc)


def _check_categories(args, categories: list[str]):
    """Load the taxonomy once up front: a malformed file or an unknown category stops before any document is read."""
    from clauses import load_taxonomy

    taxonomy = load_taxonomy(args.taxonomy)
    unknown = [category for category in categories if category not in taxonomy.ids]
    if unknown:
        raise UsageError(f"unknown category {unknown[0]!r}", hint="known categories: " + ", ".join(taxonomy.ids))
    return taxonomy


def _classify_all(paths: list[str], args, *, product: str = "document", keep: Callable[[Any], Any] = lambda kept: kept):
    """Parse and classify every input (in parallel, through the cache); bad files are reported and skipped.

    Each input yields its classified document, or with ``product="coverage"`` only its coverage; ``keep``
    reduces it further as it arrives (``treaty classify`` keeps its rows).
    """
    from compare.batch import classify_paths

    items = classify_paths(
        list(paths), taxonomy_path=args.taxonomy, jobs=args.jobs, cache_dir=args.cache_dir,
        use_cache=not args.no_cache, progress=not args.quiet and sys.stderr.isatty(), product=product,
    )
    reads = (_Read(item.path, item.coverage if product == "coverage" else item.classified, item.error, item.warnings, item.cached)
             for item in items)
    kept, failed, cached = _gather(reads, args, keep)
    if args.verbose and not args.no_cache:
        _message(args, f"treaty: {cached} of {len(kept) + len(failed)} documents from the cache")
    return kept, failed


# ----------------------------------------------------------------------------- shared plumbing

class _Read(NamedTuple):
    """One input as a command receives it: what was read of it (a document, its coverage) or its error."""

    path: str
    value: Any
    error: str | None
    warnings: list[str]
    cached: bool = False


def _gather(reads: Iterable[_Read], args, keep: Callable[[Any], Any]) -> tuple[list, list[tuple[str, str]], int]:
    """Keep what each input gave; report warnings and errors on stderr as they come, never stopping the batch."""
    kept, failed, cached = [], [], 0
    for read in reads:
        for warning in read.warnings:
            _message(args, f"treaty: {read.path}: warning: {warning}")
        if read.error is not None:
            failed.append((read.path, read.error))
            _message(args, f"treaty: {read.error}", always=True)
            continue
        kept.append(keep(read.value))
        cached += read.cached
    if failed and len(failed) + len(kept) > 1:
        _message(args, f"treaty: {len(failed)} of {len(failed) + len(kept)} inputs failed (partial result)", always=True)
    return kept, failed, cached


def _load_all(paths: Iterable[str], args) -> tuple[list[Document], list[tuple[str, str]]]:
    """Parse every input; a bad file is reported on stderr and skipped, never stopping the batch."""
    documents, failed, _ = _gather(_iter_documents(paths), args, keep=lambda document: document)
    return documents, failed


def _iter_documents(paths: Iterable[str]) -> Iterator[_Read]:
    try:
        expanded = list(expand_paths(paths))
    except TreatyError as error:
        yield _Read("", None, str(error), [])
        return
    for item in expanded:
        if isinstance(item, TreatyError):
            yield _Read(item.path or "", None, str(item), [])
            continue
        try:
            document = load_document(item)
        except TreatyError as error:
            yield _Read(item, None, str(error), [])
            continue
        yield _Read(item, document, None, document.warnings)


def _emit(args, data: str) -> None:
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(data)
        except OSError as error:
            raise TreatyError(f"cannot write output: {error.strerror}", path=args.output) from None
        _message(args, f"treaty: wrote {os.path.abspath(args.output)}")
    else:
        sys.stdout.write(data)


def _message(args, text: str, *, always: bool = False) -> None:
    if always or not getattr(args, "quiet", False):
        print(text, file=sys.stderr)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="treaty",
        description="Compare what agreements commit their parties to.",
        epilog=EXIT_CODES_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"treaty-compare {VERSION}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    parent = _common_options()
    for add in COMMANDS:
        add(commands, parent)
    return parser


#: Each entry adds one subcommand; the order is the order of ``treaty --help``.
COMMANDS: list[Callable] = [_add_parse, _add_classify, _add_explain, _add_taxonomy, _add_diff, _add_compare, _add_report]


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return EXIT_TROUBLE if exit_.code not in (0, None) else EXIT_OK
    try:
        return args.run(args)
    except KeyboardInterrupt:
        print("treaty: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except TreatyError as error:
        if getattr(args, "debug", False):
            raise
        print(f"treaty: {error}", file=sys.stderr)
        return EXIT_TROUBLE
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
