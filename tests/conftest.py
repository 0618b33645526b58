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


@pytest.fixture(scope="session")
def extract_stories(extractor):
    """A function: each story of a `{name: (outlet, published, text)}` table extracted as an article of
    its own (id from its text), by name."""
    import hashlib

    from wirewatch.model import Article

    def extract(stories: dict) -> dict:
        return {name: extractor.extract(Article.from_text(text, name, id=hashlib.sha1(text.encode()).hexdigest(),
                                                          outlet=outlet, published=published))
                for name, (outlet, published, text) in stories.items()}

    return extract


@pytest.fixture(scope="session")
def dead_entries():
    """A function: the (word, value) entries of a `word|value` extract lexicon that fire in none of the
    templates ("{w}" stands for the word); fires(sentence, value) says whether one sentence does."""
    from wirewatch.extract.words import mapping

    def dead(lexicon: str, templates, fires) -> list[tuple[str, str]]:
        return [(word, value) for word, value in mapping(lexicon).items()
                if not any(fires(template.format(w=word), value) for template in templates)]

    return dead


@pytest.fixture(scope="module")
def env(gazetteer):
    """For one module: the session's place index as the default, and no store from the environment.
    Yields the variables to pass to a CliRunner."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("WIREWATCH_CACHE", str(gazetteer.path.parent))
        patch.delenv("WIREWATCH_DB", raising=False)
        yield {"WIREWATCH_CACHE": str(gazetteer.path.parent), "WIREWATCH_DB": None}


@pytest.fixture(scope="session")
def stored_corpus(tmp_path_factory):
    """A function that ingests and extracts a corpus once per session and returns its store's path."""
    import wirewatch

    folder = tmp_path_factory.getbasetemp() / "ledgers"
    folder.mkdir(exist_ok=True)

    def stored(name: str, paths: list) -> object:
        db, done = folder / f"{name}.db", folder / f"{name}.done"
        if not done.exists():
            db.unlink(missing_ok=True)
            with wirewatch.open(db) as handle:
                report = handle.ingest(paths)
                assert report.ok, [s.line() for s in report.skipped]
                for _ in handle.extractions():
                    pass
            done.touch()
        return db

    return stored
