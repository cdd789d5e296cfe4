package de.foerderregister.status;

import de.foerderregister.application.TrafficLight;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/** How many approved projects show one combination of latest lights; all null for projects never reported on. */
@Introspected
public record LightGroup(@Nullable TrafficLight overall, @Nullable TrafficLight schedule, @Nullable TrafficLight budget,
                         @Nullable TrafficLight quality, long projects) {
}
