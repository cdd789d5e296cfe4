package de.foerderregister.db;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real deadlock (error 1213) between a decision and another transaction: the database rolls the
 * decision back, the registry runs it again, and the client sees one success and one decision.
 */
@MicronautTest(transactional = false)
class ConflictRetriesTest {

    @Inject
    TestApi api;

    @Inject
    MeterRegistry meters;

    @Inject
    DatabaseAdmin admin;

    DataSource plain;

    @Inject
    void dataSource(DataSource contextual) {
        plain = DelegatingDataSource.unwrapDataSource(contextual);
    }

    @Test
    void aDecisionChosenAsDeadlockVictimIsRunAgainAndSucceeds() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.submitted(StateCode.RP);
        double retriesBefore = meters.counter("registry.transaction.retries").count();

        try (Connection rival = plain.getConnection()) {
            rival.setAutoCommit(false);
            try (Statement sql = rival.createStatement()) {
                // heavier than the decision, so InnoDB picks the decision as the victim
                sql.executeUpdate("INSERT INTO login_attempt (bucket, window_start, attempts) SELECT SHA2(CONCAT('rival-', UUID(), seq), 256), NOW(6), 0 FROM seq_1_to_500");
                // the audit chain's head, which the decision takes last
                sql.executeQuery("SELECT last_hash FROM audit_chain_head WHERE lane = 1 FOR UPDATE").close();
            }
            CompletableFuture<Response> decision = CompletableFuture.supplyAsync(() ->
                    api.post(fitko, "/api/applications/" + id + "/decision", api.decision("APPROVED", "1011500.00")));
            awaitLockWait(decision);
            // the application row, which the waiting decision holds: a cycle, so a deadlock
            try (PreparedStatement lock = rival.prepareStatement("SELECT id FROM funding_application WHERE id = ? FOR UPDATE")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            // the decision now waits again, for its retry; letting go completes it
            awaitLockWait(decision);
            rival.rollback();
            Response answered = decision.get(30, TimeUnit.SECONDS);
            assertEquals(200, answered.status(), answered.body());
            assertEquals("APPROVED", answered.json().get("status").asText());
        }
        assertTrue(meters.counter("registry.transaction.retries").count() > retriesBefore, "the decision was run again");
        assertEquals(1, api.get(fitko, "/api/applications/" + id + "/decisions").json().size());
        assertTrue(api.get(fitko, "/api/audit/verify").json().get("intact").asBoolean());
    }

    /** Other sessions' transactions are the administrator's to see (PROCESS), not the registry user's. */
    private void awaitLockWait(CompletableFuture<Response> decision) throws SQLException, InterruptedException {
        try (Connection watcher = admin.connect("information_schema"); Statement sql = watcher.createStatement()) {
            // InnoDB refreshes this table at most every 100 ms, and only when it is read less often than that
            for (int i = 0; i < 200; i++) {
                try (ResultSet waiting = sql.executeQuery(
                        "SELECT COUNT(*) FROM information_schema.innodb_trx WHERE trx_state = 'LOCK WAIT'")) {
                    waiting.next();
                    if (waiting.getInt(1) > 0) {
                        return;
                    }
                }
                Thread.sleep(150);
            }
        }
        throw new AssertionError("the decision never waited for a lock; it answered "
                + (decision.isDone() ? decision.join() : "nothing yet"));
    }
}
