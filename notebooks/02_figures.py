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
# # 2. The figures: what numbers the outlets report
#
# **Question.** How many figures does each document hold, of which kinds and units, and how many carry
# a bound ("over 20"), a range ("50-70") or a change ("from 38 to 44")?
#
# **Inputs.** A corpus folder or file (the seeds by default; set `CORPUSLAB_CORPUS` to use your own).

# %% tags=["parameters"]
import os

CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import Markdown, display

import corpuslab
from corpuslab import plots

result = corpuslab.run_pipeline(CORPUS, progress=False)
figures = result.figures
counted = figures[~(figures["is_boilerplate"] | figures["is_repeat"])]

# %%
n_bound = int((counted["bound"] != "exact").sum())
n_range = int(counted["range_low"].notna().sum())
n_change = int((counted["from_value"].notna() | counted["is_change"]).sum())
top_kind = counted["kind"].value_counts()
display(
    Markdown(
        f"The extractor found **{len(figures)} figures**; **{len(counted)}** are in article text "
        f"(the other {len(figures) - len(counted)} sit in flagged paragraphs). "
        f"The most common kind is **{top_kind.index[0]}** ({top_kind.iloc[0]}). "
        f"**{n_bound}** carry a bound or an approximation, **{n_range}** are ranges and **{n_change}** state a change."
        if len(counted)
        else "The extractor found no figures."
    )
)
assert n_bound == len(counted) - int((counted["bound"] == "exact").sum())

# %%
plots.plot_figure_kinds(figures)

# %%
per_document = pd.crosstab(counted["doc_id"], counted["kind"])
per_document

# %% [markdown]
# Each figure with its sentence, its value in display units, and what it is about. `surface` is the
# text exactly at the figure's offsets in the document.

# %%
table = corpuslab.summarize_figures(figures).merge(
    counted[["surface", "sentence"]].drop_duplicates("surface"), on="surface", how="left"
)
with pd.option_context("display.max_colwidth", 120):
    display(table.head(60))
