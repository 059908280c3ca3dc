"""What an update would change, setting by setting, before anything is written."""

from __future__ import annotations

import dataclasses
from typing import TYPE_CHECKING, Any

from cognito_pools.grammar import SettingChange

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

__all__ = ["Plan", "SettingChange"]


@dataclasses.dataclass(frozen=True)
class Plan:
    """The settings an update would change on one resource. Empty when nothing would change.

    A pool's plan names the pool; an app client's plan names the pool and the client.
    """

    pool_id: str
    changes: tuple[SettingChange, ...]
    request: Mapping[str, Any] | None = dataclasses.field(default=None, repr=False, compare=False)
    """The update call's kwargs (``update_user_pool``, ``update_user_pool_client``), or ``None``
    when the update sends none."""
    mfa_request: Mapping[str, Any] | None = dataclasses.field(
        default=None, repr=False, compare=False
    )
    """The ``set_user_pool_mfa_config`` kwargs, when the MFA setup would change."""
    requested: Mapping[str, Any] = dataclasses.field(
        default_factory=dict[str, Any], repr=False, compare=False
    )
    """The keyword arguments the plan was made from, for ``apply``."""
    accepted_resets: frozenset[str] = dataclasses.field(
        default_factory=frozenset[str], repr=False, compare=False
    )
    """The ``accept_reset`` paths the plan was made with, for ``apply``."""
    client_id: str | None = None
    """The app client, for a plan of an app client's settings."""

    def __bool__(self) -> bool:
        return bool(self.changes)

    def __len__(self) -> int:
        return len(self.changes)

    def __iter__(self) -> Iterator[SettingChange]:
        return iter(self.changes)

    @property
    def subject(self) -> str:
        """What the plan changes: ``user pool …``, or ``app client … of user pool …``."""
        if self.client_id is None:
            return f"user pool {self.pool_id}"
        return f"app client {self.client_id} of user pool {self.pool_id}"

    def __str__(self) -> str:
        if not self.changes:
            return f"No changes to {self.subject}."
        count = len(self.changes)
        noun = "setting" if count == 1 else "settings"
        lines = [f"{self.subject[0].upper()}{self.subject[1:]}: {count} {noun} to change"]
        lines += [f"  {change}" for change in self.changes]
        return "\n".join(lines)
