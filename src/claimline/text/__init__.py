"""Text as the model reads it: normalisation for the model, HTML to text, language check."""
