"""Rewrite the table contracts in README.md from corpuslab.schema (``make docs``).

Each block between ``<!-- schema:NAME -->`` and ``<!-- /schema -->`` is replaced by the
Markdown of table NAME, so the README's column lists cannot drift from the code.
A test checks the README is in sync.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from corpuslab import schema

BLOCK = re.compile(r"(<!-- schema:(\w+) -->\n).*?(<!-- /schema -->)", re.DOTALL)


def synced(text: str) -> str:
    """Return ``text`` with every schema block regenerated."""
    return BLOCK.sub(lambda m: f"{m.group(1)}{schema.markdown(m.group(2))}\n{m.group(3)}", text)


def main(argv: list[str] | None = None) -> int:
    path = Path((argv or sys.argv[1:] or ["README.md"])[0])
    text = path.read_text(encoding="utf-8")
    new = synced(text)
    if new != text:
        path.write_text(new, encoding="utf-8")
        print(f"updated {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
