package de.foerderregister.status;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The portfolio's projects, and how many show which light: overall (the worst of the three) and per dimension. */
@Serdeable
public record PortfolioCounts(long projects, LightCounts overall, LightCounts schedule, LightCounts budget,
                              LightCounts quality) {

    static PortfolioCounts of(List<LightGroup> groups) {
        return new PortfolioCounts(groups.stream().mapToLong(LightGroup::projects).sum(),
                LightCounts.of(groups, LightGroup::overall), LightCounts.of(groups, LightGroup::schedule),
                LightCounts.of(groups, LightGroup::budget), LightCounts.of(groups, LightGroup::quality));
    }
}
