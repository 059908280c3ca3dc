"""Real HTTP peers and canned HTTP answers for the tests.

- :func:`running_moto_server`: a ``ThreadedMotoServer`` on a free loopback port, so that calls go
  through botocore's whole HTTP path (serialization, signing, parsing, retries).
- :func:`running_serial_moto_server`: the same, answering one request at a time, so that
  DynamoDB's conditional writes are atomic there as they are on AWS.
- :func:`canned_response`: an HTTP answer a ``before-send`` handler can return instead of
  sending the request; botocore parses it, and applies its retry rules to it, as to a real one.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING, Any

from botocore.awsrequest import AWSResponse
from moto.moto_server.werkzeug_app import (
    DomainDispatcherApplication,
    MotoRequestHandler,
    create_backend_app,
)
from moto.server import ThreadedMotoServer
from werkzeug.serving import make_server

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


@contextlib.contextmanager
def running_serial_moto_server() -> Iterator[str]:
    """Start a moto server that answers one request at a time; yield its URL.

    DynamoDB makes a conditional write atomic: two processes that both write "only if the item
    is absent" cannot both succeed. moto checks the condition and then writes, with nothing to
    stop another request from doing the same in between, so under concurrent requests both
    can succeed, and a lock built on them would let two holders in. Handling each request
    whole before the next (the whole answer is built under one lock) gives back that atomicity.
    The clients still run concurrently, in their own threads and processes.
    """
    app = DomainDispatcherApplication(create_backend_app)
    turn = threading.Lock()

    def one_at_a_time(environ: Any, start_response: Any) -> list[bytes]:
        with turn:
            return list(app(environ, start_response))

    server = make_server(
        "127.0.0.1", 0, one_at_a_time, threaded=True, request_handler=MotoRequestHandler
    )
    thread = threading.Thread(target=server.serve_forever, name="moto, serial", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join()


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
