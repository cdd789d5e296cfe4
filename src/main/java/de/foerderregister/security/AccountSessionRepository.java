package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import de.foerderregister.db.QueryLog;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/**
 * The read of {@link SessionClaims}, made for every request with a token: the five columns it
 * compares, by plain JDBC. Through a repository method Micronaut Data's own work per call (the
 * interceptors, the query preparation, the mapping) cost more than the statement itself.
 */
@Singleton
class AccountSessionRepository {

    private static final String SESSION = """
            SELECT username, role, state_code, enabled, session_generation FROM user_account WHERE username = ?""";

    private final JdbcOperations jdbc;

    AccountSessionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    Optional<AccountSession> find(String username) {
        QueryLog.executing(SESSION, username);
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(SESSION)) {
                statement.setString(1, username);
                try (ResultSet row = statement.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    String state = row.getString("state_code");
                    return Optional.of(new AccountSession(row.getString("username"), Role.valueOf(row.getString("role")),
                            state == null ? null : StateCode.valueOf(state), row.getBoolean("enabled"),
                            row.getLong("session_generation")));
                }
            }
        });
    }
}
