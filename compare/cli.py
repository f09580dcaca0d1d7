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
import sys
from collections.abc import Callable, Iterable, Iterator

from grammar import load_document, expand_paths
from grammar.errors import TreatyError
from grammar.models import Document

EXIT_OK = 0
EXIT_CHECK_FAILED = 1
EXIT_DIFFERENCES = 1
EXIT_TROUBLE = 2
EXIT_INTERRUPTED = 130

VERSION = "0.1.0"

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


# ----------------------------------------------------------------------------- shared plumbing

def _load_all(paths: Iterable[str], args) -> tuple[list[Document], list[tuple[str, str]]]:
    """Parse every input; a bad file is reported on stderr and skipped, never stopping the batch."""
    documents: list[Document] = []
    failed: list[tuple[str, str]] = []
    for path, document, error in _iter_documents(paths):
        if error is not None:
            failed.append((path, error))
            _message(args, f"treaty: {error}", always=True)
            continue
        for warning in document.warnings:
            _message(args, f"treaty: {path}: warning: {warning}")
        documents.append(document)
    if failed and len(failed) + len(documents) > 1:
        _message(args, f"treaty: {len(failed)} of {len(failed) + len(documents)} inputs failed (partial result)", always=True)
    return documents, failed


def _iter_documents(paths: Iterable[str]) -> Iterator[tuple[str, Document | None, str | None]]:
    try:
        expanded = list(expand_paths(paths))
    except TreatyError as error:
        yield "", None, str(error)
        return
    for item in expanded:
        if isinstance(item, TreatyError):
            yield item.path or "", None, str(item)
            continue
        try:
            yield item, load_document(item), None
        except TreatyError as error:
            yield item, None, str(error)


def _emit(args, data: str) -> None:
    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as handle:
                handle.write(data)
        except OSError as error:
            raise TreatyError(f"cannot write output: {error.strerror}", path=args.output) from None
        _message(args, f"treaty: wrote {args.output}")
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
COMMANDS: list[Callable] = [_add_parse]


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
