package de.foerderregister.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micronaut.context.annotation.Context;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The outbox in /prometheus: how many messages wait and for how long (read from the database at
 * each scrape, so every instance reports the shared outbox), and what this instance did with them.
 * Created at start ({@link Context}) so that the gauges are there before the first mail.
 */
@Context
class OutboxMetrics {

    private final OutboxRepository messages;
    private final Clock clock;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;

    OutboxMetrics(OutboxRepository messages, Clock clock, Optional<MeterRegistry> meters) {
        this.messages = messages;
        this.clock = clock;
        // with metrics switched off the counts are kept, just not exported
        MeterRegistry registry = meters.orElseGet(SimpleMeterRegistry::new);
        this.sent = Counter.builder("registry.notifications.sent")
                .description("messages the mail relay accepted").register(registry);
        this.retried = Counter.builder("registry.notifications.retried")
                .description("failed attempts that will be tried again").register(registry);
        this.failed = Counter.builder("registry.notifications.failed")
                .description("messages given up: refused for good, or every attempt failed").register(registry);
        Gauge.builder("registry.notifications.backlog", this, OutboxMetrics::backlog)
                .description("messages waiting to be sent").strongReference(true).register(registry);
        Gauge.builder("registry.notifications.oldest.unsent.age", this, metrics -> metrics.oldestUnsentAge().toSeconds())
                .description("how long the oldest message waiting to be sent has waited").baseUnit("seconds")
                .strongReference(true).register(registry);
    }

    long backlog() {
        return messages.countByStatus(OutboxStatus.PENDING);
    }

    long givenUp() {
        return messages.countByStatus(OutboxStatus.FAILED);
    }

    /** Zero when nothing waits. */
    Duration oldestUnsentAge() {
        Instant oldest = messages.findOldestPendingCreatedAt();
        return oldest == null ? Duration.ZERO : Duration.between(oldest, clock.instant());
    }

    void sent() {
        sent.increment();
    }

    void retried() {
        retried.increment();
    }

    void failed() {
        failed.increment();
    }
}
