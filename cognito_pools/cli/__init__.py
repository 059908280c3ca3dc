"""The ``cognito-pools`` command: show, plan, update, export and apply user pool settings.

Settings are named by their dotted snake_case path, the same path that plans and validation
errors print::

    cognito-pools show eu-west-1_AbC123
    cognito-pools plan eu-west-1_AbC123 policies.password_policy.minimum_length=12 mfa=OPTIONAL
    cognito-pools update eu-west-1_AbC123 user_pool_tags.team=auth --yes
    cognito-pools export eu-west-1_AbC123 > pool.json
    cognito-pools plan eu-west-1_AbC123 --file pool.json --detailed-exitcode
    cognito-pools apply eu-west-1_AbC123 pool.json

The modules, in the order a command runs through them:

- :mod:`~cognito_pools.cli.arguments`: the grammar, help texts and exit codes;
- :mod:`~cognito_pools.cli.settings`: ``PATH=VALUE`` arguments into a change;
- :mod:`~cognito_pools.cli.configfile`: exported documents, and the change that matches one;
- :mod:`~cognito_pools.cli.commands`: running a command, confirmation, error messages;
- :mod:`~cognito_pools.cli.rendering`: tables, plans and JSON documents;
- :mod:`~cognito_pools.cli.status`: the status line while AWS is slow to answer.

Only the standard library loads at import time, so ``--help`` and usage errors are instant;
boto3 and the models load when a command needs them.
"""

from __future__ import annotations

from cognito_pools.cli.commands import main
from cognito_pools.cli.settings import SettingError, Settings, parse_settings

__all__ = ["SettingError", "Settings", "main", "parse_settings"]
