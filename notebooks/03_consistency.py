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
# # 3. Cross-source consistency: where the outlets agree, and where they contradict each other
#
# **Question.** When several outlets report the same measure of the same subject in the same scope,
# do their figures agree?
#
# **Method.** Each figure is an interval: an exact value spans the precision it was written in, an
# approximate one ±10 %, a bound is half-open ("over 20" is (20, ∞)), a range is a range. Figures of the
# same measure, subject and scope form a *claim*; two figures agree when their intervals overlap. A claim
# whose figures do not overlap is **conflicting** only when its scope (when, and for events where) is
# known for both; otherwise it is **not comparable**. A claim only one outlet states is **single source**.
#
# **Inputs.** A corpus folder or file (the seeds by default; set `CORPUSLAB_CORPUS` to use your own).

# %% tags=["parameters"]
import os

CORPUS = os.environ.get("CORPUSLAB_CORPUS", "../seeds")
MAX_CLAIMS = 50

# %%
# %matplotlib inline
from IPython.display import Markdown, display

import corpuslab
from corpuslab import plots

result = corpuslab.run_pipeline(CORPUS, progress=False)
claims, memberships, figures = result.claims, result.memberships, result.figures
multi = claims[claims["n_sources"] >= 2]
verdicts = multi["verdict"].value_counts()

# %%
display(
    Markdown(
        f"Of **{len(claims)} claims**, **{len(multi)}** are stated by two or more sources: "
        + ", ".join(f"**{n}** {v.replace('_', ' ')}" for v, n in verdicts.items())
        + "."
        if len(multi)
        else f"Of {len(claims)} claims, none is stated by two or more sources."
    )
)
assert verdicts.sum() == len(multi)

# %%
plots.plot_claims(claims, memberships, figures, max_claims=MAX_CLAIMS)

# %% [markdown]
# ## The conflicts, with their reasons
# Each reason names the sources and their values; the relative gap is between the two figures that are
# furthest apart.

# %%
conflicts = multi[multi["verdict"] == "conflicting"]
lines = [
    f"- **{c.subject}** ({c.measure.replace('_', ' ')}, {c.scope}): {c.reason}"
    for c in conflicts.itertuples(index=False)
]
display(Markdown("\n".join(lines) if lines else "No claim is conflicting."))
assert all(conflicts["reason"].str.contains("do not overlap"))

# %% [markdown]
# ## Which outlet states which claim

# %%
plots.plot_agreement_matrix(claims, memberships, max_claims=MAX_CLAIMS)

# %%
agreeing = multi[multi["verdict"] == "consistent"]
lines = [f"- **{c.subject}** ({c.scope}): {c.reason}" for c in agreeing.itertuples(index=False)]
display(Markdown("**Where the outlets agree:**\n\n" + "\n".join(lines) if lines else "No claim is consistent."))
assert agreeing["interval_low"].le(agreeing["interval_high"]).all()  # agreeing figures share an interval

# %% [markdown]
# ## Look-alikes kept apart
# The same subject and measure in different scopes are separate claims: a four-day visit to Moscow is
# not a four-day visit to Beijing. These are the subjects stated in more than one scope.

# %%
scopes = claims.groupby(["subject", "measure"])["scope"].nunique()
apart = scopes[scopes > 1].index
look_alikes = claims.set_index(["subject", "measure"]).loc[list(apart)] if len(apart) else claims.iloc[0:0]
display(Markdown(f"**{len(apart)}** subjects appear in more than one scope and were kept apart."))
assert len(apart) == int((scopes > 1).sum())
look_alikes[["scope", "verdict", "reason"]] if len(apart) else look_alikes
