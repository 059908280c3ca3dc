"""The call layer: every request to Cognito goes through :func:`call`.

It turns botocore's exceptions into this library's errors (see :mod:`cognito_pools.errors`), so
the steps above it deal with one error hierarchy.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from botocore.exceptions import BotoCoreError, ClientError, ParamValidationError

from cognito_pools.errors import CallFailedError, Problem, ServiceError, ValidationError

if TYPE_CHECKING:
    from collections.abc import Mapping

__all__ = ["call"]


def call(client: Any, method: str, kwargs: Mapping[str, Any]) -> Mapping[str, Any]:
    """Call ``client.<method>(**kwargs)`` and translate its failures into library errors."""
    try:
        response: Mapping[str, Any] = getattr(client, method)(**kwargs)
    except ClientError as error:
        raise ServiceError.from_client_error(error) from error
    except ParamValidationError as error:
        raise ValidationError([Problem(method, str(error))]) from error
    except BotoCoreError as error:
        raise CallFailedError(f"{method} could not be sent: {error}") from error
    return response
