package de.foerderregister.document;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.PayloadTooLarge;
import de.foerderregister.problem.RuleCode;

import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * Where an upload's bytes go while it is read: into rows of {@code document_chunk} of
 * {@link DocumentLimits#CHUNK_SIZE} bytes each, counted against the size limit and hashed on the
 * way, so that memory holds one chunk at most, whatever the file's size.
 */
final class DocumentSink extends OutputStream {

    /** What was stored. */
    record Stored(long size, String sha256) {
    }

    private final DocumentRepository documents;
    private final long documentId;
    private final long maxSize;
    private final MessageDigest sha256;
    private final byte[] chunk = new byte[DocumentLimits.CHUNK_SIZE];
    private int filled;
    private int seq;
    private long size;

    DocumentSink(DocumentRepository documents, long documentId, long maxSize) {
        this.documents = documents;
        this.documentId = documentId;
        this.maxSize = maxSize;
        try {
            this.sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    @Override
    public void write(int b) {
        write(new byte[]{(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        size += length;
        if (size > maxSize) {
            throw new PayloadTooLarge("The file is larger than the " + maxSize + " bytes a document may have.",
                    new FieldError("file", RuleCode.DOCUMENT_TOO_LARGE, maxSize));
        }
        sha256.update(bytes, offset, length);
        while (length > 0) {
            int taken = Math.min(length, chunk.length - filled);
            System.arraycopy(bytes, offset, chunk, filled, taken);
            filled += taken;
            offset += taken;
            length -= taken;
            if (filled == chunk.length) {
                flushChunk();
            }
        }
    }

    /** Writes the last, partial chunk and answers the size and hash of everything written. */
    Stored finish() {
        if (filled > 0) {
            flushChunk();
        }
        return new Stored(size, HexFormat.of().formatHex(sha256.digest()));
    }

    private void flushChunk() {
        documents.addChunk(documentId, seq++, filled == chunk.length ? chunk : Arrays.copyOf(chunk, filled));
        filled = 0;
    }
}
