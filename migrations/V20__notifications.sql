-- E-mail notifications through a transactional outbox: a message row is written in the same
-- transaction as the change it tells of, and a background worker sends it over SMTP afterwards.
-- A change that rolls back leaves no message; a message committed is sent even if the instance
-- that wrote it dies before sending.

-- The language a user's mails are written in; the pages choose theirs per request.
ALTER TABLE user_account
    ADD COLUMN language VARCHAR(2) NOT NULL DEFAULT 'de',
    ADD CONSTRAINT ck_user_account_language CHECK (language IN ('de', 'en'));

-- A user does not want mails of this kind. No row: they do.
CREATE TABLE notification_opt_out (
    user_id BIGINT      NOT NULL,
    kind    VARCHAR(32) NOT NULL,
    PRIMARY KEY (user_id, kind),
    CONSTRAINT fk_notification_opt_out_user FOREIGN KEY (user_id) REFERENCES user_account (id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- One row per mail to one recipient, rendered when written (what the recipient was told is what
-- was true in the change's transaction). message_id is fixed when written and sent unchanged on
-- every attempt, so a mail sent twice after a crash is recognisably one mail.
-- dedup_key: set for mails written by a timer (a report due, a weekly digest), so that two
-- instances running the same timer write one mail.
-- A worker claims a row by writing its token and a lease into claimed_by / claimed_until; a
-- row whose lease ran out is claimed again (the instance holding it died).
CREATE TABLE outbox_message (
    id                 BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    message_id         VARCHAR(200)  NOT NULL,
    kind               VARCHAR(32)   NOT NULL,
    dedup_key          VARCHAR(200)  NULL,
    application_id     BIGINT        NULL,
    recipient_username VARCHAR(64)   NOT NULL,
    recipient_address  VARCHAR(254)  NOT NULL,
    language           VARCHAR(2)    NOT NULL,
    subject            VARCHAR(400)  NOT NULL,
    text_body          MEDIUMTEXT    NOT NULL,
    html_body          MEDIUMTEXT    NOT NULL,
    status             VARCHAR(8)    NOT NULL,
    attempts           INT           NOT NULL DEFAULT 0,
    created_at         TIMESTAMP(6)  NOT NULL,
    next_attempt_at    TIMESTAMP(6)  NOT NULL,
    claimed_by         CHAR(36)      NULL,
    claimed_until      TIMESTAMP(6)  NULL,
    sent_at            TIMESTAMP(6)  NULL,
    last_error         VARCHAR(1000) NULL,
    CONSTRAINT uq_outbox_message_message_id UNIQUE (message_id),
    CONSTRAINT uq_outbox_message_dedup_key UNIQUE (dedup_key),
    CONSTRAINT ck_outbox_message_status CHECK (status IN ('PENDING', 'SENT', 'FAILED')),
    CONSTRAINT ck_outbox_message_attempts CHECK (attempts >= 0),
    CONSTRAINT ck_outbox_message_sent CHECK ((status = 'SENT') = (sent_at IS NOT NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- the worker's claim: what is due, oldest first; the backlog and its oldest row for /health
CREATE INDEX ix_outbox_message_due ON outbox_message (status, next_attempt_at, id);
CREATE INDEX ix_outbox_message_application ON outbox_message (application_id, id);
