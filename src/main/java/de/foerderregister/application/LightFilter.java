package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.List;

/**
 * Which lights of the latest status report an application must show: {@code overall} is the worst
 * of the three, so {@code overall = RED} finds every application with any red light; the others
 * ask for one dimension. An application without a status report matches no light.
 */
public record LightFilter(@Nullable TrafficLight overall, @Nullable TrafficLight schedule,
                          @Nullable TrafficLight budget, @Nullable TrafficLight quality) {

    public static final LightFilter ANY = new LightFilter(null, null, null, null);

    public static LightFilter overall(@Nullable TrafficLight light) {
        return new LightFilter(light, null, null, null);
    }

    void addTo(Root<FundingApplication> root, CriteriaBuilder criteria, List<Predicate> predicates) {
        add(root, "latestStatusOverall", overall, criteria, predicates);
        add(root, "latestStatusSchedule", schedule, criteria, predicates);
        add(root, "latestStatusBudget", budget, criteria, predicates);
        add(root, "latestStatusQuality", quality, criteria, predicates);
    }

    private static void add(Root<FundingApplication> root, String property, @Nullable TrafficLight light,
                            CriteriaBuilder criteria, List<Predicate> predicates) {
        if (light != null) {
            predicates.add(criteria.equal(root.get(property), light));
        }
    }
}
