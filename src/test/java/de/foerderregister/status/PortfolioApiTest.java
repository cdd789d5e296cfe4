package de.foerderregister.status;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static de.foerderregister.status.StatusReportApiTest.list;
import static de.foerderregister.status.StatusReportApiTest.path;
import static de.foerderregister.status.StatusReportApiTest.report;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The latest lights on the application list and its filters, and the portfolio's projects and counts against SQL. */
@MicronautTest(transactional = false)
class PortfolioApiTest {

    @Inject
    TestApi api;

    @Inject
    DataSource dataSource;

    /** Four approved projects of the state whose titles carry the marker: green, yellow, red and never reported. */
    private Map<String, Long> projects(Account fitko, StateCode state, String marker) {
        Map<String, Long> ids = new LinkedHashMap<>();
        for (String name : List.of("green", "yellow", "red", "silent")) {
            Map<String, Object> body = api.application(state);
            body.put("title", marker + " " + name);
            ids.put(name, api.approved(fitko, body, "500000.00"));
        }
        Account applicant = api.applicant(state);
        assertEquals(201, api.post(applicant, path(ids.get("green")), report("GREEN", "GREEN", "GREEN", null)).status());
        assertEquals(201, api.post(applicant, path(ids.get("yellow")),
                report("YELLOW", "GREEN", "GREEN", "Ausschreibung dauert länger")).status());
        assertEquals(201, api.post(fitko, path(ids.get("red")),
                report("GREEN", "RED", "YELLOW", "Kosten für Hosting verdoppelt")).status());
        return ids;
    }

    private List<Long> listed(Account account, String marker, String filters) {
        Response found = api.get(account, "/api/applications?size=100&sort=title&q="
                + URLEncoder.encode(marker, StandardCharsets.UTF_8) + filters);
        assertEquals(200, found.status(), found.body());
        return list(found.json().get("content")).stream().map(row -> row.get("id").asLong()).toList();
    }

    @Test
    void theListShowsEachApplicationsLatestLightsAndFiltersByThem() {
        Account fitko = api.account(Role.FITKO, null);
        String marker = api.unique("Ampel");
        Map<String, Long> ids = projects(fitko, StateCode.SH, marker);
        long green = ids.get("green");
        long yellow = ids.get("yellow");
        long red = ids.get("red");
        long silent = ids.get("silent");

        Map<Long, JsonNode> rows = new LinkedHashMap<>();
        list(api.get(fitko, "/api/applications?q=" + marker).json().get("content"))
                .forEach(row -> rows.put(row.get("id").asLong(), row));
        assertEquals("RED", rows.get(red).get("latestStatus").get("budget").asText());
        assertEquals("YELLOW", rows.get(red).get("latestStatus").get("quality").asText());
        assertEquals("RED", rows.get(red).get("latestStatus").get("overall").asText());
        assertEquals("YELLOW", rows.get(yellow).get("latestStatus").get("overall").asText());
        assertTrue(rows.get(green).get("latestStatus").has("reportedAt"));
        assertTrue(StatusReportApiTest.absent(rows.get(silent), "latestStatus"));

        assertEquals(List.of(red), listed(fitko, marker, "&light=RED"), "any light red");
        assertEquals(List.of(yellow), listed(fitko, marker, "&light=YELLOW"), "the worst light yellow");
        assertEquals(List.of(green), listed(fitko, marker, "&light=GREEN"), "all green");
        assertEquals(List.of(yellow), listed(fitko, marker, "&schedule=YELLOW"));
        assertEquals(List.of(red), listed(fitko, marker, "&budget=RED"));
        assertEquals(List.of(red), listed(fitko, marker, "&quality=YELLOW"));
        assertEquals(List.of(green, red), listed(fitko, marker, "&schedule=GREEN"));
        assertEquals(List.of(red), listed(fitko, marker, "&light=RED&schedule=GREEN"));
        assertEquals(List.of(), listed(fitko, marker, "&schedule=RED"));

        Account sh = api.applicant(StateCode.SH);
        assertEquals(List.of(red), listed(sh, marker, "&light=RED"));
        assertEquals(List.of(), listed(api.account(Role.STATE, StateCode.BE), marker, "&light=RED"), "another state's");

        Response unknown = api.get(fitko, "/api/applications?light=PURPLE");
        assertEquals(400, unknown.status(), unknown.body());
        assertEquals("light", unknown.json().get("errors").get(0).get("field").asText());

        // a newer report replaces the lights the list shows and filters by
        assertEquals(201, api.post(sh, path(red), report("GREEN", "GREEN", "GREEN", null)).status());
        assertEquals(List.of(), listed(fitko, marker, "&light=RED"));
        assertEquals(List.of(green, red), listed(fitko, marker, "&light=GREEN"));
    }

    @Test
    void thePortfolioHoldsTheApprovedProjectsAndItsCountsEqualSql() throws SQLException {
        Account fitko = api.account(Role.FITKO, null);
        String marker = api.unique("Portfolio");
        projects(fitko, StateCode.SH, marker);
        // not in the portfolio: not approved
        api.submitted(StateCode.SH);

        for (String filter : List.of("", "?ownerState=SH", "?fundingSource=DIGITALISATION_BUDGET", "?light=RED",
                "?ownerState=SH&light=YELLOW", "?fundingSource=STIMULUS_PACKAGE")) {
            Response portfolio = api.get(api.account(Role.FINANCE, null), "/api/portfolio" + filter + (filter.isEmpty() ? "?" : "&") + "size=100");
            assertEquals(200, portfolio.status(), portfolio.body());
            JsonNode counts = portfolio.json().get("counts");
            Map<String, String> where = new TreeMap<>();
            if (filter.contains("ownerState=SH")) {
                where.put("owner_state", "SH");
            }
            if (filter.contains("fundingSource=")) {
                where.put("funding_source", filter.contains("STIMULUS") ? "STIMULUS_PACKAGE" : "DIGITALISATION_BUDGET");
            }
            if (filter.contains("light=")) {
                where.put("latest_status_overall", filter.contains("RED") ? "RED" : "YELLOW");
            }
            assertEquals(sqlCounts(where), counts(counts), filter);
            assertEquals(counts.get("projects").asLong(), portfolio.json().get("projects").get("totalSize").asLong(), filter);
            for (JsonNode project : list(portfolio.json().get("projects").get("content"))) {
                assertEquals("APPROVED", project.get("status").asText(), filter);
            }
        }
    }

    @Test
    void aStateSeesItsOwnPortfolioOnly() throws SQLException {
        Account fitko = api.account(Role.FITKO, null);
        projects(fitko, StateCode.SH, api.unique("Eigenes"));
        Account sh = api.applicant(StateCode.SH);
        Response own = api.get(sh, "/api/portfolio?size=100");
        assertEquals(200, own.status(), own.body());
        assertTrue(list(own.json().get("projects").get("content")).stream()
                .allMatch(project -> project.get("ownerState").asText().equals("SH")));
        assertEquals(sqlCounts(Map.of("owner_state", "SH")), counts(own.json().get("counts")));

        Response foreign = api.get(sh, "/api/portfolio?ownerState=BY");
        assertEquals(200, foreign.status(), foreign.body());
        assertEquals(0, foreign.json().get("counts").get("projects").asLong());
        assertEquals(0, foreign.json().get("projects").get("totalSize").asLong());

        assertEquals(403, api.get(api.account(Role.ADMIN, null), "/api/portfolio").status());
        Response unknown = api.get(fitko, "/api/portfolio?light=BLAU");
        assertEquals(400, unknown.status(), unknown.body());
    }

    /** The counts as "dimension light" → number, zeros left out. */
    private static Map<String, Long> counts(JsonNode counts) {
        Map<String, Long> flat = new TreeMap<>();
        flat.put("projects", counts.get("projects").asLong());
        for (String dimension : List.of("overall", "schedule", "budget", "quality")) {
            counts.get(dimension).fields().forEachRemaining(light -> {
                if (light.getValue().asLong() != 0) {
                    flat.put(dimension + " " + light.getKey(), light.getValue().asLong());
                }
            });
        }
        return flat;
    }

    /** The same numbers straight from the table, one GROUP BY per dimension. */
    private Map<String, Long> sqlCounts(Map<String, String> where) throws SQLException {
        StringBuilder condition = new StringBuilder("status = 'APPROVED'");
        where.keySet().forEach(column -> condition.append(" AND ").append(column).append(" = ?"));
        Map<String, Long> flat = new TreeMap<>();
        try (Connection connection = DelegatingDataSource.unwrapDataSource(dataSource).getConnection()) {
            flat.put("projects", single(connection, "SELECT COUNT(*) FROM funding_application WHERE " + condition, where));
            for (String dimension : List.of("overall", "schedule", "budget", "quality")) {
                String sql = "SELECT LOWER(COALESCE(latest_status_" + dimension + ", 'unreported')), COUNT(*) FROM funding_application WHERE "
                        + condition + " GROUP BY 1";
                try (PreparedStatement statement = bind(connection, sql, where); ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        flat.put(dimension + " " + rows.getString(1), rows.getLong(2));
                    }
                }
            }
        }
        return flat;
    }

    private static long single(Connection connection, String sql, Map<String, String> where) throws SQLException {
        try (PreparedStatement statement = bind(connection, sql, where); ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static PreparedStatement bind(Connection connection, String sql, Map<String, String> where) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        List<String> values = new ArrayList<>(where.values());
        for (int i = 0; i < values.size(); i++) {
            statement.setString(i + 1, values.get(i));
        }
        return statement;
    }
}
