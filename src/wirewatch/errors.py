"""Errors that reach the user as one line naming the input."""


class WirewatchError(Exception):
    """An error about one input or setting, read as `<input>: <what is wrong>[; what to do]`."""

    def __init__(self, subject: str, problem: str, hint: str | None = None):
        self.subject = subject
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{self.subject}: {self.problem}"
        return f"{text}; {self.hint}" if self.hint else text


class BadInput(WirewatchError):
    """One input cannot be read; the batch skips it and goes on."""


class ConfigError(WirewatchError):
    """A setting or option is not valid; nothing was done."""


class ModelMissing(WirewatchError):
    """The spaCy English model is not installed."""


class StoreBusy(WirewatchError):
    """Another process held the store's write lock for longer than a writer waits."""

    def __init__(self, subject: str):
        super().__init__(subject, "the store stayed locked by another wirewatch process",
                         "wait for it to finish and run the command again; nothing was lost")
