package de.foerderregister.db;

import de.foerderregister.system.KeyFile;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The server's administrator, for tests that do what the registry's own user may not: create
 * databases, watch other sessions' locks. On the embedded database that is root with the password
 * from its file, as an operator would connect; on an external server, the configured account.
 */
@Singleton
public class DatabaseAdmin {

    private final DatasourceConfiguration datasource;
    private final EmbeddedMariaDb embedded;
    private final Path home;

    public DatabaseAdmin(DatasourceConfiguration datasource, EmbeddedMariaDb embedded,
                         @Value("${registry.home}") Path home) {
        this.datasource = datasource;
        this.embedded = embedded;
        this.home = home;
    }

    public String user() {
        return embedded.isRunning() ? "root" : datasource.getUsername();
    }

    public String password() {
        if (embedded.isRunning()) {
            return new KeyFile(home.resolve(EmbeddedMariaDb.ROOT_PASSWORD_FILE)).read();
        }
        return datasource.getPassword() == null ? "" : datasource.getPassword();
    }

    /** The server under the registry's datasource, host and port. */
    public URI server() {
        return URI.create(datasource.getJdbcUrl().substring("jdbc:".length()));
    }

    /** A connection to the given database of the registry's server. */
    public Connection connect(String database) throws SQLException {
        URI server = server();
        return DriverManager.getConnection("jdbc:mariadb://" + server.getHost() + ":" + server.getPort() + "/" + database,
                user(), password());
    }
}
