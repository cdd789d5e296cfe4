package de.foerderregister.document;

import io.micronaut.http.multipart.StreamingFileUpload;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The file part of a multipart upload as a stream read while it arrives. A request that ends before
 * the part's closing boundary (a client that broke off, a truncated body) ends the stream like a
 * complete file would; here it ends in an error instead, so a cut-off file is never stored as if
 * it were whole.
 */
public final class FilePart {

    private FilePart() {
    }

    public static InputStream content(StreamingFileUpload file) {
        return new FilterInputStream(file.asInputStream()) {
            @Override
            public int read() throws IOException {
                return requireWholeAtEnd(super.read());
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                return requireWholeAtEnd(super.read(buffer, offset, length));
            }

            private int requireWholeAtEnd(int read) throws IOException {
                if (read < 0 && !file.isComplete()) {
                    throw new IOException("the request ended before the file part " + file.getName() + " did");
                }
                return read;
            }
        };
    }
}
