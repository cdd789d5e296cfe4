package de.foerderregister.document;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * A document as the API and the pages show it. {@code type} is what its bytes were recognised as,
 * {@code mediaType} the type it is served with; a withdrawn document keeps everything and says why.
 */
@Serdeable
public record DocumentView(long id, long applicationId, DocumentSubject subject, String title,
                           String fileName, DocumentType type, String mediaType, long size, String sha256,
                           String uploadedBy, Instant uploadedAt, boolean withdrawn,
                           @Nullable String withdrawnReason, @Nullable String withdrawnBy,
                           @Nullable Instant withdrawnAt) {

    static DocumentView of(Document document) {
        return new DocumentView(document.id(), document.applicationId(), document.subject(), document.title(),
                document.fileName(), DocumentType.ofMediaType(document.mediaType()).orElseThrow(), document.mediaType(),
                document.size(), document.sha256(), document.uploadedBy(), document.uploadedAt(), document.isWithdrawn(),
                document.withdrawnReason(), document.withdrawnBy(), document.withdrawnAt());
    }
}
