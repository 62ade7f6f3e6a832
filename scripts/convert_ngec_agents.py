"""Convert the NGEC PLOVER agents file (../shared/dictionaries/NGEC.PLOVER_agents.txt) into
``src/eventwatch/actors/data/ngec_agents.tsv``: one agent phrase (lower case) and its CAMEO sector
codes per line, with the source's MIT notice in the header.

Substitution sets (``!PERSON! = MAN, MEN, ...``) are expanded; ``_`` joins words; codes such as
``[~CVLOPP]`` become ``CVLOPP``; ``[~JNK]``/``[~NON]``/``[~UNK]`` (not agents) are left out.

    python scripts/convert_ngec_agents.py ../shared/dictionaries/NGEC.PLOVER_agents.txt
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "src" / "eventwatch" / "actors" / "data" / "ngec_agents.tsv"
SKIP = {"JNK", "NON", "UNK"}
HEADER = """# Generic agent nouns -> CAMEO sector codes, from NGEC.PLOVER_agents.txt (ahalterman/NGEC-2025 @a3909e2,
# NGEC/assets/PLOVER_agents.txt; itself from the CAMEO agents file of the Computational Event Data System
# Project). Converted by scripts/convert_ngec_agents.py. Columns: phrase (lower case)<TAB>codes.
# Licence of the source data (kept as required):
#
"""


def convert(src: Path) -> list[tuple[str, str]]:
    lines = src.read_text("utf-8", errors="replace").splitlines()
    subs: dict[str, list[str]] = {}
    rows: list[tuple[str, str]] = []
    for line in lines:
        line = line.split("#", 1)[0].strip()
        m = re.match(r"^(![A-Z]+!)\s*=\s*(.+)$", line)
        if m:
            subs[m.group(1)] = [w.strip() for w in m.group(2).split(",") if w.strip()]
            continue
        m = re.match(r"^(.+?)\s*\[~([A-Z]+)\]", line)
        if not m or m.group(2)[:3] in SKIP:
            continue
        phrases = [m.group(1).strip()]
        for key, words in subs.items():
            phrases = [p.replace(key, w) for p in phrases for w in (words if key in p else [""])] \
                if any(key in p for p in phrases) else phrases
        for p in phrases:
            rows.append((p.replace("_", " ").lower().strip(), m.group(2)))
    return rows


def notice(src: Path) -> str:
    text = src.read_text("utf-8", errors="replace").splitlines()
    start = next(i for i, l in enumerate(text) if "MIT License" in l)
    end = next(i for i in range(start, len(text)) if "THE SOFTWARE." in text[i])
    return "\n".join(text[start:end + 1]) + "\n"


def main(argv: list[str]) -> int:
    src = Path(argv[0] if argv else "../shared/dictionaries/NGEC.PLOVER_agents.txt")
    rows = sorted(set(convert(src)))
    with OUT.open("w", encoding="utf-8") as fh:
        fh.write(HEADER + notice(src))
        for phrase, code in rows:
            fh.write(f"{phrase}\t{code}\n")
    print(f"{len(rows)} agents -> {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
