package de.foerderregister.audit;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an anchor file: the chain's head as it stood at a time, signed with an audit key so
 * that nobody without the key can add or change a line. Kept outside the database, the anchors
 * pin the chain: events up to the newest anchor can be neither rewritten nor cut off.
 *
 * <pre>anchor installation=&lt;uuid&gt; event=&lt;id&gt; hash=&lt;hex&gt; at=&lt;instant&gt; kind=HEAD|LEGACY_END key=&lt;keyId&gt; mac=&lt;hex&gt;</pre>
 */
record Anchor(String installationId, long eventId, String hash, Instant at, Kind kind, String keyId, String mac) {

    enum Kind {
        /** The head as it stood. */
        HEAD,
        /** The last event hashed with plain SHA-256 before the chain was keyed: no such event may follow it. */
        LEGACY_END
    }

    private static final Pattern LINE = Pattern.compile(
            "anchor installation=([0-9a-f-]{36}) event=(\\d+) hash=([0-9a-f]{64}) at=(\\S+) kind=(HEAD|LEGACY_END) key=(\\S+) mac=([0-9a-f]{64})");

    static Anchor sign(String installationId, long eventId, String hash, Instant at, Kind kind, AuditKey key) {
        String signed = signedPart(installationId, eventId, hash, at, kind, key.id());
        return new Anchor(installationId, eventId, hash, at, kind, key.id(), key.mac(signed));
    }

    /** The line as written; empty when it is not an anchor line at all. */
    static Optional<Anchor> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Anchor(m.group(1), Long.parseLong(m.group(2)), m.group(3), Instant.parse(m.group(4)),
                    Kind.valueOf(m.group(5)), m.group(6), m.group(7)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    String line() {
        return signedPart(installationId, eventId, hash, at, kind, keyId) + " mac=" + mac;
    }

    boolean signedWith(AuditKey key) {
        String expected = key.mac(signedPart(installationId, eventId, hash, at, kind, keyId));
        return key.id().equals(keyId)
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static String signedPart(String installationId, long eventId, String hash, Instant at, Kind kind, String keyId) {
        return "anchor installation=" + installationId + " event=" + eventId + " hash=" + hash + " at=" + at + " kind=" + kind
                + " key=" + keyId;
    }
}
