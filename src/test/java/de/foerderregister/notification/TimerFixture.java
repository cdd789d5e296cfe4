package de.foerderregister.notification;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the timer tests share: a Monday around which no report of any test is owed, accounts with
 * an address, approved applications whose final report falls due on a chosen day, and the outbox
 * rows of an account (read with plain JDBC, outside the registry's transactions).
 */
@Singleton
class TimerFixture {

    private final TestApi api;
    private final DataSource dataSource;
    /** The applications made through {@link #finalReportDueIn} whose reports {@link #handIn} hands in. */
    private final List<Owed> owedBy = new ArrayList<>();

    TimerFixture(TestApi api, DataSource dataSource) {
        this.api = api;
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    private record Owed(long applicationId, StateCode state) {
    }

    /** A row of the outbox as the tests read it. */
    record Sent(String kind, String dedupKey, @Nullable Long applicationId, String language, String subject,
                String text, String status, String messageId) {
    }

    /**
     * A Monday of 2027–2037 (before 2038: the database's TIMESTAMP columns end there) around which,
     * three weeks either side, no report of any test is still owed, so that what the timer finds
     * there is the test's own. {@link #handIn} frees the day again for later runs.
     */
    LocalDate quietMonday() {
        LocalDate first = LocalDate.of(2027, 6, 7).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weeks = 52 * 10;
        int offset = ThreadLocalRandom.current().nextInt(weeks);
        for (int i = 0; i < weeks; i++) {
            LocalDate candidate = first.plusWeeks((offset + i) % weeks);
            if (owedBetween(candidate.minusWeeks(3), candidate.plusWeeks(3)) == 0) {
                return candidate;
            }
        }
        throw new IllegalStateException("no quiet Monday left between 2027 and 2037: drop the test database");
    }

    /** The account with the address {@code <username>@example.org} and the mail language, set by the administrator. */
    Account withAddress(Account admin, Account account, String language) {
        Response changed = api.send("PATCH", "/api/users/" + account.username(), admin.token(),
                Map.of("email", address(account), "language", language), Map.of());
        assertEquals(200, changed.status(), changed.body());
        return account;
    }

    static String address(Account account) {
        return account.username() + "@example.org";
    }

    /**
     * An approved application of the state whose runtime ends within one year (so it owes the final
     * report only), the final report falling due {@code days} days after {@code day}.
     */
    long finalReportDueIn(Account fitko, StateCode state, LocalDate day, int days) {
        LocalDate end = day.plusDays(days).minusMonths(6);
        Map<String, Object> body = api.application(state);
        // a runtime within one year (a day at least): no interim report
        body.put("startDate", end.withDayOfYear(1).toString());
        body.put("endDate", end.toString());
        body.put("requestedAmount", "100000.00");
        body.remove("annualPlan");
        long id = api.approved(fitko, body, "100000.00");
        owedBy.add(new Owed(id, state));
        LocalDate dueDate = LocalDate.parse(owed(fitko, id).get(0).get("dueDate").asText());
        assertTrue(Math.abs(dueDate.toEpochDay() - day.plusDays(days).toEpochDay()) <= 3, dueDate.toString());
        return id;
    }

    /** Hands in every report still owed of the applications made since the last call, so they block no later Monday. */
    void handIn(Account fitko) {
        for (Owed owed : owedBy) {
            for (JsonNode report : owed(fitko, owed.applicationId())) {
                if (List.of("OPEN", "RETURNED").contains(report.get("status").asText())) {
                    Response submitted = api.post(api.applicant(owed.state()), "/api/applications/" + owed.applicationId()
                            + "/obligations/" + report.get("id").asLong() + "/submission", Map.of("text", "Sachbericht"));
                    assertEquals(200, submitted.status(), submitted.body());
                }
            }
        }
        owedBy.clear();
    }

    JsonNode owed(Account fitko, long application) {
        return api.get(fitko, "/api/applications/" + application + "/obligations").json();
    }

    /** What the outbox holds for the account, oldest first. */
    List<Sent> sent(Account account) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT kind, dedup_key, application_id, language,"
                     + " subject, text_body, status, message_id FROM outbox_message WHERE recipient_username = ?"
                     + " ORDER BY id")) {
            query.setString(1, account.username());
            List<Sent> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    long application = result.getLong(3);
                    rows.add(new Sent(result.getString(1), result.getString(2), result.wasNull() ? null : application,
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getString(8)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long owedBetween(LocalDate from, LocalDate to) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM obligation"
                     + " WHERE status IN ('OPEN', 'RETURNED') AND due_date BETWEEN ? AND ?")) {
            query.setObject(1, from);
            query.setObject(2, to);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
