package de.foerderregister.application;

import de.foerderregister.db.QueryLog;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads one application as the API answers it, with its annual plan, in one statement: GET by id
 * is the registry's most frequent request, and a second round trip for the plan lines cost as much
 * as the application's own. Writes keep going through {@link ApplicationRepository} and
 * {@link AnnualPlanRepository}.
 */
@Singleton
class ApplicationViewRepository {

    // one row per plan line, one row with an empty plan line for an application without a plan; no ORDER BY,
    // which costs MariaDB a temporary table for every read: the few lines are sorted here
    private static final String APPLICATION_WITH_PLAN = """
            SELECT a.*, p.year AS plan_year, p.amount AS plan_amount
              FROM funding_application a LEFT JOIN annual_plan_line p ON p.application_id = a.id
             WHERE a.id = ? AND a.owner_state = COALESCE(?, a.owner_state)""";

    private final JdbcOperations jdbc;

    ApplicationViewRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The application with its plan, if it exists and, when {@code ownerState} is given, belongs to that state. */
    Optional<ApplicationView> find(long id, @Nullable StateCode ownerState) {
        QueryLog.executing(APPLICATION_WITH_PLAN, id, ownerState);
        return jdbc.execute(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(APPLICATION_WITH_PLAN)) {
                statement.setLong(1, id);
                statement.setString(2, ownerState == null ? null : ownerState.name());
                try (ResultSet rows = statement.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.empty();
                    }
                    FundingApplication application = jdbc.readEntity(rows, FundingApplication.class);
                    List<AnnualPlanLine> plan = new ArrayList<>();
                    do {
                        int year = rows.getInt("plan_year");
                        if (!rows.wasNull()) {
                            BigDecimal amount = rows.getBigDecimal("plan_amount");
                            plan.add(new AnnualPlanLine(null, id, year, amount));
                        }
                    } while (rows.next());
                    plan.sort(Comparator.comparingInt(AnnualPlanLine::year));
                    return Optional.of(ApplicationView.of(application, plan));
                }
            }
        });
    }
}
