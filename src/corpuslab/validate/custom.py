"""corpuslab's own Great Expectations, registered with GX when this module is imported.

- ``expect_column_values_to_be_finite``: no NaN or infinity (a figure's value must be a number).
- ``expect_multi_source_claims_to_agree``: every claim stated by two or more sources has a common
  interval (``low <= high``), unless its scope made it not comparable. A failure is a disagreement
  between outlets: a finding about the news, not a fault in the table.

Importing this module imports Great Expectations; only :mod:`corpuslab.validate` does.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from great_expectations.execution_engine import PandasExecutionEngine
from great_expectations.expectations.expectation import ColumnMapExpectation, MulticolumnMapExpectation
from great_expectations.expectations.metrics.map_metric_provider import (
    ColumnMapMetricProvider,
    MulticolumnMapMetricProvider,
    column_condition_partial,
    multicolumn_condition_partial,
)


class ColumnValuesFinite(ColumnMapMetricProvider):
    """Metric: each value is a finite number."""

    condition_metric_name = "column_values.corpuslab_finite"

    @column_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column: pd.Series, **kwargs: Any) -> pd.Series:
        return pd.Series(np.isfinite(pd.to_numeric(column, errors="coerce").astype(float)), index=column.index)


class ExpectColumnValuesToBeFinite(ColumnMapExpectation):
    """Expect every (non-null) value of the column to be a finite number: no NaN from a bad parse, no inf."""

    map_metric = "column_values.corpuslab_finite"
    success_keys = ("mostly",)


class MultiSourceClaimsAgree(MulticolumnMapMetricProvider):
    """Metric: a claim's sources share an interval, or there is nothing to agree on."""

    condition_metric_name = "multicolumn_values.corpuslab_claims_agree"
    condition_domain_keys = ("batch_id", "table", "column_list", "row_condition", "condition_parser", "ignore_row_if")

    @multicolumn_condition_partial(engine=PandasExecutionEngine)
    def _pandas(cls, column_list: pd.DataFrame, **kwargs: Any) -> pd.Series:
        n_sources, verdict, low, high = (column_list.iloc[:, i] for i in range(4))
        alone = pd.to_numeric(n_sources, errors="coerce") < 2
        untold = verdict.astype(str) == "not_comparable"
        common = pd.to_numeric(low, errors="coerce") <= pd.to_numeric(high, errors="coerce")
        return alone | untold | common


class ExpectMultiSourceClaimsToAgree(MulticolumnMapExpectation):
    """Expect every claim stated by two or more sources to have a common interval.

    ``column_list`` names, in order, the claims table's source count, verdict, and the common
    interval's low and high ends (``["n_sources", "verdict", "interval_low", "interval_high"]``).
    """

    map_metric = "multicolumn_values.corpuslab_claims_agree"
    success_keys = ("mostly",)
