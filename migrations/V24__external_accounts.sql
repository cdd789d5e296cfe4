-- Accounts of single sign-on (OpenID Connect): created at a user's first sign-in through an agency's
-- identity provider, found again by the provider's name and its stable subject (never by a name the
-- user could change). Such an account has no usable local password: its hash column holds a marker
-- that no password matches, and the check below keeps it so.
ALTER TABLE user_account
    ADD COLUMN external_provider VARCHAR(64)  NULL,
    ADD COLUMN external_subject  VARCHAR(255) NULL;

ALTER TABLE user_account
    ADD CONSTRAINT uq_user_account_external UNIQUE (external_provider, external_subject),
    ADD CONSTRAINT ck_user_account_external CHECK ((external_provider IS NULL) = (external_subject IS NULL)),
    ADD CONSTRAINT ck_user_account_external_password CHECK (external_provider IS NULL OR password_hash = '!external');
