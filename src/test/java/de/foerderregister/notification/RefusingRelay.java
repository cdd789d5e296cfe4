package de.foerderregister.notification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An SMTP relay on loopback that answers the recipients it is told to refuse with the given reply
 * (a 550 "no such user", a 450 "mailbox busy") and takes every other mail, as a real relay does
 * for an address it knows to be wrong. GreenMail accepts every recipient, so the refusals that
 * decide between "try again" and "give up" are tested against this one, over a real socket, with
 * Jakarta Mail reading the replies.
 */
final class RefusingRelay implements AutoCloseable {

    private final ServerSocket socket;
    private final Map<String, String> refusals;
    private final ExecutorService connections = Executors.newCachedThreadPool();

    /** @param refusals recipient address (lower case) → the whole reply line to its RCPT, e.g. "550 5.1.1 no such user" */
    RefusingRelay(Map<String, String> refusals) {
        this.refusals = refusals;
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        connections.submit(this::accept);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                connections.submit(() -> converse(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void converse(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
             Writer out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
            reply(out, "220 refusing relay ready");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String command = line.toUpperCase(Locale.ROOT);
                if (command.startsWith("RCPT TO:")) {
                    String address = line.substring(line.indexOf('<') + 1, line.lastIndexOf('>')).toLowerCase(Locale.ROOT);
                    reply(out, refusals.getOrDefault(address, "250 2.1.5 ok"));
                } else if (command.startsWith("DATA")) {
                    reply(out, "354 go ahead");
                    for (String data = in.readLine(); data != null && !data.equals("."); data = in.readLine()) {
                        // the message is taken and dropped
                    }
                    reply(out, "250 2.0.0 queued");
                } else if (command.startsWith("QUIT")) {
                    reply(out, "221 bye");
                    return;
                } else {
                    // EHLO, MAIL FROM, RSET, NOOP
                    reply(out, "250 ok");
                }
            }
        } catch (IOException e) {
            // the client went away
        }
    }

    private static void reply(Writer out, String line) throws IOException {
        out.write(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        connections.shutdownNow();
    }
}
