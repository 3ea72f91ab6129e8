"""Write transcripts/data/territories.json: the Wikidata ID of every territory rigour knows.

    pip install rigour && python scripts/territory_ids.py

rigour (OpenSanctions' maintained territory list: ISO 3166 countries, sub-national units such as
US states, disputed and historic territories) gives each territory its Wikidata QID. The gazetteer
reads the generated file, keyed by lower-case territory code ("ru", "us-ga", "md-pmr"), so the app
does not depend on rigour at run time (it pulls in PyICU, which builds from source). Run again when
rigour updates; the test suite checks every country and US state has an ID.
"""

from __future__ import annotations

import json
import sys
from importlib.metadata import version
from pathlib import Path

from rigour.territories import get_territories

OUT = Path(__file__).resolve().parent.parent / "transcripts" / "data" / "territories.json"


def main() -> None:
    qids = {t.code: t.qid for t in sorted(get_territories(), key=lambda t: t.code) if t.qid.startswith("Q")}
    data = {
        "source": f"rigour {version('rigour')} (rigour.territories: Territory.qid)",
        "version": version("rigour"),
        "qids": qids,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{len(qids)} territories -> {OUT}", file=sys.stderr)


if __name__ == "__main__":
    main()
