package de.foerderregister.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * The answer of {@code GET /api/audit/verify}: whether the chain is intact and, if not, where it first
 * breaks; and how many anchors (kept outside the database) it was checked against, the newest of
 * them naming {@code lastAnchoredEventId}.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ChainVerification(boolean intact, long eventsChecked, @Nullable Long firstBrokenEventId,
                                @Nullable String problem, long anchorsChecked, @Nullable Long lastAnchoredEventId) {
}
