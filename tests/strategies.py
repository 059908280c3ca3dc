"""Hypothesis strategies for every generated model class, and small helpers around them.

The strategies are built from the generated schema tables (``cognito_pools._schema.STRUCTURES``),
so a class that the generator adds is covered without touching this file. Values respect what
the service accepts: enum members, number ranges, string and list lengths, and the patterns
behind strings (ARNs, messages with their placeholders, email addresses, configuration set
names). Strings with a pattern come from a small table keyed by the botocore shape name; the
rest are plain text within the length bounds.

The schema is generated from a newer botocore than the oldest one the project supports. Values
that meet the installed botocore's model (a stubbed DescribeUserPool response, say, which the
Stubber validates against that model) come from ``models_of(..., sendable=True)``: it draws only
the members the installed botocore has, and with ``complete=True`` also sets every member that
botocore requires.

Import it from a test module as ``import strategies``: pytest puts ``tests/`` on ``sys.path``.
"""

from __future__ import annotations

import datetime as dt
import functools
import string
from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING, Any

import attrs
import botocore.session
from botocore.model import NoShapeFoundError
from hypothesis import strategies as st

from cognito_pools import rules
from cognito_pools._schema import STRUCTURES
from cognito_pools.models import UserPoolConfig

if TYPE_CHECKING:
    from cognito_pools._spec import Value

__all__ = [
    "ACCOUNT",
    "REGION",
    "as_change",
    "kms_key_arns",
    "lambda_arns",
    "models_of",
    "values_of",
]

ACCOUNT = "123456789012"
REGION = "us-east-1"

# Characters in the Unicode categories L, M, S, N and P: what the service's
# [\p{L}\p{M}\p{S}\p{N}\p{P}] classes accept. Non-ASCII on purpose.
VISIBLE = "abcdefXYZ0123456789.,;:!?'\"()[]<>#@&%$+=/_-~^|*éüßñ日本語€£✓→"
ASCII_WORD = string.ascii_letters + string.digits + "_"
SCOPE_CHARS = "".join(
    chr(c) for c in range(0x21, 0x7F) if chr(c) not in {'"', "\\"}
)  # [\x21\x23-\x5B\x5D-\x7E]
REGIONS = ("us-east-1", "eu-west-2", "ap-southeast-2", "ca-central-1")
LINK = "{##Verify your email##}"


def lambda_arns() -> st.SearchStrategy[str]:
    """ARNs of Lambda functions in the test account."""
    return st.integers(0, 999).map(lambda n: f"arn:aws:lambda:{REGION}:{ACCOUNT}:function:f{n}")


def kms_key_arns() -> st.SearchStrategy[str]:
    """Full ARNs of KMS keys (not aliases) in the test account."""
    return st.uuids().map(lambda key: f"arn:aws:kms:{REGION}:{ACCOUNT}:key/{key}")


def _role_arns() -> st.SearchStrategy[str]:
    return st.text(ASCII_WORD, min_size=1, max_size=12).map(
        lambda name: f"arn:aws:iam::{ACCOUNT}:role/{name}"
    )


def _ses_identity_arns() -> st.SearchStrategy[str]:
    return st.sampled_from(("example.com", "mail.example.org")).map(
        lambda domain: f"arn:aws:ses:{REGION}:{ACCOUNT}:identity/{domain}"
    )


def _pool_arns() -> st.SearchStrategy[str]:
    return st.text(string.ascii_letters + string.digits, min_size=1, max_size=9).map(
        lambda suffix: f"arn:aws:cognito-idp:{REGION}:{ACCOUNT}:userpool/{REGION}_{suffix}"
    )


# ARNs say what they point at; the member name tells which kind a setting holds.
_ARNS_BY_MEMBER: Mapping[str, st.SearchStrategy[str]] = {
    "kms_key_id": kms_key_arns(),
    "kms_key_arn": kms_key_arns(),
    "sns_caller_arn": _role_arns(),
    "caller_arn": _role_arns(),
    "source_arn": _ses_identity_arns(),
    "arn": _pool_arns(),
}

_SAMPLES: Mapping[str, st.SearchStrategy[str]] = {
    "EmailAddressType": st.builds(
        "{}@{}.example".format,
        st.text(string.ascii_lowercase + string.digits + "._+-", min_size=1, max_size=12),
        st.text(string.ascii_lowercase, min_size=1, max_size=10),
    ),
    "SESConfigurationSet": st.text(ASCII_WORD + "-", min_size=1, max_size=64),
    "RegionCodeType": st.sampled_from(REGIONS),
    "ScopeType": st.text(SCOPE_CHARS, min_size=1, max_size=20),
    "AcrValueType": st.text(SCOPE_CHARS, min_size=1, max_size=20),
    "CustomAttributeNameType": st.text(VISIBLE, min_size=1, max_size=20),
    "RelyingPartyIdType": st.sampled_from(("example.com", "auth.example.com", "login.test")),
    "UserPoolNameType": st.text(ASCII_WORD + " +=,.@-", min_size=1, max_size=40),
    "UserPoolIdType": st.text(string.ascii_letters + string.digits, min_size=1, max_size=9).map(
        lambda suffix: f"{REGION}_{suffix}"
    ),
    "DomainType": st.from_regex(r"[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?", fullmatch=True),
    "TagValueType": st.text(ASCII_WORD + " .:/=+-@", max_size=20),
    "StringType": st.text(ASCII_WORD + " .-", max_size=20),
    # The app client's (UpdateUserPoolClient, DescribeUserPoolClient).
    "ClientNameType": st.text(ASCII_WORD + " +=,.@-", min_size=1, max_size=40),
    "HexStringType": st.text("0123456789abcdefABCDEF", min_size=1, max_size=32),
    "ClientSecretType": st.text(ASCII_WORD + "+", min_size=24, max_size=64),
    "ClientSecretArnType": st.text(string.ascii_lowercase + "-", min_size=1, max_size=20).map(
        f"arn:aws:secretsmanager:{REGION}:{ACCOUNT}:secret/".__add__
    ),
}


@functools.cache
def _placeholders_by_member() -> Mapping[tuple[type[Any], str], tuple[str, ...]]:
    """Resolve rules.PLACEHOLDERS (paths from UserPoolConfig) to (class, field) pairs."""
    found: dict[tuple[type[Any], str], tuple[str, ...]] = {}
    for path, texts in rules.PLACEHOLDERS.items():
        cls: type[Any] = UserPoolConfig
        *parents, name = path.split(".")
        for parent in parents:
            member = STRUCTURES[cls].member(parent)
            assert member is not None
            assert member.value.target is not None
            cls = member.value.target
        found[cls, name] = texts
    return found


def _required_texts(cls: type[Any], name: str, value: Value) -> list[str]:
    """The placeholders a message must carry, from its pattern and from the rules table."""
    pattern = value.pattern or ""
    texts: list[str] = []
    if r"\{####\}" in pattern:
        texts.append("{####}")
    if r"\{##" in pattern and r"##\}" in pattern:
        texts.append(LINK)
    for text in _placeholders_by_member().get((cls, name), ()):
        if not any(text in present for present in texts):
            texts.append(text)
    return texts


def _free_alphabet(pattern: str | None) -> str:
    """Characters that may surround placeholders in text matching ``pattern``."""
    if pattern is None:
        return ASCII_WORD + " "
    if r"\p{" in pattern:
        return VISIBLE + (" \n" if r"\s" in pattern else "")
    if "(?s)" in pattern:
        return VISIBLE + " \n"
    if pattern.startswith(".*"):
        return VISIBLE + " "  # Java's '.' stops at line ends
    return ASCII_WORD


def _messages(value: Value, texts: list[str]) -> st.SearchStrategy[str]:
    alphabet = _free_alphabet(value.pattern)
    low = value.minimum or 0
    high = value.maximum if value.maximum is not None else 200
    # Text around each placeholder; a plain subject needs at least one character.
    first_size = 0 if texts else 1

    def assemble(pieces: list[str]) -> str:
        out = pieces[0]
        for text, piece in zip(texts, pieces[1:], strict=True):
            out += text + piece
        out += "." * max(0, low - len(out))
        return out[:high] if not texts else out

    return st.tuples(
        st.text(alphabet, min_size=first_size, max_size=min(12, high)),
        *(st.text(alphabet, max_size=12) for _ in texts),
    ).map(lambda pieces: assemble(list(pieces)))


def _strings(value: Value, cls: type[Any], name: str) -> st.SearchStrategy[str]:
    if value.enum:
        return st.sampled_from(value.enum)
    by_member = _ARNS_BY_MEMBER.get(name)
    if by_member is not None and value.pattern and "arn:" in value.pattern:
        return by_member
    if value.pattern and value.pattern.lstrip("(").startswith("arn:"):
        return lambda_arns()
    sample = _SAMPLES.get(value.shape)
    if sample is not None:
        return sample
    texts = _required_texts(cls, name, value)
    if texts or (value.pattern and (r"\p{" in value.pattern or ".*" in value.pattern)):
        return _messages(value, texts)
    low = value.minimum or 0
    high = min(value.maximum if value.maximum is not None else 20, max(low, 20))
    return st.text(ASCII_WORD + " ", min_size=low, max_size=high)


@functools.cache
def _service_model() -> Any:
    """The installed botocore's cognito-idp model, loaded once (loading it is the cost)."""
    return botocore.session.get_session().get_service_model("cognito-idp")


@functools.cache
def _runtime_shape(shape_name: str) -> Any:
    """The installed botocore's shape of this name, or ``None`` if that botocore predates it."""
    try:
        return _service_model().shape_for(shape_name)
    except NoShapeFoundError:
        return None


def _map_keys(value: Value) -> st.SearchStrategy[str]:
    """Map keys, as the schema's key entry allows (the validator checks keys against it)."""
    key = value.key
    if key is not None and key.enum:
        return st.sampled_from(key.enum)
    low = key.minimum if key is not None and key.minimum is not None else 1
    high = min(key.maximum if key is not None and key.maximum is not None else 20, 20)
    if key is not None and key.pattern:
        return st.from_regex(key.pattern, fullmatch=True).filter(
            lambda text: low <= len(text) <= high
        )
    return st.text(ASCII_WORD + ".-", min_size=max(low, 1), max_size=max(high, 1))


def _scalars(value: Value) -> st.SearchStrategy[Any]:
    if value.kind == "integer":
        return st.integers(
            value.minimum if value.minimum is not None else -(2**31),
            value.maximum if value.maximum is not None else 2**31 - 1,
        )
    if value.kind == "double":
        return st.floats(value.minimum, value.maximum, allow_nan=False, allow_infinity=False)
    if value.kind == "boolean":
        return st.booleans()
    assert value.kind == "timestamp", value
    return st.datetimes(
        min_value=dt.datetime(2015, 1, 1),  # noqa: DTZ001 - hypothesis wants naive bounds
        max_value=dt.datetime(2040, 1, 1),  # noqa: DTZ001
        timezones=st.just(dt.timezone.utc),
    )


def values_of(
    value: Value,
    cls: type[Any],
    name: str,
    *,
    complete: bool = False,
    without: frozenset[str] = frozenset(),
    sendable: bool = False,
) -> st.SearchStrategy[Any]:
    """Valid values for the member ``name`` of ``cls``, whose schema entry is ``value``."""
    if value.kind == "structure":
        assert value.target is not None
        return models_of(value.target, complete=complete, without=without, sendable=sendable)
    if value.kind == "string":
        return _strings(value, cls, name)
    if value.kind not in {"list", "map"}:
        return _scalars(value)
    assert value.item is not None
    # List items and map values are whole values: the service returns them complete and
    # validation requires them complete, so their required members are always set.
    item = values_of(value.item, cls, name, complete=True, without=without, sendable=sendable)
    low = value.minimum or 0
    high = max(low, min(value.maximum if value.maximum is not None else 3, 3))
    if value.kind == "list":
        return st.lists(item, min_size=low, max_size=high).map(tuple)
    return st.dictionaries(_map_keys(value), item, min_size=low, max_size=high)


def _installed_members(cls: type[Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The wire names that the installed botocore's shape for ``cls`` has, and those it requires."""
    structure = STRUCTURES[cls]
    shape = _runtime_shape(structure.shape)
    if shape is None:
        raise ValueError(
            f"botocore {botocore.__version__} has no {structure.shape}, so no {cls.__name__} "
            "can be sent with it; draw its parent with sendable=True instead"
        )
    return frozenset(shape.members), frozenset(shape.required_members)


@functools.cache
def _models_of(
    cls: type[Any], complete: bool, without: frozenset[str], sendable: bool
) -> st.SearchStrategy[Any]:
    known, required = _installed_members(cls) if sendable else (None, frozenset[str]())
    fields: dict[str, st.SearchStrategy[Any]] = {}
    for member in STRUCTURES[cls].members:
        unknown = known is not None and member.wire not in known
        if unknown or f"{cls.__name__}.{member.name}" in without:
            fields[member.name] = st.none()
            continue
        values = values_of(
            member.value, cls, member.name, complete=complete, without=without, sendable=sendable
        )
        needed = member.required or member.wire in required
        fields[member.name] = values if complete and needed else st.none() | values
    return st.builds(cls, **fields)


def models_of(
    cls: type[Any],
    *,
    complete: bool = False,
    without: Collection[str] = (),
    sendable: bool = False,
) -> st.SearchStrategy[Any]:
    """Instances of a generated model class, each field ``None`` or a valid value.

    ``complete`` keeps every member the service requires set, in this class and below.
    ``without`` names fields to leave unset, as ``"ClassName.field"``.
    ``sendable`` draws only members that the installed botocore's model has (the generated
    classes may be newer), and with ``complete`` also sets the members that model requires.
    """
    return _models_of(cls, complete, frozenset(without), sendable)


def as_change(model: Any) -> Any:
    """Turn a model object into the nested change mapping a caller would write for it."""
    if attrs.has(type(model)):
        return {
            field.name: as_change(getattr(model, field.name))
            for field in attrs.fields(type(model))
            if getattr(model, field.name) is not None
        }
    if isinstance(model, tuple):
        return [as_change(item) for item in model]
    if isinstance(model, Mapping):
        return {key: as_change(item) for key, item in model.items()}
    return model
