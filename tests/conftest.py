"""Fixtures shared by every test module: the place index and the language pipeline, built once."""

from __future__ import annotations

import pytest

from wirewatch.nlp.gazetteer import INDEX_VERSION, Gazetteer


@pytest.fixture(scope="session")
def gazetteer(tmp_path_factory) -> Gazetteer:
    """The place index, built once per session into the session's temporary folder."""
    folder = tmp_path_factory.getbasetemp() / "gazetteer"
    folder.mkdir(exist_ok=True)
    return Gazetteer(folder / f"gazetteer-v{INDEX_VERSION}.sqlite")


@pytest.fixture(scope="session")
def nlp(gazetteer):
    """The spaCy pipeline with the gazetteer tagger (the model loads once per session)."""
    from wirewatch.nlp.pipeline import load_pipeline

    return load_pipeline(gazetteer)


@pytest.fixture(scope="session")
def extractor(nlp):
    from wirewatch.extract.pipeline import Extractor

    return Extractor(nlp)
