"""What the command learns from botocore's events: ``--verbose`` call lines, and the last answer.

- :class:`CallLog` prints one line on stderr per HTTP try of every call (``--verbose``): the
  operation, the pool id, botocore's attempt number, the answer's status (or error code) and
  how long it took. Nothing else of the request or the answer is printed, so no setting's value,
  and no secret, can reach the terminal.
- :class:`AnswerLog` keeps the status and content type of the last HTTP answer, so that an error
  from an endpoint that is not Cognito (a web server answering HTML) is reported as that.

Both hook into botocore's events (``before-parameter-build``, ``before-send``, ``needs-retry``,
``before-parse``), as :mod:`~cognito_pools.cli.status` does, and never change what botocore does:
every handler returns ``None``.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["AnswerLog", "CallLog"]

_PREFIX = "cognito-pools"
_KEY = "cognito_pools.cli.verbose"
"""Where the handlers keep a call's own facts, in botocore's per-request context."""


class CallLog:
    """Prints ``cognito-pools: call <Operation> pool=<id> attempt=<n>: <status> in <ms> ms``."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def watch(self, client: Any) -> None:
        """Follow every call ``client`` makes."""
        events = client.meta.events
        events.register(
            "before-parameter-build.cognito-idp", self._begin, unique_id=f"{_KEY}.begin"
        )
        events.register("before-send.cognito-idp", self._send, unique_id=f"{_KEY}.send")
        events.register("needs-retry.cognito-idp", self._answered, unique_id=f"{_KEY}.answered")

    def _begin(self, params: Mapping[str, Any], context: dict[str, Any], **_: Any) -> None:
        # The caller's parameters, before botocore serializes them. The pool id is the only one
        # ever printed: it is no secret.
        context[_KEY] = {"pool": params.get("UserPoolId"), "started": time.monotonic()}

    def _send(self, request: Any, **_: Any) -> None:
        facts = getattr(request, "context", {}).get(_KEY)
        if facts is not None:
            facts["started"] = time.monotonic()  # this try's own start, retries included

    def _answered(
        self,
        attempts: int,
        operation: Any,
        request_dict: Mapping[str, Any],
        response: Any = None,
        caught_exception: BaseException | None = None,
        **_: Any,
    ) -> None:
        facts: Mapping[str, Any] = request_dict.get("context", {}).get(_KEY) or {}
        took = (time.monotonic() - facts.get("started", time.monotonic())) * 1000
        pool = facts.get("pool") or "-"
        line = (
            f"{_PREFIX}: call {operation.name} pool={pool} attempt={attempts}: "
            f"{_outcome(response, caught_exception)} in {took:.0f} ms\n"
        )
        try:
            self._stream.write(line)
            self._stream.flush()
        except (OSError, ValueError):  # stderr went away; the command reports the rest
            pass


def _outcome(response: Any, caught_exception: BaseException | None) -> str:
    """The answer's HTTP status and error code, or why there was none; never a message."""
    if response is None:
        kind = type(caught_exception).__name__ if caught_exception is not None else "unknown"
        return f"no answer ({kind})"
    http: Any = response[0]
    parsed: Mapping[str, Any] = response[1] if isinstance(response[1], dict) else {}
    error: Mapping[str, Any] = parsed.get("Error") or {}
    code = error.get("Code")
    return f"{http.status_code} {code}" if code else str(http.status_code)


class AnswerLog:
    """The HTTP status and content type of the last answer a client received, by operation."""

    def __init__(self) -> None:
        self.last: tuple[int, str | None] | None = None
        self.last_operation: str | None = None
        self.by_operation: dict[str, tuple[int, str | None]] = {}

    def watch(self, client: Any) -> None:
        """Follow every answer ``client`` receives."""
        client.meta.events.register(
            "before-parse.cognito-idp", self._answered, unique_id=f"{_KEY}.answer"
        )

    def _answered(self, operation_model: Any, response_dict: Mapping[str, Any], **_: Any) -> None:
        headers: Mapping[str, str] = response_dict.get("headers") or {}
        kind = next(
            (value for key, value in headers.items() if key.lower() == "content-type"), None
        )
        self.last = (int(response_dict.get("status_code") or 0), kind)
        self.last_operation = str(operation_model.name)
        self.by_operation[self.last_operation] = self.last

    def foreign(self, operation: str | None) -> str | None:
        """Describe the answer to ``operation`` (else the last answer) if Cognito gives no such.

        ``HTTP 500 (text/html)``, say; ``None`` for JSON (what Cognito answers), or no answer.
        """
        answer = self.by_operation.get(operation or "") or self.last
        if answer is None:
            return None
        status, content_type = answer
        kind = (content_type or "").split(";")[0].strip()
        if "json" in kind.lower() or (status == 200 and not kind):  # noqa: PLR2004
            return None
        return f"HTTP {status} ({kind or 'no content type'})"
