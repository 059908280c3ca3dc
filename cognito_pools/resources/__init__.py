"""The resources the engine knows, each written down as a :class:`~cognito_pools.resource.Resource`.

- :mod:`cognito_pools.resources.pool`: a user pool's settings (DescribeUserPool / UpdateUserPool);
- :mod:`cognito_pools.resources.mfa_setup`: its MFA setup (GetUserPoolMfaConfig /
  SetUserPoolMfaConfig);
- :mod:`cognito_pools.resources.app_client`: an app client (DescribeUserPoolClient /
  UpdateUserPoolClient).
"""
