package de.foerderregister.document;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.http.server.HttpServerConfiguration;

/**
 * How large a document may be ({@code registry.documents.max-size}, 20 MB by default), checked
 * while the upload is read. The server's own limits apply to every route, so they must let such an
 * upload through: {@code micronaut.server.max-request-size} (the whole request, the multipart
 * envelope included) and {@code micronaut.server.multipart.max-file-size} (one part). A registry
 * whose settings do not fit refuses to start, instead of answering uploads with the server's
 * generic 413. Bodies that are read whole (JSON, the pages' forms, CSV imports) stay capped by
 * {@code micronaut.server.max-request-buffer-size}.
 */
@Context
public class DocumentLimits {

    /** The bytes of one row of {@code document_chunk}: well below any max_allowed_packet. */
    static final int CHUNK_SIZE = 256 * 1024;
    /** Room for the multipart headers, boundaries and text parts around the file. */
    static final long ENVELOPE = 64 * 1024;

    private final long maxSize;

    public DocumentLimits(@Value("${registry.documents.max-size:20MB}") @ReadableBytes long maxSize,
                          HttpServerConfiguration server) {
        if (maxSize <= 0) {
            throw new ConfigurationException("registry.documents.max-size must be positive, not " + maxSize);
        }
        if (server.getMaxRequestSize() < maxSize + ENVELOPE) {
            throw new ConfigurationException("micronaut.server.max-request-size (" + server.getMaxRequestSize()
                    + " bytes) must exceed registry.documents.max-size (" + maxSize + " bytes) by at least "
                    + ENVELOPE + " bytes for the multipart envelope");
        }
        // above the document limit, so that this registry's own check, with its own answer, comes first
        if (server.getMultipart().getMaxFileSize() < maxSize + ENVELOPE) {
            throw new ConfigurationException("micronaut.server.multipart.max-file-size ("
                    + server.getMultipart().getMaxFileSize() + " bytes) must exceed registry.documents.max-size ("
                    + maxSize + " bytes) by at least " + ENVELOPE + " bytes");
        }
        this.maxSize = maxSize;
    }

    public long maxSize() {
        return maxSize;
    }
}
