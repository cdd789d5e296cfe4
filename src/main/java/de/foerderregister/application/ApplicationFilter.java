package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.repository.jpa.criteria.PredicateSpecification;
import jakarta.persistence.criteria.Predicate;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The list filters of {@code GET /api/applications}; {@code q} searches title and reference,
 * {@code lights} the latest status report's lights.
 */
public record ApplicationFilter(@Nullable StateCode ownerState, @Nullable Status status, @Nullable ApplicationType type,
                                @Nullable FundingSource fundingSource, @Nullable String q, LightFilter lights) {

    /** The filter as SQL predicates, always narrowed to the caller's state scope. */
    PredicateSpecification<FundingApplication> within(Optional<StateCode> scope) {
        return (root, criteria) -> {
            List<Predicate> predicates = new ArrayList<>();
            scope.ifPresent(state -> predicates.add(criteria.equal(root.get("ownerState"), state)));
            if (ownerState != null) {
                predicates.add(criteria.equal(root.get("ownerState"), ownerState));
            }
            if (status != null) {
                predicates.add(criteria.equal(root.get("status"), status));
            }
            if (type != null) {
                predicates.add(criteria.equal(root.get("type"), type));
            }
            if (fundingSource != null) {
                predicates.add(criteria.equal(root.get("fundingSource"), fundingSource));
            }
            if (q != null && !q.isBlank()) {
                String pattern = "%" + escapeLike(q.strip()) + "%";
                predicates.add(criteria.or(
                        criteria.like(root.get("title"), pattern),
                        criteria.like(root.get("reference"), pattern)));
            }
            lights.addTo(root, criteria, predicates);
            // no predicate at all means no WHERE clause; an empty AND would render as an empty one
            return predicates.isEmpty() ? null : criteria.and(predicates.toArray(Predicate[]::new));
        };
    }

    /** The search text matches literally: its own % and _ are no wildcards. */
    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
