package de.foerderregister.db;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.ChainVerification;
import de.foerderregister.document.DocumentClient;
import de.foerderregister.document.Multipart;
import de.foerderregister.document.SampleFiles;
import de.foerderregister.security.Role;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.sql.DataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's backup and restore, run as written: the copy has the same totals, every document byte
 * for byte, and an intact audit chain. It runs as the server's administrator: the registry's own user may not create databases.
 */
@MicronautTest(transactional = false)
class BackupRestoreTest {

    private static final List<String> TOTALS = List.of(
            "SELECT COUNT(*), SUM(requested_amount), SUM(approved_amount) FROM funding_application",
            "SELECT COUNT(*), SUM(amount) FROM annual_plan_line",
            "SELECT COUNT(*), SUM(requested), SUM(approved) FROM year_allocation",
            "SELECT COUNT(*), SUM(approved_amount) FROM decision",
            "SELECT COUNT(*), SUM(gross_amount) FROM amendment",
            "SELECT COUNT(*), SUM(size) FROM document",
            "SELECT COUNT(*), SUM(LENGTH(bytes)) FROM document_chunk",
            "SELECT COUNT(*), MAX(id) FROM audit_event",
            "SELECT lane, last_event_id, last_hash FROM audit_chain_head ORDER BY lane");

    @Inject
    TestApi api;

    @Inject
    DatabaseAdmin admin;

    @Inject
    DocumentClient documents;

    @Inject
    DataSource contextual;

    @Value("${registry.home}")
    Path home;

    @TempDir
    Path work;

    @Test
    void aRestoredDumpHasTheSameTotalsAndAVerifyingAuditChain() throws Exception {
        Account fitko = api.account(Role.FITKO, null);
        long id = api.approved(fitko, StateCode.SN, "1011500.00");
        api.post(fitko, "/api/applications/" + id + "/amendments", Map.of("vatRatePercent", "7", "reason", "Mehrwertsteuer",
                "body", "Abteilungsleiterrunde", "meetingDate", "2021-02-01", "agendaItem", "TOP 08"));

        // three chunks of document_chunk, bytes of every value, as BLOBs are where a dump goes wrong
        byte[] file = new byte[600 * 1024];
        new SplittableRandom(7).nextBytes(file);
        System.arraycopy(SampleFiles.pdf(), 0, file, 0, SampleFiles.pdf().length);
        TestApi.Response uploaded = documents.upload(fitko, id, new Multipart().field("title", "Bescheid")
                .file("bescheid.pdf", "application/pdf", file));
        assertEquals(201, uploaded.status(), uploaded.body());
        long documentId = uploaded.json().get("id").asLong();

        String database = admin.server().getPath().substring(1);
        String restored = "restored_" + System.nanoTime();
        Path dump = work.resolve("backup.sql");

        run(dump, null, client("mariadb-dump"), "--single-transaction", "--routines", "--triggers", "--hex-blob", database);
        try (Connection connection = admin.connect(database); Statement sql = connection.createStatement()) {
            sql.execute("CREATE DATABASE " + restored + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            run(null, dump, client("mariadb"), restored);
            String restoredUrl = "jdbc:mariadb://" + admin.server().getHost() + ":" + admin.server().getPort() + "/" + restored;
            assertEquals(totals(DelegatingDataSource.unwrapDataSource(contextual).getConnection()),
                    totals(admin.connect(restored)));
            byte[] restoredFile = documentBytes(admin.connect(restored), documentId);
            assertArrayEquals(file, restoredFile);
            assertEquals(sha256(file), sha256(restoredFile));
            assertEquals(sha256(file), storedSha256(admin.connect(restored), documentId));
            try (ApplicationContext copy = ApplicationContext.run(Map.of(
                    "datasources.default.url", restoredUrl,
                    "datasources.default.username", admin.user(),
                    "datasources.default.password", admin.password(),
                    "registry.demo-data.enabled", false), "test")) {
                ChainVerification verification = copy.getBean(AuditTrail.class).verify();
                assertTrue(verification.intact(), verification.toString());
                assertTrue(verification.eventsChecked() > 0);
            }
        } finally {
            try (Connection connection = admin.connect(database); Statement sql = connection.createStatement()) {
                sql.execute("DROP DATABASE IF EXISTS " + restored);
            }
        }
    }

    private List<String> client(String program) {
        URI server = admin.server();
        Path bundled = home.resolve("mariadb-server/bin").resolve(program);
        List<String> command = new ArrayList<>(List.of(Files.isExecutable(bundled) ? bundled.toString() : program,
                "--host=" + server.getHost(), "--port=" + server.getPort(), "--user=" + admin.user(),
                "--skip-ssl"));
        if (!admin.password().isEmpty()) {
            command.add("--password=" + admin.password());
        }
        return command;
    }

    private static void run(Path output, Path input, List<String> command, String... arguments)
            throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(command);
        all.addAll(List.of(arguments));
        ProcessBuilder process = new ProcessBuilder(all).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (output != null) {
            process.redirectOutput(output.toFile());
        }
        if (input != null) {
            process.redirectInput(input.toFile());
        }
        Process running = process.start();
        assertTrue(running.waitFor(120, TimeUnit.SECONDS), String.join(" ", all));
        assertEquals(0, running.exitValue(), String.join(" ", all));
    }

    /** The document's chunks as the restored database holds them, in order. */
    private static byte[] documentBytes(Connection connection, long documentId) throws SQLException {
        try (connection; PreparedStatement sql = connection.prepareStatement(
                "SELECT bytes FROM document_chunk WHERE document_id = ? ORDER BY seq")) {
            sql.setLong(1, documentId);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ResultSet result = sql.executeQuery()) {
                while (result.next()) {
                    bytes.writeBytes(result.getBytes(1));
                }
            }
            return bytes.toByteArray();
        }
    }

    private static String storedSha256(Connection connection, long documentId) throws SQLException {
        try (connection; PreparedStatement sql = connection.prepareStatement("SELECT sha256 FROM document WHERE id = ?")) {
            sql.setLong(1, documentId);
            try (ResultSet result = sql.executeQuery()) {
                result.next();
                return result.getString(1);
            }
        }
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    private static List<List<String>> totals(Connection connection) throws SQLException {
        try (connection; Statement sql = connection.createStatement()) {
            List<List<String>> totals = new ArrayList<>();
            for (String query : TOTALS) {
                try (ResultSet result = sql.executeQuery(query)) {
                    result.next();
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                        row.add(String.valueOf(result.getObject(i)));
                    }
                    totals.add(row);
                }
            }
            return totals;
        }
    }
}
