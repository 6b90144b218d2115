"""Validation time on a large figures table: Great Expectations vs the same checks in plain pandas.

    python benchmarks/validation.py              # 1,000,000 figure rows
    python benchmarks/validation.py --rows 200000

The table is the seeds' figures repeated (ids varied) with their documents; the peer is the same
rules written directly in pandas, timed in the same run, so the ratio says what the suite costs.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

import corpuslab
from corpuslab import units, vocab
from corpuslab.validate import derived

ROOT = Path(__file__).resolve().parents[1]


def _big_tables(rows: int) -> dict[str, pd.DataFrame]:
    seed = corpuslab.run_pipeline(ROOT / "seeds", progress=False)
    copies = -(-rows // len(seed.figures))
    figures = pd.concat([seed.figures] * copies, ignore_index=True).head(rows)
    copy = np.repeat(np.arange(copies), len(seed.figures))[:rows].astype(str)
    figures["doc_id"] = figures["doc_id"] + "~" + copy
    figures["figure_id"] = figures["figure_id"] + copy
    documents = pd.concat(
        [seed.documents.assign(doc_id=seed.documents["doc_id"] + f"~{k}") for k in range(copies)], ignore_index=True
    )
    return {**seed.tables(), "figures": figures, "documents": documents}


def _pandas_checks(f: pd.DataFrame) -> int:
    """The figures suite's rules in plain pandas; returns the number of failing rows."""
    bad = (
        f["figure_id"].duplicated(keep=False)
        | ~f["is_inside_document"]
        | (f["is_surface_at_offsets"] == False)  # noqa: E712  None means not checked
        | f["value"].isna()
        | ~np.isfinite(f["value"].fillna(0))
        | ~f["kind"].isin(vocab.KINDS)
        | ~f["bound"].isin(vocab.BOUNDS)
        | ~(f["trend"].isna() | f["trend"].isin(vocab.TRENDS))
        | ~f["unit"].str.fullmatch(r"(?:[a-z_]+|[A-Z]{3})(?:_per_year)?")
        | ~(f["currency"].isna() | f["currency"].isin(units.ISO_CURRENCIES))
        | (f["range_low"] > f["value"])
        | (f["value"] > f["range_high"])
    )
    return int(bad.sum())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    tables = _big_tables(args.rows)
    start = time.perf_counter()
    checked = derived.figures_checked(tables["figures"], tables["documents"])
    t_derived = time.perf_counter() - start
    start = time.perf_counter()
    results = corpuslab.validate(tables, suite="figures", progress=False)
    t_gx = time.perf_counter() - start
    start = time.perf_counter()
    n_bad = _pandas_checks(checked)
    t_pandas = time.perf_counter() - start
    failed = int((results["status"] != "passed").sum())
    print(f"figures rows      : {len(tables['figures']):,}")
    print(f"derived columns   : {t_derived:.1f} s (surface at offsets, inside the document)")
    print(
        f"GX figures suite  : {t_gx:.1f} s including derived columns, {len(tables['figures']) / t_gx:,.0f} rows/s, "
        f"{len(results)} expectations, {failed} failing"
    )
    print(f"pandas same rules : {t_pandas:.2f} s ({n_bad} failing rows)")
    print(f"ratio             : GX suite takes {(t_gx - t_derived) / t_pandas:.1f}x the plain pandas checks")
    return 0


if __name__ == "__main__":
    sys.exit(main())
