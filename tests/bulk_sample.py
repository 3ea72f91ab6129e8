"""Transcripts of ../shared/corpus/bulk by name, read straight from its .tar.xz archives."""

from __future__ import annotations

import tarfile
from collections.abc import Iterable, Iterator

from tests.conftest import SHARED

BULK = SHARED / "corpus" / "bulk"


def bulk_members(names: Iterable[str]) -> Iterator[tuple[str, bytes]]:
    """(file name, content) of each archive member named (its path in the archive, e.g.
    "kremlin/60592.html"), in the order given; KeyError for a name no archive has."""
    wanted = list(names)
    found: dict[str, bytes] = {}
    for archive in sorted({name.split("/", 1)[0] for name in wanted}):
        with tarfile.open(BULK / f"{archive}.tar.xz") as tar:
            for member in tar:
                if member.isfile() and member.name in wanted:
                    found[member.name] = tar.extractfile(member).read()
    for name in wanted:
        yield name.rsplit("/", 1)[-1], found[name]


def bulk_present() -> bool:
    return all((BULK / f"{name}.tar.xz").exists() for name in ("wh", "kremlin", "cnmfa-en", "cnmfa-zh"))
