"""wirewatch: a sourced ledger of an armed conflict from the news."""

import logging

__version__ = "0.1.0"
__all__ = ["open", "Wirewatch", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())


def __getattr__(name):
    # The API loads its stages on first use, so `import wirewatch` stays instant.
    if name in ("open", "Wirewatch"):
        from . import api

        return getattr(api, name)
    raise AttributeError(name)
