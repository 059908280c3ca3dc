"""Hand-written descriptions that scripts/generate_models.py puts into the generated models.

The generator reads three plain dicts from this module:

* ``CLASS_DOCS`` maps a botocore structure shape name (plus the synthetic names
  ``UserPoolConfig``, ``UserPoolFacts``, ``UserPoolMfaConfig``, ``UserPoolClientConfig`` and
  ``UserPoolClientFacts``) to a class docstring.
* ``FIELD_DOCS`` maps a structure shape name, then a member's wire name, to a one-sentence
  field description.
* ``ENUM_DOCS`` maps an enum string shape name to a one-sentence description.

The text is our own wording, written from facts in the ``cognito-idp`` service model and
the Cognito documentation. Numeric ranges and enum values are left out on purpose: the
generator appends them from the service model itself.
"""

CLASS_DOCS: dict[str, str] = {
    # Synthetic classes that the generator builds from the operation shapes.
    "UserPoolConfig": (
        "The whole writable configuration of a user pool: every setting that UpdateUserPool "
        "accepts. UpdateUserPool resets most settings left out of the request to their "
        "Cognito defaults (DcrConfiguration is kept), so a change must send the whole "
        "configuration back."
    ),
    "UserPoolFacts": (
        "Describe-only facts about a user pool: id, ARN, name, status, dates, estimated user "
        "count, domains, schema attributes and username settings. UpdateUserPool cannot "
        "change these; the one exception is the name, which it sets through PoolName."
    ),
    "UserPoolMfaConfig": (
        "The pool's MFA and passkey setup, as GetUserPoolMfaConfig reads it and "
        "SetUserPoolMfaConfig writes it. SetUserPoolMfaConfig replaces the whole setup, so "
        "a change must send every part back, including the parts it does not touch."
    ),
    "UserPoolClientConfig": (
        "The whole writable configuration of an app client: every setting that "
        "UpdateUserPoolClient accepts. UpdateUserPoolClient puts every setting left out of the "
        "request back to its default (only PublishSecretsInAWSSecretsManager is kept), so a "
        "change must send the whole configuration back."
    ),
    "UserPoolClientFacts": (
        "Describe-only facts about an app client: its secret (or the Secrets Manager ARN "
        "that holds it), how it was created, and its dates. UpdateUserPoolClient cannot "
        "change these; the secret changes through AddUserPoolClientSecret and "
        "DeleteUserPoolClientSecret."
    ),
    # Structure shapes reachable from the pool's four operations and the app client's two.
    "AnalyticsConfigurationType": (
        "Amazon Pinpoint analytics for an app client: the project that receives its sign-in "
        "events, given by ARN alone or by project id with a role that Cognito assumes."
    ),
    "RefreshTokenRotationType": (
        "Refresh token rotation: with it on, a refresh hands out a new refresh token as well "
        "as new ID and access tokens, and the old one stops working after a grace period."
    ),
    "TokenValidityUnitsType": (
        "The units in which the app client's three token validity numbers are read. Without "
        "them, access and ID token numbers count hours and refresh token numbers count days, "
        "so dropping the units changes what every number means."
    ),
    "AccountRecoverySettingType": (
        "Which verified channel ForgotPassword uses to send a recovery code, and in what "
        "order. Without it, Cognito falls back to its legacy rule and prefers SMS over "
        "email; with it, SMS is skipped for users who also use SMS for MFA."
    ),
    "AcrLevelConfigType": (
        "The custom name of one authentication context class reference (ACR) level, which "
        "Cognito reports in the acr token claim. Custom ACR names need the ESSENTIALS tier "
        "or higher."
    ),
    "AdminCreateUserConfigType": (
        "Settings for users that administrators create with AdminCreateUser: whether "
        "self-service sign-up is allowed and which invitation message new users receive."
    ),
    "AdvancedSecurityAdditionalFlowsType": (
        "Threat protection settings for authentication flows beyond username-password and "
        "SRP, currently the custom authentication challenge flow."
    ),
    "CustomEmailLambdaVersionConfigType": (
        "The custom email sender trigger, a Lambda function that delivers every email the "
        "pool sends instead of Cognito. It needs LambdaConfig.KMSKeyID, because Cognito "
        "encrypts the codes and temporary passwords it hands to the function."
    ),
    "CustomSMSLambdaVersionConfigType": (
        "The custom SMS sender trigger, a Lambda function that delivers every SMS message "
        "the pool sends instead of Cognito. It needs LambdaConfig.KMSKeyID, because Cognito "
        "encrypts the codes and temporary passwords it hands to the function."
    ),
    "DcrConfigurationType": (
        "Dynamic client registration, which lets applications create their own app clients "
        "through the registration endpoint of the pool's domain; it needs the ESSENTIALS "
        "tier or higher. When UpdateUserPool omits it, Cognito keeps the current setup; "
        "when it is sent, it replaces the setup whole and missing members go back to defaults."
    ),
    "DeviceConfigurationType": (
        "Device remembering, which lets a trusted device sign in with its device key instead "
        "of a user-entered MFA code. Leaving DeviceConfiguration unset turns device "
        "remembering off; setting any field in it turns the feature on."
    ),
    "EmailConfigurationType": (
        "How the pool sends email: through Cognito's built-in sender, which has a low daily "
        "quota, or through your own Amazon SES identity, plus the sender and reply "
        "addresses that messages carry."
    ),
    "EmailMfaConfigType": (
        "The message for email one-time codes, used for MFA and for passwordless sign-in. "
        "Email MFA needs the ESSENTIALS tier or higher and a pool that sends email through "
        "Amazon SES (EmailSendingAccount DEVELOPER)."
    ),
    "EumsSmsConfigurationType": (
        "Sending SMS through AWS End User Messaging SMS instead of Amazon SNS. A pool uses "
        "either this or SmsConfiguration.SnsCallerArn, never both; in Regions without Amazon "
        "SNS it is the only option."
    ),
    "InboundFederationLambdaType": (
        "The inbound federation trigger, a Lambda function that can rewrite the attributes "
        "of users who sign in through an external identity provider."
    ),
    "IssuerConfigurationType": (
        "Which issuer URL the pool's tokens name. In the secondary Regions of a replicated "
        "pool it must match the primary's value and cannot be changed."
    ),
    "KeyConfigurationType": (
        "The KMS key that encrypts the pool's data. In the secondary Regions of a replicated "
        "pool it must match the primary's value and cannot be changed."
    ),
    "LambdaConfigType": (
        "The Lambda functions that Cognito calls at fixed points of sign-up, sign-in, "
        "messaging and token issue. Setting a trigger through the API does not let Cognito "
        "call the function: its resource policy must allow cognito-idp.amazonaws.com."
    ),
    "MessageTemplateType": (
        "The invitation that AdminCreateUser sends to a new user. Each message needs the "
        "{username} and {####} placeholders, which Cognito fills with the user name and the "
        "temporary password."
    ),
    "NumberAttributeConstraintsType": (
        "Lower and upper bounds for the values of a Number schema attribute, both written "
        "as strings."
    ),
    "PasswordPolicyType": (
        "The rules a password must meet: length, character classes, reuse of earlier "
        "passwords, and how long an administrator-issued temporary password stays valid."
    ),
    "PreTokenGenerationVersionConfigType": (
        "The pre token generation trigger together with the event version Cognito sends it. "
        "Its LambdaArn must equal LambdaConfig.PreTokenGeneration when both are set."
    ),
    "RecoveryOptionType": (
        "One password-recovery channel and its priority. The admin_only channel turns "
        "self-service recovery off and cannot be combined with another channel."
    ),
    "SchemaAttributeType": (
        "One user attribute in the pool's schema: a standard attribute, a custom: attribute "
        "or a legacy dev: attribute. Custom attributes can be added later with "
        "AddCustomAttributes, but not changed or removed."
    ),
    "SignInPolicyType": (
        "Which factors users may start a choice-based sign-in with. Allowing passwordless "
        "factors needs the ESSENTIALS tier or higher."
    ),
    "SmsConfigurationType": (
        "How the pool sends SMS: the IAM role Cognito assumes to call Amazon SNS, or the AWS "
        "End User Messaging SMS setup. An account still in the SNS SMS sandbox reaches only "
        "verified phone numbers."
    ),
    "SmsMfaConfigType": (
        "SMS MFA settings: the text of the message that carries the code, and the SMS "
        "sending setup it goes through."
    ),
    "SoftwareTokenMfaConfigType": (
        "MFA with time-based one-time passwords (TOTP) from an authenticator app."
    ),
    "StringAttributeConstraintsType": (
        "Minimum and maximum length for the values of a String schema attribute, both "
        "written as strings."
    ),
    "UserAttributeUpdateSettingsType": (
        "How Cognito treats a change to a user's email address or phone number: at once, or "
        "only after the user confirms the new value."
    ),
    "UserPoolAddOnsType": (
        "Threat protection (formerly advanced security features), which logs or blocks "
        "risky sign-ins. It needs the PLUS tier."
    ),
    "UserPoolPolicyType": "The pool's password policy and its sign-in policy.",
    "UsernameConfigurationType": (
        "Whether user names are case sensitive. It is fixed when the pool is created; case "
        "insensitive is the usual choice."
    ),
    "VerificationMessageTemplateType": (
        "The messages that confirm an email address or phone number. Set the email pair that "
        "matches DefaultEmailOption and leave the other empty; Cognito rejects a request "
        "that fills both."
    ),
    "WebAuthnConfigurationType": (
        "Passkey (WebAuthn) sign-in: the relying party domain, whether authenticators must "
        "verify the user, and whether a passkey also satisfies MFA."
    ),
}

FIELD_DOCS: dict[str, dict[str, str]] = {
    "UpdateUserPoolRequest": {
        "Policies": "Password policy and sign-in policy of the pool.",
        "DeletionProtection": (
            "Whether DeleteUserPool is refused until protection is switched off again."
        ),
        "LambdaConfig": "Lambda triggers that Cognito calls during user pool operations.",
        "AutoVerifiedAttributes": (
            "Contact attributes that Cognito verifies by sending a code when a user signs up."
        ),
        "SmsVerificationMessage": (
            "Legacy: superseded by VerificationMessageTemplate.SmsMessage; set that instead."
        ),
        "EmailVerificationMessage": (
            "Legacy: superseded by VerificationMessageTemplate.EmailMessage; set that instead."
        ),
        "EmailVerificationSubject": (
            "Legacy: superseded by VerificationMessageTemplate.EmailSubject; set that instead."
        ),
        "VerificationMessageTemplate": (
            "Messages that confirm a new or changed email address or phone number."
        ),
        "SmsAuthenticationMessage": (
            "Text of the SMS that carries an MFA or sign-in code; it must contain {####}."
        ),
        "UserAttributeUpdateSettings": (
            "Whether email and phone number changes wait for the user to confirm them."
        ),
        "MfaConfiguration": (
            "Whether MFA is off, required for every user, or optional per user; pools with "
            "threat protection should use OPTIONAL."
        ),
        "DeviceConfiguration": (
            "Device remembering settings; leaving them unset turns device remembering off."
        ),
        "EmailConfiguration": "How the pool sends email and which sender addresses it uses.",
        "SmsConfiguration": "How the pool sends SMS messages.",
        "UserPoolTags": "Tags attached to the pool.",
        "AdminCreateUserConfig": (
            "Self-service sign-up switch and the invitation for administrator-created users."
        ),
        "UserPoolAddOns": "Threat protection settings, which need the PLUS tier.",
        "DcrConfiguration": (
            "Dynamic client registration; unlike other settings, omitting it keeps the "
            "current setup."
        ),
        "AccountRecoverySetting": "Channels and order that ForgotPassword uses to send codes.",
        "PoolName": "New name for the pool.",
        "UserPoolTier": ("Feature plan of the pool, which decides which paid features it may use."),
        "KeyConfiguration": (
            "KMS key settings; in secondary Regions it must repeat the existing value."
        ),
        "IssuerConfiguration": (
            "Issuer URL settings; in secondary Regions it must repeat the existing value."
        ),
        "AcrConfiguration": (
            "Custom names for the ACR levels, keyed Level1 to Level4; levels left out keep "
            "their default names."
        ),
    },
    "UserPoolType": {
        "Id": "ID of the pool.",
        "Name": "Name of the pool; UpdateUserPool changes it through PoolName.",
        "Policies": "Password policy and sign-in policy of the pool.",
        "DeletionProtection": "Whether DeleteUserPool is refused for this pool.",
        "LambdaConfig": "Lambda triggers that Cognito calls during user pool operations.",
        "Status": "Legacy: Cognito no longer maintains this field; do not rely on it.",
        "LastModifiedDate": "When the pool's configuration last changed.",
        "CreationDate": "When the pool was created.",
        "SchemaAttributes": (
            "Standard, custom: and dev: attributes of the pool; UpdateUserPool cannot change them."
        ),
        "AutoVerifiedAttributes": (
            "Contact attributes that Cognito verifies by sending a code when a user signs up."
        ),
        "AliasAttributes": (
            "Attributes users may enter instead of their user name; fixed at pool creation."
        ),
        "UsernameAttributes": (
            "Attributes users sign up and sign in with in place of a user name; fixed at "
            "pool creation."
        ),
        "SmsVerificationMessage": (
            "Legacy: superseded by VerificationMessageTemplate.SmsMessage; Cognito still "
            "reports it."
        ),
        "EmailVerificationMessage": (
            "Legacy: superseded by VerificationMessageTemplate.EmailMessage; Cognito still "
            "reports it."
        ),
        "EmailVerificationSubject": (
            "Legacy: superseded by VerificationMessageTemplate.EmailSubject; Cognito still "
            "reports it."
        ),
        "VerificationMessageTemplate": (
            "Messages that confirm a new or changed email address or phone number."
        ),
        "SmsAuthenticationMessage": "Text of the SMS that carries an MFA or sign-in code.",
        "UserAttributeUpdateSettings": (
            "Whether email and phone number changes wait for the user to confirm them."
        ),
        "MfaConfiguration": "Whether MFA is off, required for every user, or optional per user.",
        "DeviceConfiguration": (
            "Device remembering settings; absent when device remembering is off."
        ),
        "EstimatedNumberOfUsers": "Approximate number of users in the pool, not an exact count.",
        "EmailConfiguration": "How the pool sends email and which sender addresses it uses.",
        "SmsConfiguration": "How the pool sends SMS messages.",
        "UserPoolTags": "Tags attached to the pool.",
        "SmsConfigurationFailure": (
            "Why SMS sending is failing, for example a misconfigured IAM role or an "
            "account still in the SNS SMS sandbox."
        ),
        "EmailConfigurationFailure": (
            "Deprecated: look for cognito-idp email errors in CloudTrail instead."
        ),
        "Domain": (
            "Prefix of the pool's Cognito-hosted domain, if any; managed with the domain "
            "operations, not UpdateUserPool."
        ),
        "CustomDomain": (
            "Custom domain of the pool, such as auth.example.com, if any; managed with the "
            "domain operations, not UpdateUserPool."
        ),
        "AdminCreateUserConfig": (
            "Self-service sign-up switch and the invitation for administrator-created users."
        ),
        "UserPoolAddOns": "Threat protection settings, which need the PLUS tier.",
        "DcrConfiguration": "Dynamic client registration settings.",
        "UsernameConfiguration": "Case sensitivity of user names; fixed at pool creation.",
        "Arn": "ARN of the pool.",
        "AccountRecoverySetting": "Channels and order that ForgotPassword uses to send codes.",
        "UserPoolTier": ("Feature plan of the pool, which decides which paid features it may use."),
        "KeyConfiguration": "KMS key settings that encrypt the pool's data.",
        "IssuerConfiguration": "Issuer URL settings for the pool's tokens.",
        "AcrConfiguration": (
            "Effective ACR level names, with defaults filled in for levels that have no "
            "custom name."
        ),
    },
    "SetUserPoolMfaConfigRequest": {
        "SmsMfaConfiguration": "SMS MFA message text and the SMS sending setup it uses.",
        "SoftwareTokenMfaConfiguration": "Whether authenticator-app (TOTP) MFA is available.",
        "EmailMfaConfiguration": (
            "Email one-time code message, used for MFA and passwordless sign-in; needs the "
            "ESSENTIALS tier or higher."
        ),
        "MfaConfiguration": (
            "Whether MFA is off, required for every user, or optional per user; pools with "
            "threat protection should use OPTIONAL."
        ),
        "WebAuthnConfiguration": "Passkey (WebAuthn) settings of the pool.",
    },
    "UpdateUserPoolClientRequest": {
        "ClientName": "Display name of the app client; it need not be unique in the pool.",
        "RefreshTokenValidity": (
            "How long refresh tokens last, in TokenValidityUnits.RefreshToken (days when unset); "
            "0 is not accepted, and Cognito uses 30 days when none is set."
        ),
        "AccessTokenValidity": (
            "How long access tokens last, in TokenValidityUnits.AccessToken (hours when unset); "
            "between 5 minutes and 1 day, and 1 hour when none is set."
        ),
        "IdTokenValidity": (
            "How long ID tokens last, in TokenValidityUnits.IdToken (hours when unset); "
            "between 5 minutes and 1 day, and 1 hour when none is set."
        ),
        "TokenValidityUnits": (
            "Units of the three validity numbers; leaving them out reads every number in hours "
            "or days."
        ),
        "ReadAttributes": (
            "User attributes the app may read; unset means the standard attributes and the two "
            "verified flags, and Cognito then reports none."
        ),
        "WriteAttributes": (
            "User attributes the app may write; unset means the standard attributes, and every "
            "attribute an identity provider maps must be in it."
        ),
        "ExplicitAuthFlows": (
            "Sign-in flows the app client allows; unset means refresh, SRP and custom auth, and "
            "the legacy names cannot be mixed with those that start with ALLOW."
        ),
        "SupportedIdentityProviders": (
            "Identity providers the managed login pages offer, such as COGNITO or an IdP "
            "configured in the pool."
        ),
        "CallbackURLs": (
            "Redirect URLs allowed after sign-in; the code and implicit flows need at least one."
        ),
        "LogoutURLs": "Redirect URLs allowed after sign-out.",
        "DefaultRedirectURI": "Redirect URL used when a request names none; one of CallbackURLs.",
        "AllowedOAuthFlows": (
            "OAuth 2.0 grants the app client may use; client_credentials must stand alone."
        ),
        "AllowedOAuthScopes": "OAuth scopes the app client may request, custom scopes included.",
        "AllowedOAuthFlowsUserPoolClient": (
            "Whether the app client uses the authorization server (OAuth flows, scopes and "
            "redirects); off when unset."
        ),
        "AnalyticsConfiguration": "Amazon Pinpoint project that receives sign-in events.",
        "PreventUserExistenceErrors": (
            "Whether sign-in, confirmation and recovery hide whether a user exists; LEGACY, "
            "which reveals it, when unset."
        ),
        "EnableTokenRevocation": (
            "Whether refresh tokens can be revoked; on when unset, which also adds the "
            "origin_jti claim to tokens."
        ),
        "EnablePropagateAdditionalUserContextData": (
            "Whether the app may pass user context data such as the IP address to threat "
            "protection; only an app client with a secret may turn it on."
        ),
        "AuthSessionValidity": (
            "Minutes a user has to answer each sign-in challenge; 3 when unset."
        ),
        "RefreshTokenRotation": (
            "Whether each refresh issues a new refresh token; not allowed together with "
            "ALLOW_REFRESH_TOKEN_AUTH."
        ),
        "PublishSecretsInAWSSecretsManager": (
            "Whether Secrets Manager holds and rotates the client secret instead of Cognito; "
            "never reported back, and kept as it is when a request leaves it out."
        ),
    },
    "UserPoolClientType": {
        "ClientSecret": (
            "Secret of the app client, for apps that can keep one; secret, so never shown."
        ),
        "ClientSecretArn": (
            "ARN of the Secrets Manager secret that holds the client secret, when Secrets "
            "Manager manages it."
        ),
        "ClientType": (
            "Whether the app client was created with CreateUserPoolClient or registered "
            "through dynamic client registration."
        ),
        "CreationDate": "When the app client was created.",
        "LastModifiedDate": "When the app client's configuration last changed.",
    },
    "AnalyticsConfigurationType": {
        "ApplicationId": (
            "Amazon Pinpoint project id; with it, RoleArn and ExternalId are needed too."
        ),
        "ApplicationArn": (
            "ARN of the Amazon Pinpoint project; with it, Cognito uses its service-linked role."
        ),
        "RoleArn": "ARN of the IAM role Cognito assumes to publish to the project.",
        "ExternalId": (
            "External ID that Cognito passes when it assumes the role, so the trust policy "
            "can require it."
        ),
        "UserDataShared": "Whether the published events carry user data.",
    },
    "RefreshTokenRotationType": {
        "Feature": "Whether refresh token rotation is on.",
        "RetryGracePeriodSeconds": (
            "Seconds the rotated-out refresh token still works, for retries; 0 ends it at once."
        ),
    },
    "TokenValidityUnitsType": {
        "AccessToken": "Unit of AccessTokenValidity; hours when unset.",
        "IdToken": "Unit of IdTokenValidity; hours when unset.",
        "RefreshToken": "Unit of RefreshTokenValidity; days when unset.",
    },
    "AccountRecoverySettingType": {
        "RecoveryMechanisms": "Recovery channels, each with the priority Cognito tries it in.",
    },
    "AcrLevelConfigType": {
        "AcrValue": (
            "URI that Cognito puts in the acr claim for this level; it must differ from "
            "every other level's name, default names included."
        ),
    },
    "AdminCreateUserConfigType": {
        "AllowAdminCreateUserOnly": (
            "When true, only administrators create users and self-service SignUp is refused."
        ),
        "UnusedAccountValidityDays": (
            "Legacy: superseded by PasswordPolicy.TemporaryPasswordValidityDays; it cannot "
            "be set once that is set."
        ),
        "InviteMessageTemplate": "Invitation message sent to users created by AdminCreateUser.",
    },
    "AdvancedSecurityAdditionalFlowsType": {
        "CustomAuthMode": "Threat protection mode for the custom authentication flow.",
    },
    "CustomEmailLambdaVersionConfigType": {
        "LambdaVersion": "Event format version that Cognito sends to the function.",
        "LambdaArn": "ARN of the Lambda function that sends the pool's email.",
    },
    "CustomSMSLambdaVersionConfigType": {
        "LambdaVersion": "Event format version that Cognito sends to the function.",
        "LambdaArn": "ARN of the Lambda function that sends the pool's SMS messages.",
    },
    "DcrConfigurationType": {
        "EnableStatus": (
            "Whether dynamic client registration is on; a configuration sent without it "
            "turns registration on, and switching the pool to LITE needs it Disabled."
        ),
        "OpenDcrEnabled": (
            "Whether applications may register clients without an initial access token; "
            "off by default."
        ),
        "AuthenticatedGrantTypes": (
            "Grant types that clients registered with an access token may use; unset allows "
            "code and client_credentials, an empty list blocks such registration, and "
            "implicit is ignored."
        ),
        "OpenDcrGrantTypes": (
            "Grant types that openly registered clients may use; unset allows only code, an "
            "empty list blocks open registration, and client_credentials lets anyone create "
            "machine-to-machine clients whose token requests you pay for."
        ),
        "AllowedScopes": (
            "Scopes beyond the standard OIDC ones that registered clients may request; unset "
            "means OIDC scopes only, and aws.cognito/dcr/register is never granted."
        ),
    },
    "DeviceConfigurationType": {
        "ChallengeRequiredOnNewDevice": (
            "When true, a remembered device can stand in for the SMS or TOTP second factor; "
            "devices that are not remembered still need one where MFA applies."
        ),
        "DeviceOnlyRememberedOnUserPrompt": (
            "When true, a confirmed device is remembered only after the app reports the "
            "user's consent with UpdateDeviceStatus; when false, ConfirmDevice remembers it."
        ),
    },
    "EmailConfigurationType": {
        "SourceArn": (
            "ARN of the verified Amazon SES address or domain identity that mail is sent "
            "from; with the built-in sender it only sets the FROM address."
        ),
        "ReplyToEmailAddress": "Address that replies to the pool's email go to.",
        "EmailSendingAccount": (
            "Whether Cognito's built-in sender or your Amazon SES identity delivers email; "
            "choosing SES makes Cognito create a service-linked role."
        ),
        "From": "Sender shown on messages, as an address or as a name with an address.",
        "ConfigurationSet": (
            "Amazon SES configuration set applied to the pool's email, for example for "
            "event publishing or dedicated IP pools."
        ),
    },
    "EmailMfaConfigType": {
        "Message": (
            "Body of the email that carries a one-time code; it must contain {####}, and "
            "Cognito uses a default body when it is unset."
        ),
        "Subject": "Subject of the email that carries a one-time code.",
    },
    "EumsSmsConfigurationType": {
        "CallerArn": (
            "ARN of the IAM role Cognito assumes to send SMS; it must allow "
            "sms-voice:SendTextMessage."
        ),
        "ExternalId": (
            "External ID that Cognito passes when it assumes the role, for a trust policy "
            "condition against the confused deputy problem."
        ),
        "OriginationIdentity": (
            "Phone number, sender ID or phone pool that messages come from, given as an "
            "E.164 number or an ARN in the same form the role's policy names."
        ),
        "ConfigurationSetName": (
            "End User Messaging configuration set applied to messages for logging and "
            "events; none when unset."
        ),
        "InEntityId": ("Principal entity ID that India's DLT rules require for SMS messages."),
        "InTemplateId": (
            "Registered message template ID that India's DLT rules require for SMS messages."
        ),
        "Region": (
            "Region of the End User Messaging resources; only the pool's own Region is "
            "accepted, and unset means that Region."
        ),
    },
    "InboundFederationLambdaType": {
        "LambdaVersion": "Event format version that Cognito sends to the function.",
        "LambdaArn": "ARN of the Lambda function that handles federated sign-ins.",
    },
    "IssuerConfigurationType": {
        "Type": (
            "Issuer URL form the pool uses; changing it changes the iss claim that token "
            "consumers check."
        ),
    },
    "KeyConfigurationType": {
        "KeyType": (
            "Whether an AWS owned key or a customer managed key encrypts the pool; "
            "multi-Region replication needs a multi-Region customer managed key."
        ),
        "KmsKeyArn": ("ARN of the customer managed KMS key; when unset, an AWS key is used."),
    },
    "LambdaConfigType": {
        "PreSignUp": (
            "Function that runs before sign-up and can auto-confirm users, link federated "
            "users, or reject the request."
        ),
        "CustomMessage": (
            "Function that rewrites the subject and body of the pool's email and SMS "
            "messages before they are sent."
        ),
        "PostConfirmation": "Function that runs after a user confirms their account.",
        "PreAuthentication": "Function that runs before sign-in and can refuse it.",
        "PostAuthentication": "Function that runs after a successful sign-in.",
        "DefineAuthChallenge": (
            "Custom authentication function that decides which challenge comes next."
        ),
        "CreateAuthChallenge": "Custom authentication function that builds a challenge.",
        "VerifyAuthChallengeResponse": (
            "Custom authentication function that checks the user's answer to a challenge."
        ),
        "PreTokenGeneration": (
            "Legacy ARN of the pre token generation function; it must equal "
            "PreTokenGenerationConfig.LambdaArn when both are set."
        ),
        "UserMigration": (
            "Function that imports a user from another directory when the user signs in or "
            "resets a password and is not yet in the pool."
        ),
        "PreTokenGenerationConfig": (
            "Pre token generation function with its event version; the preferred way to "
            "set this trigger."
        ),
        "CustomSMSSender": "Function that delivers all SMS messages in place of Cognito.",
        "CustomEmailSender": "Function that delivers all email in place of Cognito.",
        "KMSKeyID": (
            "Full ARN of the KMS key that encrypts codes and temporary passwords for the "
            "custom senders, which require it."
        ),
        "InboundFederation": (
            "Function that can rewrite attributes of users who sign in through an external "
            "identity provider."
        ),
    },
    "MessageTemplateType": {
        "SMSMessage": "Text of the SMS invitation; it needs {username} and {####}.",
        "EmailMessage": (
            "Body of the email invitation; it needs {username} and {####} and can only be "
            "set when the pool sends email through Amazon SES."
        ),
        "EmailSubject": (
            "Subject of the email invitation; it can only be set when the pool sends email "
            "through Amazon SES."
        ),
    },
    "NumberAttributeConstraintsType": {
        "MinValue": "Smallest value the attribute accepts, written as a string.",
        "MaxValue": "Largest value the attribute accepts, written as a string.",
    },
    "PasswordPolicyType": {
        "MinimumLength": "Fewest characters a password may have.",
        "RequireUppercase": "Whether a password needs at least one uppercase letter.",
        "RequireLowercase": "Whether a password needs at least one lowercase letter.",
        "RequireNumbers": "Whether a password needs at least one digit.",
        "RequireSymbols": "Whether a password needs at least one symbol.",
        "PasswordHistorySize": (
            "How many earlier passwords a user may not reuse; 0 or unset turns the check "
            "off, and it needs the ESSENTIALS tier or higher."
        ),
        "TemporaryPasswordValidityDays": (
            "Days an administrator-issued temporary password stays valid; 0 means the default of 7."
        ),
    },
    "PreTokenGenerationVersionConfigType": {
        "LambdaVersion": (
            "Event version sent to the function; versions above V1_0 can also customize "
            "access tokens and need the ESSENTIALS tier or higher."
        ),
        "LambdaArn": (
            "ARN of the pre token generation function; it must equal "
            "LambdaConfig.PreTokenGeneration when that is set."
        ),
    },
    "RecoveryOptionType": {
        "Priority": "Order in which Cognito tries this channel; 1 comes first.",
        "Name": "Recovery channel this entry configures.",
    },
    "SchemaAttributeType": {
        "Name": (
            "Attribute name as written; describe calls return it prefixed with custom: for "
            "custom attributes and dev: for developer-only ones."
        ),
        "AttributeDataType": (
            "Type that Cognito checks values against; ID tokens still carry custom "
            "attribute values as strings."
        ),
        "DeveloperOnlyAttribute": (
            "Legacy: only IAM-authorized administrator calls may write the attribute; use "
            "app client write permissions instead."
        ),
        "Mutable": (
            "Whether the value can change after it is set; attributes mapped from an "
            "identity provider must be mutable."
        ),
        "Required": (
            "Whether every user must have a value, so sign-up without one fails; fixed at "
            "pool creation."
        ),
        "NumberAttributeConstraints": "Value bounds for a Number attribute.",
        "StringAttributeConstraints": "Length bounds for a String attribute.",
    },
    "SignInPolicyType": {
        "AllowedFirstAuthFactors": (
            "Factors a user may start sign-in with; keep PASSWORD in the list, and note "
            "that SOFTWARE_TOKEN is not accepted here."
        ),
    },
    "SmsConfigurationType": {
        "SnsCallerArn": (
            "ARN of the IAM role Cognito assumes to send SMS through Amazon SNS, whose "
            "spending limits apply."
        ),
        "ExternalId": (
            "External ID that Cognito passes when it assumes the role, so the trust policy "
            "can require it."
        ),
        "SnsRegion": (
            "Region of the Amazon SNS service used for SMS: the pool's Region or a "
            "supported legacy alternate Region."
        ),
        "EumsSms": (
            "AWS End User Messaging SMS setup, used instead of SnsCallerArn and never "
            "together with it."
        ),
    },
    "SmsMfaConfigType": {
        "SmsAuthenticationMessage": (
            "Text of the SMS that carries the MFA code; it must contain {####}, and Cognito "
            "uses a default text when it is unset."
        ),
        "SmsConfiguration": (
            "SMS sending setup; the same pool setting that UpdateUserPool writes as "
            "SmsConfiguration."
        ),
    },
    "SoftwareTokenMfaConfigType": {
        "Enabled": "Whether users may use an authenticator app as their second factor.",
    },
    "StringAttributeConstraintsType": {
        "MinLength": "Shortest value the attribute accepts, written as a string.",
        "MaxLength": "Longest value the attribute accepts, written as a string.",
    },
    "UserAttributeUpdateSettingsType": {
        "AttributesRequireVerificationBeforeUpdate": (
            "Attributes whose new value takes effect only after the user confirms it; each "
            "must also be in AutoVerifiedAttributes, and an empty list applies changes at once."
        ),
    },
    "UserPoolAddOnsType": {
        "AdvancedSecurityMode": ("Threat protection mode for username-password and SRP sign-in."),
        "AdvancedSecurityAdditionalFlows": (
            "Threat protection settings for the custom authentication flow."
        ),
    },
    "UserPoolPolicyType": {
        "PasswordPolicy": "Rules a password must meet.",
        "SignInPolicy": "Factors users may start a choice-based sign-in with.",
    },
    "UsernameConfigurationType": {
        "CaseSensitive": (
            "Whether sign-in matches user names, email aliases and preferred_username "
            "exactly as typed; false is the usual choice."
        ),
    },
    "VerificationMessageTemplateType": {
        "SmsMessage": "Text of the SMS verification message; it must contain {####}.",
        "EmailMessage": (
            "Body of the code verification email; it must contain {####} and can only be "
            "set when the pool sends email through Amazon SES."
        ),
        "EmailSubject": (
            "Subject of the code verification email; it can only be set when the pool "
            "sends email through Amazon SES."
        ),
        "EmailMessageByLink": (
            "Body of the link verification email; it must contain the link text as "
            "{##Click here##} and can only be set when the pool sends email through SES."
        ),
        "EmailSubjectByLink": (
            "Subject of the link verification email; it can only be set when the pool "
            "sends email through Amazon SES."
        ),
        "DefaultEmailOption": (
            "Whether verification email carries a code or a link; links go out only for "
            "sign-up confirmation, while attribute changes still use the code message."
        ),
    },
    "WebAuthnConfigurationType": {
        "RelyingPartyId": (
            "Domain that passkeys are bound to, normally the pool's domain or its custom "
            "domain; passkeys registered under another value stop working."
        ),
        "UserVerification": (
            "Whether passkey authenticators must verify the user, for example with a PIN "
            "or biometric, or are only encouraged to."
        ),
        "FactorConfiguration": (
            "Whether a passkey with user verification also satisfies MFA; needs the "
            "ESSENTIALS tier or higher."
        ),
    },
}

ENUM_DOCS: dict[str, str] = {
    "AdvancedSecurityEnabledModeType": (
        "Threat protection mode for custom authentication: log only, or act on risk."
    ),
    "AdvancedSecurityModeType": (
        "Threat protection mode for standard sign-in: off, log only, or act on risk."
    ),
    "AliasAttributeType": "Attribute that users may enter in place of their user name.",
    "AttributeDataType": "Data type of a schema attribute's values.",
    "AuthFactorType": "Factor that a user may start a choice-based sign-in with.",
    "ClientTypeType": (
        "How an app client was created: by CreateUserPoolClient, or by dynamic client registration."
    ),
    "CustomEmailSenderLambdaVersionType": (
        "Event format version sent to a custom email sender function."
    ),
    "CustomSMSSenderLambdaVersionType": (
        "Event format version sent to a custom SMS sender function."
    ),
    "DefaultEmailOptionType": "Whether verification email carries a code or a link.",
    "DeletionProtectionType": "Whether DeleteUserPool is refused for the pool.",
    "EmailSendingAccountType": (
        "Who delivers the pool's email: Cognito's built-in sender or your Amazon SES identity."
    ),
    "EncryptionKeyType": "Who owns the KMS key that encrypts the pool's data.",
    "InboundFederationLambdaVersionType": (
        "Event format version sent to an inbound federation function."
    ),
    "ExplicitAuthFlowsType": (
        "Sign-in flow an app client allows; the names that do not start with ALLOW are legacy "
        "and cannot be mixed with the others."
    ),
    "FeatureType": "Whether a feature of an app client is on.",
    "IssuerType": (
        "Issuer URL form: the original per-Region URL, or the updated URL that suits "
        "multi-Region pools."
    ),
    "OAuthFlowType": "OAuth 2.0 grant type that an app client may use.",
    "PreTokenGenerationLambdaVersionType": (
        "Event version sent to a pre token generation function; later versions add access "
        "token customization."
    ),
    "PreventUserExistenceErrorTypes": (
        "Whether sign-in and recovery errors hide that a user does not exist (ENABLED) or "
        "say so (LEGACY)."
    ),
    "RecoveryOptionNameType": (
        "Channel for password recovery codes, or recovery by an administrator only."
    ),
    "StatusType": "Enabled or disabled state of a feature.",
    "TimeUnitsType": "Unit in which a token validity number is read.",
    "UserPoolMfaType": "Whether MFA is off, required for every user, or optional per user.",
    "UserPoolTierType": "Feature plan of a user pool, which decides the features it may use.",
    "UserVerificationType": (
        "Whether passkey authenticators must verify the user or are only encouraged to."
    ),
    "UsernameAttributeType": "Attribute that users sign up and sign in with as their user name.",
    "VerifiedAttributeType": "Contact attribute that Cognito can verify with a code.",
    "WebAuthnFactorConfigurationType": (
        "Whether a passkey counts as one factor or, with user verification, satisfies MFA."
    ),
}
