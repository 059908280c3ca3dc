"""A status line on stderr while a call to AWS takes longer than a moment (terminals only).

It hooks into botocore's ``before-call`` and ``after-call`` events, so it knows which operation
is waiting, and a background thread draws the line only after :data:`DELAY` seconds: a fast
command prints nothing extra. The line is erased as soon as the answer arrives.
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from types import TracebackType

    from typing_extensions import Self

__all__ = ["DELAY", "StatusLine"]

DELAY = 1.0
"""Seconds a call may take before the line appears."""
_TICK = 0.25
_ERASE = "\r\x1b[K"


class StatusLine:
    """Shows ``waiting for <Operation> (Ns of --timeout T)`` while a call is slow.

    Use it as a context manager around the command and :meth:`watch` the client.
    """

    def __init__(self, stream: TextIO, timeout: float) -> None:
        isatty = getattr(stream, "isatty", None)
        self.enabled: bool = bool(isatty is not None and isatty())
        self._stream = stream
        self._timeout = timeout
        self._lock = threading.Lock()
        self._operation: str | None = None
        self._started = 0.0
        self._shown = False
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def watch(self, client: Any) -> None:
        """Follow every call ``client`` makes."""
        if not self.enabled:
            return
        events = client.meta.events
        events.register("before-call.cognito-idp", self._begin)
        events.register("after-call.cognito-idp", self._end)
        events.register("after-call-error.cognito-idp", self._end)

    def __enter__(self) -> Self:
        if self.enabled:
            self._thread = threading.Thread(target=self._run, name="status-line", daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        self._end()

    def _begin(self, model: Any, **_: Any) -> None:
        with self._lock:
            self._operation = str(model.name)
            self._started = time.monotonic()

    def _end(self, **_: Any) -> None:
        with self._lock:
            self._operation = None
            if self._shown:
                self._write(_ERASE)
                self._shown = False

    def _run(self) -> None:
        while not self._stop.wait(_TICK):
            with self._lock:
                if self._operation is None:
                    continue
                waited = time.monotonic() - self._started
                if waited < DELAY:
                    continue
                self._write(
                    f"{_ERASE}waiting for {self._operation} ({waited:.0f}s; "
                    f"--timeout {self._timeout:g}s per try)"
                )
                self._shown = True

    def _write(self, text: str) -> None:
        try:
            self._stream.write(text)
            self._stream.flush()
        except (OSError, ValueError):  # the terminal went away; the command reports the rest
            self._stop.set()
