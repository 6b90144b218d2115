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
# # 1. The corpus: what was read, and what the loader set aside
#
# **Question.** Which documents does the corpus hold, from which outlets and dates, how long are they,
# and which paragraphs did the loader flag as boilerplate or repeats (and so keep out of the counts)?
#
# **Inputs.** The tables `corpuslab run CORPUS --out-dir DIR` wrote (set `CORPUSLAB_TABLES=DIR`; `make report`
# does), or a corpus run once here (`CORPUSLAB_CORPUS`, the seeds by default).

# %% tags=["parameters"]
import os

TABLES = os.environ.get("CORPUSLAB_TABLES")  # a folder of tables written by `corpuslab run --out-dir`
CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")  # used only when TABLES is not set
SHOW = 20  # rows of any table shown: the report stays small at any corpus size

# %%
# %matplotlib inline
from IPython.display import Markdown, display

import corpuslab
from corpuslab import plots
from corpuslab.notebook import load_tables
from corpuslab.summary import shorten

result = load_tables(TABLES, corpus=CORPUS)
documents, paragraphs = result.documents, result.paragraphs
summary = corpuslab.summarize_documents(documents, paragraphs)
summary.head(SHOW)

# %%
n_docs = len(documents)
n_outlets = documents["outlet"].nunique()
n_unknown_outlet = int(documents["outlet"].isna().sum())
dated = documents["published"].dropna()
flagged = paragraphs[paragraphs["is_boilerplate"] | paragraphs["is_repeat"]]
share_flagged = flagged["n_words"].sum() / max(paragraphs["n_words"].sum(), 1)
dates = f"from {dated.min():%d %B %Y} to {dated.max():%d %B %Y}" if len(dated) else "with no publication dates"
display(
    Markdown(
        f"The corpus holds **{n_docs:,} documents** from **{n_outlets} named outlet{'s' if n_outlets != 1 else ''}** "
        f"({n_unknown_outlet} documents name no outlet, so each counts as its own source), {dates}. "
        f"The loader flagged **{len(flagged):,} of {len(paragraphs):,} paragraphs** "
        f"({share_flagged:.0%} of the words) as boilerplate or repeated text."
    )
)
# Counts add up: one summary row per document, and the per-document flags sum to the flagged paragraphs.
assert n_docs == len(summary) and len(flagged) == int(summary["n_flagged"].sum())
assert int(summary["n_paragraphs"].sum()) == len(paragraphs)

# %% [markdown]
# Flagged text stays in the tables (nothing is deleted from a document); later stages skip it, so a body
# printed twice, or a caption repeated under every photo, is not counted twice.

# %%
plots.plot_documents(documents, paragraphs)

# %%
by_reason = flagged.assign(reason=flagged["boilerplate_kind"].fillna("repeat")).groupby("reason").size()
display(
    Markdown(
        "Flagged paragraphs by reason: " + ", ".join(f"**{n}** {r}" for r, n in by_reason.items()) + "."
        if len(by_reason)
        else "No paragraph was flagged."
    )
)
assert by_reason.sum() == len(flagged)
shown = flagged[["doc_id", "paragraph_index", "boilerplate_kind", "is_repeat", "repeat_of", "text"]].head(SHOW)
shown.assign(text=shorten(shown["text"], 120))

# %%
# The load report the run wrote (read back from disk, a documents table no longer carries its own).
report = result.load_report
said = {"error": "input lost", "warning": "loaded with a change", "skipped": "not an article file"}
by_severity = report["severity"].value_counts().reindex(list(said), fill_value=0).loc[lambda n: n > 0]
parts = [f"**{n:,}** {s}{'s' if n != 1 and s != 'skipped' else ''} ({said.get(s, s)})" for s, n in by_severity.items()]
display(
    Markdown(
        f"The load report lists **{len(report):,} problem{'s' if len(report) != 1 else ''}**"
        + (
            f": {', '.join(parts)}. Every file, line or row that could not be used as is is in it, with what to do."
            if len(report)
            else "."
        )
    )
)
# The count stated is the load report table's rows, each under one severity; every problem names its file.
assert int(by_severity.sum()) == len(report) and report["severity"].isin(said).all()
assert report["path"].notna().all()
report.head(SHOW)
