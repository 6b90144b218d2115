"""Extract stage: documents -> ``figures``; ``find_figures`` reads one string, ``explain_numerals`` says why."""

from corpuslab.extract.figure import Figure
from corpuslab.extract.find import explain_numerals, find_figures
from corpuslab.extract.stage import document_figures, extract_figures, figure_id

__all__ = ["Figure", "document_figures", "explain_numerals", "extract_figures", "figure_id", "find_figures"]
