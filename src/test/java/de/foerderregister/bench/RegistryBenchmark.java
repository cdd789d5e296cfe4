package de.foerderregister.bench;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.report.BudgetStatusRepository;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import de.foerderregister.security.UserService;
import de.foerderregister.security.UserUpdateCommand;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The registry side by side with the same work done straight on MariaDB. Run with
 * {@code ./mvnw -Pbench test -Dbench.applications=100000} (embedded database in target/bench-home,
 * or the server named by DATASOURCES_DEFAULT_URL). Seeds the applications with annual plans,
 * decisions and amendments by bulk SQL, then prints medians and ratios.
 */
@MicronautTest(transactional = false)
class RegistryBenchmark {

    private static final int APPLICATIONS = Integer.getInteger("bench.applications", 10_000);
    private static final int RUNS = Integer.getInteger("bench.runs", 7);
    private static final int DECISIONS = 60;
    private static final int CONNECTIONS = 64;
    private static final int WRK_SECONDS = Integer.getInteger("bench.wrk.seconds", 10);
    private static final int WRK_WARM_UP = 5;

    @Inject
    TestApi api;
    @Inject
    UserService users;

    @Inject
    EmbeddedServer server;

    DataSource database;
    Measure measure;

    @Inject
    void database(DataSource contextual) {
        database = DelegatingDataSource.unwrapDataSource(contextual);
        measure = new Measure(database, RUNS);
    }

    @Test
    void registryAgainstRawSql() throws Exception {
        long seeded = seed();
        Account finance = api.account(Role.FINANCE, null);
        Account fitko = api.account(Role.FITKO, null);
        List<String> table = new ArrayList<>();
        table.add(String.format("%-52s %12s %12s %8s", "measure (" + seeded + " applications)", "registry", "raw SQL", "ratio"));

        double summaryHttp = measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-summary").status()));
        double summarySql = measure.median(() -> measure.sql("""
                SELECT owner_state, type, COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0))
                  FROM funding_application GROUP BY owner_state, type""",
                "SELECT funding_source, COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0)) FROM funding_application GROUP BY funding_source",
                "SELECT COUNT(*), SUM(requested_amount), SUM(COALESCE(approved_amount, 0)) FROM funding_application",
                "SELECT year, COUNT(*), SUM(requested), SUM(approved) FROM year_allocation GROUP BY year",
                // paid, per breakdown as the summary reads it: payments and repayments of the applications
                """
                SELECT a.owner_state, a.type, SUM(p.amount) FROM payment p JOIN funding_application a ON a.id = p.application_id
                 WHERE p.status = 'PAID' GROUP BY a.owner_state, a.type""", """
                SELECT a.funding_source, SUM(p.amount) FROM payment p JOIN funding_application a ON a.id = p.application_id
                 WHERE p.status = 'PAID' GROUP BY a.funding_source""",
                "SELECT SUM(amount) FROM payment WHERE status = 'PAID'",
                "SELECT SUM(amount) FROM repayment",
                "SELECT year, SUM(paid) FROM payment_total GROUP BY year"));
        table.add(row("budget summary JSON (median ms)", summaryHttp, summarySql));

        String list = "/api/applications?ownerState=NW&status=SUBMITTED&q=Projekt%2012&sort=requestedAmount,desc&size=20";
        double listHttp = measure.median(() -> Measure.ok(api.get(fitko, list).status()));
        double listSql = measure.median(() -> measure.sql("""
                SELECT * FROM funding_application WHERE owner_state = 'NW' AND status = 'SUBMITTED'
                   AND (title LIKE '%Projekt 12%' OR reference LIKE '%Projekt 12%')
                 ORDER BY requested_amount DESC, id DESC LIMIT 20""", """
                SELECT COUNT(*) FROM funding_application WHERE owner_state = 'NW' AND status = 'SUBMITTED'
                   AND (title LIKE '%Projekt 12%' OR reference LIKE '%Projekt 12%')""", """
                SELECT p.* FROM annual_plan_line p JOIN (SELECT id FROM funding_application WHERE owner_state = 'NW'
                   AND status = 'SUBMITTED' AND (title LIKE '%Projekt 12%' OR reference LIKE '%Projekt 12%')
                   ORDER BY requested_amount DESC, id DESC LIMIT 20) page ON page.id = p.application_id"""));
        table.add(row("list page state+status+q, sorted (median ms)", listHttp, listSql));

        double statusHttp = measure.median(() -> Measure.ok(api.get(finance, "/api/reports/budget-status").status()));
        double statusSql = measure.median(() -> measure.sql(BudgetStatusRepository.LINES.replace(":year", "NULL")
                .replace(":fundingSource", "NULL")));
        table.add(row("budget status JSON (median ms)", statusHttp, statusSql));
        // what the kept totals save: the same figures summed over every year share and payment
        double statusOverRows = measure.median(() -> measure.sql("""
                SELECT a.funding_source, y.year, SUM(y.approved) FROM year_allocation y
                  JOIN funding_application a ON a.id = y.application_id GROUP BY a.funding_source, y.year""", """
                SELECT a.funding_source, p.year, SUM(p.amount) FROM payment p
                  JOIN funding_application a ON a.id = p.application_id WHERE p.status = 'PAID'
                 GROUP BY a.funding_source, p.year""", """
                SELECT a.funding_source, r.year, SUM(r.amount) FROM repayment r
                  JOIN funding_application a ON a.id = r.application_id GROUP BY a.funding_source, r.year"""));
        table.add(row("budget status JSON vs GROUP BY over the rows (median ms)", statusHttp, statusOverRows));
        table.add(envelopeCheck(fitko, finance));
        table.add(decisionMails(fitko));

        double redHttp = measure.median(() -> Measure.ok(api.get(fitko, "/api/applications?light=RED&size=20").status()));
        double redSql = measure.median(() -> measure.sql("""
                SELECT * FROM funding_application WHERE latest_status_overall = 'RED'
                 ORDER BY created_at DESC, id DESC LIMIT 20""",
                "SELECT COUNT(*) FROM funding_application WHERE latest_status_overall = 'RED'", """
                SELECT p.* FROM annual_plan_line p JOIN (SELECT id FROM funding_application
                   WHERE latest_status_overall = 'RED' ORDER BY created_at DESC, id DESC LIMIT 20) page
                   ON page.id = p.application_id"""));
        table.add(row("list page, any light red, newest first (median ms)", redHttp, redSql));

        double portfolioHttp = measure.median(() -> Measure.ok(api.get(finance, "/api/portfolio?fundingSource=STIMULUS_PACKAGE").status()));
        double portfolioSql = measure.median(() -> measure.sql("""
                SELECT latest_status_overall, latest_status_schedule, latest_status_budget, latest_status_quality, COUNT(*)
                  FROM funding_application WHERE status = 'APPROVED' AND funding_source = 'STIMULUS_PACKAGE'
                 GROUP BY 1, 2, 3, 4""", """
                SELECT * FROM funding_application WHERE status = 'APPROVED' AND funding_source = 'STIMULUS_PACKAGE'
                 ORDER BY created_at DESC, id DESC LIMIT 20""",
                "SELECT COUNT(*) FROM funding_application WHERE status = 'APPROVED' AND funding_source = 'STIMULUS_PACKAGE'"));
        table.add(row("portfolio of a funding source: counts + page (median ms)", portfolioHttp, portfolioSql));

        int creates = 200;
        double createHttp = perSecond(creates, () -> {
            for (int i = 0; i < creates; i++) {
                api.submitted(fitko, StateCode.values()[i % 17]);
            }
        });
        double createSql = perSecond(creates, this::plainInserts);
        table.add(String.format("%-52s %12.0f %12.0f %8.2f", "create + submit with audit vs plain INSERT (per s)",
                createHttp, createSql, createSql / createHttp));

        System.out.println("\n" + String.join("\n", table) + "\n");
    }

    /**
     * What the envelope check adds to a decision: approvals in a year with an envelope (room for
     * all) against approvals in a year without one, each side its own applications, median per decision.
     */
    private String envelopeCheck(Account fitko, Account finance) throws Exception {
        int year = api.unusedYears(2);
        Response envelope = api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + year,
                Map.of("amount", "900000000000.00", "reason", "Benchmark"), Map.of());
        assertEquals(200, envelope.status(), envelope::toString);
        double checked = medianDecision(fitko, year, null);
        double unchecked = medianDecision(fitko, year + 1, null);
        return row("decision with envelope check vs without (median ms)", checked, unchecked);
    }

    /**
     * What the mails of a decision add to it (written to the outbox in its transaction, one per
     * recipient in their language): approvals in a state with 20 users with an address against
     * approvals in a state whose users have none, median per decision.
     */
    private String decisionMails(Account fitko) {
        Caller admin = new Caller("bench-admin", Role.ADMIN, null);
        for (int i = 0; i < 20; i++) {
            Account user = api.account(Role.STATE, StateCode.HB);
            users.update(admin, user.username(), new UserUpdateCommand(null, null, null, user.username() + "@example.org",
                    i % 2 == 0 ? "de" : "en"));
        }
        int year = api.unusedYears(1);
        double told = medianDecision(fitko, year, StateCode.HB);
        double untold = medianDecision(fitko, year, StateCode.SL);
        return row("decision mailing 20 users vs none (median ms)", told, untold);
    }

    /** Approvals of applications of {@code state} (null: of every state in turn) in {@code year}. */
    private double medianDecision(Account fitko, int year, StateCode state) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < DECISIONS; i++) {
            ids.add(api.filed(api.application(state == null ? StateCode.values()[i % 17] : state, year, year, "1011500.00")));
        }
        List<Double> times = new ArrayList<>();
        for (long id : ids) {
            long started = System.nanoTime();
            Measure.ok(api.post(fitko, "/api/applications/" + id + "/decision", api.decision("APPROVED", "1011500.00")).status());
            times.add((System.nanoTime() - started) / 1e6);
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    private long seed() throws SQLException, IOException {
        return BulkSeed.seed(database, APPLICATIONS);
    }

    private void plainInserts() {
        try (Connection connection = database.getConnection();
             PreparedStatement insert = connection.prepareStatement("INSERT INTO funding_application (reference, title,"
                     + " owner_state, type, funding_source, start_date, end_date, requested_amount, status, created_by,"
                     + " created_at, updated_at, version) VALUES (?, ?, 'NW', 'STANDARD', 'DIGITALISATION_BUDGET', '2021-01-01',"
                     + " '2022-12-31', 1011500.00, 'SUBMITTED', 'bench', NOW(6), NOW(6), 0)")) {
            for (int i = 0; i < 200; i++) {
                insert.setString(1, "1998-" + System.nanoTime() % 100_000_000);
                insert.setString(2, "Plain " + i);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double perSecond(int operations, Runnable work) {
        long started = System.nanoTime();
        work.run();
        return operations / ((System.nanoTime() - started) / 1e9);
    }

    private static String row(String name, double registry, double raw) {
        return String.format("%-52s %12.1f %12.1f %8.2f", name, registry, raw, registry / raw);
    }

    /**
     * GET by id under load next to the framework's own ceiling, the same server in the same run: a
     * bare 401 (the same path without a token: routing, the filters, security and the problem
     * answer, no database) and the full read with a valid token. wrk runs on a core of its own
     * (taskset, the last one), so both sides pay the same for the load generator. Run alone with
     * {@code ./mvnw -Pbench test -Dtest='RegistryBenchmark#getByIdUnderLoad'}.
     */
    @Test
    void getByIdUnderLoad() throws Exception {
        String name = "GET by id, wrk " + CONNECTIONS + " connections";
        Assumptions.assumeTrue(onPath("wrk"), name + " skipped: wrk is not installed (apt-get install wrk)");
        long seeded = seed();
        Account fitko = api.account(Role.FITKO, null);
        String path = "/api/applications/" + api.submitted(fitko, StateCode.NW);
        assertEquals(401, api.send("GET", path, null, null, Map.of()).status(), "the ceiling must be a refusal");
        assertEquals(200, api.get(fitko, path).status());
        // the JIT's warm-up for both paths, then the measured runs in the order 401, read, read, 401:
        // a machine that speeds up or slows down during the run weighs on both sides alike
        wrk(null, path, WRK_WARM_UP);
        wrk(fitko.token(), path, WRK_WARM_UP);
        Load first = wrk(null, path, WRK_SECONDS);
        Load read = wrk(fitko.token(), path, WRK_SECONDS).and(wrk(fitko.token(), path, WRK_SECONDS));
        Load ceiling = first.and(wrk(null, path, WRK_SECONDS));
        assertEquals(ceiling.requests(), ceiling.refused(), "every request of the ceiling answers 401");
        assertEquals(0, read.refused(), "every read answers 200");
        Optional<ProcessHandle> database = embeddedDatabase();
        String cpu = pinnedCore().map(core -> "wrk on cpu " + core).orElse("wrk unpinned (no taskset)");
        System.out.println(String.join("\n", "",
                String.format("%-52s %12s %12s %8s", name + " (" + seeded + " applications, " + cpu + ")",
                        "GET by id", "bare 401", "ratio"),
                String.format("%-52s %12.0f %12.0f %8.2f", "  req/s, mean of two runs (target ratio >= 0.70)",
                        read.perSecond(), ceiling.perSecond(), read.perSecond() / ceiling.perSecond()),
                String.format("%-52s %12.1f %12.1f %8.2f", "  p99 ms, the worse run (target < 50 ms)",
                        read.p99Ms(), ceiling.p99Ms(), read.p99Ms() / ceiling.p99Ms()),
                String.format("%-52s %12.3f %12.3f %8.2f", "  CPU ms per request, JVM (ratio 401 / read)",
                        read.jvmCpuMs() / read.requests(), ceiling.jvmCpuMs() / ceiling.requests(),
                        (ceiling.jvmCpuMs() / ceiling.requests()) / (read.jvmCpuMs() / read.requests())),
                database.map(db -> String.format("%-52s %12.3f %12.3f", "  CPU ms per request, MariaDB",
                        read.databaseCpuMs() / read.requests(), ceiling.databaseCpuMs() / ceiling.requests()))
                        .orElse("  CPU ms per request, MariaDB: not measured (not a child process of this JVM)"),
                "  socket errors: GET by id " + read.socketErrors() + ", bare 401 " + ceiling.socketErrors(), ""));
    }

    /**
     * What wrk measured: requests per second, p99 latency, requests, non-2xx answers, socket errors;
     * and the CPU time the server's JVM and the embedded MariaDB spent meanwhile. CPU per request is
     * what the two sides cost, whatever else the machine is busy with; the rates are what they reach.
     */
    private record Load(double perSecond, double p99Ms, long requests, long refused, String socketErrors,
                        double jvmCpuMs, double databaseCpuMs) {

        /** Two runs of equal length: the mean rate, the worse p99, the CPU times summed. */
        Load and(Load other) {
            return new Load((perSecond + other.perSecond) / 2, Math.max(p99Ms, other.p99Ms), requests + other.requests,
                    refused + other.refused,
                    socketErrors.equals(other.socketErrors) ? socketErrors : socketErrors + "; " + other.socketErrors,
                    jvmCpuMs + other.jvmCpuMs, databaseCpuMs + other.databaseCpuMs);
        }
    }

    /** The embedded MariaDB, a child process of this JVM; none when the benchmark runs against a server of its own. */
    private static Optional<ProcessHandle> embeddedDatabase() {
        return ProcessHandle.current().descendants()
                .filter(process -> process.info().command().map(command -> command.endsWith("mariadbd")).orElse(false))
                .findFirst();
    }

    private static double cpuMs(Optional<ProcessHandle> process) {
        return process.flatMap(handle -> handle.info().totalCpuDuration()).map(duration -> duration.toNanos() / 1e6)
                .orElse(0.0);
    }

    /** One wrk run of {@code seconds} against {@code path}, with the token if one is given, pinned where taskset is. */
    private Load wrk(@Nullable String token, String path, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        pinnedCore().ifPresent(core -> command.addAll(List.of("taskset", "-c", String.valueOf(core))));
        // one thread: it has one core
        command.addAll(List.of("wrk", "-t1", "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(server.getURL() + path);
        Optional<ProcessHandle> database = embeddedDatabase();
        double jvmBefore = cpuMs(Optional.of(ProcessHandle.current()));
        double databaseBefore = cpuMs(database);
        Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output;
        try (var in = wrk.getInputStream()) {
            output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        wrk.waitFor();
        double jvmCpuMs = cpuMs(Optional.of(ProcessHandle.current())) - jvmBefore;
        double databaseCpuMs = cpuMs(database) - databaseBefore;
        Matcher rate = Pattern.compile("Requests/sec:\\s+([\\d.]+)").matcher(output);
        Matcher p99 = Pattern.compile("99%\\s+([\\d.]+)(us|ms|s)").matcher(output);
        Matcher requests = Pattern.compile("(\\d+) requests in").matcher(output);
        if (!rate.find() || !p99.find() || !requests.find()) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        Matcher refused = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        Matcher errors = Pattern.compile("Socket errors: (.*)").matcher(output);
        double p99ms = Double.parseDouble(p99.group(1)) * Map.of("us", 0.001, "ms", 1.0, "s", 1000.0).get(p99.group(2));
        return new Load(Double.parseDouble(rate.group(1)), p99ms, Long.parseLong(requests.group(1)),
                refused.find() ? Long.parseLong(refused.group(1)) : 0, errors.find() ? errors.group(1) : "none",
                jvmCpuMs, databaseCpuMs);
    }

    /** The core wrk is pinned to: the last one, where taskset exists and there is more than one. */
    private static Optional<Integer> pinnedCore() {
        int cores = Runtime.getRuntime().availableProcessors();
        return cores > 1 && onPath("taskset") ? Optional.of(cores - 1) : Optional.empty();
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(folder -> !folder.isEmpty() && Files.isExecutable(Path.of(folder, program)));
    }
}
