"""The generated modules match the generator, and cover botocore's model.

``scripts/generate_models.py --check`` is what CI runs; these tests make sure it passes on the
committed code and really fails after a hand edit. The coverage test walks the *runtime*
botocore model, so a newer botocore that adds members shows what the models lack.
"""

from __future__ import annotations

import keyword
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import botocore
import botocore.session
import pytest
from botocore import xform_name
from botocore.model import NoShapeFoundError

import cognito_pools
from cognito_pools._schema import GENERATED_FROM, SHAPES, STRUCTURES

ROOT = Path(__file__).resolve().parent.parent
GENERATOR = Path("scripts") / "generate_models.py"
TOP_LEVEL = {
    "UpdateUserPoolRequest": "UserPoolConfig",
    "SetUserPoolMfaConfigRequest": "UserPoolMfaConfig",
}
IDENTIFIER = "UserPoolId"


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(".")[:3])


RUNTIME = _version(botocore.__version__)
GENERATED = _version(GENERATED_FROM)
same_botocore = pytest.mark.skipif(
    RUNTIME != GENERATED,
    reason=(
        f"the models were generated from botocore {GENERATED_FROM} but botocore "
        f"{botocore.__version__} is installed; the generator's output depends on the model"
    ),
)


def _run_check(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 - our own script, run with this interpreter
        [sys.executable, str(root / GENERATOR), "--check"],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


@same_botocore
def test_committed_generated_code_matches_the_generator() -> None:
    result = _run_check(ROOT)
    assert result.returncode == 0, result.stderr
    assert f"matches botocore {botocore.__version__}" in result.stdout


@same_botocore
def test_the_check_fails_after_a_hand_edit(tmp_path: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=ignore)
    shutil.copytree(ROOT / "cognito_pools", tmp_path / "cognito_pools", ignore=ignore)
    clean = _run_check(tmp_path)
    assert clean.returncode == 0, clean.stderr  # the copy alone passes

    models = tmp_path / "cognito_pools" / "models.py"
    models.write_text(models.read_text() + "\nHAND_EDITED = True\n")
    edited = _run_check(tmp_path)
    assert edited.returncode != 0
    assert "models.py" in edited.stderr
    assert "changes.py" not in edited.stderr  # only the edited module is named
    assert "regenerate" in edited.stderr


# -- every reachable structure is a frozen model class with every member --------------------------


def _field_name(wire: str) -> str:
    name = xform_name(wire)
    return f"{name}_" if keyword.iskeyword(name) else name


def _reachable() -> dict[str, Any]:
    """Structure shapes reachable from the UpdateUserPool and SetUserPoolMfaConfig inputs."""
    model = botocore.session.get_session().get_service_model("cognito-idp")
    found: dict[str, Any] = {}

    def walk(shape: Any) -> None:
        if shape.type_name == "structure":
            if shape.name in found:
                return
            found[shape.name] = shape
            for member in shape.members.values():
                walk(member)
        elif shape.type_name == "list":
            walk(shape.member)
        elif shape.type_name == "map":
            walk(shape.value)

    for operation in ("UpdateUserPool", "SetUserPoolMfaConfig"):
        walk(model.operation_model(operation).input_shape)
    return found


REACHABLE = _reachable()


def _class_name(shape_name: str) -> str:
    return TOP_LEVEL.get(shape_name, shape_name.removesuffix("Type"))


@pytest.mark.parametrize("shape_name", sorted(REACHABLE))
def test_every_reachable_structure_is_an_exported_frozen_model(shape_name: str) -> None:
    shape = REACHABLE[shape_name]
    name = _class_name(shape_name)
    if name not in cognito_pools.__all__ and RUNTIME > GENERATED:
        pytest.skip(f"{shape_name} is newer than botocore {GENERATED_FROM}")
    assert name in cognito_pools.__all__
    cls = getattr(cognito_pools, name)
    assert attrs.has(cls)
    instance = cls()
    fields = attrs.fields(cls)
    assert fields
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        setattr(instance, fields[0].name, None)
    assert all(field.kw_only and field.default is None for field in fields)

    members = {wire for wire in shape.members if wire != IDENTIFIER}
    names = {field.name for field in fields}
    missing = {wire for wire in members if _field_name(wire) not in names}
    if RUNTIME > GENERATED:
        missing.clear()  # members added after GENERATED_FROM; the generator will pick them up
    assert not missing, f"{name} lacks fields for {sorted(missing)}"
    # The schema table agrees with the runtime model on wire names, for what both know.
    wires = {member.name: member.wire for member in STRUCTURES[cls].members}
    for wire in members:
        if _field_name(wire) in wires:
            assert wires[_field_name(wire)] == wire


def test_added_in_agrees_with_the_installed_botocore() -> None:
    # Member.added_in is the first botocore release that can send a member; Pool.update quotes
    # it when it refuses a setting. The installed botocore lacks exactly the members added after
    # it, and has every other one (unless it is newer than the models and dropped some).
    model = botocore.session.get_session().get_service_model("cognito-idp")
    wrong: list[str] = []
    for structure in STRUCTURES.values():
        try:
            present = set(model.shape_for(structure.shape).members)
        except NoShapeFoundError:
            present = set()
        for member in structure.members:
            newer = member.added_in is not None and _version(member.added_in) > RUNTIME
            has = member.wire in present
            if (newer and has) or (not newer and not has and RUNTIME <= GENERATED):
                wrong.append(f"{structure.shape}.{member.wire} (added_in={member.added_in})")
    assert not wrong, f"botocore {botocore.__version__} disagrees with added_in on {wrong}"


def test_mfa_configuration_is_written_only_through_mfa() -> None:
    from cognito_pools.changes import UserPoolChange  # noqa: PLC0415

    keys = set(UserPoolChange.__optional_keys__ | UserPoolChange.__required_keys__)
    assert "mfa" in keys
    assert "mfa_configuration" not in keys
    assert "user_pool_id" not in keys
    config_fields = {field.name for field in attrs.fields(cognito_pools.UserPoolConfig)}
    assert keys == config_fields - {"mfa_configuration"} | {"mfa"}


def test_the_schema_tables_load_and_answer_without_the_model_classes() -> None:
    probe = """
import sys
from cognito_pools._schema import SHAPES, STRUCTURES
config = SHAPES["UserPoolConfig"]
policies = config.wire_member("Policies")
assert policies is not None and policies.name == "policies"
assert config.member("policies") is policies
assert policies.value.structure is SHAPES["UserPoolPolicy"]
assert policies.value.target_name == "UserPoolPolicy"
class PasswordPolicy:  # a caller's own class of a model's name is not a model
    pass
assert PasswordPolicy not in STRUCTURES and STRUCTURES.get(PasswordPolicy) is None
loaded = sorted(name for name in ("cognito_pools.models", "attrs", "cattrs") if name in sys.modules)
print(loaded)
"""
    result = subprocess.run(  # noqa: S603 - this interpreter, our own probe
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"


def test_schema_by_name_and_by_class_are_the_same_tables() -> None:
    assert {cls.__name__ for cls in STRUCTURES} == set(SHAPES)
    for cls, structure in STRUCTURES.items():
        assert structure is SHAPES[cls.__name__]
        assert structure.cls is cls
        assert structure.name == cls.__name__
        for member in structure.members:
            assert structure.wire_member(member.wire) is member
            value = member.value.item if member.value.kind in {"list", "map"} else member.value
            if value is not None and value.kind == "structure":
                assert value.structure is not None
                assert value.target is value.structure.cls
                assert STRUCTURES[value.structure.cls] is value.structure
