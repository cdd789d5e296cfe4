package de.foerderregister.importing;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.PayloadTooLarge;
import de.foerderregister.problem.RuleCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An import file's bytes, copied from the request to a temporary file while they arrive and counted
 * against {@link ImportLimits#maxSize}: memory holds one buffer, and a file above the limit is
 * refused (413) before any row of it is read, so nothing of it is written. The import reads the file
 * from disk as often as it needs; {@link #close} deletes it.
 */
final class ImportUpload implements AutoCloseable {

    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final long size;

    private ImportUpload(Path path, long size) {
        this.path = path;
        this.size = size;
    }

    /** Refuses at once when the announced length is above the limit; counts the bytes while copying otherwise. */
    static ImportUpload receive(InputStream body, long announcedLength, long maxSize) {
        if (announcedLength > maxSize) {
            throw tooLarge(maxSize);
        }
        Path path = null;
        try {
            path = Files.createTempFile("registry-import-", ".csv");
            long size = 0;
            byte[] buffer = new byte[BUFFER];
            try (OutputStream out = Files.newOutputStream(path)) {
                for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                    size += read;
                    if (size > maxSize) {
                        throw tooLarge(maxSize);
                    }
                    out.write(buffer, 0, read);
                }
            }
            return new ImportUpload(path, size);
        } catch (IOException e) {
            delete(path);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            delete(path);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    long size() {
        return size;
    }

    @Override
    public void close() {
        delete(path);
    }

    private static PayloadTooLarge tooLarge(long maxSize) {
        return new PayloadTooLarge("The import file is larger than the " + maxSize + " bytes an import may have.",
                new FieldError("body", RuleCode.IMPORT_TOO_LARGE, maxSize));
    }

    private static void delete(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
