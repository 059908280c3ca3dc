"""Real HTTP peers and canned HTTP answers for the tests.

- :func:`running_moto_server`: a ``ThreadedMotoServer`` on a free loopback port, so that calls go
  through botocore's whole HTTP path (serialization, signing, parsing, retries).
- :func:`canned_response`: an HTTP answer a ``before-send`` handler can return instead of
  sending the request; botocore parses it, and applies its retry rules to it, as to a real one.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from botocore.awsrequest import AWSResponse
from moto.server import ThreadedMotoServer

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping


@contextlib.contextmanager
def running_moto_server() -> Iterator[str]:
    """Start a moto server, yield its URL, and stop it afterwards."""
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


class _Body:
    """The urllib3-like object ``AWSResponse`` reads a body from."""

    def __init__(self, body: bytes) -> None:
        self._body = body

    def stream(self, **_: Any) -> Iterator[bytes]:
        yield self._body


def canned_response(
    url: str, status: int, body: bytes, headers: Mapping[str, str] | None = None
) -> AWSResponse:
    """An HTTP answer with ``body``, as botocore would have received it from ``url``."""
    return AWSResponse(url, status, dict(headers or {}), _Body(body))
