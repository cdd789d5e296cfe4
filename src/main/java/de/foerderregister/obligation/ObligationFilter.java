package de.foerderregister.obligation;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;
import java.util.List;

/**
 * The filters of {@code GET /api/obligations}: any of the statuses (none given: all), overdue or
 * not (null: either), one owner state, due strictly before a day.
 */
public record ObligationFilter(List<ObligationStatus> statuses, @Nullable Boolean overdue,
                               @Nullable StateCode ownerState, @Nullable LocalDate dueBefore) {

    public ObligationFilter {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }
}
