package de.foerderregister.quality;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * One data-quality finding with the reason in words and the link to the application.
 * Findings on rejected import rows have no application yet, so no id, reference or link.
 */
@Serdeable
public record Finding(FindingKind kind, @Nullable Long applicationId, @Nullable String reference,
                      @Nullable String title, String reason, @Nullable String link) {

    static Finding of(FindingKind kind, QualityRow row, String reason) {
        return new Finding(kind, row.id(), row.reference(), row.title(), reason, "/api/applications/" + row.id());
    }
}
