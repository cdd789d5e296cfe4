package de.foerderregister.document;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.problem.UnsupportedMediaType;
import jakarta.inject.Singleton;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Tells an upload's type by its bytes, never by its name or the Content-Type the client sent:
 * Tika's magic numbers on the first bytes, and for a ZIP archive its entries
 * ({@link OfficeContainer}). Anything else is refused with 415, naming what was found, as soon as
 * the bytes show it.
 */
@Singleton
public class DocumentTypes {

    /** Enough for every magic number Tika knows, and for the first local header of a ZIP. */
    static final int HEAD_SIZE = 64 * 1024;
    private static final Set<DocumentType> BY_MAGIC = EnumSet.of(DocumentType.PDF, DocumentType.PNG, DocumentType.JPEG);

    private final MimeTypes magic = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = magic.getMediaTypeRegistry();

    /**
     * Reads the content to its end, every byte passing through {@code copy} in order, and answers
     * its type; refuses an empty content (422) or one of another type (415).
     */
    DocumentType read(InputStream content, OutputStream copy) throws IOException {
        byte[] head = content.readNBytes(HEAD_SIZE);
        if (head.length == 0) {
            throw InvalidInput.of("file", RuleCode.DOCUMENT_EMPTY);
        }
        // no file name and no declared type in the metadata: only the bytes decide
        MediaType found = magic.detect(new ByteArrayInputStream(head), new Metadata());
        InputStream all = new Tee(new SequenceInputStream(new ByteArrayInputStream(head), content), copy);
        Optional<DocumentType> type;
        if (registry.isInstanceOf(found, MediaType.APPLICATION_ZIP)) {
            type = OfficeContainer.scan(all);
            found = MediaType.APPLICATION_ZIP;
        } else {
            type = DocumentType.ofMediaType(found.getBaseType().toString()).filter(BY_MAGIC::contains);
        }
        if (type.isEmpty()) {
            throw new UnsupportedMediaType("The file is " + found.getBaseType() + " by its content; the registry keeps "
                    + DocumentType.accepted() + " only.",
                    new FieldError("file", RuleCode.DOCUMENT_TYPE, found.getBaseType(), DocumentType.accepted()));
        }
        all.transferTo(OutputStream.nullOutputStream());
        return type.get();
    }

    /** Hands every byte read on to a copy, so one pass both inspects and stores the content. */
    private static final class Tee extends FilterInputStream {

        private final OutputStream copy;

        Tee(InputStream in, OutputStream copy) {
            super(in);
            this.copy = copy;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                copy.write(b);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                copy.write(buffer, offset, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // skipped bytes must be copied too
            int length = (int) Math.min(n, 8192);
            return Math.max(0, read(new byte[length], 0, length));
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
