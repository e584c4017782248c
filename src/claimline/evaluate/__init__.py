"""Evaluation against gold annotations: ``claimline.evaluate(gold_dir, pred) -> Report``.

- :mod:`~claimline.evaluate.gold`: the gold format and its validating loader;
- :mod:`~claimline.evaluate.matching`: one-to-one strict/relaxed span alignment;
- :mod:`~claimline.evaluate.scores`: P/R/F1, accuracy, B³ and pairwise clustering;
- :mod:`~claimline.evaluate.layers`: what is scored for each layer (definitions there);
- :mod:`~claimline.evaluate.report`: the report, its tables and its error list.

The module itself is callable: ``claimline.evaluate(...)`` is
:func:`~claimline.evaluate.evaluator.evaluate`.

>>> import claimline
>>> report = claimline.evaluate("data/gold", "out/")  # doctest: +SKIP
>>> print(report.table())  # doctest: +SKIP
"""

from __future__ import annotations

import sys
import types

from claimline.evaluate.evaluator import evaluate, load_predictions
from claimline.evaluate.gold import GoldDocument, GoldError, load_gold
from claimline.evaluate.matching import Alignment, align
from claimline.evaluate.report import ErrorItem, LayerReport, Report
from claimline.evaluate.scores import PRF, Accuracy, b_cubed, pairwise


class _CallableModule(types.ModuleType):
    """Lets ``claimline.evaluate`` be both this package and the function."""

    def __call__(self, *args, **kwargs) -> Report:
        return evaluate(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule

__all__ = [
    "PRF",
    "Accuracy",
    "Alignment",
    "ErrorItem",
    "GoldDocument",
    "GoldError",
    "LayerReport",
    "Report",
    "align",
    "b_cubed",
    "evaluate",
    "load_gold",
    "load_predictions",
    "pairwise",
]
