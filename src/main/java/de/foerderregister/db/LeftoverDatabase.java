package de.foerderregister.db;

import io.micronaut.context.exceptions.ConfigurationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A registry killed hard (kill -9, a closed terminal, an OOM kill) leaves its embedded mariadbd
 * running on the data folder. The next start's server would then wait 30 s for the folder's locks
 * and die with an InnoDB stack trace. Before starting, the pid files in the data folder name that
 * server: if its registry is gone, it is stopped (cleanly, like a shutdown); if its registry still
 * runs, this start fails at once with one line saying what to do.
 */
final class LeftoverDatabase {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverDatabase.class);
    /** InnoDB flushes its buffer pool on a clean shutdown; a large one takes a while. */
    private static final Duration CLEAN_SHUTDOWN = Duration.ofSeconds(60);

    private LeftoverDatabase() {
    }

    /** Stops a mariadbd left on the data folder by a registry that is gone; refuses when its registry still runs. */
    static void stopIfLeftBehind(Path dataFolder) throws IOException {
        for (ProcessHandle server : serversOn(dataFolder)) {
            Optional<ProcessHandle> registry = server.parent().filter(LeftoverDatabase::isJava);
            if (registry.isPresent()) {
                throw new ConfigurationException("The data folder " + dataFolder + " is in use by the embedded"
                        + " database (pid " + server.pid() + ") of a registry that is still running (pid "
                        + registry.get().pid() + "): stop that registry first, or set REGISTRY_HOME to another folder.");
            }
            stop(server, dataFolder);
        }
    }

    /** Live mariadbd processes named by a pid file in the data folder whose command line names that folder. */
    private static List<ProcessHandle> serversOn(Path dataFolder) throws IOException {
        if (!Files.isDirectory(dataFolder)) {
            return List.of();
        }
        // MariaDB writes <hostname>.pid into the data folder; the host name may have changed since
        try (DirectoryStream<Path> pidFiles = Files.newDirectoryStream(dataFolder, "*.pid")) {
            List<ProcessHandle> servers = new ArrayList<>();
            for (Path pidFile : pidFiles) {
                pid(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        // a reused pid is some other program: only a mariadbd on this very folder is ours
                        .filter(process -> process.info().command().orElse("").endsWith("/mariadbd"))
                        .filter(process -> servesFolder(process, dataFolder))
                        .ifPresent(servers::add);
            }
            return servers;
        }
    }

    private static boolean servesFolder(ProcessHandle process, Path dataFolder) {
        Path folder = dataFolder.toAbsolutePath().normalize();
        return process.info().arguments().map(List::of).orElse(List.of()).stream()
                .filter(argument -> argument.startsWith("--datadir="))
                .anyMatch(argument -> Path.of(argument.substring("--datadir=".length())).toAbsolutePath().normalize()
                        .equals(folder));
    }

    private static Optional<Long> pid(Path pidFile) throws IOException {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile).trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean isJava(ProcessHandle process) {
        String command = process.info().command().orElse("");
        return command.endsWith("/java") || command.endsWith("/java.exe");
    }

    private static void stop(ProcessHandle server, Path dataFolder) {
        LOG.warn("An embedded database (pid {}) was left running on {} by a registry that ended without"
                + " stopping it; stopping it now", server.pid(), dataFolder);
        if (!server.destroy()) {
            throw new ConfigurationException("The data folder " + dataFolder + " is held by a leftover database"
                    + " (pid " + server.pid() + ") this account may not stop: kill " + server.pid() + " and start again.");
        }
        try {
            server.onExit().get(CLEAN_SHUTDOWN.toSeconds(), TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            // InnoDB recovers from its log at the next start, as after a power cut
            server.destroyForcibly();
            server.onExit().join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("Interrupted while stopping the leftover database (pid " + server.pid() + ")", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }
}
