"""Every workflow of the project. ``nox`` with no arguments runs what CI runs."""

from __future__ import annotations

import nox

nox.options.default_venv_backend = "venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "lint", "mypy", "pyright", "codegen"]

PYTHON = None  # the interpreter nox runs on; CI provides one Python
DEV_BOTOCORE = "1.44.8"
"""The botocore the models are generated from; the codegen check needs exactly this one."""
FLOOR_BOTOCORE = "1.42.1"
"""The oldest botocore we support, as declared in pyproject.toml."""
TEST_DEPS = ["pytest>=8", "hypothesis>=6.100", "moto[cognitoidp,server]>=5.1"]
TYPING_DEPS = ["mypy>=1.13", "pyright[nodejs]>=1.1.390", "pytest>=8"]


def install_project(session: nox.Session, botocore: str = DEV_BOTOCORE) -> None:
    """Install the package with the given botocore (and its matching boto3)."""
    session.install("-e", ".", f"botocore=={botocore}", f"boto3=={botocore}")


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite with the development botocore."""
    install_project(session)
    session.install(*TEST_DEPS)
    session.run("pytest", *session.posargs)


@nox.session(python=PYTHON)
@nox.parametrize("botocore", [FLOOR_BOTOCORE, "latest"])
def botocore_versions(session: nox.Session, botocore: str) -> None:
    """Run the tests on the oldest supported botocore and on the newest release."""
    if botocore == "latest":
        session.install("-e", ".", *TEST_DEPS)
        session.install("--upgrade", "botocore", "boto3")
    else:
        install_project(session, botocore)
        session.install(*TEST_DEPS)
    session.run("python", "-c", "import botocore; print('botocore', botocore.__version__)")
    session.run("pytest", "-p", "no:cacheprovider", *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff: lint and formatting."""
    session.install("ruff>=0.8")
    session.run("ruff", "check", ".")
    session.run("ruff", "format", "--check", ".")


@nox.session(python=PYTHON)
def mypy(session: nox.Session) -> None:
    """mypy --strict on the package and on the typing tests (including the calls that must fail)."""
    install_project(session)
    session.install(*TYPING_DEPS)
    session.run("mypy", "--strict", "cognito_pools", "tests/typing")


@nox.session(python=PYTHON)
def pyright(session: nox.Session) -> None:
    """Pyright in strict mode on the package and on the typing tests."""
    install_project(session)
    session.install(*TYPING_DEPS)
    session.run("pyright")


@nox.session(python=PYTHON)
def codegen(session: nox.Session) -> None:
    """Fail when the committed generated code differs from what the generator writes."""
    install_project(session)
    session.run("python", "scripts/generate_models.py", "--check")


@nox.session(python=PYTHON, name="codegen-write")
def codegen_write(session: nox.Session) -> None:
    """Regenerate the models from the development botocore."""
    install_project(session)
    session.run("python", "scripts/generate_models.py")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Measure the client-side cost of an update against the hand-rolled recipe."""
    install_project(session)
    session.install("moto[cognitoidp,server]>=5.1")
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=PYTHON)
def race(session: nox.Session) -> None:
    """Race several processes over one pool and count the updates lost (docs/concurrency.md)."""
    install_project(session)
    session.install("moto[cognitoidp,server]>=5.1")
    session.run("python", "benchmarks/race.py", *session.posargs)
