"""A botocore client for Stubber tests: real service model, dummy credentials, no network."""

from __future__ import annotations

from typing import Any

import botocore.session


def stub_client(session: Any = None) -> Any:
    """A ``cognito-idp`` client from ``session`` (default: a fresh botocore session)."""
    session = session or botocore.session.get_session()
    return session.create_client(
        "cognito-idp",
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",  # noqa: S106 - a dummy for the stubbed client
    )
