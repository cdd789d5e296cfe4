package de.foerderregister.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The end of one lane's hash chain ({@link de.foerderregister.db.WriteLanes}): its last event and that
 * event's hash, locked by every writer of the lane. Every row carries the database's installation id
 * (made by migration V8 for lane 1, copied to each new lane), which names the anchor file.
 */
@MappedEntity("audit_chain_head")
public record AuditChainHead(@Id Integer lane, @Nullable Long lastEventId, String lastHash, String installationId) {

    static final String GENESIS = "0".repeat(64);
}
