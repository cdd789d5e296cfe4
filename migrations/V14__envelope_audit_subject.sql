-- Setting an envelope is audited in the one chain like a change of an application or an account:
-- the event's subject is the envelope, written as '<funding source>/<year>'. Every event has
-- exactly one subject.
ALTER TABLE audit_event
    ADD COLUMN subject_envelope VARCHAR(48) NULL;

ALTER TABLE audit_event
    DROP CONSTRAINT ck_audit_event_subject;

ALTER TABLE audit_event
    ADD CONSTRAINT ck_audit_event_subject CHECK (
        (application_id IS NOT NULL) + (subject_username IS NOT NULL) + (subject_envelope IS NOT NULL) = 1);

CREATE INDEX ix_audit_event_envelope ON audit_event (subject_envelope, id);

-- What took an envelope past its amount: a decision, a meeting's batch, an amendment, a carry-over,
-- or the envelope itself lowered below what was committed (then no application is named).
ALTER TABLE over_commitment
    ADD CONSTRAINT ck_over_commitment_cause CHECK (cause IN ('DECISION', 'BATCH', 'AMENDMENT', 'CARRY_OVER', 'ENVELOPE')),
    ADD CONSTRAINT ck_over_commitment_application CHECK ((application_id IS NULL) = (cause = 'ENVELOPE'));
