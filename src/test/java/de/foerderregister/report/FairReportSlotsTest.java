package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 12, finding 7: one state user's burst of reports took both slots and every other user got
 * 503. Now a user renders one report at a time; their second answers 429 with Retry-After while
 * everyone else still gets a slot.
 */
@MicronautTest(transactional = false)
class FairReportSlotsTest {

    @Inject
    TestApi api;

    @Inject
    ReportRenderer renderer;

    @Test
    void aUsersSecondReportWaitsWhileOthersStillGetTheirs() throws Exception {
        Account busyUser = api.account(Role.FINANCE, null);
        Account otherUser = api.account(Role.FINANCE, null);
        Held held = new Held();
        CompletableFuture<ReportFile> running = CompletableFuture.supplyAsync(() -> renderer.render(
                new Caller(busyUser.username(), Role.FINANCE, null), "application-list", "held",
                Map.of(), held, ReportFormat.CSV, ';'));
        try {
            assertTrue(held.reached.await(60, TimeUnit.SECONDS), "the first report started rendering");
            for (int burst = 0; burst < 5; burst++) {
                Response second = api.get(busyUser, "/api/reports/budget-summary?format=pdf");
                assertEquals(429, second.status(), second.body());
                assertEquals("5", second.header("Retry-After"));
                assertEquals("application/problem+json", second.contentType());
                assertTrue(second.body().contains("\"code\":\"report.running\""), second.body());
            }
            Response other = api.get(otherUser, "/api/reports/budget-summary?format=pdf");
            assertEquals(200, other.status(), other.body());
        } finally {
            held.release.countDown();
        }
        Files.deleteIfExists(running.get(60, TimeUnit.SECONDS).path());
        assertEquals(200, api.get(busyUser, "/api/reports/budget-summary?format=pdf").status(), "free again once done");
    }

    /** Rows that keep the report rendering until released: a long report, without its data. */
    private static final class Held implements Iterator<Map<String, Object>> {

        final CountDownLatch reached = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public boolean hasNext() {
            reached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }

        @Override
        public Map<String, Object> next() {
            throw new NoSuchElementException();
        }
    }
}
