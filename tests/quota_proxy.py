"""An HTTP proxy in front of a moto server that enforces Cognito's request-rate quotas.

moto answers as fast as it can; Cognito does not. This proxy forwards each request to moto,
unless the request's quota category has already admitted ``quota`` requests within the last
second: then it answers ``TooManyRequestsException`` (HTTP 400) itself, as Cognito does. It
records when every request arrived, so a test or a benchmark can check the rate a client
really achieved, and how often it was throttled.

The categories are those of Cognito's quota table (developer guide, "Quotas in Amazon
Cognito"), written out here rather than taken from the library, so that the proxy checks the
library instead of agreeing with it.
"""

from __future__ import annotations

import collections
import http.client
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from collections.abc import Iterator

CATEGORIES = {
    "DescribeUserPool": "UserPoolRead",
    "ListUserPools": "UserPoolRead",
    "GetUserPoolMfaConfig": "UserPoolRead",
    "UpdateUserPool": "UserPoolUpdate",
    "SetUserPoolMfaConfig": "UserPoolUpdate",
    "CreateUserPool": "UserPoolCreate",
    "DeleteUserPool": "UserPoolUpdate",
}
_WINDOW = 1.0


class QuotaProxy:
    """The proxy's state: the quota per category and every arrival seen.

    ``arrivals[category]`` lists ``(time, admitted)`` for every request, in arrival order.
    """

    def __init__(self, upstream: str, quota: float) -> None:
        self.upstream = urlsplit(upstream)
        self.quota = quota
        self.enforcing = True
        self.lock = threading.Lock()
        self.arrivals: dict[str, list[tuple[float, bool]]] = collections.defaultdict(list)
        self._admitted: dict[str, collections.deque[float]] = collections.defaultdict(
            collections.deque
        )
        self._local = threading.local()
        self._server: ThreadingHTTPServer | None = None
        self.url = ""

    def admit(self, operation: str) -> bool:
        """Record a request; tell whether its category still has room in the last second."""
        category = CATEGORIES.get(operation, "Other")
        now = time.monotonic()
        with self.lock:
            window = self._admitted[category]
            while window and window[0] <= now - _WINDOW:
                window.popleft()
            admitted = not self.enforcing or category == "Other" or len(window) < self.quota
            if admitted:
                window.append(now)
            self.arrivals[category].append((now, admitted))
            return admitted

    def reset(self) -> None:
        """Forget every arrival (the admission windows too)."""
        with self.lock:
            self.arrivals.clear()
            self._admitted.clear()

    def throttled(self, category: str) -> int:
        """How many requests of ``category`` were answered with TooManyRequestsException."""
        with self.lock:
            return sum(1 for _, admitted in self.arrivals[category] if not admitted)

    def count(self, category: str) -> int:
        """How many requests of ``category`` arrived, throttled ones included."""
        with self.lock:
            return len(self.arrivals[category])

    def busiest_second(self, category: str) -> int:
        """The most requests of ``category`` (throttled ones included) in any one second."""
        with self.lock:
            times = [at for at, _ in self.arrivals[category]]
        most, start = 0, 0
        for end, at in enumerate(times):
            while times[start] <= at - _WINDOW:
                start += 1
            most = max(most, end - start + 1)
        return most

    def span(self, category: str) -> float:
        """Seconds from the first request of ``category`` to its last."""
        with self.lock:
            times = [at for at, _ in self.arrivals[category]]
        return times[-1] - times[0] if len(times) > 1 else 0.0

    def forward(self, method: str, path: str, headers: dict[str, str], body: bytes) -> Any:
        """Send the request on to moto over this thread's connection."""
        for fresh in (False, True):
            connection: http.client.HTTPConnection | None = getattr(self._local, "connection", None)
            if connection is None or fresh:
                host = self.upstream.hostname or "127.0.0.1"
                connection = http.client.HTTPConnection(host, self.upstream.port, timeout=30)
                self._local.connection = connection
            try:
                connection.request(method, path, body=body, headers=headers)
                response = connection.getresponse()
                return response.status, response.getheaders(), response.read()
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # moto closed a kept-alive connection between two requests: open another.
                connection.close()
                if fresh:
                    raise
        raise AssertionError("unreachable")


def _handler(proxy: QuotaProxy) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as botocore's connection pool expects

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length)
            operation = (self.headers.get("X-Amz-Target") or "").rpartition(".")[2]
            if not proxy.admit(operation):
                answer = json.dumps(
                    {"__type": "TooManyRequestsException", "message": "Rate exceeded"}
                ).encode()
                self._reply(400, [("Content-Type", "application/x-amz-json-1.1")], answer)
                return
            headers = {key: value for key, value in self.headers.items() if key.lower() != "host"}
            status, answer_headers, answer = proxy.forward("POST", self.path, headers, body)
            kept = [
                (key, value)
                for key, value in answer_headers
                if key.lower() not in {"content-length", "connection", "transfer-encoding"}
            ]
            self._reply(status, kept, answer)

        def _reply(self, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
            self.send_response(status)
            for key, value in headers:
                self.send_header(key, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - argparse's name
            pass

    return Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128


def start(proxy: QuotaProxy) -> _Server:
    """Serve ``proxy`` on a free loopback port; ``proxy.url`` is its address."""
    server = _Server(("127.0.0.1", 0), _handler(proxy))
    threading.Thread(target=server.serve_forever, name="quota-proxy", daemon=True).start()
    host, port = server.server_address[:2]
    proxy.url = f"http://{host!s}:{port}"
    return server


def running_quota_proxy(upstream: str, quota: float) -> Iterator[QuotaProxy]:
    """Start a proxy in front of ``upstream``, yield it, stop it afterwards (a generator)."""
    proxy = QuotaProxy(upstream, quota)
    server = start(proxy)
    try:
        yield proxy
    finally:
        server.shutdown()
        server.server_close()
