"""The thinc models of a loaded pipeline's components, for the modules that change how they run."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.language import Language
from thinc.api import Model


def component_models(nlp: Language) -> Iterator[tuple[str, Model]]:
    """(component name, model) of each component that has a model; rule-based ones have none."""
    for name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None:
            yield name, model
