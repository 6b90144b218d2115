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
# **Inputs.** A corpus folder or file (the seeds by default; set `CORPUSLAB_CORPUS` to use your own) and
# the suites folder.

# %% tags=["parameters"]
import os

CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")
SUITES = os.environ.get("CORPUSLAB_SUITES")  # None: the suites shipped with corpuslab

# %%
# %matplotlib inline
from IPython.display import Markdown, display

import corpuslab
from corpuslab import plots

result = corpuslab.run_pipeline(CORPUS, progress=False)
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
results.drop(columns=["unexpected_index"])

# %% [markdown]
# ## Findings, listed by claim

# %%
findings = results[(results["status"] == "finding") & (results["suite"] == "claims")]
rows = [index for found in findings["unexpected_index"] for index in found]
found_claims = result.claims.iloc[rows] if rows else result.claims.iloc[0:0]
lines = [f"- **{c.subject}** ({c.scope}): {c.reason}" for c in found_claims.itertuples(index=False)]
display(Markdown("\n".join(lines) if lines else "No finding: every claim stated by several sources agrees."))
assert set(found_claims["verdict"]) <= {"conflicting"}

# %% [markdown]
# ## Errors
# Broken tables would be listed here with a few offending rows (doc_id and surface).

# %%
errors = results[results["status"] == "error"]
display(Markdown(f"**{len(errors)}** error expectations failed."))
errors.drop(columns=["unexpected_index"])
