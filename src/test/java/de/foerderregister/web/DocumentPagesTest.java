package de.foerderregister.web;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.document.DocumentClient;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import de.foerderregister.security.Role;
import de.foerderregister.web.WebSession.Page;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The documents section of an application's page over plain HTTP: multipart upload with CSRF, download, withdrawal. */
@MicronautTest(transactional = false)
class DocumentPagesTest {

    @Inject
    TestApi api;

    @Inject
    DocumentClient documents;

    @Inject
    EmbeddedServer server;

    private WebSession loggedIn(Account account) {
        WebSession session = new WebSession(server.getURL().toString());
        assertEquals(303, session.login(account.username(), TestApi.PASSWORD).status());
        return session;
    }

    private static String page(long id) {
        return ApplicationPages.PATH + "/" + id;
    }

    @Test
    void theStateUploadsDownloadsAndWithdrawsADocumentOnTheApplicationsPage() {
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        WebSession browser = loggedIn(hamburg);
        Page application = browser.get(page(id));
        assertEquals(200, application.status());
        assertTrue(application.body().contains("<h2 id=\"documents-heading\">Dokumente</h2>"), application.body());
        assertTrue(application.body().contains("enctype=\"multipart/form-data\""), application.body());

        byte[] pdf = SampleFiles.pdf();
        Page uploaded = browser.postMultipart(page(id) + "/documents", new Multipart().field("_csrf", browser.csrf)
                .field("title", "Bescheid 2021").field("subject", "APPLICATION").file("bescheid.pdf", "application/pdf", pdf));
        assertEquals(303, uploaded.status(), uploaded.body());
        assertEquals(page(id) + "?done=documentAdded#documents", uploaded.location());

        Page listed = browser.get(page(id) + "?done=documentAdded");
        assertTrue(listed.body().contains("Das Dokument wurde gespeichert."), listed.body());
        assertTrue(listed.body().contains("Bescheid 2021"), listed.body());
        assertTrue(listed.body().contains("bescheid.pdf"), listed.body());
        assertTrue(listed.body().contains("142 Bytes"), listed.body());
        assertTrue(listed.body().contains("93e31154c364…"), listed.body());
        long documentId = api.get(hamburg, DocumentClient.path(id)).json().get(0).get("id").asLong();

        DocumentClient.Download download = documents.download(hamburg, DocumentClient.path(id) + "/" + documentId);
        assertArrayEquals(pdf, download.bytes());
        Page viaPage = browser.get(page(id) + "/documents/" + documentId);
        assertEquals(200, viaPage.status());
        assertTrue(viaPage.headers().firstValue("Content-Disposition").orElseThrow().startsWith("attachment; filename=\"bescheid.pdf\""));

        Page confirm = browser.get(page(id) + "/documents/" + documentId + "/withdraw");
        assertEquals(200, confirm.status());
        assertTrue(confirm.body().contains("<textarea id=\"reason\" name=\"reason\""), confirm.body());
        Page noReason = browser.post(page(id) + "/documents/" + documentId + "/withdraw", Map.of("reason", ""));
        assertEquals(422, noReason.status());
        assertTrue(noReason.body().contains("id=\"reason-error\""), noReason.body());
        Page withdrawn = browser.post(page(id) + "/documents/" + documentId + "/withdraw", Map.of("reason", "falscher Bescheid"));
        assertEquals(303, withdrawn.status(), withdrawn.body());
        Page after = browser.get(page(id));
        assertTrue(after.body().contains("zurückgezogen von " + hamburg.username()), after.body());
        assertTrue(after.body().contains("falscher Bescheid"), after.body());
        assertTrue(api.get(hamburg, DocumentClient.path(id)).json().get(0).get("withdrawn").asBoolean());
    }

    @Test
    void anUploadWithoutTheSessionsCsrfTokenIsRefusedAndStoresNothing() {
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        WebSession browser = loggedIn(hamburg);
        browser.get(page(id));
        Page missing = browser.postMultipart(page(id) + "/documents", new Multipart()
                .field("title", "ohne Token").field("subject", "APPLICATION").file("a.pdf", "application/pdf", SampleFiles.pdf()));
        assertEquals(403, missing.status());
        Page forged = browser.postMultipart(page(id) + "/documents", new Multipart().field("_csrf", "gefälscht")
                .field("title", "falscher Token").field("subject", "APPLICATION").file("a.pdf", "application/pdf", SampleFiles.pdf()));
        assertEquals(403, forged.status());
        assertEquals(0, api.get(hamburg, DocumentClient.path(id)).json().size());
    }

    @Test
    void aDisguisedFileIsShownAsAnErrorAtTheFileField() {
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        WebSession browser = loggedIn(hamburg);
        browser.get(page(id) + "?lang=en");
        Page refused = browser.postMultipart(page(id) + "/documents", new Multipart().field("_csrf", browser.csrf)
                .field("title", "Programm").field("subject", "APPLICATION").file("programm.pdf", "application/pdf", SampleFiles.exe()));
        assertEquals(415, refused.status(), refused.body());
        assertTrue(refused.body().contains("id=\"documentFile-error\""), refused.body());
        assertTrue(refused.body().contains("is application/x-msdownload by its content"), refused.body());
        assertTrue(refused.body().contains("value=\"Programm\""), refused.body());
        assertTrue(refused.body().contains("<h2 id=\"documents-heading\">Documents</h2>"), refused.body());
        assertEquals(0, api.get(hamburg, DocumentClient.path(id)).json().size());
    }

    @Test
    void financeSeesTheListButNoFormAndAnotherStateSeesNothing() {
        Account hamburg = api.applicant(StateCode.HH);
        long id = api.create(hamburg, api.application(StateCode.HH)).get("id").asLong();
        assertEquals(201, documents.upload(hamburg, id, new Multipart().field("title", "Anlage")
                .file("a.pdf", "application/pdf", SampleFiles.pdf())).status());
        long documentId = api.get(hamburg, DocumentClient.path(id)).json().get(0).get("id").asLong();

        WebSession finance = loggedIn(api.account(Role.FINANCE, null));
        Page seen = finance.get(page(id));
        assertTrue(seen.body().contains("a.pdf"), seen.body());
        assertFalse(seen.body().contains("enctype=\"multipart/form-data\""), seen.body());
        assertFalse(seen.body().contains("/withdraw\""), seen.body());
        assertEquals(200, finance.get(page(id) + "/documents/" + documentId).status());
        assertEquals(403, finance.postMultipart(page(id) + "/documents", new Multipart().field("_csrf", finance.csrf)
                .field("title", "x").field("subject", "APPLICATION").file("b.pdf", "application/pdf", SampleFiles.pdf())).status());

        WebSession bremen = loggedIn(api.account(Role.STATE, StateCode.HB));
        assertEquals(404, bremen.get(page(id) + "/documents/" + documentId).status());
        assertEquals(404, bremen.get(page(id) + "/documents/" + documentId + "/withdraw").status());
        assertEquals(1, api.get(hamburg, DocumentClient.path(id)).json().size());
    }
}
