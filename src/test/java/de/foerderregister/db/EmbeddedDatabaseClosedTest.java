package de.foerderregister.db;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded database as another local account finds it: it knows the port (the log names it,
 * and a port scan finds it) but cannot read the files in the registry home. Every way in without
 * a password from those files is refused, and the registry's own account reaches its database only.
 */
@MicronautTest(transactional = false)
class EmbeddedDatabaseClosedTest {

    private static final int ACCESS_DENIED = 1045;
    private static final int SOCKET_LOGIN_FAILED = 1698;
    private static final int ACCOUNT_LOCKED = 4151;

    @Inject
    EmbeddedMariaDb embedded;

    @Inject
    DatasourceConfiguration datasource;

    @Inject
    DatabaseAdmin admin;

    @Value("${registry.home}")
    Path home;

    @BeforeEach
    void onTheEmbeddedDatabase() {
        Assumptions.assumeTrue(embedded.isRunning(), "the external server's accounts are its operator's");
    }

    @Test
    void rootWithoutOrWithAWrongPasswordIsRefused() {
        for (String password : List.of("", "root", "password", admin.password() + "x")) {
            assertRefused("root", password);
        }
    }

    @Test
    void theRegistryUserWithoutOrWithAWrongPasswordIsRefused() {
        for (String password : List.of("", "registry", datasource.getPassword() + "x")) {
            assertRefused(EmbeddedMariaDb.USER, password);
        }
    }

    @Test
    void noAnonymousOrGuessedAccountGetsIn() {
        for (String user : List.of("", "anonymous", "mysql", "mariadb.sys", "PUBLIC", "admin", System.getProperty("user.name"))) {
            assertRefused(user, "");
        }
    }

    @Test
    void theRegistryUserReachesItsOwnDatabaseOnly() throws SQLException {
        try (Connection registry = DriverManager.getConnection(datasource.getJdbcUrl(), datasource.getUsername(), datasource.getPassword());
             Statement sql = registry.createStatement()) {
            sql.executeQuery("SELECT COUNT(*) FROM funding_application").close();
            // the accounts' hashes, other databases, new databases, server-wide powers: all refused
            for (String forbidden : List.of("SELECT * FROM mysql.global_priv", "SELECT * FROM mysql.user",
                    "CREATE DATABASE elsewhere", "CREATE DATABASE test_planted", "CREATE TABLE test.planted (id INT)",
                    "SELECT * FROM information_schema.innodb_trx",
                    "CREATE USER 'intruder'@'%' IDENTIFIED BY 'intruder-password'",
                    "SET GLOBAL general_log = 1")) {
                SQLException refused = assertThrows(SQLException.class, () -> sql.execute(forbidden), forbidden);
                assertTrue(refused.getMessage().toLowerCase().contains("denied"), forbidden + " → " + refused.getMessage());
            }
        }
    }

    @Test
    void rootsPasswordFromItsFileAdministers() throws SQLException {
        try (Connection root = admin.connect("mysql"); Statement sql = root.createStatement()) {
            // no account is left without a password, nor a root reachable from anywhere but this machine
            var passwordless = sql.executeQuery("SELECT COUNT(*) FROM mysql.user WHERE User NOT IN ('mariadb.sys', 'PUBLIC')"
                    + " AND (authentication_string = '' OR plugin = 'unix_socket' OR (User = 'root' AND Host <> 'localhost'))");
            passwordless.next();
            assertEquals(0, passwordless.getInt(1));
        }
    }

    @Test
    void thePasswordFilesAreTheServiceUsersAloneAndTheInitFileIsGone() throws IOException {
        Assumptions.assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        for (String file : List.of(EmbeddedMariaDb.ROOT_PASSWORD_FILE, EmbeddedMariaDb.REGISTRY_PASSWORD_FILE)) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(file))), file);
        }
        assertFalse(Files.exists(home.resolve("mariadb-init.sql")));
    }

    private void assertRefused(String user, String password) {
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(datasource.getJdbcUrl(), user, password).close(), user + " / " + password);
        assertTrue(List.of(ACCESS_DENIED, SOCKET_LOGIN_FAILED, ACCOUNT_LOCKED).contains(refused.getErrorCode()),
                user + " / " + password + " → " + refused.getErrorCode() + " " + refused.getMessage());
    }
}
