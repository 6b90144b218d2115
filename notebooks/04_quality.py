# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 4. Data quality: what the expectation suites found
#
# **Question.** Do the tables hold up (ids unique, offsets right, vocabularies closed), and which
# disagreements between outlets did the suites report as findings?
#
# **Method.** The expectation suites (Great Expectations, one JSON file per table) run against the
# pipeline's tables. A failed *error* means a broken table; a failed *finding* is the news disagreeing
# with itself, reported and kept.
#
# **Inputs.** The tables `corpuslab run CORPUS --out-dir DIR` wrote (set `CORPUSLAB_TABLES=DIR`; `make report`
# does), or a corpus run once here (`CORPUSLAB_CORPUS`, the seeds by default).
# The suites folder is `CORPUSLAB_SUITES` (`../expectations` by default).

# %% tags=["parameters"]
import os

TABLES = os.environ.get("CORPUSLAB_TABLES")  # a folder of tables written by `corpuslab run --out-dir`
CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")  # used only when TABLES is not set
SHOW = 20  # rows of any table shown: the report stays small at any corpus size
SUITES = os.environ.get("CORPUSLAB_SUITES")  # None: the suites shipped with corpuslab

# %%
# %matplotlib inline
from IPython.display import Markdown, display

import corpuslab
from corpuslab import plots
from corpuslab.notebook import load_tables

result = load_tables(TABLES, corpus=CORPUS)
results = corpuslab.validate(result, suites_dir=SUITES, progress=False)
counts = results["status"].value_counts()

# %%
display(
    Markdown(
        f"**{len(results)} expectations** in {results['suite'].nunique()} suites: "
        + ", ".join(f"**{n}** {s}" for s, n in counts.items())
        + "."
    )
)
assert counts.sum() == len(results)

# %%
plots.plot_validation(results)

# %%
failed_first = results.assign(_passed=results["status"] == "passed").sort_values("_passed", kind="stable")
columns = ["suite", "expectation", "column", "severity", "status", "unexpected_count", "n_rows"]
failed_first[columns].head(SHOW)

# %% [markdown]
# ## Findings, listed by claim

# %%
findings = results[(results["status"] == "finding") & (results["suite"] == "claims")]
rows = [index for found in findings["unexpected_index"] for index in found]
found_claims = result.claims.iloc[rows] if rows else result.claims.iloc[0:0]
lines = [f"- **{c.subject}** ({c.scope}): {c.reason}" for c in found_claims.head(SHOW).itertuples(index=False)]
more = f"\n\n… and {len(found_claims) - SHOW:,} more." if len(found_claims) > SHOW else ""
display(Markdown("\n".join(lines) + more if lines else "No finding: every claim stated by several sources agrees."))
# A finding is a disagreement between sources: every claim it names is stated by two or more.
assert (found_claims["n_sources"] >= 2).all()

# %% [markdown]
# ## Errors
# A failed error expectation is a broken table, not news disagreeing with itself.

# %%
errors = results[results["status"] == "error"]
n_errors = len(errors)
display(
    Markdown(
        f"**{n_errors}** error expectation{' failed; it is' if n_errors == 1 else 's failed; each is'} listed "
        "below with a few offending rows (doc_id and surface)."
        if n_errors
        else "No error expectation failed: every table holds up."
    )
)
assert (errors["severity"] == "error").all()  # only an error expectation makes a table broken
errors[["suite", "expectation", "unexpected_count", "examples", "note"]].head(SHOW)
