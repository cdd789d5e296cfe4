package de.foerderregister.application;

import java.math.BigDecimal;
import java.util.SortedMap;

/**
 * An application as a change left it, and how that change moved its approved share of each year
 * (only the years that moved, in year order): what the envelope check of the change looks at.
 */
public record SavedChange(ApplicationView application, SortedMap<Integer, BigDecimal> approvedYearChanges) {
}
