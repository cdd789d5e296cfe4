package de.foerderregister.export;

import de.foerderregister.application.Money;
import de.foerderregister.application.StateCode;
import de.foerderregister.report.CellText;
import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The approved applications as 360Giving grants (https://standard.threesixtygiving.org): one
 * grant per application, identified by the configurable prefix and the file number. The owner
 * state is both the recipient and the beneficiary location; there is no org-id.guide list for
 * German states, so both are identified by the ISO 3166-2 code ({@code DE-ST}; the federation {@code DE}).
 * {@code amountDisbursed} is what was paid out so far, less repayments.
 */
@Singleton
public class GrantExport {

    static final String CURRENCY = "EUR";
    /** The 360Giving flattened column titles, in the order of {@link #cells}. */
    static final List<String> CSV_COLUMNS = List.of("Identifier", "Title", "Description", "Currency",
            "Amount Applied For", "Amount Awarded", "Amount Disbursed", "Award Date", "Planned Dates:Start Date", "Planned Dates:End Date",
            "Planned Dates:Duration (months)", "Recipient Org:Identifier", "Recipient Org:Name", "Funding Org:Identifier",
            "Funding Org:Name", "Beneficiary Location:Name", "Beneficiary Location:Country Code",
            "Beneficiary Location:Geographic Code", "Grant Programme:Title", "Last modified");

    private final GrantRepository grants;
    private final String identifierPrefix;
    private final Grants.Organization funder;

    public GrantExport(GrantRepository grants,
                       @Value("${registry.export.identifier-prefix:360G-fitko-}") String identifierPrefix,
                       @Value("${registry.export.funding-org-id:DE-FITKO}") String fundingOrgId,
                       @Value("${registry.export.funding-org-name:FITKO (Föderale IT-Kooperation)}") String fundingOrgName) {
        this.grants = grants;
        this.identifierPrefix = identifierPrefix;
        this.funder = new Grants.Organization(fundingOrgId, fundingOrgName);
    }

    @Transactional
    public Grants json(Caller caller) {
        caller.requireRole("export grants", Role.STATE, Role.FITKO, Role.FINANCE);
        return new Grants(grants.approved(caller.stateScope().map(Enum::name).orElse(null)).stream()
                .map(this::grant).toList());
    }

    /** The same grants in the 360Giving spreadsheet layout: UTF-8, comma-separated, formula-safe text cells. */
    public String csv(Caller caller) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSVFormat.DEFAULT.builder()
                .setHeader(CSV_COLUMNS.toArray(String[]::new)).get())) {
            for (Grants.Grant grant : json(caller).grants()) {
                printer.printRecord(cells(grant));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private Grants.Grant grant(GrantRow row) {
        String code = iso3166(row.ownerState());
        String stateName = row.ownerState().germanName();
        return new Grants.Grant(identifierPrefix + row.reference(), row.title(),
                row.notes() == null ? row.title() : row.notes(), CURRENCY, row.requestedAmount(), row.approvedAmount(),
                Money.exact(row.disbursedAmount()), row.awardDate(), List.of(new Grants.PlannedDates(row.startDate(), row.endDate(),
                        months(row.startDate(), row.endDate()))),
                List.of(new Grants.Organization(code, stateName)), List.of(funder),
                List.of(new Grants.Location(stateName, "DE", code,
                        row.ownerState() == StateCode.BUND ? "ISO3166-1" : "ISO3166-2")),
                List.of(new Grants.Programme(row.fundingSource().germanName())), row.updatedAt());
    }

    private static List<Object> cells(Grants.Grant grant) {
        Grants.PlannedDates dates = grant.plannedDates().get(0);
        Grants.Organization recipient = grant.recipientOrganization().get(0);
        Grants.Location location = grant.beneficiaryLocation().get(0);
        return List.of(CellText.safe(grant.id()), CellText.safe(grant.title()), CellText.safe(grant.description()),
                grant.currency(), grant.amountAppliedFor().toPlainString(), grant.amountAwarded().toPlainString(),
                grant.amountDisbursed().toPlainString(), grant.awardDate().toString(), dates.startDate().toString(), dates.endDate().toString(), dates.duration(),
                recipient.id(), recipient.name(), CellText.safe(grant.fundingOrganization().get(0).id()),
                CellText.safe(grant.fundingOrganization().get(0).name()), location.name(), location.countryCode(),
                location.geoCode(), grant.grantProgramme().get(0).title(), grant.lastModified().toString());
    }

    /** ISO 3166-2 code of a state; the federation is the country itself (ISO 3166-1). */
    static String iso3166(StateCode state) {
        return state == StateCode.BUND ? "DE" : "DE-" + state.name();
    }

    /** The runtime in months, a begun month counting as one: 2020-06-01 to 2022-12-31 is 31. */
    static int months(LocalDate start, LocalDate end) {
        LocalDate after = end.plusDays(1);
        long whole = ChronoUnit.MONTHS.between(start, after);
        return (int) (start.plusMonths(whole).isBefore(after) ? whole + 1 : whole);
    }
}
