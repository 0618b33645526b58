"""Errors that reach the user as one line naming the input."""

import re


class WirewatchError(Exception):
    """An error about one input or setting, read as `<input>: <what is wrong>[; what to do]`."""

    def __init__(self, subject: str, problem: str, hint: str | None = None):
        self.subject = subject
        self.problem = problem
        self.hint = hint
        super().__init__(self.line())

    def line(self) -> str:
        text = f"{printable(self.subject)}: {printable(self.problem)}"
        return f"{text}; {self.hint}" if self.hint else text


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """The text with control characters written as escapes: a file name with a newline or a terminal
    escape sequence can neither forge a second line nor drive the terminal it is printed on."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


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
