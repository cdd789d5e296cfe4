package de.foerderregister.system;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The secrets kept in the registry home: generated once, agreed on by everyone starting at once, the owner's alone. */
class KeyFileTest {

    @TempDir
    Path home;

    @Test
    void generatedOnceAsDecodableRandomBytesAndReadAgainAfterwards() {
        KeyFile file = new KeyFile(home.resolve("some.key"));

        String secret = file.read();

        assertEquals(48, Base64.getDecoder().decode(secret).length);
        assertEquals(secret, new KeyFile(home.resolve("some.key")).read());
    }

    @Test
    void aConfiguredSecretWinsAndLeavesNoFile() {
        KeyFile file = new KeyFile(home.resolve("some.key"));

        assertEquals("configured", file.secret("configured"));
        assertEquals(List.of(), List.of(home.toFile().list()));
        assertEquals(file.read(), file.secret(" "), "a blank setting is no setting");
    }

    @Test
    void instancesStartingTogetherAgreeOnOneSecretAndLeaveNoDrafts() {
        Path path = home.resolve("nested/shared.key");
        List<CompletableFuture<String>> starts = IntStream.range(0, 16)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> new KeyFile(path).read())).toList();

        Set<String> secrets = Set.copyOf(starts.stream().map(CompletableFuture::join).toList());

        assertEquals(1, secrets.size());
        assertEquals(List.of("shared.key"), List.of(path.getParent().toFile().list()));
    }

    @Test
    void theFileAndTheFolderMadeForItAreTheOwnersAlone() throws Exception {
        Assumptions.assumeTrue(home.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path path = home.resolve("made/for/it.key");

        new KeyFile(path).read();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("made"))));
    }
}
