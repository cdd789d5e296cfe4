package de.foerderregister.status;

import de.foerderregister.application.TrafficLight;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.function.Function;

/** Projects per light of one dimension; {@code unreported} have no status report yet. */
@Serdeable
public record LightCounts(long green, long yellow, long red, long unreported) {

    static LightCounts of(List<LightGroup> groups, Function<LightGroup, @Nullable TrafficLight> dimension) {
        long[] counts = new long[TrafficLight.values().length + 1];
        for (LightGroup group : groups) {
            TrafficLight light = dimension.apply(group);
            counts[light == null ? counts.length - 1 : light.ordinal()] += group.projects();
        }
        return new LightCounts(counts[TrafficLight.GREEN.ordinal()], counts[TrafficLight.YELLOW.ordinal()],
                counts[TrafficLight.RED.ordinal()], counts[counts.length - 1]);
    }
}
