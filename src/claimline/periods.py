"""Former home of the period helpers, now in :mod:`claimline.calendar` (the one calendar).

Kept so that ``from claimline.periods import ...`` goes on working; import from
:mod:`claimline.calendar` in new code.
"""

from __future__ import annotations

from claimline.calendar import (
    GRANULARITY_ORDER,
    Precision,
    format_date,
    granularity_rank,
    is_datable,
    overlaps,
    parse_bound,
    period_label,
    precision,
    sort_key,
    width,
)

__all__ = [
    "GRANULARITY_ORDER",
    "Precision",
    "format_date",
    "granularity_rank",
    "is_datable",
    "overlaps",
    "parse_bound",
    "period_label",
    "precision",
    "sort_key",
    "width",
]
