package de.foerderregister.document;

import io.micronaut.core.propagation.PropagatedContext;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored document's bytes, fetched one chunk at a time as the response is written: a download
 * holds one chunk in memory, whatever the file's size. Chunks never change once committed, so each
 * is read on its own, outside the request's transaction.
 */
final class ChunkStream extends InputStream {

    private final DocumentRepository documents;
    private final long documentId;
    private final long size;
    private byte[] current = new byte[0];
    private int position;
    private int nextSeq;
    private long delivered;

    ChunkStream(DocumentRepository documents, long documentId, long size) {
        this.documents = documents;
        this.documentId = documentId;
        this.size = size;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (position == current.length && !nextChunk()) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        delivered += n;
        return n;
    }

    private boolean nextChunk() throws IOException {
        if (delivered >= size) {
            return false;
        }
        // read on whatever thread writes the response, never within the request's connection or transaction
        try (PropagatedContext.Scope detached = PropagatedContext.empty().propagate()) {
            current = documents.chunk(documentId, nextSeq).map(ChunkBytes::bytes).orElseThrow(() -> new IOException(
                    "document " + documentId + " lacks chunk " + nextSeq + " after " + delivered + " of " + size + " bytes"));
        }
        nextSeq++;
        position = 0;
        return current.length > 0;
    }
}
