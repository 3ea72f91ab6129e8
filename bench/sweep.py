"""The parser over every file of ../shared/corpus/bulk (12,475 real pages): no crash, no file over
2 s, and what was refused, counted by reason.

    python bench/sweep.py [--bulk ../shared/corpus/bulk] [--jobs 2] [--limit N]

The archives are unpacked once into .data/bulk/ (git-ignored). Parsing only: no database. The last
line is one JSON object; exits non-zero on a crash or a file over the time limit.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import re
import statistics
import sys
import tarfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LIMIT_SECONDS = 2.0
SUFFIXES = {".txt", ".html", ".htm", ".md", ".markdown", ".shtml"}


def unpack(bulk: Path, into: Path) -> list[Path]:
    for archive in sorted(bulk.glob("*.tar.xz")):
        folder = into / archive.name.removesuffix(".tar.xz")
        if not folder.exists():
            print(f"unpacking {archive.name} …", file=sys.stderr)
            with tarfile.open(archive) as tar:
                tar.extractall(into, filter="data")
    return sorted(p for p in into.rglob("*") if p.is_file() and (p.suffix.lower() in SUFFIXES or not p.suffix))


def reason(message: str) -> str:
    """A refusal's message without the file's own numbers and names: one line per kind of refusal."""
    return re.sub(r"\d[\d,.]*", "N", re.sub(r"'[^']*'|“[^”]*”", "'…'", message.split(" (")[0]))[:100]


def parse_one(path: str) -> tuple[str, str, float, str, int]:
    from transcripts.parsing import TranscriptError, parse_transcript

    started = time.perf_counter()
    try:
        parsed = parse_transcript(Path(path).read_bytes(), Path(path).name)
        outcome, detail, turns = "parsed", "", len(parsed.turns)
    except TranscriptError as err:
        outcome, detail, turns = "refused", reason(err.message), 0
    except Exception:  # noqa: BLE001 - a crash is what the sweep is looking for
        outcome, detail, turns = "crashed", traceback.format_exc(limit=-3), 0
    return path, outcome, time.perf_counter() - started, detail, turns


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bulk", type=Path, default=ROOT.parent / "shared" / "corpus" / "bulk")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files (for a quick look)")
    args = parser.parse_args()
    files = unpack(args.bulk, ROOT / ".data" / "bulk")
    if args.limit:
        files = files[:: max(1, len(files) // args.limit)][: args.limit]
    started = time.monotonic()
    outcomes: Counter = Counter()
    refusals: Counter = Counter()
    crashes, slow, times, turns = [], [], [], []
    with multiprocessing.get_context("fork").Pool(args.jobs) as pool:
        for n, (path, outcome, seconds, detail, count) in enumerate(
            pool.imap_unordered(parse_one, [str(f) for f in files], chunksize=8), start=1
        ):
            outcomes[outcome] += 1
            times.append(seconds * 1000)
            if outcome == "refused":
                refusals[detail] += 1
            elif outcome == "crashed":
                crashes.append((path, detail))
            else:
                turns.append(count)
            if seconds > LIMIT_SECONDS:
                slow.append((path, round(seconds, 2)))
            if n % 500 == 0:
                print(f"{n}/{len(files)} …", file=sys.stderr)
    elapsed = time.monotonic() - started
    times.sort()
    for path, detail in crashes[:10]:
        print(f"CRASH {path}\n{detail}")
    for path, seconds in slow[:10]:
        print(f"SLOW  {path}: {seconds} s")
    print(f"{len(files)} files in {elapsed:.0f} s: " + ", ".join(f"{n} {k}" for k, n in outcomes.most_common()))
    for text, n in refusals.most_common():
        print(f"  refused {n:5}  {text}")
    summary = {
        "files": len(files),
        **{k: outcomes.get(k, 0) for k in ("parsed", "refused", "crashed")},
        "over_2s": len(slow),
        "p50_ms": round(statistics.median(times), 1) if times else None,
        "p99_ms": round(times[int(len(times) * 0.99) - 1], 1) if times else None,
        "max_ms": round(times[-1], 1) if times else None,
        "turns_median": statistics.median(turns) if turns else None,
        "refusals": dict(refusals.most_common()),
    }
    print(json.dumps(summary, ensure_ascii=False))
    return 1 if crashes or slow else 0


if __name__ == "__main__":
    sys.exit(main())
