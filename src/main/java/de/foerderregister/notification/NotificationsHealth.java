package de.foerderregister.notification;

import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.AbstractHealthIndicator;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outbox on {@code /health} (details for ADMIN only, see {@code system.HealthDetails}): the
 * backlog, how long its oldest message waits, how many were given up, and whether a relay is set
 * at all (never its password). Always UP: a slow or absent relay delays mails but must not take
 * the instance out of the load balancer; the numbers are for the operator, and for alerts on the
 * metrics.
 */
@Singleton
class NotificationsHealth extends AbstractHealthIndicator<Map<String, Object>> {

    private final OutboxMetrics outbox;
    private final SmtpSettings smtp;
    private final NotificationSettings settings;

    NotificationsHealth(OutboxMetrics outbox, SmtpSettings smtp, NotificationSettings settings) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
    }

    @Override
    public String getName() {
        return "notifications";
    }

    @Override
    protected Map<String, Object> getHealthInformation() {
        healthStatus = HealthStatus.UP;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("backlog", outbox.backlog());
        details.put("oldestUnsentAgeSeconds", outbox.oldestUnsentAge().toSeconds());
        details.put("failed", outbox.givenUp());
        details.put("relayConfigured", smtp.relayConfigured());
        details.put("sending", smtp.relayConfigured() && settings.enabled());
        return details;
    }
}
