package de.foerderregister.audit;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * The end of the hash chain: the last event and its hash. One row, locked by every writer. It also
 * carries the database's installation id (made by migration V8), which names the anchor file.
 */
@MappedEntity("audit_chain_head")
public record AuditChainHead(@Id Integer id, @Nullable Long lastEventId, String lastHash, String installationId) {

    static final int ROW = 1;
    static final String GENESIS = "0".repeat(64);
}
