package de.foerderregister.document;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

@MicronautTest(transactional = false)
class DocumentApiTest {

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    Account hamburg;

    @BeforeEach
    void accounts() {
        hamburg = api.applicant(StateCode.HH);
    }

    @Test
    void aPdfIsStoredListedAndDownloadedByteForByte() throws Exception {
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        byte[] pdf = SampleFiles.pdf();
        TestApi.Response uploaded = documents.upload(hamburg, id, new Multipart().field("title", "Antrag, unterschrieben")
                .file("antrag.pdf", "application/pdf", pdf));
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonNode document = uploaded.json();
        assertEquals("PDF", document.get("type").asText());
        assertEquals(pdf.length, document.get("size").asLong());
        assertEquals(sha256(pdf), document.get("sha256").asText());

        JsonNode listed = api.get(hamburg, DocumentClient.path(id)).json();
        assertEquals(1, listed.size());
        DocumentClient.Download download = documents.download(hamburg, DocumentClient.path(id) + "/" + document.get("id").asLong());
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.bytes());
        assertEquals("application/pdf", download.header("Content-Type"));
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
