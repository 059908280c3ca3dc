"""A botocore client for Stubber tests: real service model, dummy credentials, no network."""

from __future__ import annotations

import functools
from typing import Any

import botocore.session


@functools.cache
def _shared_session() -> Any:
    """One botocore session for every stubbed client: loading the service model is most of what
    making a client costs, and each client still gets its own event handlers."""
    return botocore.session.get_session()


def stub_client(session: Any = None) -> Any:
    """A ``cognito-idp`` client from ``session`` (default: a session shared by the tests)."""
    session = session or _shared_session()
    return session.create_client(
        "cognito-idp",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - a dummy for the stubbed client
    )
