package de.foerderregister.notification;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.util.List;

/** The kinds of mail an account does not want, by its username. */
@JdbcRepository(dialect = Dialect.MYSQL)
interface OptOutRepository extends GenericRepository<OutboxMessage, Long> {

    @Query("""
            SELECT o.kind FROM notification_opt_out o JOIN user_account u ON u.id = o.user_id
            WHERE u.username = :username ORDER BY o.kind""")
    List<String> kinds(String username);

    @Query("""
            INSERT INTO notification_opt_out (user_id, kind)
            SELECT u.id, :kind FROM user_account u WHERE u.username = :username""")
    void add(String username, String kind);

    @Query("""
            DELETE o FROM notification_opt_out o JOIN user_account u ON u.id = o.user_id
            WHERE u.username = :username AND o.kind = :kind""")
    void remove(String username, String kind);
}
