package de.foerderregister.export;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A 360Giving package: the JSON structure of the 360Giving Data Standard, property names as it spells them. */
@Serdeable
public record Grants(List<Grant> grants) {

    @Serdeable
    public record Grant(String id, String title, String description, String currency, BigDecimal amountAppliedFor,
                        BigDecimal amountAwarded, BigDecimal amountDisbursed, LocalDate awardDate,
                        List<PlannedDates> plannedDates,
                        List<Organization> recipientOrganization, List<Organization> fundingOrganization,
                        List<Location> beneficiaryLocation, List<Programme> grantProgramme, Instant lastModified) {
    }

    @Serdeable
    public record PlannedDates(LocalDate startDate, LocalDate endDate, int duration) {
    }

    @Serdeable
    public record Organization(String id, String name) {
    }

    @Serdeable
    public record Location(String name, String countryCode, String geoCode, String geoCodeType) {
    }

    @Serdeable
    public record Programme(String title) {
    }
}
