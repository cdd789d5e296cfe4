-- Decisions, meeting batches and the amendment ledger: rows that are written once and never
-- changed. A confirmation of a four-eyes amendment is a row of its own, not an update.

CREATE TABLE meeting_batch (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    body         VARCHAR(200) NOT NULL,
    meeting_date DATE         NOT NULL,
    agenda_item  VARCHAR(50)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    recorded_by  VARCHAR(64)  NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT ck_meeting_batch_kind CHECK (kind IN ('RESOLUTION', 'RECORD_NOTE', 'FOLLOW_UP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE decision (
    id              BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id  BIGINT         NOT NULL,
    batch_id        BIGINT         NULL,
    outcome         VARCHAR(16)    NOT NULL,
    approved_amount DECIMAL(15, 2) NULL,
    body            VARCHAR(200)   NOT NULL,
    meeting_date    DATE           NOT NULL,
    agenda_item     VARCHAR(50)    NOT NULL,
    kind            VARCHAR(16)    NOT NULL,
    note            VARCHAR(4000)  NULL,
    recorded_by     VARCHAR(64)    NOT NULL,
    recorded_at     TIMESTAMP(6)   NOT NULL,
    CONSTRAINT fk_decision_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT fk_decision_batch FOREIGN KEY (batch_id) REFERENCES meeting_batch (id),
    CONSTRAINT ck_decision_outcome CHECK (outcome IN ('APPROVED', 'REJECTED', 'RETURNED')),
    CONSTRAINT ck_decision_amount CHECK ((outcome = 'APPROVED') = (approved_amount IS NOT NULL)
        AND (approved_amount IS NULL OR approved_amount > 0)),
    CONSTRAINT ck_decision_kind CHECK (kind IN ('RESOLUTION', 'RECORD_NOTE', 'FOLLOW_UP'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_decision_application ON decision (application_id, id);
CREATE INDEX ix_decision_meeting ON decision (meeting_date);

-- Each amendment keeps the amount before it, the net, the VAT and the gross that becomes the
-- approved amount: an uplift by VAT has net = the amount before, a plain change has no VAT.
CREATE TABLE amendment (
    id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id    BIGINT         NOT NULL,
    previous_amount   DECIMAL(15, 2) NOT NULL,
    net_amount        DECIMAL(15, 2) NOT NULL,
    vat_rate_percent  DECIMAL(5, 2)  NULL,
    vat_amount        DECIMAL(15, 2) NOT NULL,
    gross_amount      DECIMAL(15, 2) NOT NULL,
    reason            VARCHAR(1000)  NOT NULL,
    body              VARCHAR(200)   NOT NULL,
    meeting_date      DATE           NOT NULL,
    agenda_item       VARCHAR(50)    NOT NULL,
    needs_second_pair BOOLEAN        NOT NULL,
    recorded_by       VARCHAR(64)    NOT NULL,
    recorded_at       TIMESTAMP(6)   NOT NULL,
    CONSTRAINT fk_amendment_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_amendment_amounts CHECK (previous_amount > 0 AND net_amount > 0 AND vat_amount >= 0
        AND gross_amount = net_amount + vat_amount),
    CONSTRAINT ck_amendment_vat CHECK ((vat_rate_percent IS NULL) = (vat_amount = 0)
        AND (vat_rate_percent IS NULL OR vat_rate_percent > 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE INDEX ix_amendment_application ON amendment (application_id, id);

-- The second pair of eyes on a large amendment: confirmed (it takes effect) or declined.
CREATE TABLE amendment_review (
    amendment_id BIGINT       NOT NULL PRIMARY KEY,
    outcome      VARCHAR(16)  NOT NULL,
    reviewed_by  VARCHAR(64)  NOT NULL,
    reviewed_at  TIMESTAMP(6) NOT NULL,
    CONSTRAINT fk_amendment_review_amendment FOREIGN KEY (amendment_id) REFERENCES amendment (id),
    CONSTRAINT ck_amendment_review_outcome CHECK (outcome IN ('CONFIRMED', 'DECLINED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The audit trail becomes a hash chain: each event stores SHA-256 over its content and the
-- previous event's hash; the head row serialises writers so the chain never forks.
ALTER TABLE audit_event
    ADD COLUMN previous_hash CHAR(64) NULL,
    ADD COLUMN hash          CHAR(64) NULL;

CREATE TABLE audit_chain_head (
    id            TINYINT  NOT NULL PRIMARY KEY,
    last_event_id BIGINT   NULL,
    last_hash     CHAR(64) NOT NULL,
    CONSTRAINT ck_audit_chain_head_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO audit_chain_head (id, last_event_id, last_hash) VALUES (1, NULL, REPEAT('0', 64));
