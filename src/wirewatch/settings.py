"""Settings in force for one run, built once by the CLI or the caller and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace

from .errors import ConfigError

DEFAULT_DB = "wirewatch.db"
# Articles extracted together: their sentences fill the model's batches (the parser and NER gain
# most from full ones); smaller batches cost 6-9% more per article, larger only hold more memory.
EXTRACT_BATCH = 64


@dataclass(frozen=True, slots=True)
class Settings:
    """Every knob of a run; each field has a default and a help text in `HELP`."""

    db: str = DEFAULT_DB
    max_bytes: int = 20 * 1024 * 1024
    recurring_line_min_articles: int = 3
    recurring_line_max_words: int = 40
    min_text_chars: int = 40
    workers: int = 1
    # nlp speed switches (nlp/speedups.py)
    fast_nlp: bool = True
    lock_wait: int = 120
    max_text_chars: int = 1_000_000
    extra: dict = field(default_factory=dict)

    @classmethod
    def from_env(cls, environ: dict | None = None, **overrides) -> "Settings":
        """Settings from defaults, then `WIREWATCH_*` variables, then explicit overrides (None is ignored)."""
        environ = os.environ if environ is None else environ
        values: dict = {}
        for f in fields(cls):
            if f.name == "extra":
                continue
            raw = environ.get(f"WIREWATCH_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, raw, type(getattr(cls(), f.name)))
        values.update({k: v for k, v in overrides.items() if v is not None})
        settings = replace(cls(), **values)
        settings.check()
        return settings

    def check(self) -> None:
        if self.max_bytes <= 0:
            raise ConfigError("max_bytes", f"must be positive, got {self.max_bytes}")
        if self.recurring_line_min_articles < 2:
            raise ConfigError("recurring_line_min_articles", "must be at least 2")
        if self.lock_wait < 0:
            raise ConfigError("lock_wait", f"must be zero or more seconds, got {self.lock_wait}")
        if self.max_text_chars < self.min_text_chars:
            raise ConfigError("max_text_chars", f"must be at least min_text_chars ({self.min_text_chars})")
        if self.workers < 1:
            raise ConfigError("workers", f"must be at least 1, got {self.workers}")


_BOOLEANS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False, "off": False}

HELP = {
    "db": "Store: a SQLite file path or a database URL (postgresql://...). Env WIREWATCH_DB.",
    "max_bytes": "Inputs larger than this many bytes are skipped. Env WIREWATCH_MAX_BYTES.",
    "recurring_line_min_articles": "A short line found in this many articles of one outlet is boilerplate.",
    "recurring_line_max_words": "Lines longer than this are never treated as recurring boilerplate.",
    "min_text_chars": "An article whose clean text is shorter than this is skipped as empty.",
    "workers": "Processes used for ingestion and extraction.",
    "fast_nlp": "Extraction speed-ups with identical output: the model on numpy's BLAS, one BLAS thread and fewer "
                "cycle collections while a batch is extracted. Env WIREWATCH_FAST_NLP (0 turns them off).",
    "lock_wait": "Seconds a writer waits for another process's write to the store. Env WIREWATCH_LOCK_WAIT.",
    "max_text_chars": "An article whose clean text is longer is refused with a line saying so (memory stays "
                      "bounded). Env WIREWATCH_MAX_TEXT_CHARS.",
    "extra": "Free-form settings for experiments; never required.",
}


def _coerce(name: str, raw: str, kind: type):
    if kind is bool:
        if raw.lower() not in _BOOLEANS:
            raise ConfigError(f"WIREWATCH_{name.upper()}", f"expected 1/0, true/false, yes/no or on/off, got {raw!r}")
        return _BOOLEANS[raw.lower()]
    if kind is int:
        try:
            return int(raw.replace("_", ""))
        except ValueError:
            raise ConfigError(f"WIREWATCH_{name.upper()}", f"expected a whole number, got {raw!r}") from None
    return raw
