"""Keep secrets out of everything the library prints: reprs, plans, errors and logs.

The secrets are the external IDs of the roles Cognito assumes (the SMS role, the End User
Messaging role, and an app client's analytics role): whoever knows one can pass the role's
confused-deputy condition; and an app client's secret, which signs its calls. Values of these
members are shown as ``'***'``; whether one is set, and whether it changes, still shows.

botocore logs whole request and response bodies at DEBUG. :func:`redact_botocore_logs` installs
a filter on the botocore loggers that write bodies, so that a program debugging its AWS calls
does not write the external ID to its logs because it went through this library.
"""

from __future__ import annotations

import logging
import re
from typing import Any

__all__ = [
    "REDACTED",
    "SECRET_MEMBERS",
    "is_secret",
    "redact_botocore_logs",
    "redacted_repr",
    "shown_value",
]

SECRET_MEMBERS = frozenset({"external_id", "client_secret"})
"""Snake_case member names whose values are secrets, wherever they appear."""
SECRET_WIRE_MEMBERS = frozenset({"ExternalId", "ClientSecret"})
"""The same members by their wire names, as they appear in request and response bodies."""
REDACTED = "***"

_SECRET_NAMES = "|".join(sorted(SECRET_WIRE_MEMBERS | SECRET_MEMBERS))
_BODY_SECRET = re.compile(
    r"""(?P<key>\\?["']?(?:NAMES)\\?["']?\s*[:=]\s*)(?P<quote>\\?["'])(?P<value>.*?)(?P=quote)""".replace(
        "NAMES", _SECRET_NAMES
    )
)
_BODY_LOGGERS = ("botocore.endpoint", "botocore.parsers", "botocore.hooks", "botocore.auth")
"""The botocore loggers whose DEBUG records carry request or response bodies."""


def is_secret(path: str) -> bool:
    """Tell whether the setting at a dotted path (``a.b[0].external_id``) holds a secret."""
    return path.rpartition(".")[2] in SECRET_MEMBERS


def redacted_repr(value: object) -> str:
    """The ``repr`` of a secret field: says whether it is set, never what it is."""
    return "None" if value is None else repr(REDACTED)


def shown_value(path: str, value: Any) -> Any:
    """``value`` as it may be shown for the setting at ``path``."""
    return REDACTED if value is not None and is_secret(path) else value


def redact_text(text: str) -> str:
    """Replace the value of every secret member spelled out in JSON or Python-repr text."""
    return _BODY_SECRET.sub(lambda m: f"{m['key']}{m['quote']}{REDACTED}{m['quote']}", text)


class _RedactingFilter(logging.Filter):
    """Rewrite a record's message with secret values replaced, and let it through."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = redact_text(message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


_FILTER = _RedactingFilter("cognito_pools")


def redact_botocore_logs() -> None:
    """Install the redacting filter on botocore's body-logging loggers (once; idempotent)."""
    for name in _BODY_LOGGERS:
        logger = logging.getLogger(name)
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
