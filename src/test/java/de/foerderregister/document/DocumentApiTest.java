package de.foerderregister.document;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Documents through the API as a client sees them: every accepted type told by its bytes whatever
 * the name and declared type, disguised files refused with 415, the state scope on every route,
 * withdrawal, and the audit events with the file's hash.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DocumentApiTest {

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    Account hamburg;
    Account bremen;
    Account fitko;
    Account finance;
    Account admin;

    @BeforeAll
    void accounts() {
        hamburg = api.applicant(StateCode.HH);
        bremen = api.account(Role.STATE, StateCode.HB);
        fitko = api.account(Role.FITKO, null);
        finance = api.account(Role.FINANCE, null);
        admin = api.account(Role.ADMIN, null);
    }

    static Stream<Arguments> acceptedFiles() {
        return Stream.of(
                Arguments.of("PDF", "application/pdf", SampleFiles.pdf()),
                Arguments.of("PNG", "image/png", SampleFiles.png()),
                Arguments.of("JPEG", "image/jpeg", SampleFiles.jpeg()),
                Arguments.of("DOCX", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", SampleFiles.docx()),
                Arguments.of("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", SampleFiles.xlsx()),
                Arguments.of("ODT", "application/vnd.oasis.opendocument.text", SampleFiles.odt()),
                Arguments.of("ODS", "application/vnd.oasis.opendocument.spreadsheet", SampleFiles.ods()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("acceptedFiles")
    void eachAcceptedTypeIsToldByItsBytesNotItsNameOrDeclaredType(String type, String mediaType, byte[] bytes)
            throws Exception {
        long id = draft(hamburg);
        TestApi.Response uploaded = documents.upload(hamburg, id,
                new Multipart().field("title", "Anlage").file("anlage.bin", "text/plain", bytes));
        assertEquals(201, uploaded.status(), uploaded.body());
        JsonNode document = uploaded.json();
        assertEquals(type, document.get("type").asText());
        assertEquals(mediaType, document.get("mediaType").asText());
        assertEquals(bytes.length, document.get("size").asLong());
        assertEquals(sha256(bytes), document.get("sha256").asText());
        assertEquals(DocumentClient.path(id) + "/" + document.get("id").asLong(), uploaded.header("Location"));

        DocumentClient.Download download = documents.download(hamburg, uploaded.header("Location"));
        assertEquals(200, download.status());
        assertArrayEquals(bytes, download.bytes());
        assertEquals(mediaType, download.header("Content-Type"));
        assertEquals(String.valueOf(bytes.length), download.header("Content-Length"));
        assertEquals("nosniff", download.header("X-Content-Type-Options"));
        assertTrue(download.header("Content-Disposition").startsWith("attachment; filename=\"anlage.bin\""),
                download.header("Content-Disposition"));
    }

    static Stream<Arguments> disguisedFiles() {
        return Stream.of(
                Arguments.of("programm.pdf", "application/pdf", SampleFiles.exe(), "application/x-msdownload"),
                Arguments.of("bescheid.pdf", "application/pdf", SampleFiles.html(), "text/html"),
                Arguments.of("bericht.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        SampleFiles.zip(), "application/zip"),
                Arguments.of("makro.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                        SampleFiles.docm(), "application/zip"),
                Arguments.of("notiz.pdf", "application/pdf", "Nur Text, kein PDF.".getBytes(StandardCharsets.UTF_8),
                        "text/plain"));
    }

    @ParameterizedTest(name = "{0} ({3})")
    @MethodSource("disguisedFiles")
    void aDisguisedFileIsRefusedWith415NamingWhatItIsAndNothingIsStored(String name, String declared, byte[] bytes,
                                                                      String detected) {
        long id = draft(hamburg);
        TestApi.Response refused = documents.upload(hamburg, id, new Multipart().field("title", "Anlage").file(name, declared, bytes));
        assertEquals(415, refused.status(), refused.body());
        assertEquals("application/problem+json", refused.contentType());
        JsonNode error = refused.json().get("errors").get(0);
        assertEquals("file", error.get("field").asText());
        assertEquals("document.type", error.get("code").asText());
        assertEquals(detected, error.get("arguments").get(0).asText());
        assertTrue(refused.json().get("detail").asText().contains(detected), refused.body());
        assertEquals(0, api.get(hamburg, DocumentClient.path(id)).json().size());
        assertFalse(actions(id).contains("DOCUMENT_ADDED"));
    }

    @Test
    void anUploadThatBreaksOffIsRefusedAndNothingIsStored() {
        long id = draft(hamburg);
        byte[] file = new byte[600 * 1024];
        System.arraycopy(SampleFiles.pdf(), 0, file, 0, SampleFiles.pdf().length);
        Multipart body = new Multipart().field("title", "abgebrochen").file("a.pdf", "application/pdf", file);
        byte[] whole = body.bytes();
        TestApi.Response refused = api.sendBytes("POST", DocumentClient.path(id), hamburg.token(),
                java.util.Arrays.copyOf(whole, whole.length - 100 * 1024), body.contentType());
        assertEquals(400, refused.status(), refused.body());
        assertEquals("document.unreadable", refused.json().get("errors").get(0).get("code").asText());
        assertEquals(0, api.get(hamburg, DocumentClient.path(id)).json().size());
    }

    @Test
    void anEmptyFileIsRefused() {
        long id = draft(hamburg);
        TestApi.Response refused = documents.upload(hamburg, id, new Multipart().field("title", "Anlage").file("leer.pdf", "application/pdf", new byte[0]));
        assertEquals(422, refused.status(), refused.body());
        assertEquals("document.empty", refused.json().get("errors").get(0).get("code").asText());
    }

    @Test
    void theAuditEventCarriesTheFilesSha256AndSize() throws Exception {
        long id = draft(hamburg);
        byte[] pdf = SampleFiles.pdf();
        long documentId = upload(hamburg, id, new Multipart().field("title", "Projektskizze")
                .file("skizze.pdf", "application/pdf", pdf)).get("id").asLong();
        JsonNode added = event(id, "DOCUMENT_ADDED");
        assertEquals(hamburg.username(), added.get("actor").asText());
        Map<String, String> changes = changes(added);
        assertEquals(sha256(pdf), changes.get("document.sha256"));
        assertEquals(String.valueOf(pdf.length), changes.get("document.size"));
        assertEquals(String.valueOf(documentId), changes.get("document.id"));
        assertEquals("application/pdf", changes.get("document.mediaType"));
        assertEquals("skizze.pdf", changes.get("document.fileName"));
        assertEquals("Projektskizze", changes.get("document.title"));
        assertEquals("APPLICATION " + id, changes.get("document.subject"));
        assertTrue(api.get(fitko, "/api/audit/verify").json().get("intact").asBoolean());
    }

    @Test
    void textPartsSentAfterTheFileAreStillRead() {
        long id = draft(hamburg);
        JsonNode document = upload(hamburg, id, new Multipart().field("title", "nachgereicht")
                .file("nach.pdf", "application/pdf", SampleFiles.pdf()).fieldsAfterFile());
        assertEquals("nachgereicht", document.get("title").asText());
    }

    @Test
    void aDocumentCanBeAboutADecisionOfTheApplicationOnly() {
        long approved = api.approved(fitko, StateCode.HH, "900000.00");
        long decisionId = api.get(fitko, "/api/applications/" + approved + "/decisions").json().get(0).get("id").asLong();
        Multipart bescheid = new Multipart().field("title", "Bescheid").file("bescheid.pdf", "application/pdf", SampleFiles.pdf());
        TestApi.Response uploaded = documents.upload(fitko, approved, "?subjectKind=DECISION&subjectId=" + decisionId, bescheid);
        assertEquals(201, uploaded.status(), uploaded.body());
        assertEquals("DECISION", uploaded.json().get("subject").get("kind").asText());
        assertEquals(decisionId, uploaded.json().get("subject").get("id").asLong());

        long other = api.approved(fitko, StateCode.HH, "900000.00");
        TestApi.Response foreign = documents.upload(fitko, other, "?subjectKind=DECISION&subjectId=" + decisionId, bescheid);
        assertEquals(422, foreign.status(), foreign.body());
        assertEquals("document.subjectUnknown", foreign.json().get("errors").get(0).get("code").asText());

        TestApi.Response obligation = documents.upload(fitko, other, "?subjectKind=OBLIGATION_SUBMISSION&subjectId=1", bescheid);
        assertEquals(422, obligation.status(), obligation.body());
        assertEquals("document.subject", obligation.json().get("errors").get(0).get("code").asText());

        assertEquals(400, documents.upload(fitko, other, "?subjectKind=PAYMENT&subjectId=1", bescheid).status());
        assertEquals(400, documents.upload(fitko, other, "?subjectKind=DECISION", bescheid).status());
        assertEquals(0, api.get(fitko, DocumentClient.path(other)).json().size());
    }

    @Test
    void aDocumentNeedsATitle() {
        long id = draft(hamburg);
        TestApi.Response blank = documents.upload(hamburg, id, new Multipart().field("title", "  ")
                .file("a.pdf", "application/pdf", SampleFiles.pdf()));
        assertEquals(422, blank.status(), blank.body());
        assertEquals("title", blank.json().get("errors").get(0).get("field").asText());
        TestApi.Response none = documents.upload(hamburg, id, new Multipart().file("a.pdf", "application/pdf", SampleFiles.pdf()));
        assertEquals(422, none.status(), none.body());
        assertEquals("title", none.json().get("errors").get(0).get("field").asText());
        assertEquals("required", none.json().get("errors").get(0).get("code").asText());
        assertEquals(0, api.get(hamburg, DocumentClient.path(id)).json().size());
    }

    @Test
    void anotherStatesDocumentAnswers404OnEveryRoute() {
        long id = draft(hamburg);
        String location = DocumentClient.path(id) + "/"
                + upload(hamburg, id, new Multipart().field("title", "Anlage").file("a.pdf", "application/pdf", SampleFiles.pdf())).get("id").asLong();

        assertEquals(404, api.get(bremen, DocumentClient.path(id)).status());
        assertEquals(404, documents.download(bremen, location).status());
        assertEquals(404, api.post(bremen, location + "/withdraw", Map.of("reason", "falsch")).status());
        assertEquals(404, documents.upload(bremen, id, new Multipart().field("title", "Anlage").file("b.pdf", "application/pdf", SampleFiles.pdf())).status());

        // a document is only found under its own application, even one of the caller's state
        long otherOwn = draft(hamburg);
        assertEquals(404, documents.download(hamburg, location.replace(DocumentClient.path(id), DocumentClient.path(otherOwn))).status());
        assertEquals(404, documents.download(hamburg, DocumentClient.path(id) + "/999999999").status());
        assertEquals(1, api.get(hamburg, DocumentClient.path(id)).json().size());
    }

    @Test
    void financeReadsButAddsAndWithdrawsNothingAndAdminSeesNothing() {
        long id = draft(hamburg);
        String location = DocumentClient.path(id) + "/"
                + upload(hamburg, id, new Multipart().field("title", "Anlage").file("a.pdf", "application/pdf", SampleFiles.pdf())).get("id").asLong();

        assertEquals(1, api.get(finance, DocumentClient.path(id)).json().size());
        assertEquals(200, documents.download(finance, location).status());
        assertEquals(403, documents.upload(finance, id, new Multipart().field("title", "Anlage").file("b.pdf", "application/pdf", SampleFiles.pdf())).status());
        assertEquals(403, api.post(finance, location + "/withdraw", Map.of("reason", "falsch")).status());

        assertEquals(403, api.get(admin, DocumentClient.path(id)).status());
        assertEquals(403, documents.download(admin, location).status());
        assertEquals(403, documents.upload(admin, id, new Multipart().field("title", "Anlage").file("b.pdf", "application/pdf", SampleFiles.pdf())).status());

        assertEquals(201, documents.upload(fitko, id, new Multipart().field("title", "Anlage").file("c.pdf", "application/pdf", SampleFiles.pdf())).status());
        assertEquals(2, api.get(hamburg, DocumentClient.path(id)).json().size());
    }

    @Test
    void aWithdrawnDocumentStaysReadableMarkedAndAudited() throws Exception {
        long id = draft(hamburg);
        byte[] pdf = SampleFiles.pdf();
        String location = DocumentClient.path(id) + "/"
                + upload(hamburg, id, new Multipart().field("title", "Anlage").file("falsch.pdf", "application/pdf", pdf)).get("id").asLong();

        TestApi.Response noReason = api.post(hamburg, location + "/withdraw", Map.of("reason", " "));
        assertEquals(422, noReason.status(), noReason.body());

        TestApi.Response withdrawn = api.post(hamburg, location + "/withdraw", Map.of("reason", "falsche Datei hochgeladen"));
        assertEquals(200, withdrawn.status(), withdrawn.body());
        assertTrue(withdrawn.json().get("withdrawn").asBoolean());
        assertEquals("falsche Datei hochgeladen", withdrawn.json().get("withdrawnReason").asText());
        assertEquals(hamburg.username(), withdrawn.json().get("withdrawnBy").asText());

        Map<String, String> changes = changes(event(id, "DOCUMENT_WITHDRAWN"));
        assertEquals("falsche Datei hochgeladen", changes.get("document.withdrawnReason"));
        assertEquals(sha256(pdf), changes.get("document.sha256"));

        assertEquals(409, api.post(fitko, location + "/withdraw", Map.of("reason", "noch einmal")).status());
        JsonNode listed = api.get(finance, DocumentClient.path(id)).json().get(0);
        assertTrue(listed.get("withdrawn").asBoolean());
        DocumentClient.Download download = documents.download(finance, location);
        assertEquals(200, download.status());
        assertArrayEquals(pdf, download.bytes());
        assertEquals(withdrawn.json().get("withdrawnAt").asText(), download.header(DocumentDownload.WITHDRAWN_HEADER));
    }

    @Test
    void fitkoMayWithdrawAStatesUpload() {
        long id = draft(hamburg);
        String location = DocumentClient.path(id) + "/"
                + upload(hamburg, id, new Multipart().field("title", "Anlage").file("a.pdf", "application/pdf", SampleFiles.pdf())).get("id").asLong();
        assertEquals(200, api.post(fitko, location + "/withdraw", Map.of("reason", "doppelt")).status());
    }

    @Test
    void aFileNameIsNeverAPathNorAHeaderInjection() {
        long id = draft(hamburg);
        // RFC 5987 lets a client send any character in filename*; these are a path, quotes, a line
        // break with a header after it, a right-to-left override and umlauts
        String hostile = "..%2F..%2Fetc%2Fbericht%20%22final%22%0D%0AX-Injected%3A%20yes%E2%80%AE%C3%A4%E2%82%AC.pdf";
        Multipart body = new Multipart().field("title", "Anlage").rawFileDisposition("form-data; name=\"file\"; filename*=UTF-8''" + hostile)
                .file(null, "application/pdf", SampleFiles.pdf());
        JsonNode document = upload(hamburg, id, body);
        String stored = document.get("fileName").asText();
        assertFalse(stored.contains("/") || stored.contains("\\") || stored.contains("\"") || stored.contains("\r")
                || stored.contains("\n") || stored.contains("\u202E"), stored);
        assertTrue(stored.endsWith("ä€.pdf"), stored);

        DocumentClient.Download download = documents.download(hamburg, DocumentClient.path(id) + "/" + document.get("id").asLong());
        assertNull(download.header("X-Injected"));
        List<String> dispositions = download.headers().allValues("Content-Disposition");
        assertEquals(1, dispositions.size());
        assertEquals("attachment; filename=\"" + stored.replace("ä", "_").replace("€", "_") + "\"; filename*=UTF-8''"
                + java.net.URLEncoder.encode(stored, StandardCharsets.UTF_8).replace("+", "%20"), dispositions.get(0));
    }

    /**
     * Only streamed uploads may exceed 1 MB: every body that is read whole still answers 413 above it.
     * (The CSV import streams too, up to its own limit: importing/ImportStreamingTest.)
     */
    @Test
    void bodiesReadWholeStayCappedAtOneMegabyte() {
        String twoMegabytes = "x".repeat(2 * 1024 * 1024);
        assertEquals(413, api.post(hamburg, "/api/applications", Map.of("title", twoMegabytes)).status());
        assertEquals(413, api.send("POST", "/ui/login", null, "username=" + twoMegabytes,
                Map.of("Content-Type", "application/x-www-form-urlencoded")).status());
    }

    private long draft(Account account) {
        return api.create(account, api.application(account.state())).get("id").asLong();
    }

    private JsonNode upload(Account account, long id, Multipart body) {
        TestApi.Response uploaded = documents.upload(account, id, body);
        assertEquals(201, uploaded.status(), uploaded.body());
        return uploaded.json();
    }

    private List<String> actions(long id) {
        return StreamSupport.stream(api.get(fitko, "/api/applications/" + id + "/history").json().spliterator(), false)
                .map(event -> event.get("action").asText()).toList();
    }

    private JsonNode event(long id, String action) {
        return StreamSupport.stream(api.get(fitko, "/api/applications/" + id + "/history").json().spliterator(), false)
                .filter(event -> event.get("action").asText().equals(action)).reduce((first, second) -> second).orElseThrow();
    }

    private static Map<String, String> changes(JsonNode event) {
        Map<String, String> changes = new java.util.LinkedHashMap<>();
        event.get("changes").forEach(change -> changes.put(change.get("field").asText(), change.get("newValue").asText()));
        return changes;
    }

    static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
