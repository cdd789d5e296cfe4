package de.foerderregister.report;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the report and export tests need of the budget, over real HTTP as its users do it — envelopes,
 * approvals split over years, payments through request, release and booking, repayments — and the
 * rows read back with plain SQL, to hold the reports' figures against.
 */
@Singleton
public class BudgetSteps {

    /** A day after the approval of 19.01.2021 that {@link TestApi#decision} records. */
    public static final String PAID_ON = "2021-03-01";

    private final TestApi api;
    private final DataSource dataSource;

    BudgetSteps(TestApi api, DataSource dataSource) {
        this.api = api;
        // plain connections outside the registry's transactions: an independent look at the tables
        this.dataSource = DelegatingDataSource.unwrapDataSource(dataSource);
    }

    public void envelope(Account finance, String source, int year, String amount) {
        Response set = api.put(finance, "/api/budget/envelopes/" + source + "/" + year,
                Map.of("amount", amount, "reason", "Mittelrahmen laut Haushaltsplan " + year), Map.of());
        check(200, set);
    }

    /**
     * An application of the state and source whose plan gives each year from {@code firstYear} on its
     * amount, filed by the state and approved as requested by {@code fitko}; answers its id.
     */
    public long approvedOver(Account fitko, StateCode state, String source, int firstYear, String... perYear) {
        Map<String, Object> body = api.application(state);
        List<Map<String, Object>> plan = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < perYear.length; i++) {
            plan.add(Map.of("year", firstYear + i, "amount", perYear[i]));
            total = total.add(new BigDecimal(perYear[i]));
        }
        body.put("fundingSource", source);
        body.put("startDate", firstYear + "-01-01");
        body.put("endDate", (firstYear + perYear.length - 1) + "-12-31");
        body.put("requestedAmount", total.toPlainString());
        body.put("annualPlan", plan);
        return api.approved(fitko, body, total.toPlainString());
    }

    /** Requested by the state's applicant; answers the payment's id. */
    public long requested(StateCode state, long applicationId, String amount, int year) {
        Response requested = api.post(api.applicant(state), "/api/applications/" + applicationId + "/payments",
                Map.of("amount", amount, "year", year, "purpose", "Mittelabruf für Entwicklungsleistungen"));
        check(201, requested);
        return requested.json().get("id").asLong();
    }

    /** Requested by the state's applicant, released by {@code fitko}, booked by {@code finance}; answers the booking reference. */
    public String paid(Account fitko, Account finance, StateCode state, long applicationId, String amount, int year,
                       String paidOn) {
        long paymentId = requested(state, applicationId, amount, year);
        String payment = "/api/applications/" + applicationId + "/payments/" + paymentId;
        check(200, api.post(fitko, payment + "/release", null));
        String bookingReference = api.unique("HKR");
        check(200, api.post(finance, payment + "/paid", Map.of("paidOn", paidOn, "bookingReference", bookingReference)));
        return bookingReference;
    }

    public void repaid(Account finance, long applicationId, String amount, int year, String receivedOn) {
        check(201, api.post(finance, "/api/applications/" + applicationId + "/repayments", Map.of("amount", amount,
                "year", year, "receivedOn", receivedOn, "reason", "Minderausgaben im Projekt")));
    }

    /** The rows of a query, each value as text: decimals plain with two places, SQL NULL as "null". */
    public List<List<String>> sql(String query, Object... values) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(query)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<String>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<String> row = new ArrayList<>();
                    for (int column = 1; column <= columns; column++) {
                        Object value = result.getObject(column);
                        row.add(value == null ? "null" : value instanceof BigDecimal amount && amount.scale() >= 2
                                ? amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString() : value.toString());
                    }
                    rows.add(row);
                }
                return rows;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void check(int expected, Response response) {
        if (response.status() != expected) {
            throw new IllegalStateException("expected " + expected + ": " + response);
        }
    }
}
