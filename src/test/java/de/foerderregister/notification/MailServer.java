package de.foerderregister.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a port of its own on loopback, for the tests that follow a
 * mail from the change to the inbox. It can be stopped and started again on the same port, as a
 * relay that is down for a while.
 */
public final class MailServer implements AutoCloseable {

    private final int port;
    private GreenMail server;

    private MailServer(int port) {
        this.port = port;
    }

    public static MailServer start() {
        MailServer mail = new MailServer(freePort());
        mail.up();
        return mail;
    }

    /** The settings that point a registry at this server. */
    public Map<String, Object> properties() {
        return Map.of("registry.notifications.smtp.host", "127.0.0.1",
                "registry.notifications.smtp.port", port);
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) on its port, with an empty inbox. */
    public void up() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    /** Stops the server: connections to its port are refused until {@link #up()}. */
    public void down() {
        server.stop();
    }

    /** Waits until the server has received at least {@code count} mails, and answers all of them. */
    public List<MimeMessage> await(int count, Duration timeout) {
        server.waitForIncomingEmail(timeout.toMillis(), count);
        return received();
    }

    public List<MimeMessage> received() {
        return List.of(server.getReceivedMessages());
    }

    /** Forgets what was received so far (between the tests of one class). */
    public void clear() {
        try {
            server.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException("could not empty the test mail server", e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
