package de.foerderregister.system;

import io.micronaut.core.annotation.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * A secret kept in a file only the service user may read (0600): the configured value where there
 * is one, else the file's, generated at random on first use. Secrets kept this way stay out of the
 * database, so whoever can read or write the database still cannot sign tokens or rewrite what
 * such a key protects. Used for the token key and the embedded database's passwords.
 */
public record KeyFile(Path path) {

    private static final Logger LOG = LoggerFactory.getLogger(KeyFile.class);
    private static final int RANDOM_BYTES = 48;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

    /** The configured secret where it is set (not blank), else the file's. */
    public String secret(@Nullable String configured) {
        return configured != null && !configured.isBlank() ? configured : read();
    }

    /** The file's secret (its text without surrounding white space); generated on first use. */
    public String read() {
        try {
            if (!Files.exists(path)) {
                generate();
            }
            warnIfOthersMayRead();
            String secret = Files.readString(path, StandardCharsets.UTF_8).strip();
            if (secret.isEmpty()) {
                throw new IllegalStateException(path + " is empty: delete it to have a new secret generated");
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes a file readable by its owner alone, created with these permissions (never widened and
     * then narrowed), where the file system knows POSIX permissions; elsewhere the folder's
     * access control has to keep it.
     */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createFile(file, ownerOnly(file));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    /** Creates the folder (and its missing parents) for the owner alone, where it does not exist yet. */
    public static void createOwnerOnlyFolder(Path folder) throws IOException {
        Files.createDirectories(folder, isPosix(folder)
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY_FOLDER)} : new FileAttribute<?>[0]);
    }

    /**
     * 48 random bytes as 64 characters of standard base64 (no padding): usable as text, as the
     * token key and the passwords are, and decodable where bytes are wanted. Written to a private
     * file first and linked into place: a link never replaces an existing file, so instances
     * starting together on one home agree on the first secret written.
     */
    private void generate() throws IOException {
        byte[] random = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(random);
        Path folder = path.toAbsolutePath().getParent();
        createOwnerOnlyFolder(folder);
        // a name of its own, also for several contexts starting in one process (as tests do)
        Path draft = Files.createTempFile(folder, path.getFileName() + ".", ".new", ownerOnly(path));
        Files.writeString(draft, Base64.getEncoder().encodeToString(random) + "\n", StandardCharsets.UTF_8);
        try {
            link(draft);
            LOG.info("Generated a new secret in {}", path);
        } catch (FileAlreadyExistsException e) {
            // another instance on the same home was first: its secret holds
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private void link(Path draft) throws IOException {
        try {
            Files.createLink(path, draft);
        } catch (UnsupportedOperationException noHardLinks) {
            // a file system without hard links: a move without replacing, which only loses a simultaneous race
            Files.move(draft, path);
        }
    }

    private void warnIfOthersMayRead() throws IOException {
        if (isPosix(path) && !OWNER_ONLY.containsAll(Files.getPosixFilePermissions(path))) {
            LOG.warn("{} may be read by other accounts than its owner: chmod 600 it, and replace the secret if it was read",
                    path);
        }
    }

    /** Permissions for a new file readable by its owner alone, where the file system has them. */
    public static FileAttribute<?>[] ownerOnly(Path file) {
        return isPosix(file) ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static boolean isPosix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
