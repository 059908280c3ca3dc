"""Shared fixtures for the moto-backed tests.

- Fake AWS credentials and region for the whole session, so nothing can reach a real account.
- ``pool_kwargs``: any test that takes this argument runs once per real pool fixture in
  ``tests/pools/*.json`` (copied from the project's shared fixtures), and gets that pool's
  ``create_user_pool`` kwargs.
- ``load_pool``: the ``create_user_pool`` kwargs of one fixture, by its number ("31").
- ``record_calls``: the API operations a client makes, in order, seen through botocore's events.
- ``moved``: the settings that differ between two configurations, as dotted paths.
- ``after_update``: the one documented difference an update makes on moto, applied to a config.
- ``moto_server`` / ``endpoint``: one moto server over real HTTP per test session (per xdist
  worker), and its URL with every pool of earlier tests deleted.
- ``client_kwargs`` / ``load_client``: the same for the real app clients in ``tests/clients/``
  (``create_user_pool_client`` kwargs without ``UserPoolId``).
- ``resetting_clients``: moto's UpdateUserPoolClient made to reset what it is not given, as
  AWS documents (``cognito_pools/_resetting_moto.py``), for the test.
"""

from __future__ import annotations

import json
import signal
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

import attrs
import pytest
import requests
from wire import running_moto_server

from cognito_pools import PasswordPolicy, UserPoolPolicy
from cognito_pools._resetting_moto import resetting_client_updates
from cognito_pools.grammar import diff

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

    from cognito_pools import UserPoolConfig

POOL_DIR = Path(__file__).resolve().parent / "pools"
POOL_FILES = sorted(POOL_DIR.glob("*.json"))
CLIENT_DIR = Path(__file__).resolve().parent / "clients"
CLIENT_FILES = sorted(CLIENT_DIR.glob("*.json"))

FAKE_AWS_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_SECURITY_TOKEN": "testing",
    "AWS_SESSION_TOKEN": "testing",
    "AWS_DEFAULT_REGION": "us-east-1",
}
REAL_AWS_ENV = ("AWS_PROFILE", "AWS_DEFAULT_PROFILE", "AWS_REGION", "AWS_ENDPOINT_URL")


@pytest.fixture(scope="session", autouse=True)
def fake_aws_credentials(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Point boto3 at fake credentials and away from any real AWS configuration."""
    empty = tmp_path_factory.mktemp("aws") / "none"
    with pytest.MonkeyPatch.context() as patch:
        for name, value in FAKE_AWS_ENV.items():
            patch.setenv(name, value)
        for name in REAL_AWS_ENV:
            patch.delenv(name, raising=False)
        patch.setenv("AWS_CONFIG_FILE", str(empty))
        patch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(empty))
        yield


@pytest.fixture(scope="session", autouse=True)
def reuse_moto_signing_key() -> Iterator[None]:
    """Let moto build its user pool signing key once instead of once per pool.

    moto turns the same bundled JWK into an RSA key for every CreateUserPool (about 0.3 s each,
    most of these tests' runtime). The key is a constant file, so reusing the result changes
    nothing a test can observe; only ``moto.cognitoidp.models`` sees the cached loader.
    """
    from joserfc import jwk  # noqa: PLC0415 - moto's own dependency, needed only here
    from moto.cognitoidp import models  # noqa: PLC0415

    keys: dict[str, Any] = {}

    def import_key(value: Any, *args: Any, **kwargs: Any) -> Any:
        if args or kwargs or not isinstance(value, dict):
            return jwk.RSAKey.import_key(value, *args, **kwargs)
        cache_key = json.dumps(value, sort_keys=True)
        if cache_key not in keys:
            keys[cache_key] = jwk.RSAKey.import_key(value)
        return keys[cache_key]

    cached = SimpleNamespace(RSAKey=SimpleNamespace(import_key=import_key))
    with pytest.MonkeyPatch.context() as patch:
        if getattr(models, "jwk", None) is jwk:  # another moto may load keys differently
            patch.setattr(models, "jwk", cached)
        yield


def read_pool_file(path: Path) -> dict[str, Any]:
    kwargs: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["create_user_pool"]
    return kwargs


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "pool_kwargs" in metafunc.fixturenames:
        if not POOL_FILES:  # never let a missing fixture directory turn into zero tests
            raise pytest.UsageError(f"no pool fixtures found in {POOL_DIR}")
        metafunc.parametrize(
            "pool_kwargs",
            [read_pool_file(path) for path in POOL_FILES],
            ids=[path.stem for path in POOL_FILES],
        )
    if "client_kwargs" in metafunc.fixturenames:
        if not CLIENT_FILES:
            raise pytest.UsageError(f"no app-client fixtures found in {CLIENT_DIR}")
        metafunc.parametrize(
            "client_kwargs",
            [read_client_file(path) for path in CLIENT_FILES],
            ids=[path.stem for path in CLIENT_FILES],
        )


def read_client_file(path: Path) -> dict[str, Any]:
    kwargs: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))["create_user_pool_client"]
    return kwargs


@pytest.fixture
def load_client() -> Callable[[str], dict[str, Any]]:
    """Return a loader: the ``create_user_pool_client`` kwargs of one app-client fixture."""

    def load(number: str) -> dict[str, Any]:
        matches = [path for path in CLIENT_FILES if path.name.startswith(f"{number}-")]
        assert len(matches) == 1, (
            f"expected one app-client fixture numbered {number}, got {matches}"
        )
        return read_client_file(matches[0])

    return load


@pytest.fixture
def resetting_clients() -> Iterator[None]:
    """moto's UpdateUserPoolClient resets what a request leaves out, as AWS does, in this test."""
    with resetting_client_updates():
        yield


@pytest.fixture
def load_pool() -> Callable[[str], dict[str, Any]]:
    """Return a loader: the ``create_user_pool`` kwargs of the fixture whose name starts so."""

    def load(number: str) -> dict[str, Any]:
        matches = [path for path in POOL_FILES if path.name.startswith(f"{number}-")]
        assert len(matches) == 1, f"expected one pool fixture numbered {number}, got {matches}"
        return read_pool_file(matches[0])

    return load


@pytest.fixture
def record_calls() -> Callable[[Any], list[str]]:
    """Return a recorder: pass a client, get the list its API calls are appended to."""

    def record(client: Any) -> list[str]:
        calls: list[str] = []

        def before_call(model: Any, **_: Any) -> None:
            calls.append(model.name)

        client.meta.events.register("before-call.cognito-idp.*", before_call)
        return calls

    return record


def setting_of(path: str) -> str:
    """The setting a plan's path names: a map's entry (``user_pool_tags.team``) is the map."""
    return "user_pool_tags" if path.startswith("user_pool_tags.") else path


def moved_paths(old: object, new: object) -> list[str]:
    """The settings that differ; a map's entries count as the map (see :func:`setting_of`)."""
    return list(dict.fromkeys(setting_of(change.path) for change in diff(old, new)))


@pytest.fixture
def moved() -> Callable[[object, object], list[str]]:
    """Return ``moved(old, new)``: the dotted paths of every leaf setting that differs."""
    return moved_paths


def without_legacy_validity(config: UserPoolConfig) -> UserPoolConfig:
    """Apply the one documented difference an UpdateUserPool makes on moto.

    The library never sends ``AdminCreateUserConfig.UnusedAccountValidityDays`` (AWS refuses it
    beside ``PasswordPolicy.TemporaryPasswordValidityDays``) and moves its value into the password
    policy when that has none. moto stores only what it is sent, so after any update the legacy
    field is gone from describe, and the password policy carries the value instead.
    """
    admin = config.admin_create_user_config
    legacy = admin.unused_account_validity_days if admin is not None else None
    if admin is None or legacy is None:
        return config
    config = attrs.evolve(
        config, admin_create_user_config=attrs.evolve(admin, unused_account_validity_days=None)
    )
    policies = config.policies
    password = policies.password_policy if policies is not None else None
    if password is None or password.temporary_password_validity_days is None:
        password = attrs.evolve(
            password or PasswordPolicy(), temporary_password_validity_days=legacy
        )
        policies = attrs.evolve(policies or UserPoolPolicy(), password_policy=password)
        config = attrs.evolve(config, policies=policies)
    return config


@pytest.fixture
def after_update() -> Callable[[UserPoolConfig], UserPoolConfig]:
    """Return the documented-exception function (see :func:`without_legacy_validity`)."""
    return without_legacy_validity


@pytest.fixture(scope="session")
def moto_server() -> Iterator[str]:
    """One moto server on a free local port for the whole session."""
    with running_moto_server() as url:
        yield url


@pytest.fixture
def endpoint(moto_server: str) -> str:
    """The server's URL, with every pool from earlier tests deleted."""
    response = requests.post(f"{moto_server}/moto-api/reset", timeout=10)
    assert response.status_code == 200
    return moto_server


def ctrl_c_as_at_a_terminal() -> None:
    """For ``preexec_fn``: a child that Ctrl-C reaches, whatever runs the tests.

    A shell that starts the tests in the background ignores SIGINT, and children inherit that;
    at a terminal, a command gets the default.
    """
    signal.signal(signal.SIGINT, signal.SIG_DFL)
