package de.foerderregister.notification;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** Who receives a kind of mail: enabled accounts with an address that did not opt out of it. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface RecipientRepository extends GenericRepository<OutboxMessage, Long> {

    /**
     * The accounts of one role ({@code :state} null: of any state), but {@code :except} (null: nobody),
     * who receive mails of {@code :kind}.
     */
    @Query("""
            SELECT u.username, u.email AS address, u.language
            FROM user_account u
            WHERE u.enabled AND u.email IS NOT NULL AND u.role = :role
              AND (:state IS NULL OR u.state_code = :state)
              AND (:except IS NULL OR u.username <> :except)
              AND NOT EXISTS (SELECT 1 FROM notification_opt_out o WHERE o.user_id = u.id AND o.kind = :kind)
            ORDER BY u.username""")
    List<RecipientRow> find(String kind, String role, @Nullable String state, @Nullable String except);
}
