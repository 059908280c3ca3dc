"""What the engine needs to know about a kind of resource, written down as data.

A user pool's settings, its MFA setup and an app client are each a :class:`Resource`: which
operation reads it and which writes it, which members identify it, the table of its settings,
what the describe calls by another name, what Cognito does with each member a request leaves
out (:class:`Omission`), and the rules between its settings. :mod:`cognito_pools.engine` reads
a description and does the rest the same way for all of them.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:
    from collections.abc import Mapping

    from cognito_pools._spec import Structure
    from cognito_pools.errors import Problem
    from cognito_pools.grammar import Settings

__all__ = ["Omission", "Resource", "Rules"]

OmittedBehaviour = Literal["reset", "kept", "write-only"]


@dataclasses.dataclass(frozen=True)
class Omission:
    """What the service does with one member that a request leaves out, and with ``None``.

    ``reset``: the member goes back to its default, so the engine clears it by leaving it out.
    ``kept``: the service keeps its value, so leaving it out cannot clear it.
    Where leaving the member out would not leave it unset (it is kept, or its default is
    reported like a value), clearing sends ``clears_to`` (the documented default, spelled as a
    change would set it), or is refused with ``refusal`` where no default can be sent.
    ``write-only``: never reported by the describe, and kept when omitted: it is sent only when
    a change names it.
    """

    path: str
    """The dotted snake_case path of the member."""
    omitted: OmittedBehaviour
    source: str
    """Where the behaviour (and the default) is documented or measured."""
    clears_to: Any = None
    """What ``None`` sends for a kept member, as a change would set it."""
    refusal: str | None = None
    """Why ``None`` is refused, and what to do instead."""
    keyword: str | None = None
    """The keyword callers use for this member, where it is not ``path``."""
    reported_when_default: bool = True
    """Whether the describe reports the member at its default (``False``: absent means default)."""

    @property
    def sends_default(self) -> bool:
        """Whether clearing this member sends :attr:`clears_to` rather than leaving it out."""
        return self.clears_to is not None and self.refusal is None

    @property
    def refused(self) -> bool:
        """Whether clearing this member is refused."""
        return self.refusal is not None


class Rules:
    """The rules between a resource's settings; a resource without any uses this base.

    Each hook takes wire dictionaries and the caller's change, and returns new dictionaries
    (never editing its arguments) and the problems it found.
    """

    def read(self, answer: Mapping[str, Any], settings: Settings) -> Settings:
        """The settings of a describe answer, with what it shows of the write-only members.

        A write-only member is never reported, but its effect may be (an app client's secret
        held by Secrets Manager shows as ``ClientSecretArn``).
        """
        del answer
        return settings

    def check_change(self, change: Mapping[str, Any], last_read: Settings | None) -> list[Problem]:
        """Judge the change on its own, before any call (``last_read``: the handle's settings)."""
        del change, last_read
        return []

    def settle(
        self, old: Settings, merged: Settings, change: Mapping[str, Any]
    ) -> tuple[Settings, list[Problem]]:
        """Make the merged settings obey the rules between settings, or say why they cannot."""
        del old, change
        return merged, []

    def as_reported(self, old: Settings, new: Settings) -> Settings:
        """``old`` as the describe would report it after ``new`` is written, for the diff."""
        del new
        return old

    def to_request(self, settings: Settings) -> Settings:
        """The settings as the update call must carry them (twins moved, reserved values out)."""
        return settings


@dataclasses.dataclass(frozen=True, eq=False)
class Resource:
    """A kind of resource that the engine reads, merges, checks, plans and writes."""

    noun: str
    """How messages name it: ``"user pool"``, ``"app client"``."""
    structure: Structure
    """The table of its writable settings."""
    describe: str
    """The client method that reads it (``"describe_user_pool"``)."""
    update: str
    """The client method that writes it whole (``"update_user_pool"``)."""
    identifiers: tuple[str, ...]
    """The request members that name one resource, in order (``("UserPoolId",)``)."""
    answer_key: str | None
    """The member of the describe answer that holds the resource; ``None``: the answer itself."""
    omissions: tuple[Omission, ...]
    """What the update call does with each member it is not given (see :class:`Omission`)."""
    rules: Rules = dataclasses.field(default_factory=Rules)
    renames: Mapping[str, str] = dataclasses.field(default_factory=dict[str, str])
    """Members the describe reports under another name: update name → describe name."""
    empty_means_unset: frozenset[str] = frozenset()
    """Structures whose empty form says no more than having none (a plan does not list it)."""
    never_sent: frozenset[str] = frozenset()
    """Setting paths no request carries (a legacy twin), so no read-back can confirm them."""
    facts_class: str | None = None
    """The model class of the describe-only members, by name."""

    @functools.cached_property
    def rows(self) -> Mapping[str, Omission]:
        """The :class:`Omission` rows by path."""
        return {row.path: row for row in self.omissions}

    @functools.cached_property
    def sent_defaults(self) -> tuple[Omission, ...]:
        """The rows whose ``None`` sends a default."""
        return tuple(row for row in self.omissions if row.sends_default)

    @functools.cached_property
    def refused_clears(self) -> tuple[Omission, ...]:
        """The rows whose ``None`` is refused."""
        return tuple(row for row in self.omissions if row.refused)

    def request_ids(self, ids: Mapping[str, str]) -> dict[str, str]:
        """The identifier members of a request, from ``ids`` (extra keys are ignored)."""
        return {name: ids[name] for name in self.identifiers}
