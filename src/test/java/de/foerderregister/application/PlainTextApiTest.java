package de.foerderregister.application;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, finding 7: a lone surrogate in a title answered 409 ("conflicts with data already
 * stored") and U+202E was stored, so a title could read differently on screen than in the database.
 */
@MicronautTest(transactional = false)
class PlainTextApiTest {

    @Inject
    TestApi api;

    @Test
    void aLoneSurrogateIsRefusedAsInputNotAsAConflict() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        String json = """
                {"title":"Antrag \\ud800 %s","ownerState":"NW","type":"STANDARD","fundingSource":"DIGITALISATION_BUDGET",
                 "startDate":"2021-01-01","endDate":"2021-12-31","requestedAmount":"1000.00"}""".formatted(api.unique("x"));
        Response refused = api.sendBytes("POST", "/api/applications", nw.token(), json.getBytes(StandardCharsets.UTF_8),
                "application/json");
        assertEquals(422, refused.status(), refused.body());
        assertEquals("title", refused.json().get("errors").get(0).get("field").asText());
        assertTrue(refused.json().get("errors").get(0).get("message").asText().contains("unpaired surrogate"));
    }

    @Test
    void bidirectionalAndOtherControlCharactersAreRefusedInEveryFreeText() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        for (String hidden : new String[] {"\u202E", "\u2066", "\u200F", "\u0007"}) {
            Map<String, Object> title = api.application(StateCode.NW);
            title.put("title", "Antrag " + hidden + "gnudlemrenegnaA");
            assertRefused(api.post(nw, "/api/applications", title), "title");
            Map<String, Object> notes = api.application(StateCode.NW);
            notes.put("notes", "Anmerkung " + hidden);
            assertRefused(api.post(nw, "/api/applications", notes), "notes");
        }
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.NW);
        Map<String, Object> decision = api.decision("REJECTED", null);
        decision.put("body", "IT-Planungsrat\u202E");
        assertRefused(api.post(fitko, "/api/applications/" + id + "/decision", decision), "body");

        Map<String, Object> fine = api.application(StateCode.NW);
        fine.put("title", "Onlinezugang 😀 mit Zeilen\tund Umlauten äöü " + api.unique("ok"));
        fine.put("notes", "zwei\nZeilen");
        assertEquals(201, api.post(nw, "/api/applications", fine).status(), "emoji, tabs and line breaks are text");
    }

    private static void assertRefused(Response response, String field) {
        assertEquals(422, response.status(), response.body());
        assertEquals(field, response.json().get("errors").get(0).get("field").asText(), response.body());
    }
}
