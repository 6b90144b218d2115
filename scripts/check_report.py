"""Check a rendered report: no chart taller than a screen, no warning or traceback, a small page.

    python scripts/check_report.py                        # build/report.html (make report first)
    python scripts/check_report.py build/news.html --screenshots build/screenshots/news

The HTML checks need no browser and always run: every embedded PNG's pixel height (read from its
header) is at most ``--max-height``; no Python warning, traceback or stderr output appears; the page
is at most ``--max-mb``. Then, when Chromium is installed, the page is rendered headless and saved as
screenshots (one screen-sized PNG per part of the page, blank parts dropped) to look at; without
Chromium that step is skipped with a message, so CI machines without a browser still pass.

Exit codes: 0 every check passed, 1 a check failed, 2 the report is missing.
"""

from __future__ import annotations

import argparse
import base64
import re
import shutil
import struct
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MAX_HEIGHT_PX = 1000  # as corpuslab.plots.MAX_HEIGHT_PX: a chart fits one laptop screen
MAX_MB = 3.0  # a report of tables' heads and a few charts; megabytes mean an embedded table or a chart per row
SCREEN = (1280, 2000)
# Chromium refuses larger surfaces; longer pages are cut here (the HTML checks still cover all of it).
PAGE_PX = 16000
_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=\s]+)")
_PROBLEMS = {
    # A warning class name (UserWarning, TqdmWarning), not the word "Warning:" an article may print.
    "a Python warning": re.compile(r"\b(?:[A-Z][a-z]+)+Warning:"),
    "a traceback": re.compile(r"Traceback \(most recent call last\)"),
    "an error output": re.compile(
        r'class="[^"]*jp-OutputArea-output[^"]*"[^>]*data-mime-type="application/vnd\.jupyter\.stderr"'
    ),
    "a progress widget": re.compile(r"IProgress not found|application/vnd\.jupyter\.widget-view\+json"),
}
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def png_sizes(html: str) -> list[tuple[int, int]]:
    """Width and height of every PNG embedded in ``html``, from its IHDR header."""
    sizes = []
    for match in _PNG.finditer(html):
        head = base64.b64decode(re.sub(r"\s", "", match.group(1))[:64] + "==")[:24]
        width, height = struct.unpack(">II", head[16:24])
        sizes.append((width, height))
    return sizes


def check_html(path: Path, *, max_height: int = MAX_HEIGHT_PX, max_mb: float = MAX_MB) -> list[str]:
    """Return what is wrong with the report at ``path`` (empty when it passes)."""
    html = path.read_text(encoding="utf-8")
    failures = []
    sizes = png_sizes(html)
    if not sizes:
        failures.append("no chart is embedded")
    for i, (width, height) in enumerate(sizes, 1):
        if height > max_height:
            failures.append(f"chart {i} is {width} x {height} px, taller than {max_height} px")
    for what, pattern in _PROBLEMS.items():
        for match in list(pattern.finditer(html))[:3]:
            context = re.sub(r"<[^>]+>", "", html[max(0, match.start() - 120) : match.end() + 120])
            failures.append(f"{what} in the output: …{' '.join(context.split())}…")
    size_mb = path.stat().st_size / 1e6
    if size_mb > max_mb:
        failures.append(f"the report is {size_mb:.1f} MB, more than {max_mb} MB")
    print(f"{path}: {size_mb:.2f} MB, {len(sizes)} charts, tallest {max((h for _, h in sizes), default=0)} px")
    return failures


def find_browser() -> str | None:
    return next((found for name in _BROWSERS if (found := shutil.which(name))), None)


def screenshots(path: Path, folder: Path, browser: str) -> list[Path]:
    """Render ``path`` headless and save it as screen-sized PNGs in ``folder``; blank screens are dropped."""
    from PIL import Image, ImageChops

    folder.mkdir(parents=True, exist_ok=True)
    for old in folder.glob("screen-*.png"):
        old.unlink()  # a shorter page than last time must not leave the last run's screens to look at
    page = folder / "page.png"
    with tempfile.TemporaryDirectory() as profile:
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            f"--user-data-dir={profile}",
            f"--screenshot={page}",
            f"--window-size={SCREEN[0]},{PAGE_PX}",
            path.resolve().as_uri(),
        ]
        subprocess.run(command, check=True, capture_output=True, timeout=180)
    image = Image.open(page).convert("RGB")
    shots = []
    for i, top in enumerate(range(0, image.height, SCREEN[1])):
        part = image.crop((0, top, SCREEN[0], min(top + SCREEN[1], image.height)))
        if ImageChops.difference(part, Image.new("RGB", part.size, "white")).getbbox() is None:
            continue  # below the end of the page
        shot = folder / f"screen-{i + 1:02d}.png"
        part.save(shot)
        shots.append(shot)
    page.unlink()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("report", nargs="?", type=Path, default=ROOT / "build" / "report.html")
    parser.add_argument("--screenshots", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--max-height", type=int, default=MAX_HEIGHT_PX, help="tallest chart allowed, in pixels")
    parser.add_argument("--max-mb", type=float, default=MAX_MB, help="largest report allowed, in megabytes")
    args = parser.parse_args(argv)
    if not args.report.is_file():
        print(f"{args.report}: no such report; run `make report` first", file=sys.stderr)
        return 2
    failures = check_html(args.report, max_height=args.max_height, max_mb=args.max_mb)
    browser = find_browser()
    if browser is None:
        print("chromium is not installed: skipped the screenshots (the HTML checks ran)")
    else:
        shots = screenshots(args.report, args.screenshots, browser)
        if not shots:
            failures.append("the browser rendered a blank page")
        print(f"{len(shots)} screenshots in {args.screenshots}: look at them")
    for failure in failures:
        print(f"FAIL: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
