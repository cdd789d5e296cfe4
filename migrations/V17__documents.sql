-- Documents (Bescheide, Beschlüsse, Nachweise, Anlagen) kept in the database itself, so that one
-- mariadb-dump backs up the registry and its files together. A document belongs to an application
-- and is about a subject of it: the application itself, one of its decisions, or a submission of
-- one of its reporting obligations; application_id is always set, so every read is scoped by the
-- application's state. Nothing is deleted: a wrong upload is marked withdrawn with a reason.
CREATE TABLE document (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    application_id   BIGINT        NOT NULL,
    subject_kind     VARCHAR(32)   NOT NULL,
    subject_id       BIGINT        NOT NULL,
    title            VARCHAR(200)  NOT NULL,
    file_name        VARCHAR(255)  NOT NULL,
    -- told by the bytes when stored, never by the name or the client's Content-Type
    media_type       VARCHAR(100)  NOT NULL,
    size             BIGINT        NOT NULL,
    sha256           CHAR(64)      NOT NULL,
    uploaded_by      VARCHAR(64)   NOT NULL,
    uploaded_at      TIMESTAMP(6)  NOT NULL,
    withdrawn_reason VARCHAR(1000) NULL,
    withdrawn_by     VARCHAR(64)   NULL,
    withdrawn_at     TIMESTAMP(6)  NULL,
    CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES funding_application (id),
    CONSTRAINT ck_document_subject_kind CHECK (subject_kind IN ('APPLICATION', 'DECISION', 'OBLIGATION_SUBMISSION')),
    CONSTRAINT ck_document_application_subject CHECK (subject_kind <> 'APPLICATION' OR subject_id = application_id),
    CONSTRAINT ck_document_size CHECK (size >= 0),
    CONSTRAINT ck_document_withdrawn CHECK ((withdrawn_at IS NULL) = (withdrawn_reason IS NULL)
        AND (withdrawn_at IS NULL) = (withdrawn_by IS NULL))
) ENGINE = InnoDB;

CREATE INDEX ix_document_application ON document (application_id, id);
CREATE INDEX ix_document_subject ON document (subject_kind, subject_id, id);

-- The bytes, in pieces of at most 256 KiB written while the upload is read: neither the upload nor
-- the download ever holds a whole file, and no statement comes near max_allowed_packet.
CREATE TABLE document_chunk (
    document_id BIGINT     NOT NULL,
    seq         INT        NOT NULL,
    bytes       MEDIUMBLOB NOT NULL,
    PRIMARY KEY (document_id, seq),
    CONSTRAINT fk_document_chunk_document FOREIGN KEY (document_id) REFERENCES document (id)
) ENGINE = InnoDB;
