-- Sessions that can be ended, accounts that can be changed, and a login throttle that a burst
-- cannot race.

-- Every token carries the generation of its user's sessions at issue time ("gen"); logging out,
-- disabling, changing role, state or password raise it, and a token whose generation is not the
-- current one is refused. A counter, not a time: tokens issued in the same second as a logout
-- are told apart, and no clock between instances needs to agree.
ALTER TABLE user_account
    ADD COLUMN session_generation BIGINT       NOT NULL DEFAULT 0,
    ADD COLUMN email              VARCHAR(254) NULL,
    ADD CONSTRAINT ck_user_account_session_generation CHECK (session_generation >= 0);

-- Account changes join the one audit chain: an event belongs to an application or to an account.
ALTER TABLE audit_event
    MODIFY application_id BIGINT NULL,
    ADD COLUMN subject_username VARCHAR(64) NULL,
    ADD CONSTRAINT ck_audit_event_subject CHECK ((application_id IS NULL) <> (subject_username IS NULL));

CREATE INDEX ix_audit_event_subject ON audit_event (subject_username, id);

-- Login attempts per bucket (a username, a username from one address, one address), counted in
-- a fixed window. The bucket is the SHA-256 of its key: any typed username fits, and none is kept
-- in clear. A row is locked while an attempt is reserved, so a burst cannot pass more attempts
-- to bcrypt than the limit.
CREATE TABLE login_attempt (
    bucket       CHAR(64)     NOT NULL PRIMARY KEY,
    window_start TIMESTAMP(6) NOT NULL,
    attempts     INT          NOT NULL,
    CONSTRAINT ck_login_attempt_attempts CHECK (attempts >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;

CREATE INDEX ix_login_attempt_window ON login_attempt (window_start);

-- Replaced by login_attempt: one row per failure could be raced and wiped by a success.
DROP TABLE login_failure;
