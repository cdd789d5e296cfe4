package de.foerderregister.report;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A rendered report in a temporary file, removed once it has been sent. */
public record ReportFile(Path path, ReportFormat format, String name) {

    public HttpResponse<StreamedFile> response() {
        try {
            InputStream content = new FilterInputStream(Files.newInputStream(path)) {
                @Override
                public void close() throws IOException {
                    try {
                        super.close();
                    } finally {
                        Files.deleteIfExists(path);
                    }
                }
            };
            StreamedFile file = new StreamedFile(content, MediaType.of(format.mediaType()), Files.getLastModifiedTime(path).toMillis(), Files.size(path));
            return HttpResponse.ok(file)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "." + format.extension() + "\"");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
