"""``python -m cognito_pools``: the same command as ``cognito-pools``."""

import sys

from cognito_pools.cli import main

sys.exit(main())
