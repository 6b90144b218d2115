"""Extraction on two other projects' own test suites, with quantulum3 on the same cases in the same run.

    python benchmarks/peer_suites.py             # the table
    python benchmarks/peer_suites.py --misses 40 # and the first 40 misses and unmatched predictions
    python benchmarks/peer_suites.py --no-peer   # corpuslab only

The suites are copies in benchmarks/peer_suites/ (MIT; their licences are beside them):
Microsoft Recognizers-Text's English Number and NumberWithUnit specs (default mode) and quantulum3's
own quantity tests. Scoring rule (the same for both extractors): a gold item is matched
by an unused prediction whose value equals the gold value (relative 1e-6), compared in corpuslab's
canonical unit (the gold value converted) or as written (either side's number as written); a range
matches by its two ends (a corpuslab change "from X to Y" by its two numbers), a one-sided range by
its bound (gold items with no number, such as a relative ordinal "last", are left out); every gold
item first takes a prediction overlapping its own span, only then may the rest take any prediction
of their value. Recall = matched gold / gold;
unit accuracy = matched gold whose unit agrees / matched gold that has a unit; precision = matched
predictions / predictions, only on quantulum3's cases, whose lists are exhaustive.
The suites' unit names are mapped to corpuslab units here, never in the package; a figure in percent
also matches its bare proportion (66.7 percent is 0.667), the form the suites give a spelled fraction.
quantulum3 is a benchmark-only extra: ``pip install -e '.[bench]'``.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUITES = ROOT / "benchmarks" / "peer_suites"
RECOGNIZERS = SUITES / "recognizers_en.jsonl"
QUANTULUM = SUITES / "quantulum3_cases.jsonl"
REL_TOL = 1e-6

# A suite's unit name -> ("pint", expression[, kind when the dimensions do not tell]) for physical units,
# ("money", ISO code, factor) for money (cents are hundredths of the main unit), ("plain", corpuslab unit,
# factor) for plain units.
Spec = tuple
UNIT_MAP: dict[str, Spec] = {
    # Recognizers-Text names
    "Dollar": ("money", "USD", 1.0), "United States dollar": ("money", "USD", 1.0), "Euro": ("money", "EUR", 1.0),
    "Chinese yuan": ("money", "CNY", 1.0), "Pound": ("money", "GBP", 1.0), "British pound": ("money", "GBP", 1.0),
    "Cent": ("money", "USD", 0.01), "Canadian dollar": ("money", "CAD", 1.0), "Japanese yen": ("money", "JPY", 1.0),
    "Franc": ("money", "CHF", 1.0), "Swiss franc": ("money", "CHF", 1.0), "Australian dollar": ("money", "AUD", 1.0),
    "Pence": ("money", "GBP", 0.01), "Penny": ("money", "GBP", 0.01), "Bitcoin": ("money", "BTC", 1.0),
    "Satoshi": ("money", "BTC", 1e-8), "Turkish lira": ("money", "TRY", 1.0), "Rupee": ("money", "INR", 1.0),
    "Mexican peso": ("money", "MXN", 1.0), "Finnish markka": ("money", "FIM", 1.0),
    "Hong Kong dollar": ("money", "HKD", 1.0), "Peseta": ("money", "ESP", 1.0),
    "Netherlands guilder": ("money", "NLG", 1.0), "Costa Rican colón": ("money", "CRC", 1.0),
    "Georgian lari": ("money", "GEL", 1.0), "Lao kip": ("money", "LAK", 1.0),
    "Sri Lankan rupee": ("money", "LKR", 1.0), "Sen": ("money", "MYR", 0.01),
    "New Zealand dollar": ("money", "NZD", 1.0),
    "Foot": ("pint", "foot"), "Meter": ("pint", "meter"), "Mile": ("pint", "mile"), "Gallon": ("pint", "gallon"),
    "Ton": ("pint", "tonne"), "Metric ton": ("pint", "tonne"), "Kilometer per hour": ("pint", "kilometer / hour"),
    "Kilogram": ("pint", "kilogram"), "Microgram": ("pint", "microgram"), "Inch": ("pint", "inch"),
    "Square meter": ("pint", "meter ** 2"), "Kilometer": ("pint", "kilometer"), "Millimeter": ("pint", "millimeter"),
    "Decimeter": ("pint", "decimeter"), "Picometer": ("pint", "picometer"), "Milliliter": ("pint", "milliliter"),
    "Barrel": ("pint", "oil_barrel"), "Ounce": ("pint", "ounce"), "Acre": ("pint", "acre"),
    "Cubic foot": ("pint", "foot ** 3"), "Bit": ("pint", "bit"), "Mile per hour": ("pint", "mile / hour"),
    "Square kilometer": ("pint", "kilometer ** 2"), "Megabit": ("pint", "megabit"), "Megabyte": ("pint", "megabyte"),
    "Tablespoon": ("pint", "tablespoon"), "Cup": ("pint", "cup"), "Teaspoon": ("pint", "teaspoon"),
    "Dram": ("pint", "dram"), "Gram": ("pint", "gram"), "Meter per millisecond": ("pint", "meter / millisecond"),
    "Centimeter per millisecond": ("pint", "centimeter / millisecond"),
    "Kilometer per millisecond": ("pint", "kilometer / millisecond"), "C": ("pint", "degC"), "F": ("pint", "degF"),
    "%": ("plain", "percent", 1.0),
    # quantulum3 names (its gold and its predictions)
    "dollar": ("money", "USD", 1.0), "euro": ("money", "EUR", 1.0), "pound sterling": ("money", "GBP", 1.0),
    "cent": ("money", "USD", 0.01), "penny": ("money", "USD", 0.01), "dime": ("money", "USD", 0.1),
    "yen": ("money", "JPY", 1.0), "percentage": ("plain", "percent", 1.0), "chinese yuan": ("money", "CNY", 1.0),
    "japanese yen": ("money", "JPY", 1.0), "indian rupee": ("money", "INR", 1.0),
    "canadian dollar": ("money", "CAD", 1.0), "australian dollar": ("money", "AUD", 1.0),
    "swiss franc": ("money", "CHF", 1.0), "hong kong dollar": ("money", "HKD", 1.0),
    "metre": ("pint", "meter"), "kilometre": ("pint", "kilometer"), "mile": ("pint", "mile"), "inch": ("pint", "inch"),
    "foot": ("pint", "foot"), "centimetre": ("pint", "centimeter"), "millimetre": ("pint", "millimeter"),
    "pound-mass": ("pint", "pound"), "degree Celsius": ("pint", "degC"), "degree fahrenheit": ("pint", "degF"),
    "degree Fahrenheit": ("pint", "degF"), "kelvin": ("pint", "kelvin"), "milligram": ("pint", "milligram"),
    "gram": ("pint", "gram"), "kilogram": ("pint", "kilogram"), "tonne": ("pint", "tonne"), "ton": ("pint", "tonne"),
    "year": ("pint", "year"), "day": ("pint", "day"), "month": ("pint", "month"), "hour": ("pint", "hour"),
    "week": ("pint", "week"), "minute": ("pint", "minute"), "second": ("pint", "second"),
    "gallon": ("pint", "gallon"), "litre": ("pint", "liter"), "centilitre": ("pint", "centiliter"),
    "square kilometre": ("pint", "kilometer ** 2"), "square mile": ("pint", "mile ** 2"),
    "cubic kilometre": ("pint", "kilometer ** 3"), "cubic centimetre": ("pint", "centimeter ** 3"),
    "bit": ("pint", "bit"), "byte": ("pint", "byte"), "kibibyte": ("pint", "kibibyte"),
    "megabyte": ("pint", "megabyte"), "exabyte": ("pint", "exabyte"), "watt": ("pint", "watt"),
    "watt hour": ("pint", "watt * hour"), "megawatt hour": ("pint", "megawatt * hour"),
    "british thermal unit": ("pint", "Btu"), "kilometre per hour": ("pint", "kilometer / hour"),
    "ton per day": ("pint", "tonne / day"), "nanometre": ("pint", "nanometer"), "picometre": ("pint", "picometer"),
    "attometre": ("pint", "attometer"), "gigahertz": ("pint", "gigahertz", "frequency"), "cup": ("pint", "cup"),
    "tablespoon": ("pint", "tablespoon"), "kilobit per second": ("pint", "kilobit / second", "data_rate"),
    "gigayear": ("pint", "gigayear"), "megayear": ("pint", "megayear"),
    "electronvolt": ("pint", "electron_volt"), "teraelectronvolt": ("pint", "teraelectron_volt"),
    "dollar per kilogram": ("plain", "USD_per_kilogram", 1.0), "dollar per hour": ("plain", "USD_per_year", 8766.0),
    "dozen": ("plain", "count", 12.0), "baker's dozen": ("plain", "count", 13.0),
}  # fmt: skip
# Names whose meaning depends on the suite: the Dimension suite's "Pound" is a weight.
SUITE_UNIT_MAP: dict[tuple[str, str], Spec] = {("Dimension", "Pound"): ("pint", "pound")}
# Units that measure age in the Recognizers Age suite (corpuslab's age is in years).
AGE_MAP: dict[str, float] = {"Year": 1.0, "Month": 1 / 12, "Week": 7 / 365.25, "Day": 1 / 365.25, "Age": 1.0}
NO_UNIT = frozenset({"dimensionless", None})


@dataclass
class Gold:
    """One gold item, in corpuslab's canonical unit where the unit maps (``value``) and as written (``raw``)."""

    start: int
    end: int
    text: str
    raw: float | None
    value: float | None = None
    unit: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass
class Pred:
    start: int
    end: int
    surface: str
    values: tuple[float, ...]
    unit: str | None
    low: float | None = None
    high: float | None = None


@dataclass
class Case:
    group: str  # "recognizers/Currency", "quantulum3/quantities"
    text: str
    gold: list[Gold]
    is_exhaustive: bool


@dataclass
class Score:
    gold: int = 0
    matched: int = 0
    with_unit: int = 0
    unit_ok: int = 0
    preds: int = 0
    preds_ok: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)  # predictions that match no gold item
    unit_misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("gold", "matched", "with_unit", "unit_ok", "preds", "preds_ok"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses += other.misses
        self.extras += other.extras
        self.unit_misses += other.unit_misses


def _canonical(value: float, spec: Spec | None) -> tuple[float | None, str | None]:
    """A gold value in corpuslab's canonical unit, and that unit; (None, name) when corpuslab has none."""
    from corpuslab import units

    if spec is None:
        return None, None
    if spec[0] == "money":
        return value * spec[2], spec[1]
    if spec[0] == "plain":
        return value * spec[2], spec[1]
    try:
        hint = {"kind": spec[2]} if len(spec) > 2 else {}  # only when needed: older corpuslab has no kind
        _, name, converted = units.to_canonical(value, spec[1], **hint)
    except Exception:  # pint knows the unit, corpuslab has no kind for it (electronvolt, gigayear)
        return None, spec[1]
    return converted, name


def _gold(raw: float | None, unit: str | None, suite: str, start: int, end: int, text: str) -> Gold:
    g = Gold(start, end, text, raw)
    if raw is None:
        return g
    if suite.endswith("Age") and unit in AGE_MAP:
        g.value, g.unit = raw * AGE_MAP[unit], "year"
    elif unit not in NO_UNIT:
        g.value, g.unit = _canonical(raw, _spec(suite, unit))
        g.unit = g.unit or f"?{unit}"
    return g


def _spec(suite: str, unit: str | None) -> Spec | None:
    return SUITE_UNIT_MAP.get((suite.split(".")[-1], unit or "")) or UNIT_MAP.get(unit or "")


def _set_range(g: Gold, low: float | None, high: float | None, suite: str, unit: str | None) -> None:
    """Give a gold range its ends, in the canonical unit when the unit maps (as ``value`` is)."""
    spec = _spec(suite, unit) if unit not in NO_UNIT else None
    convert = (lambda x: _canonical(x, spec)[0]) if spec and _canonical(1.0, spec)[0] is not None else (lambda x: x)
    g.low = None if low is None else convert(low)
    g.high = None if high is None else convert(high)


def load_cases() -> list[Case]:
    cases = []
    for line in RECOGNIZERS.open(encoding="utf-8"):
        d = json.loads(line)
        if d["mode"] != "default" or not d["expected"]:
            continue
        golds = []
        for e in d["expected"]:
            g = _gold(e.get("value"), e.get("unit"), d["suite"], e["start"], e["end"], e["text"])
            if e.get("range"):
                _set_range(g, e["range"].get("low"), e["range"].get("high"), d["suite"], e.get("unit"))
            if g.raw is not None or g.low is not None or g.high is not None:
                golds.append(g)  # "last", "next", a bare "dollar": no number to find
        if not golds:
            continue
        cases.append(Case("recognizers/" + d["suite"].split(".")[-1], d["text"], golds, False))
    for line in QUANTULUM.open(encoding="utf-8"):
        d = json.loads(line)
        golds = []
        for q in d["quantities"]:
            start, end = q["span"] or (-1, -1)  # a few cases give no span: any prediction may match
            g = _gold(float(q["value"]), q["unit"], "", start, end, q["surface"])
            if q.get("uncertainty"):
                _set_range(g, q["value"] - q["uncertainty"], q["value"] + q["uncertainty"], "", q["unit"])
            golds.append(g)
        cases.append(Case("quantulum3/" + d["source"], d["text"], golds, True))
    return cases


def _close(a: float | None, b: float | None) -> bool:
    return a is not None and b is not None and math.isclose(a, b, rel_tol=REL_TOL, abs_tol=1e-12)


def _matches(g: Gold, p: Pred) -> bool:
    targets = [t for t in (g.value, g.raw) if t is not None]
    if g.low is not None and g.high is not None:
        ends = (p.low, p.high) if p.low is not None else (min(p.values), max(p.values))
        if _close(ends[0], g.low) and _close(ends[1], g.high):
            return True
    elif g.low is not None or g.high is not None:
        targets.append(g.low if g.low is not None else g.high)
    return any(_close(v, t) for v in p.values for t in targets)


def score_case(case: Case, preds: list[Pred]) -> Score:
    s = Score(gold=len(case.gold))
    used: set[int] = set()
    chosen: dict[int, int] = {}
    # Two passes, so that a gold item matched by a prediction over its own span never loses that
    # prediction to an earlier gold item of the same value elsewhere (a "baker's dozen" is 13, and
    # so is the "13" after it); only then may the rest take any prediction of their value.
    for is_overlap_pass in (True, False):
        for k, g in enumerate(case.gold):
            if k in chosen:
                continue
            hits = [i for i, p in enumerate(preds) if i not in used and _matches(g, p)]
            if is_overlap_pass:
                hits = [i for i in hits if preds[i].start < g.end and g.start < preds[i].end]
            if hits:
                chosen[k] = hits[0]
                used.add(hits[0])
    for k, g in enumerate(case.gold):
        if k not in chosen:
            s.misses.append(f"{case.group}: {g.text!r} = {g.raw} {g.unit or ''} in {case.text[:160]!r}")
            continue
        i = chosen[k]
        s.matched += 1
        if g.unit is not None:
            s.with_unit += 1
            s.unit_ok += preds[i].unit == g.unit
            if preds[i].unit != g.unit:
                s.unit_misses.append(f"{case.group}: {g.text!r} {g.unit} read as {preds[i].unit}")
    if case.is_exhaustive:
        s.preds, s.preds_ok = len(preds), len(used)
        s.extras += [
            f"{case.group}: {p.surface!r} {p.values} in {case.text[:160]!r}"
            for i, p in enumerate(preds)
            if i not in used
        ]
    return s


def corpuslab_preds(text: str) -> list[Pred]:
    from corpuslab import find_figures

    out = []
    for f in find_figures(text):
        if f.kind in ("date",):
            values: tuple[float, ...] = ()  # a date's value is its yyyymmdd key, not a quantity
        else:
            values = tuple(v for v in (f.value, f.range_low, f.range_high) if not math.isnan(v))
            if f.value_as_written != f.value and not math.isnan(f.value_as_written):
                values += (f.value_as_written,)  # "as written", as quantulum3's own value is taken below
        if f.unit == "percent":
            # corpuslab states a share in percent ("two thirds" is 66.7 percent); the suites write it as the
            # bare proportion (0.667): the same quantity in another unit, mapped here as units are.
            values += tuple(v / 100 for v in values)
        low = None if math.isnan(f.range_low) else f.range_low
        high = None if math.isnan(f.range_high) else f.range_high
        if low is None and not math.isnan(f.from_value):
            # A change "from $350 per kg to $680 per kg" states both its numbers: the suites read it as a range.
            low, high = sorted((f.from_value, f.value))
        unit = f.unit  # money's unit is its code, with any denominator ("USD_per_year")
        out.append(Pred(f.start, f.end, f.surface, values, None if unit in ("number", "count") else unit, low, high))
    return out


def quantulum_preds(text: str) -> list[Pred]:
    from peer import quantulum_parse

    out = []
    quantities = quantulum_parse(text)
    for q in quantities:
        name = q.unit.name
        value, unit = _canonical(float(q.value), UNIT_MAP.get(name)) if name not in NO_UNIT else (None, None)
        values = tuple(v for v in (value, float(q.value)) if v is not None)
        low = high = None
        if q.uncertainty:
            low, high = float(q.value) - q.uncertainty, float(q.value) + q.uncertainty
        out.append(Pred(q.span[0], q.span[1], q.surface, values, unit, low, high))
    return out


def run(cases: Iterable[Case], extract: Callable[[str], list[Pred]]) -> dict[str, Score]:
    by_group: dict[str, Score] = defaultdict(Score)
    for case in cases:
        by_group[case.group].add(score_case(case, extract(case.text)))
    return by_group


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:5.1f}" if b else "    -"


def report(name: str, by_group: dict[str, Score], misses: int) -> dict[str, Score]:
    totals: dict[str, Score] = defaultdict(Score)
    for group, s in by_group.items():
        totals[group.split("/")[0]].add(s)
    print(f"\n{name}")
    print(f"{'suite / category':<28}{'gold':>6}{'recall':>8}{'unit acc':>10}{'precision':>11}")
    for group in sorted(by_group, key=lambda g: (g.split("/")[0], g)):
        _line(f"  {group}", by_group[group])
    for suite, s in totals.items():
        _line(f"{suite} (all)", s)
    if misses:
        print(f"\nfirst {misses} misses:")
        for suite in totals.values():
            for line in suite.misses[:misses]:
                print("  " + line)
        print(f"\nfirst {misses} matches whose unit disagrees:")
        for suite in totals.values():
            for line in suite.unit_misses[:misses]:
                print("  " + line)
        print(f"\nfirst {misses} predictions that match no gold item (exhaustive suites only):")
        for suite in totals.values():
            for line in suite.extras[:misses]:
                print("  " + line)
    return totals


def _line(label: str, s: Score) -> None:
    precision = _pct(s.preds_ok, s.preds) if s.preds else "    -"
    print(f"{label:<28}{s.gold:>6}{_pct(s.matched, s.gold):>8}{_pct(s.unit_ok, s.with_unit):>10}{precision:>11}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--misses", type=int, default=0, help="print the first N missed gold items per suite")
    parser.add_argument("--no-peer", action="store_true", help="do not run quantulum3")
    args = parser.parse_args(argv)
    cases = load_cases()
    print(f"cases: {len(cases)} ({sum(len(c.gold) for c in cases)} gold items); scoring rule in the docstring")
    report("corpuslab", run(cases, corpuslab_preds), args.misses)
    if args.no_peer:
        return 0
    try:
        import quantulum3  # noqa: F401
    except ImportError:
        print("\nquantulum3: not installed (pip install -e '.[bench]'); no peer figures")
        return 0
    report("quantulum3 (same cases, same rule)", run(cases, quantulum_preds), 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
