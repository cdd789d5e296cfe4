package de.foerderregister.application;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;

import java.util.Locale;
import java.util.Set;

/** Paging and sorting of the application list: a bounded page size and a whitelist of sort keys. */
public final class ApplicationPaging {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    static final Set<String> SORTABLE = Set.of("reference", "title", "ownerState", "type", "fundingSource",
            "status", "startDate", "endDate", "requestedAmount", "createdAt", "updatedAt");

    private ApplicationPaging() {
    }

    /** {@code sort} is {@code property} or {@code property,asc|desc}; larger pages are clamped to {@value #MAX_SIZE}. */
    public static Pageable of(@Nullable Integer page, @Nullable Integer size, @Nullable String sort) {
        Pageable unsorted = unsorted(page, size);
        Sort.Order order = sort == null || sort.isBlank() ? Sort.Order.desc("createdAt") : order(sort);
        // the id breaks ties, so paging never shows a row twice or skips one
        Sort.Order tieBreak = order.getDirection() == Sort.Order.Direction.ASC ? Sort.Order.asc("id") : Sort.Order.desc("id");
        return Pageable.from(unsorted.getNumber(), unsorted.getSize(), Sort.of(order, tieBreak));
    }

    /** The same bounds for a list whose order is fixed by its query, such as a work list. */
    public static Pageable unsorted(@Nullable Integer page, @Nullable Integer size) {
        if (page != null && page < 0) {
            throw new BadRequest("page", RuleCode.PAGE_NEGATIVE);
        }
        if (size != null && size < 1) {
            throw new BadRequest("size", RuleCode.PAGE_SIZE);
        }
        return Pageable.from(page == null ? 0 : page, size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE));
    }

    private static Sort.Order order(String sort) {
        String[] parts = sort.split(",", -1);
        String property = parts[0].strip();
        if (!SORTABLE.contains(property) || parts.length > 2) {
            throw new BadRequest("sort", RuleCode.SORT_PROPERTY, SORTABLE.stream().sorted().toList());
        }
        String direction = parts.length == 2 ? parts[1].strip().toLowerCase(Locale.ROOT) : "asc";
        return switch (direction) {
            case "asc" -> Sort.Order.asc(property);
            case "desc" -> Sort.Order.desc(property);
            default -> throw new BadRequest("sort", RuleCode.SORT_DIRECTION);
        };
    }
}
