package de.foerderregister.db;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A lost database answers 503 problems within seconds; requests never hang. */
@MicronautTest(transactional = false)
class DatabaseOutageTest {

    @Inject
    TestApi api;

    @Inject
    EmbeddedMariaDb embedded;

    @Test
    void requestsAnswer503QuicklyWhileTheDatabaseIsDown() throws Exception {
        Assumptions.assumeTrue(embedded.isRunning(), "stops the embedded database; the server run covers the rest");
        Account nw = api.account(Role.STATE, StateCode.NW);
        embedded.stop();

        for (String path : new String[]{"/api/applications", "/api/applications/1"}) {
            long started = System.nanoTime();
            Response response = api.get(nw, path);
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertEquals(503, response.status(), response.body());
            assertEquals("application/problem+json", response.contentType());
            assertEquals("5", response.header("Retry-After"));
            assertTrue(took.toSeconds() < 5, "answered after " + took);
        }
        Response write = api.post(nw, "/api/applications", api.application(StateCode.NW));
        assertEquals(503, write.status(), write.body());
    }
}
