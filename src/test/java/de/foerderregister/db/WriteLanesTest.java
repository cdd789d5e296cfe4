package de.foerderregister.db;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.aggregates.AggregateCheck;
import de.foerderregister.aggregates.AggregateReport;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.StateCode;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.ChainVerification;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two registries writing at once in two lanes of one database, as two nodes of a Galera cluster
 * would: the second one's sessions have {@code auto_increment_offset} 2 ({@link OtherLane}). Each
 * writes only its own lane's rows — lane 2 creates and submits while lane 1's head and kept figures
 * are locked by someone else — and together they leave two intact chains, unique file numbers and
 * kept figures that add up to the GROUP BY over the rows.
 */
@MicronautTest(transactional = false)
class WriteLanesTest {

    private static final int THREADS = 6;
    private static final int EACH = 4;
    /** Smaller than what one lane draws here, so lane 2 takes several blocks and some meet in the middle. */
    private static final int BLOCK = 5;

    @Inject
    TestApi api;

    @Inject
    ApplicationService applications;

    @Inject
    AuditTrail audit;

    @Inject
    AggregateCheck aggregates;

    @Inject
    DatasourceConfiguration datasource;

    DataSource dataSource;

    @Inject
    void dataSource(DataSource contextual) {
        this.dataSource = DelegatingDataSource.unwrapDataSource(contextual);
    }

    @Test
    void twoLanesWriteAtOnceWithoutSharingARow() throws Exception {
        List<Account> accounts = List.of(api.account(Role.STATE, StateCode.SN), api.account(Role.STATE, StateCode.TH),
                api.account(Role.STATE, StateCode.ST));
        List<Long> laneOne = new ArrayList<>();
        // lane 1's rows of the groups lane 2 writes to exist, so that the lock below holds them
        for (Account account : accounts) {
            laneOne.add(submitted(account));
        }
        try (OtherLane second = new OtherLane(datasource, Map.of("registry.references.block-size", BLOCK))) {
            List<Long> laneTwo = new ArrayList<>(whileLaneOneIsLocked(() -> {
                List<Long> ids = new ArrayList<>();
                for (Account account : accounts) {
                    ids.add(second.submitted(account));
                }
                return ids;
            }));

            List<Callable<List<Long>>> writers = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                Account account = accounts.get(thread % accounts.size());
                writers.add(() -> repeat(() -> second.submitted(account)));
                writers.add(() -> repeat(() -> submitted(account)));
            }
            List<List<Long>> written = atOnce(writers);
            for (int i = 0; i < written.size(); i++) {
                (i % 2 == 0 ? laneTwo : laneOne).addAll(written.get(i));
            }

            assertEquals(Set.of(1), lanesOfEvents(laneOne), "lane 1's events");
            assertEquals(Set.of(OtherLane.SECOND), lanesOfEvents(laneTwo), "lane 2's events");
            assertEquals(Set.of(OtherLane.SECOND), longs("SELECT e.lane FROM audit_chain_head h JOIN audit_event e"
                    + " ON e.id = h.last_event_id WHERE h.lane = 2").stream().map(Long::intValue).collect(Collectors.toSet()),
                    "lane 2's head names one of its own events");
            List<Long> all = new ArrayList<>(laneOne);
            all.addAll(laneTwo);
            List<String> references = strings("SELECT reference FROM funding_application WHERE id IN (" + ids(all) + ")");
            assertEquals(all.size(), references.size());
            assertEquals(all.size(), new HashSet<>(references).size(), "every file number once: " + references);
            assertTrue(references.stream().allMatch(reference -> reference.matches(Year.now() + "-\\d{4,}")), references.toString());
            assertEquals(List.of(1L), longs("SELECT COUNT(*) FROM reference_block WHERE year = " + Year.now().getValue()
                    + " AND lane = 2"), "lane 2 draws from a block of its own");
            assertTrue(longs("SELECT COUNT(*) FROM summary_total WHERE lane = 2").get(0) > 0, "lane 2 keeps its own figures");

            ChainVerification chains = audit.verify();
            assertTrue(chains.intact(), chains.toString());
            ChainVerification seenFromLaneTwo = second.bean(AuditTrail.class).verify();
            assertTrue(seenFromLaneTwo.intact(), seenFromLaneTwo.toString());
            AggregateReport report = aggregates.verify(new Caller("lanes-admin", Role.ADMIN, null), false);
            assertTrue(report.consistent(), report.toString());
            for (Account account : accounts) {
                // the summary without asOf reads the kept figures: the sum of both lanes' rows
                JsonNode total = api.get(api.account(Role.FINANCE, null), "/api/reports/budget-summary?ownerState="
                        + account.state()).json().get("total");
                List<String> rows = strings("SELECT CONCAT(COUNT(*), ' ', SUM(requested_amount)) FROM funding_application"
                        + " WHERE owner_state = '" + account.state() + "'");
                assertEquals(rows, List.of(total.get("count").asText() + " " + new BigDecimal(total.get("requested").asText())
                        .setScale(2)), "the budget summary of " + account.state());
            }
        }
    }

    @Test
    void aLaneDealtToTheNodeAfterTheStartIsStartedByItsFirstWriter() throws Exception {
        Account account = api.account(Role.STATE, StateCode.BE);
        int lane = unusedLane();
        try (OtherLane later = new OtherLane(datasource, lane, Map.of())) {
            dealtAfterTheStart(lane);
            long id = later.submitted(account);
            assertEquals(Set.of(lane), lanesOfEvents(List.of(id)));
            assertEquals(List.of("0".repeat(64)), strings("SELECT previous_hash FROM audit_event WHERE lane = " + lane
                    + " ORDER BY id LIMIT 1"), "the lane's chain starts at the genesis hash");
            ChainVerification chains = audit.verify();
            assertTrue(chains.intact(), chains.toString());
        }
    }

    @Test
    void aRepairMayBeTheFirstWriteOfALaneDealtAfterTheStart() throws Exception {
        int lane = unusedLane();
        try (OtherLane later = new OtherLane(datasource, lane, Map.of())) {
            dealtAfterTheStart(lane);
            try (Connection connection = dataSource.getConnection(); PreparedStatement tamper = connection.prepareStatement(
                    "UPDATE summary_total SET paid = paid + 0.01 WHERE lane = 1 ORDER BY owner_state, type, funding_source, status,"
                            + " year LIMIT 1")) {
                assertEquals(1, tamper.executeUpdate());
            }
            // the repair runs in REPEATABLE READ: its locks must not keep it from starting its lane
            ExecutorService admin = Executors.newSingleThreadExecutor();
            try {
                AggregateReport repaired = admin.submit(() -> later.bean(AggregateCheck.class)
                        .verify(new Caller("lanes-admin", Role.ADMIN, null), true)).get(30, TimeUnit.SECONDS);
                assertTrue(repaired.repaired(), repaired.toString());
            } finally {
                admin.shutdown();
                assertTrue(admin.awaitTermination(180, TimeUnit.SECONDS));
            }
            assertEquals(List.of("AGGREGATES_REPAIRED"), strings("SELECT action FROM audit_event WHERE lane = " + lane));
            ChainVerification chains = audit.verify();
            assertTrue(chains.intact(), chains.toString());
            assertTrue(aggregates.verify(new Caller("lanes-admin", Role.ADMIN, null), false).consistent());
        }
    }

    /** A lane no earlier run used: the database outlives the runs. */
    private int unusedLane() throws SQLException {
        return Math.toIntExact(longs("SELECT MAX(lane) + 1 FROM audit_chain_head").get(0));
    }

    /** As if the cluster's membership changed after the start, dealing the node a lane that is not there yet. */
    private void dealtAfterTheStart(int lane) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement(
                     "DELETE FROM audit_chain_head WHERE lane = ? AND last_event_id IS NULL")) {
            delete.setInt(1, lane);
            assertEquals(1, delete.executeUpdate(), "the instance started its lane");
        }
    }

    /**
     * After a failover one pool can hold connections on two nodes (Galera scenario, 83 answers 500): the
     * writer's transaction was on a node whose lane had no head yet, the lane's start ran on another pooled
     * connection, on the other node, and started that node's lane instead. The writer's own lane is
     * started now, whatever node the starting connection is on.
     */
    @Test
    void aPoolOnTwoNodesStartsTheLaneOfTheWritersNode(TransactionOperations<Connection> transactions) throws Exception {
        Account account = api.account(Role.STATE, StateCode.BE);
        Caller caller = new Caller(account.username(), account.role(), account.state());
        int lane = Math.toIntExact(longs("SELECT MAX(lane) + 1 FROM audit_chain_head").get(0));
        long id = transactions.executeWrite(status -> {
            Connection connection = status.getConnection();
            // this transaction's connection is on the new node; every other pooled connection stays in lane 1
            try (var onNewNode = connection.createStatement()) {
                onNewNode.execute("SET SESSION auto_increment_offset = " + lane);
            }
            try {
                return applications.create(caller, OtherLane.command(account)).id();
            } finally {
                try (var back = connection.createStatement()) {
                    back.execute("SET SESSION auto_increment_offset = DEFAULT");
                }
            }
        });
        assertEquals(Set.of(lane), lanesOfEvents(List.of(id)));
        assertEquals(List.of("0".repeat(64)), strings("SELECT previous_hash FROM audit_event WHERE lane = " + lane
                + " ORDER BY id LIMIT 1"), "the writer's lane started at the genesis hash");
        ChainVerification chains = audit.verify();
        assertTrue(chains.intact(), chains.toString());
    }

    /**
     * Runs lane 2's writes while another transaction holds lane 1's audit head and kept summary rows: a
     * write of lane 2 touching one of them would wait for it, and the writes would not end in time.
     */
    private <T> T whileLaneOneIsLocked(Callable<T> laneTwoWrites) throws Exception {
        try (Connection blocker = dataSource.getConnection()) {
            // the registry's own isolation: no gap locks, only the rows named are held
            blocker.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            blocker.setAutoCommit(false);
            assertEquals(1, lock(blocker, "SELECT lane FROM audit_chain_head WHERE lane = 1 FOR UPDATE"));
            assertTrue(lock(blocker, "SELECT lane FROM summary_total WHERE lane = 1 FOR UPDATE") > 0);
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<T> written = writer.submit(laneTwoWrites);
                return written.get(30, TimeUnit.SECONDS);
            } finally {
                blocker.rollback();
                writer.shutdown();
                assertTrue(writer.awaitTermination(120, TimeUnit.SECONDS));
            }
        }
    }

    private long submitted(Account account) {
        Caller caller = new Caller(account.username(), account.role(), account.state());
        long id = applications.create(caller, OtherLane.command(account)).id();
        applications.submit(caller, id, null);
        return id;
    }

    private static List<Long> repeat(Callable<Long> write) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < EACH; i++) {
            ids.add(write.call());
        }
        return ids;
    }

    private static <T> List<T> atOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get(120, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private Set<Integer> lanesOfEvents(Collection<Long> applicationIds) throws SQLException {
        return longs("SELECT DISTINCT lane FROM audit_event WHERE application_id IN (" + ids(applicationIds) + ")").stream()
                .map(Long::intValue).collect(Collectors.toSet());
    }

    private static String ids(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private static int lock(Connection connection, String sql) throws SQLException {
        int rows = 0;
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet result = select.executeQuery()) {
            while (result.next()) {
                rows++;
            }
        }
        return rows;
    }

    private List<Long> longs(String sql) throws SQLException {
        return strings(sql).stream().map(Long::valueOf).toList();
    }

    private List<String> strings(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(sql);
             ResultSet result = select.executeQuery()) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(1));
            }
            return values;
        }
    }
}
