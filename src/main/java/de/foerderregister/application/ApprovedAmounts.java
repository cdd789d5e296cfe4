package de.foerderregister.application;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

/** The approved amount of an application as it stood on a given day; kept by the decision ledger. */
public interface ApprovedAmounts {

    Optional<BigDecimal> asOf(long applicationId, LocalDate day);
}
