package de.foerderregister.notification;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Hands outbox messages to the agency's mail relay over SMTP, with Jakarta Mail itself rather than
 * Micronaut Email: a message sent again after a crash must carry the Message-ID it was given when
 * written, so that mail programs show it once, and Micronaut Email's sender lets Jakarta Mail make
 * up a new Message-ID on every send. The mail is the row as written: a plain-text part first, the
 * same as HTML second (multipart/alternative, both UTF-8), marked {@code Auto-Submitted} so that
 * out-of-office replies are not sent back (RFC 3834). No tracking: no pixels, no rewritten links,
 * no per-recipient headers beyond the address.
 */
@Singleton
public class MailRelay {

    private static final Logger LOG = LoggerFactory.getLogger(MailRelay.class);
    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final SmtpSettings smtp;
    private final NotificationSettings settings;
    private final Clock clock;
    private final InternetAddress from;
    private final String protocol;
    private final Session session;

    public MailRelay(SmtpSettings smtp, NotificationSettings settings, Clock clock) {
        this.smtp = smtp;
        this.settings = settings;
        this.clock = clock;
        this.from = sender(settings.from());
        this.protocol = smtp.tls() == SmtpSettings.Tls.SMTPS ? "smtps" : "smtp";
        this.session = Session.getInstance(properties());
    }

    /** Says once at start what this instance does with the outbox: an operator wonders why no mail comes. */
    @EventListener
    void onStartup(StartupEvent started) {
        if (!smtp.relayConfigured()) {
            LOG.info("No mail relay set (REGISTRY_NOTIFICATIONS_SMTP_HOST): notifications are written to the outbox and not sent");
        } else if (!settings.enabled()) {
            LOG.info("This instance does not send notifications (registry.notifications.enabled is false)");
        } else {
            LOG.info("Sending notifications through {}:{} ({}, {}) from {}", smtp.host(), smtp.port(), smtp.tls(),
                    smtp.authenticates() ? "AUTH as " + smtp.username() : "no AUTH", settings.from());
            if (smtp.authenticates() && smtp.tls() == SmtpSettings.Tls.NONE) {
                LOG.warn("The mail relay's password is sent unencrypted: set REGISTRY_NOTIFICATIONS_SMTP_TLS to STARTTLS or SMTPS");
            }
        }
    }

    /** A connection for one round of messages; it connects at the first message and again after a failure. */
    Connection connection() {
        return new Connection();
    }

    /**
     * Whether the relay refused this very message for good: the recipient's address is malformed, or the
     * relay answered the recipient (RCPT) or the message (DATA) with a 5xx. A 5xx to the sender (MAIL FROM)
     * or to the login is the relay's configuration, not the message's, and is tried again.
     */
    static boolean permanent(Exception failure) {
        for (Exception e = failure; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
            if (e instanceof AddressException) {
                return true;
            }
            if (e instanceof SMTPSenderFailedException) {
                return false;
            }
            if (e instanceof SMTPAddressFailedException refused) {
                return refused.getReturnCode() >= 500;
            }
            if (e instanceof SMTPSendFailedException refused && refused.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    /** What went wrong, for last_error: the exception chain's messages, never the relay's password, at most 1000 characters. */
    String describe(Exception failure) {
        StringBuilder text = new StringBuilder();
        for (Exception e = failure; e != null && text.length() < 1000;
             e = e instanceof MessagingException m ? m.getNextException() : null) {
            text.append(text.isEmpty() ? "" : "; ").append(e.getClass().getSimpleName()).append(": ").append(e.getMessage());
        }
        String described = text.toString().replaceAll("[\\r\\n\\t]+", " ").strip();
        if (smtp.password() != null && !smtp.password().isEmpty()) {
            described = described.replace(smtp.password(), "***");
        }
        return described.length() <= 1000 ? described : described.substring(0, 1000);
    }

    MimeMessage mime(OutboxMessage message) throws MessagingException {
        MimeMessage mime = new FixedIdMessage(session, message.messageId());
        mime.setFrom(from);
        // strict parsing: an address that is not one is refused here, for good, before the relay sees it
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipientAddress(), true));
        mime.setSubject(message.subject(), UTF_8);
        mime.setSentDate(Date.from(clock.instant()));
        mime.setHeader("Auto-Submitted", "auto-generated");
        mime.setHeader("Content-Language", message.language());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.textBody(), UTF_8, "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(message.htmlBody(), UTF_8, "html");
        // the simplest part first: a reader shows the last one it understands
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        mime.setContent(alternative);
        mime.saveChanges();
        return mime;
    }

    /** The sender, with or without a name ("Förderregister <register@agency.example>"); a wrong one stops the start. */
    private static InternetAddress sender(String from) {
        try {
            return new InternetAddress(from, true);
        } catch (AddressException e) {
            throw new IllegalStateException("registry.notifications.from is not a mail address: " + from, e);
        }
    }

    private Properties properties() {
        String prefix = "mail." + protocol + ".";
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", protocol);
        properties.put(prefix + "host", smtp.relayConfigured() ? smtp.host() : "localhost");
        properties.put(prefix + "port", String.valueOf(smtp.port()));
        properties.put(prefix + "connectiontimeout", String.valueOf(smtp.connectTimeout().toMillis()));
        properties.put(prefix + "timeout", String.valueOf(smtp.readTimeout().toMillis()));
        properties.put(prefix + "writetimeout", String.valueOf(smtp.readTimeout().toMillis()));
        // the envelope sender: bounces go to the registry's address, not to the relay's account
        properties.put(prefix + "from", from.getAddress());
        properties.put(prefix + "auth", String.valueOf(smtp.authenticates()));
        if (smtp.tls() == SmtpSettings.Tls.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            properties.put(prefix + "starttls.required", "true");
        }
        if (smtp.tls() != SmtpSettings.Tls.NONE) {
            // the certificate must name the relay: TLS to anyone who answers protects nothing
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        return properties;
    }

    /** Connecting to the relay failed (not reached, no TLS, login refused): every message of the round fails alike, and is tried again. */
    static final class RelayUnreachable extends MessagingException {
        RelayUnreachable(MessagingException cause) {
            super("could not connect to the mail relay (not reached, no TLS, or login refused)", cause);
        }
    }

    /** One SMTP connection, reused for the messages of a round. */
    final class Connection implements AutoCloseable {

        private Transport transport;

        void send(OutboxMessage message) throws MessagingException {
            MimeMessage mime = mime(message);
            if (transport == null) {
                Transport connecting = session.getTransport(protocol);
                try {
                    connecting.connect(smtp.host(), smtp.port(), smtp.authenticates() ? smtp.username() : null,
                            smtp.authenticates() ? smtp.password() : null);
                } catch (MessagingException e) {
                    throw new RelayUnreachable(e);
                }
                transport = connecting;
            }
            try {
                transport.sendMessage(mime, mime.getAllRecipients());
            } catch (MessagingException e) {
                // a refused recipient leaves the connection usable (Jakarta Mail resets it); anything else may not
                if (!(e instanceof SendFailedException) || e instanceof SMTPSenderFailedException) {
                    close();
                }
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debug("Closing the connection to the mail relay failed: {}", e.toString());
                }
                transport = null;
            }
        }
    }

    /** Keeps the Message-ID the row was written with: Jakarta Mail would otherwise make a new one on every send. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
