package de.foerderregister.obligation;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.document.DocumentClient;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A report handed in with a document: filed with the submission in one transaction, or neither. */
@MicronautTest(transactional = false)
class ObligationDocumentTest {

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    Account nw;
    long id;
    long interim;
    String submission;

    @BeforeEach
    void approval() {
        nw = api.applicant(StateCode.NW);
        id = api.approved(api.account(Role.FITKO, null), StateCode.NW, "1011500.00");
        interim = api.get(nw, "/api/applications/" + id + "/obligations").json().get(0).get("id").asLong();
        submission = "/api/applications/" + id + "/obligations/" + interim + "/submission";
    }

    @Test
    void theDocumentIsFiledWithTheSubmissionAndListedWithIt() throws Exception {
        byte[] pdf = SampleFiles.pdf();

        Response submitted = documents.post(nw, submission, new Multipart().field("text", "Sachbericht 2021")
                .field("title", "Zahlenmäßiger Nachweis 2021").file("nachweis-2021.pdf", "application/pdf", pdf));

        assertEquals(200, submitted.status(), submitted.body());
        assertEquals("SUBMITTED", submitted.json().get("status").asText());
        JsonNode handedIn = submitted.json().get("submissions").get(0);
        assertEquals("Sachbericht 2021", handedIn.get("text").asText());
        JsonNode document = handedIn.get("documents").get(0);
        assertEquals("nachweis-2021.pdf", document.get("fileName").asText());
        assertEquals("Zahlenmäßiger Nachweis 2021", document.get("title").asText());
        assertEquals("OBLIGATION_SUBMISSION", document.get("subject").get("kind").asText());
        assertEquals(handedIn.get("id").asLong(), document.get("subject").get("id").asLong());
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf));
        assertEquals(sha256, document.get("sha256").asText());

        DocumentClient.Download download = documents.download(nw, DocumentClient.path(id) + "/" + document.get("id").asLong());
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.bytes());
        assertEquals(1, api.get(nw, DocumentClient.path(id)).json().size(), "among the application's documents");
        assertEquals(List.of("OBLIGATION_SUBMITTED", "DOCUMENT_ADDED"), lastActions(2));
        JsonNode listed = api.get(nw, "/api/applications/" + id + "/obligations").json().get(0);
        assertEquals(document.get("id").asLong(), listed.get("submissions").get(0).get("documents").get(0).get("id").asLong());
    }

    @Test
    void aRefusedFileLeavesTheReportUnsubmitted() {
        Response untitled = documents.post(nw, submission, new Multipart().field("text", "Sachbericht 2021")
                .file("nachweis.pdf", "application/pdf", SampleFiles.pdf()));
        assertEquals(422, untitled.status(), untitled.body());
        assertEquals("title", untitled.json().get("errors").get(0).get("field").asText(), "a document needs its title");
        Response disguised = documents.post(nw, submission, new Multipart().field("text", "Sachbericht 2021")
                .field("title", "Nachweis").file("nachweis.pdf", "application/pdf", SampleFiles.exe()));

        assertEquals(415, disguised.status(), disguised.body());
        JsonNode report = api.get(nw, "/api/applications/" + id + "/obligations").json().get(0);
        assertEquals("OPEN", report.get("status").asText());
        assertEquals(0, report.get("submissions").size());
        assertEquals(0, api.get(nw, DocumentClient.path(id)).json().size());
        assertTrue(lastActions(1).get(0).startsWith("OBLIGATION_CREATED"), "nothing audited");

        Response noText = documents.post(nw, submission, new Multipart().file("nachweis.pdf", "application/pdf",
                SampleFiles.pdf()));
        assertEquals(422, noText.status(), noText.body());
        assertEquals("text", noText.json().get("errors").get(0).get("field").asText());
        assertEquals(404, documents.post(api.applicant(StateCode.ST), submission, new Multipart().field("text", "fremd")
                .file("nachweis.pdf", "application/pdf", SampleFiles.pdf())).status());
        assertEquals("OPEN", api.get(nw, "/api/applications/" + id + "/obligations").json().get(0).get("status").asText());
    }

    private List<String> lastActions(int count) {
        List<String> actions = new ArrayList<>();
        api.get(nw, "/api/applications/" + id + "/history").json().forEach(event -> actions.add(event.get("action").asText()));
        return actions.subList(actions.size() - count, actions.size());
    }
}
