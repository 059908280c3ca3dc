"""Hold Ctrl-C and SIGTERM back while a change that needs two writes is being made.

A change of the MFA setup and the other settings takes two calls. Interrupted between them, it
would leave the first in place and the second not: half-applied. While
:func:`interrupts_held` is active, SIGINT and SIGTERM are recorded instead of acted on, and
delivered as soon as the block ends, when both writes have landed (or the first was undone).
The wait is bounded by the calls' own timeouts. Signals reach only the main thread, so in any
other thread this does nothing, and has nothing to do.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Generator

__all__ = ["interrupts_held"]

_HELD = (signal.SIGINT, signal.SIGTERM)


@contextlib.contextmanager
def interrupts_held() -> Generator[None, None, None]:
    """Record SIGINT and SIGTERM during the block, then deliver them in the order they came."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    received: list[int] = []  # signal numbers, in the order they came

    def hold(signum: int, _frame: Any) -> None:
        received.append(signum)

    previous: dict[int, Any] = {}
    for held in _HELD:
        handler = signal.getsignal(held)
        if handler is None:  # installed outside Python: it cannot be put back, so leave it
            continue
        previous[held] = signal.signal(held, hold)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        for signum in received:
            signal.raise_signal(signum)
