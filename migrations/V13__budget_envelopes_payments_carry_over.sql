-- The money after the approval (Haushalt): envelopes per funding source × year, payments and
-- repayments, carry-overs of approved shares between years, and over-commitments recorded with a
-- reason. Nothing here is updated in place but a payment's status and the kept totals; the history
-- of every move is in the audit chain.

-- A carry-over moves part of an approved share from one year to a later one. The split over the
-- years is still YearSplit's, plus what was carried in, less what was carried out; keeping the
-- shift beside the split lets an amendment re-split the amount without losing the carry-overs.
ALTER TABLE year_allocation
    ADD COLUMN carried DECIMAL(15, 2) NOT NULL DEFAULT 0;

-- Approved shares per funding source × year, kept in the transaction of every change of
-- year_allocation: the envelope check of a decision reads one locked row, not every approval of
-- the year. Wider than an amount, since it sums up to a million of them. No CHECK (approved >= 0):
-- MariaDB checks the VALUES of INSERT … ON DUPLICATE KEY UPDATE before it finds the duplicate, so
-- every negative change would fail; the tests compare the totals with the rows instead.
CREATE TABLE allocation_total (
    funding_source VARCHAR(32)    NOT NULL,
    year           SMALLINT       NOT NULL,
    approved       DECIMAL(20, 2) NOT NULL,
    PRIMARY KEY (funding_source, year)
) ENGINE = InnoDB;

INSERT INTO allocation_total (funding_source, year, approved)
SELECT a.funding_source, y.year, SUM(y.approved)
FROM year_allocation y JOIN funding_application a ON a.id = y.application_id
GROUP BY a.funding_source, y.year;

-- The money the IT-Planungsrat has for a funding source in a year (Mittelrahmen), set by FINANCE.
CREATE TABLE budget_envelope (
    funding_source VARCHAR(32)    NOT NULL,
    year           SMALLINT       NOT NULL,
    amount         DECIMAL(15, 2) NOT NULL,
    reason         VARCHAR(1000)  NOT NULL,
    set_by         VARCHAR(64)    NOT NULL,
    set_at         TIMESTAMP(6)   NOT NULL,
    version        BIGINT         NOT NULL DEFAULT 0,
    PRIMARY KEY (funding_source, year),
    CONSTRAINT ck_budget_envelope_source CHECK (funding_source IN ('DIGITALISATION_BUDGET', 'STIMULUS_PACKAGE')),
    CONSTRAINT ck_budget_envelope_amount CHECK (amount >= 0)
) ENGINE = InnoDB;

-- Mittelabruf → Auszahlung: REQUESTED → RELEASED → PAID, or REJECTED / CANCELLED before PAID.
CREATE TABLE payment (
    id                BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id    BIGINT         NOT NULL,
    year              SMALLINT       NOT NULL,
    amount            DECIMAL(15, 2) NOT NULL,
    purpose           VARCHAR(1000)  NOT NULL,
    status            VARCHAR(16)    NOT NULL,
    requested_by      VARCHAR(64)    NOT NULL,
    requested_at      TIMESTAMP(6)   NOT NULL,
    released_by       VARCHAR(64)    NULL,
    released_at       TIMESTAMP(6)   NULL,
    paid_on           DATE           NULL,
    booking_reference VARCHAR(64)    NULL,
    paid_by           VARCHAR(64)    NULL,
    paid_at           TIMESTAMP(6)   NULL,
    closed_reason     VARCHAR(1000)  NULL,
    closed_by         VARCHAR(64)    NULL,
    closed_at         TIMESTAMP(6)   NULL,
    version           BIGINT         NOT NULL DEFAULT 0,
    CONSTRAINT fk_payment_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_payment_amount CHECK (amount > 0),
    CONSTRAINT ck_payment_status CHECK (status IN ('REQUESTED', 'RELEASED', 'PAID', 'REJECTED', 'CANCELLED')),
    CONSTRAINT ck_payment_paid CHECK ((status = 'PAID') = (paid_on IS NOT NULL AND booking_reference IS NOT NULL))
) ENGINE = InnoDB;

CREATE INDEX ix_payment_application ON payment (application_id, year, status);
CREATE INDEX ix_payment_status ON payment (status, year, id);

-- Money that came back (Rückzahlung), recorded by FINANCE against a year of the application.
CREATE TABLE repayment (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT         NOT NULL,
    year           SMALLINT       NOT NULL,
    amount         DECIMAL(15, 2) NOT NULL,
    received_on    DATE           NOT NULL,
    reason         VARCHAR(1000)  NOT NULL,
    recorded_by    VARCHAR(64)    NOT NULL,
    recorded_at    TIMESTAMP(6)   NOT NULL,
    CONSTRAINT fk_repayment_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_repayment_amount CHECK (amount > 0)
) ENGINE = InnoDB;

CREATE INDEX ix_repayment_application ON repayment (application_id, year);

-- Paid less repaid per funding source × year, kept with every payment booked and repayment
-- recorded, for the envelopes and the Haushaltsübersicht.
CREATE TABLE payment_total (
    funding_source VARCHAR(32)    NOT NULL,
    year           SMALLINT       NOT NULL,
    paid           DECIMAL(20, 2) NOT NULL,
    PRIMARY KEY (funding_source, year)
) ENGINE = InnoDB;

-- Übertragung: an unpaid approved share moved to a later year of the runtime (FITKO).
CREATE TABLE carry_over (
    id             BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT         NOT NULL,
    from_year      SMALLINT       NOT NULL,
    to_year        SMALLINT       NOT NULL,
    amount         DECIMAL(15, 2) NOT NULL,
    reason         VARCHAR(1000)  NOT NULL,
    recorded_by    VARCHAR(64)    NOT NULL,
    recorded_at    TIMESTAMP(6)   NOT NULL,
    CONSTRAINT fk_carry_over_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_carry_over_amount CHECK (amount > 0),
    CONSTRAINT ck_carry_over_years CHECK (to_year > from_year)
) ENGINE = InnoDB;

CREATE INDEX ix_carry_over_application ON carry_over (application_id, id);

-- A change that took an envelope past its amount on purpose: what it was, by how much, and why.
CREATE TABLE over_commitment (
    id               BIGINT         NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id   BIGINT         NULL,
    funding_source   VARCHAR(32)    NOT NULL,
    year             SMALLINT       NOT NULL,
    envelope_amount  DECIMAL(15, 2) NOT NULL,
    committed        DECIMAL(20, 2) NOT NULL,
    shortfall        DECIMAL(20, 2) NOT NULL,
    cause            VARCHAR(32)    NOT NULL,
    reason           VARCHAR(1000)  NOT NULL,
    recorded_by      VARCHAR(64)    NOT NULL,
    recorded_at      TIMESTAMP(6)   NOT NULL,
    CONSTRAINT fk_over_commitment_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_over_commitment_shortfall CHECK (shortfall > 0)
) ENGINE = InnoDB;

CREATE INDEX ix_over_commitment_envelope ON over_commitment (funding_source, year, id);
