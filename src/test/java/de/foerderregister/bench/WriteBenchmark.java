package de.foerderregister.bench;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.AnnualPlanEntry;
import de.foerderregister.application.ApplicationCommand;
import de.foerderregister.application.ApplicationService;
import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.db.DatabaseAdmin;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserService;
import de.foerderregister.security.UserUpdateCommand;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Creating applications from {@value #CLIENTS} concurrent clients, next to the database's own speed
 * for the same rows. Run with {@code ./mvnw -Pbench test -Dtest=WriteBenchmark} (embedded database in
 * target/bench-home, or the server named by DATASOURCES_DEFAULT_URL).
 *
 * <p>Three sides, each for {@code bench.write.seconds} per round, interleaved over {@code bench.write.rounds}
 * rounds after a warm-up of each: {@code POST /api/applications} over HTTP with real tokens of STATE
 * users of 16 states; the same creates by 16 threads calling {@link ApplicationService} directly (the
 * write without HTTP, token and JSON); and the ceiling, 16 JDBC threads writing the rows a create
 * writes (the counter update, the application, its plan lines, its year split, its audit event), each
 * application in a transaction of its own, into copies of those tables. Afterwards every 201 must be
 * stored with one audit event, every reference unique, and the audit chain must verify. Lock waits
 * (sampled from InnoDB) and the CPU used are printed per side. {@link #decisionMailingTwentyUsers}
 * measures what the outbox rows of a decision add to it.
 */
@MicronautTest(transactional = false)
class WriteBenchmark {

    private static final int CLIENTS = 16;
    private static final int SECONDS = Integer.getInteger("bench.write.seconds", 10);
    private static final int WARM_UP = Integer.getInteger("bench.write.warm-up", 5);
    private static final int ROUNDS = Integer.getInteger("bench.write.rounds", 3);
    private static final int DECISIONS = Integer.getInteger("bench.write.decisions", 60);
    private static final int DECISION_WARM_UP = 10;

    @Inject
    TestApi api;
    @Inject
    ApplicationService applications;
    @Inject
    DatabaseAdmin admin;
    @Inject
    DatasourceConfiguration datasource;
    @Inject
    UserService users;

    DataSource database;

    @Inject
    void database(DataSource contextual) {
        database = DelegatingDataSource.unwrapDataSource(contextual);
    }

    @Test
    void createsFromSixteenClients() throws Exception {
        String marker = api.unique("Schreiblast");
        List<Account> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            clients.add(api.account(Role.STATE, StateCode.values()[client]));
        }
        Map<String, Integer> answers = new ConcurrentHashMap<>();
        Creator overHttp = (client, sequence) -> {
            Account account = clients.get(client);
            Response created = api.post(account, "/api/applications",
                    Draft.of(marker + "-http", client, sequence).body());
            answers.merge(String.valueOf(created.status()), 1, Integer::sum);
            return created.status() == 201;
        };
        Creator inService = (client, sequence) -> {
            Account account = clients.get(client);
            applications.create(new Caller(account.username(), Role.STATE, account.state()),
                    Draft.of(marker + "-service", client, sequence).command());
            return true;
        };
        String changes = anAuditedCreate(overHttp);

        List<String> order = List.of("ceiling", "http", "service");
        Map<String, List<Load>> loads = new LinkedHashMap<>();
        Map<String, LockWaits> waits = new LinkedHashMap<>();
        try (Ceiling ceiling = new Ceiling(database, datasource, changes)) {
            Map<String, Creator> sides = Map.of("ceiling", ceiling, "http", overHttp, "service", inService);
            for (String side : order) {
                load(sides.get(side), WARM_UP, null);
            }
            for (int round = 0; round < ROUNDS; round++) {
                for (String side : order) {
                    LockWaits sampled = waits.computeIfAbsent(side, s -> new LockWaits());
                    try (Connection watcher = admin.connect("information_schema")) {
                        loads.computeIfAbsent(side, s -> new ArrayList<>()).add(load(sides.get(side), SECONDS,
                                running -> sampled.sample(watcher, running)));
                    }
                }
            }
            long[] ceilingRows = ceiling.storedAndDistinct();
            assertEquals(ceilingRows[0], ceilingRows[1], "the ceiling's references are unique");
        }

        Response verification = api.get(api.account(Role.FITKO, null), "/api/audit/verify");
        Load ceilingLoad = median(loads.get("ceiling"));
        List<String> table = new ArrayList<>(List.of("",
                String.format("%-50s %8s %8s %7s %7s %8s", "creates, " + CLIENTS + " clients, " + ROUNDS + " × " + SECONDS
                        + " s (median round)", "per s", "p99 ms", "ratio", "JVM cpu", "host cpu"),
                line("POST /api/applications (HTTP, tokens, JSON)", median(loads.get("http")), ceilingLoad),
                line("ApplicationService.create, 16 threads", median(loads.get("service")), ceilingLoad),
                line("ceiling: plain INSERTs of the same rows, 16 JDBC", ceilingLoad, ceilingLoad),
                "  HTTP answers: " + new TreeMap<>(answers) + "; audit chain: " + verification.body(),
                "  lock waits, mean waiting transactions per sample:"));
        waits.forEach((side, sampled) -> table.add("    " + side + ": " + sampled.summary()));
        table.add("");
        System.out.println(String.join("\n", table));

        long created = answers.getOrDefault("201", 0);
        assertEquals(created, count("SELECT COUNT(*) FROM funding_application WHERE title LIKE ?", marker + "-http-%"),
                "every 201 is stored");
        long stored = count("SELECT COUNT(*) FROM funding_application WHERE title LIKE ?", marker + "-%");
        assertEquals(stored, count("SELECT COUNT(DISTINCT reference) FROM funding_application WHERE title LIKE ?", marker + "-%"),
                "every reference is unique");
        assertEquals(stored, count("""
                SELECT COUNT(*) FROM audit_event e JOIN funding_application a ON a.id = e.application_id
                 WHERE a.title LIKE ? AND e.action = 'CREATED'""", marker + "-%"), "every application has its audit event");
        assertEquals(200, verification.status(), verification::toString);
        assertTrue(verification.json().get("intact").asBoolean(), verification::toString);
    }

    /**
     * What the mails of a decision add to it: approvals of applications of a state with 20 users with
     * an address (20 outbox rows in the decision's transaction) against approvals of a state whose users
     * have none, alternating, median ms per decision.
     */
    @Test
    void decisionMailingTwentyUsers() {
        Caller admin = new Caller("bench-admin", Role.ADMIN, null);
        // a kept database has the users of earlier runs: only as many new ones as make 20
        long addressed = count("SELECT COUNT(*) FROM user_account WHERE state_code = ? AND email IS NOT NULL", StateCode.HB.name());
        for (long i = addressed; i < 20; i++) {
            Account user = api.account(Role.STATE, StateCode.HB);
            users.update(admin, user.username(), new UserUpdateCommand(null, null, null, user.username() + "@example.org",
                    i % 2 == 0 ? "de" : "en"));
        }
        Account fitko = api.account(Role.FITKO, null);
        int year = api.unusedYears(1);
        List<Long> told = new ArrayList<>();
        List<Long> untold = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            told.add(api.filed(api.application(StateCode.HB, year, year, "1011500.00")));
            untold.add(api.filed(api.application(StateCode.SL, year, year, "1011500.00")));
        }
        List<Double> toldMs = new ArrayList<>();
        List<Double> untoldMs = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            toldMs.add(decide(fitko, told.get(i)));
            untoldMs.add(decide(fitko, untold.get(i)));
        }
        long mails = mails(told.get(0));
        assertTrue(mails >= 20, "the decision wrote a mail per user of the state: " + mails);
        for (long id : told) {
            assertEquals(mails, mails(id), "every decision wrote the same mails");
        }
        for (long id : untold) {
            assertEquals(0, mails(id), "nobody of the other state has an address");
        }
        double withMails = medianMs(toldMs.subList(DECISION_WARM_UP, DECISIONS));
        double without = medianMs(untoldMs.subList(DECISION_WARM_UP, DECISIONS));
        System.out.println(String.join("\n", "",
                String.format("%-58s %10s %10s %8s", "decision, sequential, " + (DECISIONS - DECISION_WARM_UP)
                        + " each (median ms)", mails + " mails", "no mail", "ratio"),
                String.format("%-58s %10.1f %10.1f %8.2f", "POST /api/applications/{id}/decision", withMails, without,
                        withMails / without), ""));
    }

    private long mails(long applicationId) {
        return count("SELECT COUNT(*) FROM outbox_message WHERE application_id = ? AND kind = 'APPLICATION_DECIDED'",
                String.valueOf(applicationId));
    }

    private double decide(Account fitko, long id) {
        long started = System.nanoTime();
        Response decided = api.post(fitko, "/api/applications/" + id + "/decision", api.decision("APPROVED", "1011500.00"));
        double ms = (System.nanoTime() - started) / 1e6;
        assertEquals(200, decided.status(), decided::toString);
        return ms;
    }

    private static double medianMs(List<Double> times) {
        List<Double> sorted = new ArrayList<>(times);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    /** One create of a side: true when it was stored; an exception is a failure of the benchmark. */
    private interface Creator {
        boolean create(int client, int sequence) throws Exception;
    }

    /**
     * Creates/s and p99 of the creates that ended in the window, and the cores busy meanwhile: this
     * JVM's (registry and load generator alike) and the whole machine's (NaN where /proc/stat is missing).
     */
    private record Load(long creates, double perSecond, double p99Ms, double jvmCores, double machineCores) {
    }

    /** Watches a side while it runs, on the benchmark's own thread, until {@code running} turns false. */
    private interface Watcher {
        void watch(AtomicBoolean running) throws Exception;
    }

    /**
     * Runs the side from {@value #CLIENTS} threads for {@code seconds}; answers what it stored. Any
     * exception stops the benchmark: a side that fails measures nothing.
     */
    private static Load load(Creator side, int seconds, Watcher watcher) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(CLIENTS);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong stored = new AtomicLong();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> clients = new ArrayList<>();
            Cpu cpuBefore = Cpu.now();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (int client = 0; client < CLIENTS; client++) {
                int id = client;
                clients.add(threads.submit(() -> {
                    try {
                        for (int sequence = 0; running.get(); sequence++) {
                            long before = System.nanoTime();
                            boolean ok = side.create(id, sequence);
                            long after = System.nanoTime();
                            if (after > end) {
                                running.set(false);
                            } else if (ok) {
                                stored.incrementAndGet();
                                latencies.add(after - before);
                            }
                        }
                    } finally {
                        // one failing client stops them all
                        running.set(false);
                    }
                    return null;
                }));
            }
            if (watcher != null) {
                watcher.watch(running);
            }
            for (Future<?> client : clients) {
                client.get();
            }
            Cpu cpuAfter = Cpu.now();
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            double p99 = sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * 0.99) - 1) / 1e6;
            return new Load(stored.get(), stored.get() / (double) seconds, p99, cpuAfter.jvmCoresSince(cpuBefore),
                    cpuAfter.machineCoresSince(cpuBefore));
        } finally {
            running.set(false);
            threads.shutdownNow();
        }
    }

    /** The round of median rate, with the median p99 of all rounds. */
    private static Load median(List<Load> rounds) {
        List<Load> byRate = new ArrayList<>(rounds);
        byRate.sort((a, b) -> Double.compare(a.perSecond(), b.perSecond()));
        List<Double> p99s = new ArrayList<>(rounds.stream().map(Load::p99Ms).toList());
        Collections.sort(p99s);
        Load middle = byRate.get(byRate.size() / 2);
        return new Load(middle.creates(), middle.perSecond(), p99s.get(p99s.size() / 2), middle.jvmCores(),
                middle.machineCores());
    }

    private static String line(String name, Load load, Load ceiling) {
        return String.format("%-50s %8.0f %8.1f %7.3f %7.2f %8.2f", name, load.perSecond(), load.p99Ms(),
                load.perSecond() / ceiling.perSecond(), load.jvmCores(), load.machineCores());
    }

    /** CPU time used so far: this JVM's, and the machine's busy and total jiffies from /proc/stat (-1 without it). */
    private record Cpu(long wallNanos, long jvmNanos, long machineBusy, long machineAll) {

        static Cpu now() {
            long jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            long busy = -1;
            long all = -1;
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                all = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    all += Long.parseLong(fields[i]);
                }
                // user nice system idle iowait irq softirq steal: idle and iowait are not busy
                busy = all - Long.parseLong(fields[4]) - Long.parseLong(fields[5]);
            } catch (IOException | RuntimeException e) {
                // not Linux: the machine's share stays unknown
            }
            return new Cpu(System.nanoTime(), jvm, busy, all);
        }

        double jvmCoresSince(Cpu before) {
            return (jvmNanos - before.jvmNanos) / (double) (wallNanos - before.wallNanos);
        }

        double machineCoresSince(Cpu before) {
            if (machineAll < 0 || machineAll == before.machineAll) {
                return Double.NaN;
            }
            return Runtime.getRuntime().availableProcessors() * (machineBusy - before.machineBusy)
                    / (double) (machineAll - before.machineAll);
        }
    }

    /** One create over HTTP; answers the changes its audit event recorded, for the ceiling's events of the same size. */
    private String anAuditedCreate(Creator overHttp) throws Exception {
        assertTrue(overHttp.create(0, -1));
        try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
             ResultSet event = sql.executeQuery("SELECT changes FROM audit_event WHERE action = 'CREATED' ORDER BY id DESC LIMIT 1")) {
            assertTrue(event.next());
            return event.getString(1);
        }
    }

    private long count(String query, String argument) {
        try (Connection connection = database.getConnection(); PreparedStatement sql = connection.prepareStatement(query)) {
            sql.setString(1, argument);
            try (ResultSet result = sql.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The n-th application of a client, of the client's state: the type, funding source, runtime (one to three years from
     * 2023), amount and whether it has an annual plan vary, so the year splits vary too.
     */
    private record Draft(String title, StateCode state, ApplicationType type, FundingSource source, LocalDate start, LocalDate end,
                         BigDecimal amount, boolean planned, String notes) {

        static Draft of(String marker, int client, int sequence) {
            int n = Math.abs(sequence);
            int firstYear = 2023 + n % 3;
            int years = 1 + (n / 3) % 3;
            BigDecimal amount = new BigDecimal(100_000 + (n % 997) * 1_000 + client).setScale(2, RoundingMode.UNNECESSARY);
            return new Draft(marker + "-" + client + "-" + sequence, StateCode.values()[client], ApplicationType.values()[n % 2],
                    FundingSource.values()[(n / 2) % 2], LocalDate.of(firstYear, 1, 1), LocalDate.of(firstYear + years - 1, 12, 31),
                    amount, n % 2 == 0, n % 4 == 0 ? null : "Umfang des Projekts wird um Mehrwertsteuer erhöht");
        }

        /** The amount over the runtime's years, the rest in the last year. */
        Map<Integer, BigDecimal> years() {
            Map<Integer, BigDecimal> years = new TreeMap<>();
            int count = end.getYear() - start.getYear() + 1;
            BigDecimal part = amount.divide(BigDecimal.valueOf(count), 2, RoundingMode.DOWN);
            for (int year = start.getYear(); year < end.getYear(); year++) {
                years.put(year, part);
            }
            years.put(end.getYear(), amount.subtract(part.multiply(BigDecimal.valueOf(count - 1))));
            return years;
        }

        List<AnnualPlanEntry> plan() {
            return planned ? years().entrySet().stream().map(year -> new AnnualPlanEntry(year.getKey(), year.getValue())).toList()
                    : null;
        }

        ApplicationCommand command() {
            return new ApplicationCommand(title, state, type, source, start, end, amount, plan(), notes);
        }

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("title", title);
            body.put("ownerState", state.name());
            body.put("type", type.name());
            body.put("fundingSource", source.name());
            body.put("startDate", start.toString());
            body.put("endDate", end.toString());
            body.put("requestedAmount", amount.toPlainString());
            if (planned) {
                body.put("annualPlan", years().entrySet().stream()
                        .map(year -> Map.of("year", year.getKey(), "amount", year.getValue().toPlainString())).toList());
            }
            if (notes != null) {
                body.put("notes", notes);
            }
            return body;
        }
    }

    /**
     * The ceiling: each create in a transaction of its own, as few statements as plain SQL needs — the
     * counter row drawn (and held to the commit, as the registry holds it), the application, its plan
     * lines and its year split each as one INSERT, the audit event, the commit — into copies of the
     * registry's tables with the same columns, indexes and foreign keys, dropped afterwards. One
     * connection per thread, opened once, as a pool hands them out.
     */
    private static final class Ceiling implements Creator, AutoCloseable {

        /** The tables a create writes, parents first; the copies are named {@code ceiling_<table>}. */
        private static final List<String> TABLES = List.of("reference_counter", "funding_application", "annual_plan_line",
                "year_allocation", "audit_event");

        private final DataSource database;
        private final DatasourceConfiguration datasource;
        /** A real create's audit changes: the ceiling's events are as long. */
        private final String changes;
        private final Map<Integer, Connection> connections = new ConcurrentHashMap<>();

        Ceiling(DataSource database, DatasourceConfiguration datasource, String changes) throws SQLException {
            this.database = database;
            this.datasource = datasource;
            this.changes = changes;
            drop();
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
                for (String table : TABLES) {
                    sql.execute("CREATE TABLE ceiling_" + table + " LIKE " + table);
                }
                // CREATE TABLE … LIKE leaves out foreign keys; the registry's rows pay for theirs
                for (String child : TABLES.subList(2, TABLES.size())) {
                    sql.execute("ALTER TABLE ceiling_" + child + " ADD CONSTRAINT fk_ceiling_" + child
                            + " FOREIGN KEY (application_id) REFERENCES ceiling_funding_application (id)");
                }
                sql.execute("INSERT INTO ceiling_reference_counter (year, last_value) VALUES (2026, 0)");
            }
        }

        @Override
        public boolean create(int client, int sequence) throws SQLException {
            Connection connection = connections.get(client);
            if (connection == null) {
                // connections of its own: the registry's pool has fewer than there are threads
                connection = DriverManager.getConnection(datasource.getJdbcUrl(), datasource.getUsername(),
                        datasource.getPassword() == null ? "" : datasource.getPassword());
                connection.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
                connection.setAutoCommit(false);
                connections.put(client, connection);
            }
            try {
                write(connection, Draft.of("ceiling", client, sequence));
                connection.commit();
                return true;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }

        private void write(Connection connection, Draft draft) throws SQLException {
            try (Statement sql = connection.createStatement()) {
                sql.executeUpdate("UPDATE ceiling_reference_counter SET last_value = last_value + 1 WHERE year = 2026");
            }
            long id;
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ceiling_funding_application (reference, title, owner_state, type, funding_source, start_date,
                        end_date, requested_amount, approved_amount, status, notes, created_by, created_at, updated_at, version)
                    SELECT CONCAT(year, '-', LPAD(last_value, GREATEST(4, CHAR_LENGTH(last_value)), '0')), ?, ?, ?, ?, ?, ?, ?, NULL, 'DRAFT', ?, 'ceiling', ?, ?, 0
                      FROM ceiling_reference_counter WHERE year = 2026""",
                    Statement.RETURN_GENERATED_KEYS)) {
                Timestamp now = Timestamp.from(Instant.now());
                insert.setString(1, draft.title());
                insert.setString(2, draft.state().name());
                insert.setString(3, draft.type().name());
                insert.setString(4, draft.source().name());
                insert.setObject(5, draft.start());
                insert.setObject(6, draft.end());
                insert.setBigDecimal(7, draft.amount());
                insert.setString(8, draft.notes());
                insert.setTimestamp(9, now);
                insert.setTimestamp(10, now);
                insert.executeUpdate();
                try (ResultSet key = insert.getGeneratedKeys()) {
                    key.next();
                    id = key.getLong(1);
                }
            }
            if (draft.planned()) {
                years(connection, "INSERT INTO ceiling_annual_plan_line (application_id, year, amount) VALUES ", "(?, ?, ?)", draft, id);
            }
            years(connection, "INSERT INTO ceiling_year_allocation (application_id, year, requested, approved, carried) VALUES ",
                    "(?, ?, ?, 0, 0)", draft, id);
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO ceiling_audit_event (application_id, occurred_at, actor, actor_role, action, changes,
                        key_id, previous_hash, hash) VALUES (?, ?, 'ceiling', 'STATE', 'CREATED', ?, 'k1', ?, ?)""")) {
                insert.setLong(1, id);
                insert.setTimestamp(2, Timestamp.from(Instant.now()));
                insert.setString(3, changes);
                insert.setString(4, "0".repeat(64));
                insert.setString(5, "f".repeat(64));
                insert.executeUpdate();
            }
        }

        /** One multi-row INSERT of a row per year of the draft's runtime. */
        private static void years(Connection connection, String insert, String row, Draft draft, long id) throws SQLException {
            Map<Integer, BigDecimal> years = draft.years();
            try (PreparedStatement statement = connection.prepareStatement(
                    insert + String.join(", ", Collections.nCopies(years.size(), row)))) {
                int i = 1;
                for (Map.Entry<Integer, BigDecimal> year : years.entrySet()) {
                    statement.setLong(i++, id);
                    statement.setInt(i++, year.getKey());
                    statement.setBigDecimal(i++, year.getValue());
                }
                statement.executeUpdate();
            }
        }

        /** How many applications the ceiling stored, and whether their references are unique. */
        long[] storedAndDistinct() throws SQLException {
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement();
                 ResultSet counts = sql.executeQuery("SELECT COUNT(*), COUNT(DISTINCT reference) FROM ceiling_funding_application")) {
                counts.next();
                return new long[] {counts.getLong(1), counts.getLong(2)};
            }
        }

        private void drop() throws SQLException {
            try (Connection connection = database.getConnection(); Statement sql = connection.createStatement()) {
                List<String> children = new ArrayList<>(TABLES);
                Collections.reverse(children);
                for (String table : children) {
                    sql.execute("DROP TABLE IF EXISTS ceiling_" + table);
                }
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : connections.values()) {
                connection.close();
            }
            drop();
        }
    }

    /**
     * Samples InnoDB's lock waits while a side runs (the administrator sees every session's): how many
     * transactions wait, on average, and for which table's locks.
     */
    private static final class LockWaits {

        private final Map<String, Long> waitsByTable = new TreeMap<>();
        private long samples;

        void sample(Connection watcher, AtomicBoolean running) throws SQLException, InterruptedException {
            try (Statement sql = watcher.createStatement()) {
                while (running.get()) {
                    samples++;
                    try (ResultSet waits = sql.executeQuery("""
                            SELECT l.lock_table, COUNT(DISTINCT w.requesting_trx_id) FROM information_schema.innodb_lock_waits w
                              JOIN information_schema.innodb_locks l ON l.lock_id = w.requested_lock_id
                             GROUP BY l.lock_table""")) {
                        while (waits.next()) {
                            waitsByTable.merge(waits.getString(1), waits.getLong(2), Long::sum);
                        }
                    }
                    // InnoDB refreshes these tables at most every 100 ms
                    Thread.sleep(150);
                }
            }
        }

        String summary() {
            List<String> tables = new ArrayList<>();
            waitsByTable.forEach((table, waits) -> tables.add(String.format("%s %.2f", table, waits / (double) samples)));
            return samples + " samples, " + (tables.isEmpty() ? "none waiting" : String.join(", ", tables));
        }
    }
}
