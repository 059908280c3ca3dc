# Every call below is wrong, and each line must be flagged by BOTH checkers.
#
# mypy --strict runs with warn_unused_ignores, so a `# type: ignore[...]` that is not needed
# (because mypy accepted the call) is itself an error. pyright runs with
# reportUnnecessaryTypeIgnoreComment, which does the same for `# pyright: ignore[...]`.
# So if either checker ever stops catching one of these mistakes, `nox -s mypy pyright` fails.
# (Ruff skips this file: the long lines are the point.)

from __future__ import annotations

from cognito_pools import PasswordPolicy, Pool


def wrong_calls(pool: Pool) -> None:
    # An enum value that does not exist.
    pool.update(deletion_protection="ON")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    pool.update(mfa="REQUIRED")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    pool.update(user_pool_tier="GOLD")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A misspelled keyword.
    pool.update(deletion_protecton="ACTIVE")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # The MFA mode goes through `mfa`, not the raw member.
    pool.update(mfa_configuration="ON")  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    # A misspelled key inside a nested change.
    pool.update(policies={"password_policy": {"minimum_lenght": 12}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A wrong value type inside a nested change.
    pool.update(policies={"password_policy": {"minimum_length": "12"}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A wrong enum inside a list of structures.
    pool.update(account_recovery_setting={"recovery_mechanisms": [{"name": "carrier_pigeon", "priority": 1}]})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A wrong enum inside a list of values.
    pool.update(auto_verified_attributes=["username"])  # type: ignore[list-item]  # pyright: ignore[reportArgumentType]
    # MFA cannot be cleared, only set to OFF.
    pool.update(mfa=None)  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # A misspelled MFA factor, a misspelled key inside one, and a wrong enum inside the mapping.
    pool.update(mfa={"totp_mfa_configuration": {"enabled": True}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    pool.update(mfa={"software_token_mfa_configuration": {"enable": True}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    pool.update(mfa={"mfa_configuration": "REQUIRED"})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    pool.plan(mfa={"web_authn_configuration": {"user_verification": "always"}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    pool.update(mfa={"software_token_mfa_configuration": {"enabled": "yes"}})  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # Positional arguments are not settings.
    pool.update("ACTIVE")  # type: ignore[call-arg, arg-type]  # pyright: ignore[reportCallIssue]
    # Models are keyword-only and frozen.
    PasswordPolicy(12)  # type: ignore[call-arg]  # pyright: ignore[reportCallIssue]
    PasswordPolicy(minimum_length=12).minimum_length = 8  # type: ignore[misc]  # pyright: ignore[reportAttributeAccessIssue]
    # Tags are a map of strings.
    pool.update(user_pool_tags={"team": 1})  # type: ignore[dict-item]  # pyright: ignore[reportArgumentType]
    # plan takes the same keywords, checked the same way.
    pool.plan(deletion_protection="on")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
    # The options of an update are keywords of their own type.
    pool.update(if_unchanged="yes", deletion_protection="ACTIVE")  # type: ignore[arg-type]  # pyright: ignore[reportArgumentType]
