package de.foerderregister.document;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;

import java.io.InputStream;

/** A document and its bytes, read as they are sent. */
public record DocumentDownload(DocumentView document, InputStream content) {

    /** Set on the download of a withdrawn document: when it was withdrawn. */
    public static final String WITHDRAWN_HEADER = "X-Document-Withdrawn";

    /**
     * The bytes as stored, typed by what they were recognised as, always as an attachment and never
     * to be sniffed into something else, for the API and the pages alike.
     */
    public MutableHttpResponse<StreamedFile> response() {
        MutableHttpResponse<StreamedFile> response = HttpResponse.ok(new StreamedFile(content,
                        MediaType.of(document.mediaType()), document.uploadedAt().toEpochMilli(), document.size()))
                .header(HttpHeaders.CONTENT_DISPOSITION, FileNames.contentDisposition(document.fileName()))
                .header("X-Content-Type-Options", "nosniff");
        if (document.withdrawn()) {
            response.header(WITHDRAWN_HEADER, document.withdrawnAt().toString());
        }
        return response;
    }
}
