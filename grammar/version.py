"""The program's version, as installed: the one value every JSON output, report footer and cache key carries."""
from __future__ import annotations

from importlib import metadata


def _installed_version() -> str:
    try:
        return metadata.version("treaty-compare")
    except metadata.PackageNotFoundError:  # running from a source tree that was never installed
        return "unknown"


PROGRAM_VERSION = _installed_version()
