"""Every workflow of the project. ``nox`` with no arguments runs what CI runs.

The default run is two sessions: ``tests``, and ``checks``, which runs ruff, the generated-code
check, mypy, pyright and the documentation build in one environment (one environment fewer to
build keeps the whole run within two minutes); each also has a session of its own for running
it alone. Environments are built with
uv when it is installed (``.ci/run`` installs it), which takes seconds where pip takes most of a
minute.
"""

from __future__ import annotations

import os

import nox

nox.options.default_venv_backend = "uv|venv"
nox.options.reuse_existing_virtualenvs = True
nox.options.sessions = ["tests", "checks"]

PYTHON = None  # the interpreter nox runs on; CI provides one Python
DEV_BOTOCORE = "1.44.8"
"""The botocore the models are generated from; the codegen check needs exactly this one."""
FLOOR_BOTOCORE = "1.42.1"
"""The oldest botocore we support, as declared in pyproject.toml."""
MOTO = "moto[cognitoidp,dynamodb,server]==5.2.6"
"""The peer every test and benchmark runs against, pinned: a moto release that starts (or stops)
enforcing a Cognito rule changes what the tests observe, so moving it is a change of its own.
DynamoDB serves the lock's tests."""
TEST_DEPS = [
    "pytest>=8",
    "pytest-xdist>=3.5",
    "hypothesis>=6.100",
    MOTO,
    "mypy>=1.13",  # tests/test_docs_typing.py: the documentation's examples under mypy --strict
]
TYPING_DEPS = ["mypy>=1.13", "pyright[nodejs]>=1.1.390", "pytest>=8"]
LINT_DEPS = ["ruff>=0.8"]
DOCS_DEPS = ["sphinx>=8", "myst-parser>=4", "furo>=2024.8.6"]
PARALLEL = ["-n", str((os.cpu_count() or 1) + 1), "--dist", "load"]
"""pytest-xdist: one worker more than there are cores, tests handed out one by one. Many tests
wait (a lease running out, a timeout on a silent endpoint, a rate limit), and the extra worker
keeps the cores busy meanwhile: 70-75 s instead of 85-92 s on this 2-core machine. Every worker
starts its own moto servers (the session- and module-scoped fixtures), so no test depends on
which worker runs it."""


def install_project(session: nox.Session, *extra: str, botocore: str = DEV_BOTOCORE) -> None:
    """Install the package with the given botocore (and its matching boto3), and ``extra``.

    uv leaves bytecode to the first import, which writes it for the next (see ``tests``):
    compiling every installed package up front costs 10 s, mostly for modules never loaded.
    """
    session.log(f"installing cognito-pools with botocore {botocore}")
    session.install(
        "-e",
        ".",
        f"botocore=={botocore}",
        f"boto3=={botocore}",
        *extra,
    )


def run_step(session: nox.Session, title: str, *command: str) -> None:
    session.log(f"--- {title}")
    session.run(*command)


def lint_steps(session: nox.Session) -> None:
    run_step(session, "ruff: lint", "ruff", "check", ".")
    run_step(session, "ruff: formatting", "ruff", "format", "--check", ".")


def mypy_steps(session: nox.Session) -> None:
    run_step(
        session,
        "mypy --strict: the package and the typing tests",
        "mypy",
        "--strict",
        "cognito_pools",
        "tests/typing",
    )


def pyright_steps(session: nox.Session) -> None:
    run_step(session, "pyright strict: the package and the typing tests", "pyright")


def codegen_steps(session: nox.Session) -> None:
    run_step(
        session,
        "generated code matches the generator",
        "python",
        "scripts/generate_models.py",
        "--check",
    )


@nox.session(python=PYTHON)
def tests(session: nox.Session) -> None:
    """Run the test suite with the development botocore, on every core."""
    install_project(session, *TEST_DEPS)
    session.log("--- pytest")
    # Bytecode is written even where the environment asks not to (PYTHONDONTWRITEBYTECODE):
    # every worker, server and command the tests start imports the same modules, and pytest's
    # rewritten test modules are kept the same way.
    session.run("pytest", *PARALLEL, *session.posargs, env={"PYTHONDONTWRITEBYTECODE": ""})


@nox.session(python=PYTHON)
def checks(session: nox.Session) -> None:
    """Ruff, the codegen check, mypy --strict, pyright strict and the docs, in one environment."""
    install_project(session, *TYPING_DEPS, *LINT_DEPS, *DOCS_DEPS)
    lint_steps(session)
    codegen_steps(session)
    mypy_steps(session)
    pyright_steps(session)
    docs_steps(session)


@nox.session(python=PYTHON)
@nox.parametrize("botocore", [FLOOR_BOTOCORE, "latest"])
def botocore_versions(session: nox.Session, botocore: str) -> None:
    """Run the tests on the oldest supported botocore and on the newest release."""
    if botocore == "latest":
        session.install("-e", ".", *TEST_DEPS)
        session.install("--upgrade", "botocore", "boto3")
    else:
        install_project(session, *TEST_DEPS, botocore=botocore)
    session.run("python", "-c", "import botocore; print('botocore', botocore.__version__)")
    run_step(session, "pytest", "pytest", "-p", "no:cacheprovider", *PARALLEL, *session.posargs)


@nox.session(python=PYTHON)
def lint(session: nox.Session) -> None:
    """Ruff: lint and formatting."""
    session.install(*LINT_DEPS)
    lint_steps(session)


@nox.session(python=PYTHON)
def mypy(session: nox.Session) -> None:
    """mypy --strict on the package and on the typing tests (including the calls that must fail)."""
    install_project(session, *TYPING_DEPS)
    mypy_steps(session)


@nox.session(python=PYTHON)
def pyright(session: nox.Session) -> None:
    """Pyright in strict mode on the package and on the typing tests."""
    install_project(session, *TYPING_DEPS)
    pyright_steps(session)


@nox.session(python=PYTHON)
def codegen(session: nox.Session) -> None:
    """Fail when the committed generated code differs from what the generator writes."""
    install_project(session)
    codegen_steps(session)


@nox.session(python=PYTHON, name="codegen-write")
def codegen_write(session: nox.Session) -> None:
    """Regenerate the models from the development botocore."""
    install_project(session)
    session.run("python", "scripts/generate_models.py")


@nox.session(python=PYTHON)
def bench(session: nox.Session) -> None:
    """Measure an update against the hand-rolled recipe: four figures, each with its target.

    ``nox -s bench -- --only cold`` (or ``before-send,before-call,loopback``) picks figures;
    ``-- --quick`` takes fewer samples and ``-- --profile`` shows where the time goes.
    """
    install_project(session, MOTO)
    session.run("python", "benchmarks/run.py", *session.posargs)


@nox.session(python=PYTHON)
def race(session: nox.Session) -> None:
    """Race processes over one pool without a lock, with verify and with the lock; count losses.

    The figures are those of docs/concurrency.md; ``-- --modes lock`` races one mode only.
    """
    install_project(session, MOTO)
    session.run("python", "benchmarks/race.py", *session.posargs)


@nox.session(python=PYTHON)
def docs(session: nox.Session) -> None:
    """Build the documentation site; warnings and unresolved references are errors."""
    install_project(session, *DOCS_DEPS)
    docs_steps(session)


def docs_steps(session: nox.Session) -> None:
    run_step(
        session,
        "sphinx: the site, nitpicky, warnings as errors (output in docs/_build/html)",
        "sphinx-build",
        "-W",
        "-n",
        "--keep-going",
        "-b",
        "html",
        "docs",
        "docs/_build/html",
        *session.posargs,
    )


@nox.session(python=PYTHON)
def fleet(session: nox.Session) -> None:
    """A fleet update of 500 pools behind a proxy enforcing Cognito's quotas (docs/fleets.md).

    Prints the rate achieved as a share of the quota, the throttles, and the wall time against
    the bound ``requests / quota``. ``nox -s fleet -- --pools 100 --quota 15`` for a shorter run.
    """
    install_project(session, "moto[cognitoidp,server]>=5.1")
    session.run("python", "benchmarks/fleet.py", *session.posargs)
