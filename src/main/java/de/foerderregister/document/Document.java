package de.foerderregister.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;

/** A stored file's description; its bytes are in {@code document_chunk}. Never deleted. */
@MappedEntity("document")
public record Document(
        @Id @GeneratedValue @Nullable Long id,
        Long applicationId,
        SubjectKind subjectKind,
        Long subjectId,
        String title,
        String fileName,
        String mediaType,
        Long size,
        String sha256,
        String uploadedBy,
        Instant uploadedAt,
        @Nullable String withdrawnReason,
        @Nullable String withdrawnBy,
        @Nullable Instant withdrawnAt) {

    /**
     * The row an upload starts with, so that its chunks have their parent; type, size and hash are
     * filled in by {@link #stored} in the same transaction, once the last byte is read.
     */
    static Document receiving(long applicationId, DocumentSubject subject, String title, String fileName,
                              String uploadedBy, Instant uploadedAt) {
        return new Document(null, applicationId, subject.kind(), subject.id(), title, fileName,
                "application/octet-stream", 0L, "", uploadedBy, uploadedAt, null, null, null);
    }

    Document stored(DocumentType type, DocumentSink.Stored content) {
        return new Document(id, applicationId, subjectKind, subjectId, title, FileNames.orDefault(fileName, type),
                type.mediaType(), content.size(), content.sha256(), uploadedBy, uploadedAt, null, null, null);
    }

    Document withdrawn(String reason, String by, Instant at) {
        return new Document(id, applicationId, subjectKind, subjectId, title, fileName, mediaType, size, sha256,
                uploadedBy, uploadedAt, reason, by, at);
    }

    public DocumentSubject subject() {
        return new DocumentSubject(subjectKind, subjectId);
    }

    public boolean isWithdrawn() {
        return withdrawnAt != null;
    }
}
