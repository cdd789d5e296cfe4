package de.foerderregister.status;

import de.foerderregister.application.ApplicationView;
import io.micronaut.data.model.Page;
import io.micronaut.serde.annotation.Serdeable;

/** {@code GET /api/portfolio}: the counts of the whole selection, and one page of its projects with their latest lights. */
@Serdeable
public record PortfolioView(PortfolioCounts counts, Page<ApplicationView> projects) {
}
