package de.foerderregister.application;

import de.foerderregister.security.Caller;

/**
 * An APPROVED application's approved amount, and with it its split over the years, changed: by
 * the approval itself or an amendment taking effect. Published inside the changing transaction,
 * after its audit event; listeners (the reports the approval owes) run synchronously in that
 * transaction, with the application's row lock held, and a listener's refusal rolls the change back.
 */
public record ApprovedSharesChanged(Caller caller, FundingApplication application) {
}
