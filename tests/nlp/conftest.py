"""Fixtures of the model tests that compare the model as spaCy runs it with the model as wirewatch does."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def load_model():
    """Loads a fresh copy of the installed small English model, as spaCy ships it (each call a new
    copy, so a test can change one and keep the other); skips when no model is installed."""
    spacy = pytest.importorskip("spacy")
    from wirewatch.nlp.pipeline import MODELS

    def load():
        for name in MODELS:
            try:
                return spacy.load(name)
            except OSError:
                continue
        pytest.skip("no spaCy model installed")

    return load
