package de.foerderregister.application;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;

/** One calendar year of an application's planned spending. */
@MappedEntity("annual_plan_line")
public record AnnualPlanLine(@Id @GeneratedValue @Nullable Long id, Long applicationId, int year, BigDecimal amount) {
}
