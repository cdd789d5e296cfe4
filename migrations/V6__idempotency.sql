-- Idempotency-Key (IETF draft-ietf-httpapi-idempotency-key-header): the first request with a key
-- claims it; its 2xx response is kept so that a retry gets the same answer and creates nothing.
CREATE TABLE idempotency_record (
    username         VARCHAR(64)  NOT NULL,
    idempotency_key  VARCHAR(255) NOT NULL,
    fingerprint      CHAR(64)     NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    response_status  SMALLINT     NULL,
    response_body    LONGTEXT     NULL,
    location         VARCHAR(255) NULL,
    etag             VARCHAR(64)  NULL,
    created_at       TIMESTAMP(6) NOT NULL,
    expires_at       TIMESTAMP(6) NOT NULL,
    PRIMARY KEY (username, idempotency_key),
    CONSTRAINT ck_idempotency_record_state CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    CONSTRAINT ck_idempotency_record_done CHECK (state = 'IN_PROGRESS' OR response_status IS NOT NULL)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_idempotency_record_expires ON idempotency_record (expires_at);
