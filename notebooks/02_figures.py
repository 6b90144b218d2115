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
# **Inputs.** The tables `corpuslab run CORPUS --out-dir DIR` wrote (set `CORPUSLAB_TABLES=DIR`; `make report`
# does), or a corpus run once here (`CORPUSLAB_CORPUS`, the seeds by default).

# %% tags=["parameters"]
import os

TABLES = os.environ.get("CORPUSLAB_TABLES")  # a folder of tables written by `corpuslab run --out-dir`
CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")  # used only when TABLES is not set
SHOW = 20  # rows of any table shown: the report stays small at any corpus size
TOP_KINDS = 8  # kinds shown as columns; the rest are summed, so the table fits the page

# %%
# %matplotlib inline
import pandas as pd
from IPython.display import Markdown, display

import corpuslab
from corpuslab import plots
from corpuslab.notebook import load_tables
from corpuslab.summary import shorten

result = load_tables(TABLES, corpus=CORPUS)
figures = result.figures
counted = figures[~(figures["is_boilerplate"] | figures["is_repeat"])]

# %%
n_bound = int((counted["bound"] != "exact").sum())
n_range = int(counted["range_low"].notna().sum())
n_change = int((counted["from_value"].notna() | counted["is_change"]).sum())
top_kind = counted["kind"].value_counts()
display(
    Markdown(
        f"The extractor found **{len(figures):,} figures**; **{len(counted):,}** are in article text "
        f"(the other {len(figures) - len(counted)} sit in flagged paragraphs). "
        f"The most common kind is **{top_kind.index[0]}** ({top_kind.iloc[0]}). "
        f"**{n_bound}** carry a bound or an approximation, **{n_range}** are ranges and **{n_change}** state a change."
        if len(counted)
        else "The extractor found no figures."
    )
)
assert n_bound == len(counted) - int((counted["bound"] == "exact").sum())
assert (figures["end"] - figures["start"]).eq(figures["surface"].str.len()).all()  # offsets span the surface

# %%
plots.plot_figure_kinds(figures)

# %%
per_document = counted.groupby("doc_id").size().reindex(result.documents["doc_id"], fill_value=0)
display(
    Markdown(
        f"Figures per document: median **{per_document.median():g}**, "
        f"the busiest document holds **{per_document.max()}**, and **{int((per_document == 0).sum())}** "
        "documents hold none. Below, the outlets with the most figures, by the most common kinds."
    )
)
assert int(per_document.sum()) == len(counted)
outlet = counted["doc_id"].map(result.documents.set_index("doc_id")["outlet"]).fillna("(no outlet)")
kind = counted["kind"].where(counted["kind"].isin(top_kind.index[:TOP_KINDS]), "other kinds")
by_outlet = pd.crosstab(outlet.rename("outlet"), kind)
by_outlet = by_outlet[[k for k in [*top_kind.index[:TOP_KINDS], "other kinds"] if k in by_outlet]]
assert int(by_outlet.to_numpy().sum()) == len(counted)
by_outlet.loc[by_outlet.sum(axis=1).sort_values(ascending=False).index].head(SHOW)

# %% [markdown]
# The first figures with their sentences, values in display units, and what they are about.
# `surface` is the text exactly at the figure's offsets in the document.

# %%
table = corpuslab.summarize_figures(figures).assign(sentence=shorten(counted["sentence"], 160).to_numpy())
with pd.option_context("display.max_colwidth", 160):
    display(table.head(SHOW))
