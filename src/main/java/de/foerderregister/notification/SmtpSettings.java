package de.foerderregister.notification;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.time.Duration;

/**
 * The mail relay the outbox is sent through ({@code REGISTRY_NOTIFICATIONS_SMTP_HOST} and its siblings).
 * Without a host nothing is sent: the outbox is still written and waits for a relay.
 *
 * @param host           the relay's host name; empty: no relay
 * @param port           the relay's port (25 for a relay inside the network, 587 with STARTTLS, 465 with SMTPS)
 * @param username       set: the registry authenticates (SMTP AUTH) with it and {@code password}
 * @param password       the relay account's password; never logged, never shown on /health
 * @param tls            how the connection is protected
 * @param connectTimeout how long connecting to the relay may take
 * @param readTimeout    how long the relay may take to answer one command (and to take one write)
 */
@ConfigurationProperties("registry.notifications.smtp")
public record SmtpSettings(@Nullable String host,
                           @Bindable(defaultValue = "25") int port,
                           @Nullable String username,
                           @Nullable String password,
                           @Bindable(defaultValue = "NONE") Tls tls,
                           @Bindable(defaultValue = "10s") Duration connectTimeout,
                           @Bindable(defaultValue = "10s") Duration readTimeout) {

    /** How the connection to the relay is protected. */
    public enum Tls {
        /** Plain SMTP: a relay inside the agency's network that offers no TLS. */
        NONE,
        /** Plain SMTP upgraded with STARTTLS; a relay that does not offer it is refused, never fallen back from. */
        STARTTLS,
        /** TLS from the first byte ("implicit TLS", SMTPS, usually port 465). */
        SMTPS
    }

    public boolean relayConfigured() {
        return host != null && !host.isBlank();
    }

    public boolean authenticates() {
        return username != null && !username.isBlank();
    }

    /** Without the password: settings end up in logs and error messages. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", username=" + username + ", password="
                + (password == null || password.isEmpty() ? "(none)" : "(set)") + ", tls=" + tls + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
