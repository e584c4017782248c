"""Former name of :mod:`claimline.text.model_text` (the text the model reads); kept so
that ``from claimline.text.normalise import normalise_for_model`` goes on working."""

from claimline.text.model_text import (
    line_spans,
    model_text,
    normalise_for_model,
    replace_surrogates,
)

__all__ = ["line_spans", "model_text", "normalise_for_model", "replace_surrogates"]
