package de.foerderregister.document;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.convert.format.ReadableBytes;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A document of the largest allowed size goes in and comes out without the registry holding it:
 * the live heap, measured in this JVM (client and server alike) in the middle of the upload and of
 * the download after a full collection, grows by a small fraction of the file. The file is
 * generated while it is sent and hashed while it is received, so the test holds none of it either.
 * That is the in-process stand-in for "a 20 MB upload under -Xmx256m": what the server keeps alive
 * does not grow with the file.
 */
@MicronautTest(transactional = false)
class LargeUploadTest {

    /** Well below the 20 MB a buffering server would hold at the middle of the file. */
    private static final long GROWTH_MAX = 6L * 1024 * 1024;

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    @Value("${registry.documents.max-size}")
    @ReadableBytes
    long maxSize;

    @Test
    void aDocumentOfTheLargestSizeIsStoredAndReadBackWithFlatMemory() throws Exception {
        assertEquals(20L * 1024 * 1024, maxSize, "the default limit of the specification");
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        String expected = sha256(new GeneratedPdf(maxSize, () -> { }));

        long before = liveHeap();
        AtomicLong duringUpload = new AtomicLong();
        TestApi.Response uploaded = documents.upload(hamburg, id, new Multipart().field("title", "Verwendungsnachweis")
                .field("subjectKind", "APPLICATION").field("subjectId", "")
                .file("gross.pdf", "application/pdf", () -> new GeneratedPdf(maxSize, () -> duringUpload.set(liveHeap()))));
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonNode document = uploaded.json();
        assertEquals(maxSize, document.get("size").asLong());
        assertEquals(expected, document.get("sha256").asText());
        assertTrue(duringUpload.get() > 0, "the measurement ran");
        assertTrue(duringUpload.get() - before < GROWTH_MAX,
                "live heap grew by " + (duringUpload.get() - before) + " bytes half-way through the upload");

        AtomicLong duringDownload = new AtomicLong();
        DocumentClient.StreamedDownload download = documents.downloadHashed(hamburg,
                DocumentClient.path(id) + "/" + document.get("id").asLong(), maxSize / 2, () -> duringDownload.set(liveHeap()));
        assertEquals(200, download.status());
        assertEquals(maxSize, download.length());
        assertEquals(expected, download.sha256());
        assertTrue(duringDownload.get() - before < GROWTH_MAX,
                "live heap grew by " + (duringDownload.get() - before) + " bytes half-way through the download");
    }

    @Test
    void oneByteAboveTheLimitAnswers413AndStoresNothing() {
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        TestApi.Response refused = documents.upload(hamburg, id, new Multipart().field("title", "zu groß")
                .file("zu-gross.pdf", "application/pdf", () -> new GeneratedPdf(maxSize + 1, () -> { })));
        assertEquals(413, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        assertEquals("document.tooLarge", refused.json().get("errors").get(0).get("code").asText());
        assertEquals(String.valueOf(maxSize), refused.json().get("errors").get(0).get("arguments").get(0).asText());
        assertEquals(0, api.get(hamburg, DocumentClient.path(id)).json().size());
        assertFalse(StreamSupport.stream(api.get(hamburg, "/api/applications/" + id + "/history").json().spliterator(), false)
                .anyMatch(event -> event.get("action").asText().equals("DOCUMENT_ADDED")));
    }

    /** The heap still reachable after a full collection. */
    static long liveHeap() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    static String sha256(InputStream content) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[64 * 1024];
        try (content) {
            for (int n; (n = content.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** A PDF header and then the same pseudo-random bytes every time, made as they are read; halfway, a hook runs. */
    static final class GeneratedPdf extends InputStream {

        private static final byte[] HEADER = "%PDF-1.7\n%\u00e2\u00e3\n".getBytes(StandardCharsets.ISO_8859_1);
        private final long length;
        private final Runnable halfway;
        private final SplittableRandom random = new SplittableRandom(20_971_520L);
        private long position;
        private boolean hookRan;

        GeneratedPdf(long length, Runnable halfway) {
            this.length = length;
            this.halfway = halfway;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            if (!hookRan && position >= length / 2) {
                hookRan = true;
                halfway.run();
            }
            int n = (int) Math.min(count, Math.min(length - position, 16 * 1024));
            for (int i = 0; i < n; i++) {
                long at = position + i;
                buffer[offset + i] = at < HEADER.length ? HEADER[(int) at] : (byte) random.nextInt(256);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
            if (position < length) {
                throw new UncheckedIOException(new IOException("closed at " + position + " of " + length));
            }
        }
    }
}
