"""Extraction time on adversarial text: does it grow linearly with the input?

    python benchmarks/adversarial.py                   # every pattern at 100 KB and 1 MB
    python benchmarks/adversarial.py --small 10000 --pattern 1-2-3-

Prints, per pattern, the CPU seconds :func:`corpuslab.extract.document_figures` takes on the pattern
repeated to the small size and to ten times it, and the ratio. Linear is a ratio near 10; the
target is a ratio of at most ``RATIO_TARGET`` on every pattern and the large size under
``SECONDS_TARGET`` seconds. The patterns are the shapes that once made the blocked-span scan
quadratic (runs of word characters, dots, hyphens and plus signs that an e-mail or web-address
alternative rescanned from every word boundary) plus random soups of digits and punctuation.
"""

from __future__ import annotations

import argparse
import random
import sys
import time

# Linear growth over 10x the input is a ratio of 10; the margin absorbs noise on a shared machine.
RATIO_TARGET = 12.0
# A 1 MB scraped page must not stall a run.
SECONDS_TARGET = 30.0


def _soup(alphabet: str, seed: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(4096))


PATTERNS: dict[str, str] = {
    "1-2-3-": "1-2-3-",
    "1.1.": "1.1.",
    "12-12-": "12-12-",
    ".000": ".000",
    "abc-abc-": "abc-abc-",
    "a.b+c-": "a.b+c-",
    "e-mail-like": "john.smith-42+news@",
    "email-run": "user.name+tag-1.",
    "url-like": "www.example-12.com/",
    "domain-run": "news-site-2024.",
    # Digit groups: space-grouped thousands and phone numbers, Indian lakh groups; fraction characters, one
    # figure every 22 characters (a figure every 3 would measure the cost of a figure, not of the scan).
    "123 ": "123 ",
    "12,34,": "12,34,",
    "2½ miles, then again ": "2½ miles, then again ",
    # Runs of number words, cut into many numerals: each was scanned to the end of the run again.
    "twenty-three ": "twenty-three ",
    "nine hundred ninety nine thousand ": "nine hundred ninety nine thousand ",
    "digits-punct soup": _soup("0123456789.,-–%$/ ()+:", 0),
    "digits-punct soup (no space)": _soup("0123456789.,-+:/@", 1),
    "digits-words soup": _soup("0123456789abcdefghij.-+@ ", 2),
}


def _seconds(text: str, repeat: int = 1) -> float:
    """CPU seconds of this process, best of ``repeat`` runs: other work on a shared machine adds to wall
    time, not to ours, and the minimum is the least noisy."""
    from corpuslab.extract import document_figures

    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        document_figures("adversarial", text)
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--small", type=int, default=100_000, help="characters of the small input (default 100000)")
    parser.add_argument("--pattern", action="append", help="time only this pattern (repeatable)")
    args = parser.parse_args(argv)
    _seconds("Exports rose 5% to 38 bcm in 2024.")  # warm up: compile patterns, build the unit registry
    large = args.small * 10
    print(f"{'pattern':<30} {args.small // 1000:>6} KB {large // 1000:>7} KB   ratio")
    failed = []
    for name, unit in PATTERNS.items():
        if args.pattern and name not in args.pattern:
            continue
        text = unit * (large // len(unit) + 1)
        small_s = _seconds(text[: args.small], repeat=3)
        large_s = _seconds(text[:large])
        ratio = large_s / max(small_s, 1e-9)
        ok = ratio <= RATIO_TARGET and large_s < SECONDS_TARGET
        failed += [] if ok else [name]
        print(f"{name:<30} {small_s:>8.2f} s {large_s:>8.2f} s {ratio:>7.1f}{'' if ok else '  FAIL'}")
    target = f"ratio <= {RATIO_TARGET:g} and {large // 1000} KB under {SECONDS_TARGET:g} s"
    print(f"target: {target}; failing: {failed or 'none'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
