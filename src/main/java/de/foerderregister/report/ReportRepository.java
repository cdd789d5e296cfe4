package de.foerderregister.report;

import de.foerderregister.application.FundingApplication;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.LocalDate;
import java.util.List;

/** The rows of the list reports. */
@JdbcRepository(dialect = Dialect.MYSQL)
public interface ReportRepository extends GenericRepository<FundingApplication, Long> {

    /** The decisions of one meeting day, in agenda order; {@code state} narrows them to one owner state. */
    @Query("""
            SELECT a.reference, a.title, a.owner_state, a.type, a.start_date, a.end_date, a.requested_amount,
                   d.outcome, d.approved_amount AS decided_amount, d.body, d.agenda_item, d.note AS decision_note, a.notes
            FROM decision d JOIN funding_application a ON a.id = d.application_id
            WHERE d.meeting_date = :meetingDate AND (:state IS NULL OR a.owner_state = :state)
            ORDER BY d.body, d.agenda_item, d.id""")
    List<DecisionListRow> decisionList(LocalDate meetingDate, @Nullable String state);

    /** One chunk of the detail list, after {@code afterId}: keyset paging keeps every chunk an index range scan. */
    @Query("""
            SELECT a.id, a.reference, a.title, a.owner_state, a.type, a.funding_source, a.start_date, a.end_date,
                   a.status, a.requested_amount, a.approved_amount
            FROM funding_application a
            WHERE a.id > :afterId
              AND (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:fundingSource IS NULL OR a.funding_source = :fundingSource)
              AND (:status IS NULL OR a.status = :status)
            ORDER BY a.id LIMIT 1000""")
    List<ApplicationListRow> applicationList(long afterId, @Nullable String ownerState, @Nullable String fundingSource,
                                             @Nullable String status);

    /**
     * One chunk of the portfolio: the approved projects after {@code afterId}, with their latest
     * lights. {@code scope} is the caller's state, {@code ownerState} the filter (a state asking for
     * another's gets nothing); {@code light} is the overall light.
     */
    @Query("""
            SELECT a.id, a.reference, a.title, a.owner_state, a.funding_source, a.start_date, a.end_date,
                   a.approved_amount, a.latest_status_schedule AS schedule, a.latest_status_budget AS budget,
                   a.latest_status_quality AS quality, a.latest_status_overall AS overall,
                   a.latest_status_reported_at AS reported_at
            FROM funding_application a
            WHERE a.id > :afterId AND a.status = 'APPROVED'
              AND (:scope IS NULL OR a.owner_state = :scope)
              AND (:ownerState IS NULL OR a.owner_state = :ownerState)
              AND (:fundingSource IS NULL OR a.funding_source = :fundingSource)
              AND (:light IS NULL OR a.latest_status_overall = :light)
            ORDER BY a.id LIMIT 1000""")
    List<PortfolioRow> portfolio(long afterId, @Nullable String scope, @Nullable String ownerState,
                                 @Nullable String fundingSource, @Nullable String light);
}
