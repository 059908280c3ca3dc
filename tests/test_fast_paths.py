"""The fast paths plan, send and refuse exactly what the general path does.

With the botocore the models were generated from, the update path takes shortcuts: describe
does not keep the raw answer body, validation skips the installed botocore's input shape, and
the request is not fitted member by member. They all hang on one question,
``cognito_pools.converter.same_members`` ("does the installed botocore's shape have the
models' members?"). Forcing its answer to "no" sends every update down the path that a newer
or older botocore takes. For random changes of one to four settings on every fixture pool
(values, ``None`` at any depth, partial mappings, model instances, the MFA setup, and now and
then a value the service refuses), the plan, both requests and the error text must come out
identical either way.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING, Any

import boto3
import pytest
import strategies
from conftest import POOL_FILES, read_pool_file
from hypothesis import HealthCheck, event, given, note, settings
from hypothesis import strategies as st
from moto import mock_aws

from cognito_pools import CognitoPoolsError, UserPools, ValidationError
from cognito_pools.models import UserPoolConfig, UserPoolMfaConfig

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from cognito_pools import Pool
    from cognito_pools._spec import Member, Structure, Value

MODES = ("OFF", "ON", "OPTIONAL")
SAME_MEMBERS = "same_members"
"""The one function whose answer picks the fast paths; see :func:`runtime_shapes_differ`."""


class _Forced:
    """Stands in for ``same_members``: always "the shapes differ", counting how often asked."""

    def __init__(self) -> None:
        self.asked = 0

    def __call__(self, *_: Any) -> bool:
        self.asked += 1
        return False


@pytest.fixture(scope="module")
def runtime_shapes_differ() -> Callable[[], contextlib.AbstractContextManager[_Forced]]:
    """A context manager under which the installed botocore's shapes never match the models.

    It replaces ``same_members`` in ``cognito_pools.converter`` and in every module of the
    package that imported it by name, found by identity, so it follows the function wherever
    the engine's modules move. A module the library first loads while the stand-in is in place
    binds the stand-in; it gets the original back on the way out, like the others.
    """
    from cognito_pools import converter  # noqa: PLC0415 - the one internal this test patches

    original = getattr(converter, SAME_MEMBERS)

    @contextlib.contextmanager
    def forced() -> Iterator[_Forced]:
        fake = _Forced()
        holders = [
            module
            for name, module in list(sys.modules.items())
            if name.split(".")[0] == "cognito_pools"
            and getattr(module, SAME_MEMBERS, None) is original
        ]
        assert converter in holders
        with pytest.MonkeyPatch.context() as patch:
            for module in holders:
                patch.setattr(module, SAME_MEMBERS, fake)
            yield fake
        for name, module in list(sys.modules.items()):
            if name.split(".")[0] == "cognito_pools" and isinstance(
                getattr(module, SAME_MEMBERS, None), _Forced
            ):
                setattr(module, SAME_MEMBERS, original)

    return forced


class World:
    """Every fixture pool, created once in an in-process moto, with a handle on it per path.

    A plan writes nothing and reads the pool afresh, so the handles serve every example.
    """

    def __init__(self, forced: contextlib.AbstractContextManager[_Forced]) -> None:
        fast = boto3.client("cognito-idp", region_name=strategies.REGION)
        general = boto3.client("cognito-idp", region_name=strategies.REGION)
        ids = {path.stem: fast.create_user_pool(**read_pool_file(path)) for path in POOL_FILES}
        self.fast = {
            name: UserPools(fast).get(made["UserPool"]["Id"]) for name, made in ids.items()
        }
        with forced:
            self.general = {
                name: UserPools(general).get(made["UserPool"]["Id"]) for name, made in ids.items()
            }


@pytest.fixture(scope="module")
def world(
    runtime_shapes_differ: Callable[[], contextlib.AbstractContextManager[_Forced]],
) -> Iterator[World]:
    with mock_aws():
        yield World(runtime_shapes_differ())


# -- changes --------------------------------------------------------------------------------------


def _sendable(structure: Structure) -> list[Member]:
    """The members the installed botocore can send (the models may be newer)."""
    shape = strategies._runtime_shape(structure.shape)
    return [member for member in structure.members if member.wire in shape.members]


def _refused(value: Value) -> st.SearchStrategy[Any]:
    """Values the service does not accept for a setting: each path must refuse them alike."""
    wrong: list[Any] = ["12"] if value.kind in {"integer", "double", "boolean"} else [12]
    if value.kind in {"integer", "double"}:
        wrong += [value.maximum + 1] if value.maximum is not None else []
        wrong += [value.minimum - 1] if value.minimum is not None else []
    if value.kind == "boolean":
        wrong.append(1)
    if value.enum:
        wrong.append("NOT_AN_OPTION")
    elif value.kind == "string" and value.pattern:
        wrong.append("x")
    if value.kind in {"list", "map", "structure"}:
        wrong.append("not a " + value.kind)
    return st.sampled_from(wrong)


def _rarely(common: st.SearchStrategy[Any], rare: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    """``rare`` one time in ten, so that most changes of several settings are accepted."""
    return st.integers(0, 9).flatmap(lambda n: rare if n == 0 else common)


def _changes_of(cls: type[Any], depth: int) -> st.SearchStrategy[Any]:
    """A partial change to a ``cls`` structure (a mapping of some members), or a whole model."""
    structure = strategies.STRUCTURES[cls]
    optional = {member.name: _member_changes(cls, member, depth) for member in _sendable(structure)}
    mappings = st.fixed_dictionaries({}, optional=optional)
    if not depth:
        return mappings
    return st.one_of(mappings, strategies.models_of(cls, complete=True, sendable=True))


def _member_changes(cls: type[Any], member: Member, depth: int) -> st.SearchStrategy[Any]:
    value = member.value
    if value.kind == "structure" and value.structure is not None and depth < 2:
        target = value.structure.cls
        return st.none() | _rarely(_changes_of(target, depth + 1), _refused(value))
    whole = strategies.values_of(value, cls, member.name, complete=True, sendable=True)
    return st.none() | _rarely(whole, _refused(value))


def _top_level() -> dict[str, st.SearchStrategy[Any]]:
    found = {
        member.name: _member_changes(UserPoolConfig, member, 0)
        for member in _sendable(strategies.STRUCTURES[UserPoolConfig])
        if member.name != "mfa_configuration"  # written through ``mfa``
    }
    found["mfa"] = st.one_of(st.sampled_from(MODES), _changes_of(UserPoolMfaConfig, 1))
    return found


TOP_LEVEL = _top_level()


@st.composite
def changes(draw: st.DrawFn) -> dict[str, Any]:
    """A change of one to four settings."""
    count = draw(st.integers(1, 4))
    # The MFA setup is one name among thirty, but a path of its own: a quarter of the changes
    # name it.
    first = ["mfa"] if draw(st.integers(0, 3)) == 0 else []
    others = st.sampled_from(sorted(TOP_LEVEL.keys() - set(first)))
    names = first + draw(
        st.lists(others, min_size=count - len(first), max_size=count - len(first), unique=True)
    )
    return {name: draw(TOP_LEVEL[name]) for name in names}


# -- the comparison -------------------------------------------------------------------------------


def outcome(pool: Pool, change: dict[str, Any]) -> tuple[Any, ...]:
    """Everything a user sees of planning ``change``: the plan and its requests, or the error."""
    try:
        plan = pool.plan(**change)
    except CognitoPoolsError as error:
        problems = error.problems if isinstance(error, ValidationError) else ()
        return ("refused", type(error).__name__, str(error), problems)
    changed = tuple((c.path, c.old, c.new) for c in plan.changes)
    return ("planned", str(plan), changed, plan.request, plan.mfa_request)


@given(pool=st.sampled_from(sorted(path.stem for path in POOL_FILES)), change=changes())
@settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
def test_the_fast_paths_plan_send_and_refuse_what_the_general_path_does(
    world: World,
    runtime_shapes_differ: Callable[[], contextlib.AbstractContextManager[_Forced]],
    pool: str,
    change: dict[str, Any],
) -> None:
    note(f"change: {change!r}")
    fast = outcome(world.fast[pool], change)
    with runtime_shapes_differ() as forced:
        general = outcome(world.general[pool], change)
    assert forced.asked, "the change never reached the question the fast paths hang on"
    note(f"fast: {fast!r}")
    event(fast[0])
    event("with mfa" if "mfa" in change else "without mfa")
    assert general == fast


def test_forcing_the_shapes_apart_takes_the_general_path(
    world: World, runtime_shapes_differ: Callable[[], contextlib.AbstractContextManager[_Forced]]
) -> None:
    pool = "31-aws-api-example-all-properties"
    change = {"policies": {"password_policy": {"minimum_length": 12}}}
    with runtime_shapes_differ() as forced:
        general = outcome(world.general[pool], change)
    assert forced.asked >= 3  # describe, the change's check, fitting the request
    assert general == outcome(world.fast[pool], change)
    assert general[0] == "planned"
    assert general[3]["Policies"]["PasswordPolicy"]["MinimumLength"] == 12
