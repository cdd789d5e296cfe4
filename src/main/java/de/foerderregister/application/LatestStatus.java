package de.foerderregister.application;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;

/**
 * The lights of an application's latest status report, kept on the application itself (columns
 * {@code latest_status_*}) so the list, its light filters and the portfolio stay one indexed query
 * of the application table. Written only by the status report that supersedes it, in that
 * report's transaction; the reports themselves are the history. {@code overall} is the worst of
 * the three.
 */
@Serdeable
public record LatestStatus(TrafficLight schedule, TrafficLight budget, TrafficLight quality, TrafficLight overall,
                           Instant reportedAt) {

    public static LatestStatus of(TrafficLight schedule, TrafficLight budget, TrafficLight quality, Instant reportedAt) {
        return new LatestStatus(schedule, budget, quality, TrafficLight.worst(schedule, budget, quality), reportedAt);
    }
}
