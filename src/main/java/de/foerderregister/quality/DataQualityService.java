package de.foerderregister.quality;

import de.foerderregister.application.Money;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The data-quality findings: each kind one set-based query, the reason put in words here. */
@Singleton
public class DataQualityService {

    /** "Far outside the usual range": more than ten times the median ... */
    static final BigDecimal ABOVE_MEDIAN_FACTOR = BigDecimal.TEN;
    /** ... or less than one hundredth of it. */
    static final BigDecimal BELOW_MEDIAN_FACTOR = new BigDecimal("0.01");
    /** Below this many applications a median says nothing about what is usual. */
    static final int OUTLIER_MINIMUM_APPLICATIONS = 5;

    private final DataQualityRepository checks;
    private final Clock clock;

    public DataQualityService(DataQualityRepository checks, Clock clock) {
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional
    public List<Finding> findings(Caller caller) {
        caller.requireRole("read data-quality findings", Role.STATE, Role.FITKO, Role.FINANCE);
        String state = caller.stateScope().map(Enum::name).orElse(null);
        List<Finding> findings = new ArrayList<>();
        checks.endedButSubmitted(LocalDate.now(clock), state).forEach(row -> findings.add(Finding.of(
                FindingKind.RUNTIME_ENDED_STILL_SUBMITTED, row,
                "the runtime ended on " + row.day() + " but the application is still SUBMITTED, without a decision")));
        checks.approvedWithoutPlan(state).forEach(row -> findings.add(Finding.of(
                FindingKind.APPROVED_WITHOUT_ANNUAL_PLAN, row,
                "APPROVED for " + euros(row.amount()) + " without an annual plan; reports spread it pro rata by days")));
        checks.planNotMatchingAmount(state).forEach(row -> findings.add(Finding.of(
                FindingKind.ANNUAL_PLAN_MISMATCH, row,
                "the annual plan sums to " + euros(row.compared()) + " but the requested amount is " + euros(row.amount()))));
        checks.probableDuplicates(state).forEach(row -> findings.add(Finding.of(
                FindingKind.PROBABLE_DUPLICATE, row,
                "same owner state and the same title but for case, spaces and punctuation as " + others(row))));
        checks.amountOutliers(ABOVE_MEDIAN_FACTOR, BELOW_MEDIAN_FACTOR, OUTLIER_MINIMUM_APPLICATIONS, state)
                .forEach(row -> findings.add(Finding.of(FindingKind.AMOUNT_OUTLIER, row,
                        "the requested amount " + euros(row.amount()) + " is "
                                + (row.amount().compareTo(row.compared()) > 0 ? "more than 10 times" : "less than 1 % of")
                                + " the median of " + (state == null ? "all applications" : "the applications of " + state)
                                + " (" + euros(row.compared()) + ")")));
        checks.importsWithMissingFields(state).forEach(row -> findings.add(new Finding(
                FindingKind.IMPORT_MISSING_FIELDS, null, null, row.title(),
                "row " + row.fileRow() + " of import " + row.runId() + " (" + row.importedBy() + ", "
                        + row.importedAt().atOffset(ZoneOffset.UTC).toLocalDate() + ") was rejected for missing "
                        + row.missingColumns() + "; the application is not in the registry", null)));
        if (state == null) {
            Map<String, List<String>> reasons = checks.overCommitmentReasons().stream().collect(Collectors.groupingBy(
                    RecordedOverCommitment::envelope,
                    Collectors.mapping(row -> row.cause() + ": " + row.reason(), Collectors.toList())));
            checks.overcommittedEnvelopes().forEach(envelope -> findings.add(new Finding(
                    FindingKind.ENVELOPE_OVERCOMMITTED, null, null, envelope.name(),
                    "committed " + euros(envelope.committed()) + " exceed the envelope of " + euros(envelope.amount())
                            + " by " + euros(envelope.committed().subtract(envelope.amount())) + "; "
                            + (reasons.containsKey(envelope.name())
                            ? "reasons recorded: " + String.join("; ", reasons.get(envelope.name()))
                            : "no reason was recorded"),
                    "/api/budget/envelopes/" + envelope.name())));
        }
        return findings;
    }

    private static String euros(BigDecimal amount) {
        return Money.round(amount).toPlainString() + " EUR";
    }

    /** The group's other references. */
    private static String others(QualityRow row) {
        return Arrays.stream(row.others().split(", ")).filter(reference -> !reference.equals(row.reference()))
                .collect(Collectors.joining(", "));
    }
}
