package de.foerderregister.audit;

import io.micronaut.context.exceptions.ConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The audit key lives outside the database, readable by its owner only, and keys rotate by id. */
class AuditKeysTest {

    @TempDir
    Path home;

    @Test
    void theKeyFileIsCreatedOwnerOnlyAndReadAgainOnTheNextStart() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "no POSIX permissions here");
        AuditKey created = new AuditKeys(new AuditSettings(null, "k1", 100), home).current();
        Path file = home.resolve("audit-keys/k1.key");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(created.mac("x"), new AuditKeys(new AuditSettings(null, "k1", 100), home).current().mac("x"));
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aNewKeyIdRotatesAndTheOldKeyStaysForVerifying() {
        AuditKey first = new AuditKeys(new AuditSettings(null, "k1", 100), home).current();
        AuditKeys rotated = new AuditKeys(new AuditSettings(null, "k2", 100), home);
        assertEquals("k2", rotated.current().id());
        assertEquals(first.mac("x"), rotated.find("k1").orElseThrow().mac("x"));
        assertTrue(!rotated.current().mac("x").equals(first.mac("x")));
    }

    @Test
    void aKeyFromTheEnvironmentMustBeLongEnoughAndMayNotContradictAFiledOne() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThrows(ConfigurationException.class, () -> new AuditKeys(new AuditSettings(shortKey, "k1", 100), home));
        new AuditKeys(new AuditSettings(null, "k1", 100), home);
        String other = Base64.getEncoder().encodeToString(new byte[32]);
        assertThrows(ConfigurationException.class, () -> new AuditKeys(new AuditSettings(other, "k1", 100), home));
        assertEquals("env", new AuditKeys(new AuditSettings(other, "env", 100), home).current().id());
        assertThrows(ConfigurationException.class, () -> new AuditKeys(new AuditSettings(null, AuditKeys.LEGACY, 100), home));
    }
}
