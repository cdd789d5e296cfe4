package de.foerderregister.audit;

import de.foerderregister.db.WriteLanes;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.MYSQL)
public interface AuditChainHeadRepository extends GenericRepository<AuditChainHead, Integer> {

    Optional<AuditChainHead> findById(Integer lane);

    /** Every lane's head, in lane order. */
    List<AuditChainHead> listOrderByLane();

    /** Serialises the audit writers of this session's lane: each lane's chain has one end, so it never forks. */
    @Query("SELECT lane, last_event_id, last_hash, installation_id FROM audit_chain_head WHERE lane = " + WriteLanes.LANE
            + " FOR UPDATE")
    Optional<AuditChainHead> findOwnLaneForUpdate();

    /** The lane of this session: the node its connection is on. */
    @Query("SELECT " + WriteLanes.LANE)
    int ownLane();

    /**
     * Starts a lane at the genesis hash, in a transaction of its own: instances starting the same lane at
     * once only meet on the row lock of {@link #findOwnLaneForUpdate}, never in an insert deadlock. The
     * lane is named, not read here: this transaction runs on another pooled connection, which after a
     * failover may be on another node, in another lane.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @Query("INSERT IGNORE INTO audit_chain_head (lane, last_event_id, last_hash, installation_id) SELECT :lane,"
            + " NULL, REPEAT('0', 64), installation_id FROM audit_chain_head WHERE lane = 1")
    void openLane(int lane);

    @Query("UPDATE audit_chain_head SET last_event_id = :lastEventId, last_hash = :lastHash WHERE lane = :lane")
    void advance(int lane, long lastEventId, String lastHash);
}
