"""The engine: describe → merge → rules → diff → request → write, for any resource.

Every step is written once, for a :class:`~cognito_pools.resource.Resource` description:

1. :func:`check_change` judges the change on its own, before any call;
2. :func:`prepare` reads the resource afresh, merges the change (:mod:`cognito_pools.grammar`),
   puts the documented defaults where a kept member is cleared, applies the resource's rules,
   checks the result where the change touched it, diffs it against what was read, and builds
   the one request that writes every setting back;
3. :func:`write` sends it.

The handles (:mod:`cognito_pools.handle`) run steps 2 and 3 under the resource's locks, again
from a fresh read for each retry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from cognito_pools.calls import call
from cognito_pools.converter import same_members
from cognito_pools.describe import Described, describe
from cognito_pools.errors import Problem
from cognito_pools.grammar import (
    clears,
    diff_settings,
    get_path,
    merge_settings,
    set_path,
    structure_at,
    wire_value,
)
from cognito_pools.request import update_request, without_unsendable
from cognito_pools.validate import check_change as check_alone
from cognito_pools.validate import check_merged, check_setting_paths

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping, Sequence

    from cognito_pools._spec import BotocoreShape, Value
    from cognito_pools.grammar import SettingChange, Settings
    from cognito_pools.resource import Omission, Resource

__all__ = [
    "Prepared",
    "check_change",
    "clear_to_defaults",
    "complete_created_defaults",
    "prepare",
    "refused_clears",
    "settle",
    "write",
]


class Prepared(NamedTuple):
    """Everything an update does short of writing."""

    described: Described[Any]
    """The fresh read."""
    settings: Settings
    """The settings after the change, in wire form; those read where nothing changes."""
    changes: tuple[SettingChange, ...]
    """What differs, setting by setting."""
    request: dict[str, Any] | None
    """The update call's kwargs, or ``None`` when nothing changes."""


def check_change(
    resource: Resource,
    change: Mapping[str, Any],
    input_shape: BotocoreShape,
    *,
    last_read: Settings | None = None,
    accept_reset: Collection[str] = (),
    extra: Mapping[str, Value] | None = None,
    replaced: Mapping[str, str] | None = None,
) -> list[Problem]:
    """Every problem of ``change`` that can be judged before any call, reported together.

    ``input_shape`` is the installed botocore's input shape of the update call, so that a
    member it cannot send is refused with the release that added it. ``last_read`` is the
    handle's last read, for rules that compare with the resource (the fresh read judges again).
    """
    # A botocore with the models' own members can send whatever the models name.
    runtime_shape = None if same_members(input_shape, resource.structure) else input_shape
    problems = check_alone(
        change, resource.structure, runtime_shape=runtime_shape, extra=extra, replaced=replaced
    )
    problems += refused_clears(resource, change)
    problems += resource.rules.check_change(change, last_read)
    if accept_reset:
        problems += check_setting_paths(accept_reset, resource.structure, "accept_reset")
    return problems


def refused_clears(resource: Resource, change: Mapping[str, Any]) -> list[Problem]:
    """Refuse ``None`` where the description says a clear cannot land."""
    return [
        Problem(row.keyword or row.path, f"cannot be cleared: {row.refusal}")
        for row in resource.refused_clears
        if clears(change, row.keyword or row.path)
    ]


def prepare(
    client: Any,
    resource: Resource,
    ids: Mapping[str, str],
    change: Mapping[str, Any],
    input_shape: BotocoreShape,
    *,
    accept_reset: Collection[str] = (),
    attempt: int = 1,
) -> tuple[Prepared, list[Problem]]:
    """Read afresh, merge, settle, check, diff and build the request; write nothing.

    Returns the prepared update and the problems found on the way (the caller may add its own
    before refusing). The settings stay in wire form throughout.

    Raises:
        UnsendableSettingsError: the resource has settings the installed botocore cannot send,
            and ``accept_reset`` does not name them.
    """
    described = describe(client, resource, ids, attempt=attempt, update_shape=input_shape)
    old = described.settings
    merged = merge_settings(old, change, resource.structure)
    new, problems = settle(resource, old, merged, change)
    problems += check_merged(new, change, resource.structure, input_shape)
    changes = _diff(resource, old, new)
    if changes:
        sendable = without_unsendable(
            resource,
            ids,
            described.raw,
            settings=new,
            input_shape=input_shape,
            accept_reset=accept_reset,
        )
        if sendable != new:
            new, changes = sendable, _diff(resource, old, sendable)
    if not changes:
        # What holds the same settings as the resource is the resource: nothing to write.
        return Prepared(described, old, (), None), problems
    request = update_request(resource, ids, new, described.raw, input_shape)
    return Prepared(described, new, changes, request), problems


def _diff(resource: Resource, old: Settings, new: Settings) -> tuple[SettingChange, ...]:
    reported = resource.rules.as_reported(old, new)
    return diff_settings(
        reported, new, resource.structure, empty_means_unset=resource.empty_means_unset
    )


def settle(
    resource: Resource, old: Settings, merged: Settings, change: Mapping[str, Any]
) -> tuple[Settings, list[Problem]]:
    """Apply the description's defaults and the resource's rules to ``merged``.

    Defaults go in before the rules, so a legacy twin follows a default too; a structure that a
    rule then creates where the change cleared it is completed from its default.
    """
    new = clear_to_defaults(resource, old, merged, change)
    new, problems = resource.rules.settle(old, new, change)
    return complete_created_defaults(resource, old, new, change), problems


def clear_to_defaults(
    resource: Resource, old: Settings, new: Settings, change: Mapping[str, Any]
) -> Settings:
    """Put each documented default where ``change`` cleared a member that leaving out keeps."""
    structure = resource.structure
    for row in resource.sent_defaults:
        if (
            clears(change, row.path)
            and get_path(new, row.path, structure) is None
            and get_path(old, row.path, structure) is not None
        ):
            new = set_path(new, row.path, default_of(resource, row), structure)
    return new


def complete_created_defaults(
    resource: Resource, old: Settings, new: Settings, change: Mapping[str, Any]
) -> Settings:
    """Complete, from its default, a cleared structure that a rule then created.

    Clearing the password policy of a pool that had none while setting the legacy validity
    creates a policy holding only that value; the default fills the rest, so the result is
    what clearing the policy gives on any pool.
    """
    structure = resource.structure
    for row in resource.sent_defaults:
        if not clears(change, row.path) or get_path(old, row.path, structure) is not None:
            continue
        value = get_path(new, row.path, structure)
        if isinstance(value, dict):
            default = default_of(resource, row)
            new = set_path(new, row.path, {**default, **value}, structure)
    return new


def default_of(resource: Resource, row: Omission) -> Any:
    """The wire form of what clearing ``row`` sends."""
    parent, _, name = row.path.rpartition(".")
    around = structure_at(resource.structure, parent) if parent else resource.structure
    member = around.member(name) if around is not None else None
    assert member is not None, "the omissions name members of the table"  # noqa: S101
    return wire_value(row.clears_to, member.value)


def write(
    client: Any,
    resource: Resource,
    request: Mapping[str, Any],
    *,
    attempt: int = 1,
    paths: Sequence[str] = (),
) -> None:
    """Send the update call (``paths``, the settings it changes, are only logged)."""
    call(client, resource.update, request, attempt=attempt, paths=paths)
