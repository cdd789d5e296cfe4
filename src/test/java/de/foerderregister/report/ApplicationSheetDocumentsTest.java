package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.document.DocumentClient;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Projektsteckbrief lists the application's documents with size and SHA-256, withdrawn ones marked. */
@MicronautTest(transactional = false)
class ApplicationSheetDocumentsTest {

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    @Test
    void theSheetListsEachDocumentWithSizeAndHash() throws Exception {
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        byte[] png = SampleFiles.png();
        byte[] pdf = SampleFiles.pdf();
        assertEquals(201, documents.upload(hamburg, id, new Multipart().field("title", "Organigramm")
                .file("organigramm.png", "image/png", png)).status());
        String wrong = documents.upload(hamburg, id, new Multipart().field("title", "Falscher Entwurf")
                .file("entwurf.pdf", "application/pdf", pdf)).header("Location");
        assertEquals(200, api.post(hamburg, wrong + "/withdraw", Map.of("reason", "alte Fassung")).status());

        TestApi.Download sheet = api.download(hamburg, "/api/applications/" + id + "/report.pdf");
        assertEquals(200, sheet.status());
        String text = ReportReading.pdfText(sheet.bytes());
        String flat = text.replaceAll("\\s+", "");
        assertTrue(text.contains("Dokumente"), text);
        assertTrue(text.contains("Organigramm"), text);
        assertTrue(text.contains("organigramm.png · PNG · " + png.length + " Bytes"), text);
        assertTrue(flat.contains(sha256(png)), text);
        assertTrue(flat.contains("FalscherEntwurf(zurückgezogen)"), text);
        assertTrue(text.contains("alte Fassung"), text);
        assertTrue(flat.contains(sha256(pdf)), text);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
