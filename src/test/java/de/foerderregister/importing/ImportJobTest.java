package de.foerderregister.importing;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static de.foerderregister.importing.ImportApiTest.HEADER;
import static de.foerderregister.importing.ImportApiTest.PATH;
import static de.foerderregister.importing.ImportApiTest.list;
import static de.foerderregister.importing.ImportApiTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Imports that run as a job: progress, the outcome a page at a time, the importer's scope, all-or-nothing, the chain and the totals. */
@MicronautTest(transactional = false)
class ImportJobTest {

    private static final Map<String, String> ASYNC = Map.of("Content-Type", "text/csv", "Prefer", "respond-async");

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    @Inject
    ImportJobRetention retention;

    @Inject
    ImportJobs importJobs;

    @Inject
    ImportJobRepository jobRepository;

    Account fitko;

    @BeforeEach
    void accounts() {
        fitko = api.account(Role.FITKO, null);
    }

    @Test
    void aLargeImportShowsItsProgressAndEndsWithEveryRowsOutcome() throws Exception {
        String marker = api.unique("Job");
        int rows = 20_000;
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            if (i == 7) {
                file.append(row("Kaputt " + marker + " " + i, "XY", "RI", "2021-01-01", "2021-12-31", "1000.00", ""));
            } else if (i == 8) {
                file.append(row("projekt " + marker + " 1", StateCode.values()[1].name(), "RI", "2021-01-01", "2021-06-30", "1000.00", ""));
            } else if (i % 5_000 == 0) {
                file.append(String.join(",", "Genehmigt " + marker + " " + i, "HE", "RI", "2021-01-01", "2022-12-31",
                        "1000.00", "APPROVED", "Abteilungsleiterrunde", "2021-01-19", "TOP 08", "", ""));
            } else {
                file.append(row("Projekt " + marker + " " + i, StateCode.values()[i % 17].name(), i % 2 == 0 ? "RI" : "STD",
                        "2021-01-01", "2022-12-31", (1000 + i) + ".50", i % 3 == 0 ? "SUBMITTED" : ""));
            }
            file.append('\n');
        }

        Response accepted = api.send("POST", PATH, fitko.token(), file.toString(), ASYNC);

        assertEquals(202, accepted.status(), accepted.body());
        assertEquals("respond-async", accepted.header("Preference-Applied"));
        String location = accepted.header("Location");
        assertEquals("/api/imports/" + accepted.json().get("id").asLong(), location);
        assertEquals(rows, accepted.json().get("rowsTotal").asInt());
        List<Integer> done = new ArrayList<>();
        JsonNode job = poll(fitko, location, done);
        assertEquals("DONE", job.get("status").asText(), job.toString());
        assertTrue(done.stream().anyMatch(count -> count > 0 && count < rows), "progress seen on the way: " + done);
        for (int i = 1; i < done.size(); i++) {
            assertTrue(done.get(i) >= done.get(i - 1), "rows done never go back: " + done);
        }

        JsonNode result = job.get("result");
        assertEquals(rows, result.get("counts").get("rows").asInt());
        assertEquals(rows - 2, result.get("counts").get("created").asInt(), result.get("counts").toString());
        assertEquals(1, result.get("counts").get("failed").asInt());
        assertEquals(1, result.get("counts").get("duplicate").asInt());
        assertEquals(rows, job.get("storedRows").asInt());
        assertEquals(1000, result.get("rows").size(), "the first page");
        JsonNode lastPage = api.get(fitko, location + "?page=3&size=5000").json().get("result").get("rows");
        assertEquals(5000, lastPage.size());
        assertEquals(rows, lastPage.get(4999).get("row").asInt());
        assertEquals("CREATED", lastPage.get(4999).get("status").asText());

        List<JsonNode> first = list(result.get("rows"));
        assertEquals("ERROR", first.get(6).get("status").asText());
        assertEquals("owner_state", first.get(6).get("errors").get(0).get("field").asText());
        assertEquals("DUPLICATE", first.get(7).get("status").asText());
        assertEquals(first.get(0).get("id").asLong(), first.get(7).get("id").asLong());
        assertTrue(first.get(7).get("note").asText().contains("row 1 of this file (" + first.get(0).get("reference").asText() + ")"),
                first.get(7).toString());
        long approved = list(api.get(fitko, location + "?page=0&size=5000").json().get("result").get("rows")).stream()
                .filter(r -> r.get("row").asInt() == 5000).findFirst().orElseThrow().get("id").asLong();
        assertEquals("APPROVED", api.get(fitko, "/api/applications/" + approved).json().get("status").asText());
        JsonNode submitted = api.get(fitko, "/api/applications/" + first.get(2).get("id").asLong()).json();
        assertEquals("SUBMITTED", submitted.get("status").asText());
        assertEquals(1, submitted.get("version").asLong(), "created, then submitted");
        assertEquals(List.of("IMPORTED", "SUBMITTED"), list(api.get(fitko, "/api/applications/"
                + submitted.get("id").asLong() + "/history").json()).stream().map(e -> e.get("action").asText()).toList());
        assertEquals(rows - 2, count("SELECT COUNT(*) FROM funding_application WHERE title LIKE ?", "%" + marker + "%"));

        JsonNode verified = api.get(fitko, "/api/audit/verify").json();
        assertTrue(verified.get("intact").asBoolean(), verified.toString());
        assertKeptTotalsMatchTheRows();
    }

    @Test
    void aJobIsSeenByItsImporterAndFitkoOnly() {
        Account nw = api.account(Role.STATE, StateCode.NW);
        String file = HEADER + "\n" + row(api.unique("Eigener Job"), "NW", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";
        Response accepted = api.send("POST", PATH, nw.token(), file, ASYNC);
        assertEquals(202, accepted.status(), accepted.body());
        String location = accepted.header("Location");
        assertEquals("DONE", poll(nw, location, new ArrayList<>()).get("status").asText());

        assertEquals(404, api.get(api.account(Role.STATE, StateCode.ST), location).status(), "another state's job does not exist");
        assertEquals(404, api.get(api.account(Role.STATE, StateCode.NW), location).status(), "nor another user's of the same state");
        assertEquals(404, api.get(api.account(Role.FINANCE, null), location).status());
        assertEquals(404, api.get(nw, "/api/imports/999999999").status());
        assertEquals(200, api.get(fitko, location).status());
        assertEquals(1, api.get(nw, location).json().get("result").get("counts").get("created").asInt());
    }

    @Test
    void anAtomicJobWhoseLastRowIsRefusedWhileWritingWritesNothing() throws SQLException {
        int year = api.unusedYears(1);
        Account finance = api.account(Role.FINANCE, null);
        Response envelope = api.put(finance, "/api/budget/envelopes/DIGITALISATION_BUDGET/" + year,
                Map.of("amount", "1500.00", "reason", "Mittelrahmen für den Test"), Map.of());
        assertEquals(200, envelope.status(), envelope.body());
        String marker = api.unique("Atomar");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        int rows = 3_000;
        for (int i = 1; i < rows; i++) {
            file.append(row("Alles " + marker + " " + i, "SN", "RI", year + "-01-01", year + "-12-31", "1000.00",
                    i % 2 == 0 ? "SUBMITTED" : "")).append('\n');
        }
        file.append(String.join(",", "Zu viel " + marker, "SN", "RI", year + "-01-01", year + "-12-31", "2000.00",
                "APPROVED", "Abteilungsleiterrunde", "2021-01-19", "TOP 08", "", "")).append('\n');
        long runs = count("SELECT COUNT(*) FROM import_run WHERE imported_by = ?", fitko.username());

        Response accepted = api.send("POST", PATH + "?atomic=true", fitko.token(), file.toString(), ASYNC);

        assertEquals(202, accepted.status(), accepted.body());
        JsonNode job = poll(fitko, accepted.header("Location"), new ArrayList<>());
        assertEquals("DONE", job.get("status").asText(), job.toString());
        JsonNode counts = job.get("result").get("counts");
        assertEquals(List.of(rows, 0, 1, rows - 1), List.of(counts.get("rows").asInt(), counts.get("created").asInt(),
                counts.get("failed").asInt(), counts.get("valid").asInt()), counts.toString());
        JsonNode last = api.get(fitko, accepted.header("Location") + "?page=2&size=1000").json().get("result").get("rows").get(999);
        assertEquals("ERROR", last.get("status").asText());
        assertEquals("envelope.exceeded", last.get("errors").get(0).get("code").asText(), last.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM funding_application WHERE title LIKE ?", "%" + marker + "%"),
                "all or nothing");
        assertEquals(runs + 1, count("SELECT COUNT(*) FROM import_run WHERE imported_by = ?", fitko.username()));
    }

    @Test
    void anAtomicJobWithABadRowAndADryRunJobWriteNothing() throws SQLException {
        String marker = api.unique("Nichts");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 2_500; i++) {
            file.append(row("Nichts " + marker + " " + i, "BE", "RI", "2021-01-01", "2021-12-31", i == 2_400 ? "" : "1000.00", ""))
                    .append('\n');
        }
        JsonNode atomic = poll(fitko, api.send("POST", PATH + "?atomic=true", fitko.token(), file.toString(), ASYNC)
                .header("Location"), new ArrayList<>());
        assertEquals(1, atomic.get("result").get("counts").get("failed").asInt(), atomic.toString());
        assertEquals(2_499, atomic.get("result").get("counts").get("valid").asInt());

        long runs = count("SELECT COUNT(*) FROM import_run WHERE imported_by = ?", fitko.username());
        JsonNode dry = poll(fitko, api.send("POST", PATH + "?dryRun=true", fitko.token(), file.toString(), ASYNC)
                .header("Location"), new ArrayList<>());
        assertEquals("DONE", dry.get("status").asText());
        assertTrue(dry.get("result").get("dryRun").asBoolean());
        assertNull(dry.get("result").get("importId").numberValue());
        assertEquals(2_499, dry.get("result").get("counts").get("valid").asInt());
        assertEquals(0, count("SELECT COUNT(*) FROM funding_application WHERE title LIKE ?", "%" + marker + "%"));
        assertEquals(runs, count("SELECT COUNT(*) FROM import_run WHERE imported_by = ?", fitko.username()),
                "a dry run is not logged");
    }

    @Test
    void aSecondImportOfTheSameUserIsRefusedWhileTheFirstRunsAndTheSlotIsFreeAfterIt() {
        Account importer = api.account(Role.FITKO, null);
        String marker = api.unique("Slot");
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= 10_000; i++) {
            file.append(row("Slot " + marker + " " + i, "BY", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append('\n');
        }
        String small = HEADER + "\n" + row("Zweiter " + marker, "BY", "RI", "2021-01-01", "2021-12-31", "1000.00", "") + "\n";

        Response first = api.send("POST", PATH, importer.token(), file.toString(), ASYNC);
        assertEquals(202, first.status(), first.body());
        Response second = api.send("POST", PATH, importer.token(), small, Map.of("Content-Type", "text/csv"));

        assertEquals(429, second.status(), second.body());
        assertEquals("import.running", second.json().get("errors").get(0).get("code").asText(), second.body());
        assertEquals("10", second.header("Retry-After"));
        assertEquals("DONE", poll(importer, first.header("Location"), new ArrayList<>()).get("status").asText());
        Response afterTheJob = api.send("POST", PATH, importer.token(), small, Map.of("Content-Type", "text/csv"));
        assertEquals(200, afterTheJob.status(), afterTheJob.body());
        assertEquals(1, afterTheJob.json().get("counts").get("created").asInt());
    }

    @Test
    void jobsThatEndedBeforeTheRetentionAreDeletedWithTheirRowsRunningAndRecentOnesStay() throws SQLException {
        Instant now = Instant.now();
        long oldDone = insertJob("DONE", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(31)));
        long oldFailed = insertJob("FAILED", now.minus(Duration.ofDays(40)), now.minus(Duration.ofDays(31)));
        long running = insertJob("RUNNING", now.minus(Duration.ofDays(40)), null);
        long recent = insertJob("DONE", now.minus(Duration.ofDays(2)), now.minus(Duration.ofDays(1)));
        for (long job : List.of(oldDone, recent)) {
            execute("INSERT INTO import_job_row (job_id, file_row, line_number, status, errors) VALUES (?, 1, 2, 'VALID', '[]')", job);
        }

        assertTrue(retention.purge() >= 2);

        String jobs = "SELECT COUNT(*) FROM import_job WHERE imported_by = ? AND id IN ";
        assertEquals(0, count(jobs + "(" + oldDone + ", " + oldFailed + ")", fitko.username()));
        assertEquals(2, count(jobs + "(" + running + ", " + recent + ")", fitko.username()));
        String rows = "SELECT COUNT(*) FROM import_job_row WHERE job_id = ?";
        assertEquals(0, count(rows, String.valueOf(oldDone)));
        assertEquals(1, count(rows, String.valueOf(recent)));
        execute("DELETE FROM import_job WHERE id = ?", running);
    }

    @Test
    void aJobWhoseImporterLogsOutStopsBeforeItsNextChunk() throws SQLException {
        Account importer = api.account(Role.FITKO, null);
        String marker = api.unique("Abgemeldet");
        int rows = 20_000;
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 1; i <= rows; i++) {
            file.append(row("Abgemeldet " + marker + " " + i, "HH", "RI", "2021-01-01", "2021-12-31", "1000.00", "")).append('\n');
        }
        Response accepted = api.send("POST", PATH, importer.token(), file.toString(), ASYNC);
        assertEquals(202, accepted.status(), accepted.body());

        assertEquals(204, api.send("POST", "/api/me/logout", importer.token(), null, Map.of()).status());

        JsonNode job = poll(fitko, accepted.header("Location"), new ArrayList<>());
        assertEquals("FAILED", job.get("status").asText(), job.toString());
        assertEquals("import.accountChanged", job.get("failure").get("code").asText(), job.toString());
        assertTrue(job.get("rowsDone").asInt() < rows, job.toString());
        assertEquals(job.get("result").get("counts").get("created").asLong(),
                count("SELECT COUNT(*) FROM funding_application WHERE title LIKE ?", "%" + marker + "%"),
                "nothing written after the chunk whose end found the session gone");
        JsonNode english = api.send("GET", accepted.header("Location"), fitko.token(), null, Map.of("Accept-Language", "en"))
                .json().get("failure");
        assertTrue(english.get("message").asText().contains("the account that started it"), english.toString());
    }

    @Test
    void aJobWhoseInstanceStoppedIsInterruptedWithACodeWordedForTheReader() throws SQLException {
        long stale = insertJob("RUNNING", Instant.now().minus(Duration.ofHours(1)), null);
        execute("UPDATE import_job SET heartbeat_at = started_at WHERE id = ?", stale);

        importJobs.failStale();

        JsonNode german = api.send("GET", "/api/imports/" + stale, fitko.token(), null, Map.of("Accept-Language", "de")).json();
        assertEquals("FAILED", german.get("status").asText(), german.toString());
        assertEquals("import.jobInterrupted", german.get("failure").get("code").asText());
        assertTrue(german.get("failure").get("message").asText().startsWith("Der Import wurde unterbrochen"), german.toString());
        JsonNode english = api.send("GET", "/api/imports/" + stale, fitko.token(), null, Map.of("Accept-Language", "en")).json();
        assertTrue(english.get("failure").get("message").asText().startsWith("the import was interrupted"), english.toString());
    }

    @Test
    void aJobTakenForInterruptedThatThenCompletesEndsDone() throws SQLException {
        long job = insertJob("RUNNING", Instant.now().minus(Duration.ofHours(1)), null);
        execute("UPDATE import_job SET heartbeat_at = started_at WHERE id = ?", job);
        importJobs.failStale();
        assertEquals("FAILED", api.get(fitko, "/api/imports/" + job).json().get("status").asText());

        jobRepository.finish(job, 0, 0, 0, 1, null, Instant.now());

        JsonNode finished = api.get(fitko, "/api/imports/" + job).json();
        assertEquals("DONE", finished.get("status").asText(), finished.toString());
        assertTrue(finished.get("failure").isNull(), finished.toString());
    }

    private long insertJob(String status, Instant started, Instant finished) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement("""
                     INSERT INTO import_job (imported_by, importer_role, atomic, dry_run, status, rows_total, rows_done,
                       rows_created, rows_duplicate, rows_failed, rows_valid, encoding, delimiter_char, ignored_columns,
                       started_at, heartbeat_at, finished_at)
                     VALUES (?, 'FITKO', FALSE, FALSE, ?, 1, 1, 0, 0, 0, 1, 'UTF-8', ',', '[]', ?, ?, ?)""",
                     Statement.RETURN_GENERATED_KEYS)) {
            statement.setString(1, fitko.username());
            statement.setString(2, status);
            statement.setTimestamp(3, Timestamp.from(started));
            statement.setTimestamp(4, Timestamp.from(finished == null ? Instant.now() : finished));
            statement.setTimestamp(5, finished == null ? null : Timestamp.from(finished));
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private void execute(String update, long id) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        }
    }

    /** Polls the job until it stops, noting each rowsDone seen. */
    private JsonNode poll(Account account, String location, List<Integer> done) {
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (System.nanoTime() < deadline) {
            Response read = api.get(account, location);
            assertEquals(200, read.status(), read.body());
            JsonNode job = read.json();
            done.add(job.get("rowsDone").asInt());
            if (!"RUNNING".equals(job.get("status").asText())) {
                assertFalse(job.get("result").isNull(), job.toString());
                return job;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("the import job did not end: " + location);
    }

    /** Every kept aggregate (summary_total, allocation_total, payment_total) equals the GROUP BY over the rows. */
    private void assertKeptTotalsMatchTheRows() {
        JsonNode report = api.post(api.account(Role.ADMIN, null), "/api/admin/aggregates/verify", null).json();
        assertEquals(0, report.get("differences").size(), report.toString());
    }

    private long count(String query, String parameter) throws SQLException {
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }
}
