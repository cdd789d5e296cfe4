package de.foerderregister.audit;

import de.foerderregister.db.WriteLanes;
import io.micronaut.core.annotation.Nullable;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of an anchor file: the head of one lane's chain as it stood at a time, signed with an audit
 * key so that nobody without the key can add or change a line. Kept outside the database, the anchors
 * pin each lane's chain: its events up to its newest anchor can be neither rewritten nor cut off.
 *
 * <pre>anchor installation=&lt;uuid&gt; lane=&lt;n&gt; event=&lt;id&gt; hash=&lt;hex&gt; at=&lt;instant&gt; kind=HEAD|LEGACY_END key=&lt;keyId&gt; mac=&lt;hex&gt;</pre>
 *
 * Lines written before lanes name none ({@code namedLane} null): they anchor lane 1, the one chain there was.
 */
record Anchor(String installationId, @Nullable Integer namedLane, long eventId, String hash, Instant at, Kind kind,
              String keyId, String mac) {

    enum Kind {
        /** The head as it stood. */
        HEAD,
        /** The last event hashed with plain SHA-256 before the chain was keyed: no such event may follow it. */
        LEGACY_END
    }

    private static final Pattern LINE = Pattern.compile("anchor installation=([0-9a-f-]{36})(?: lane=(\\d{1,5}))? event=(\\d+)"
            + " hash=([0-9a-f]{64}) at=(\\S+) kind=(HEAD|LEGACY_END) key=(\\S+) mac=([0-9a-f]{64})");

    static Anchor sign(String installationId, int lane, long eventId, String hash, Instant at, Kind kind, AuditKey key) {
        String signed = signedPart(installationId, lane, eventId, hash, at, kind, key.id());
        return new Anchor(installationId, lane, eventId, hash, at, kind, key.id(), key.mac(signed));
    }

    /** The line as written; empty when it is not an anchor line at all. */
    static Optional<Anchor> parse(String line) {
        Matcher m = LINE.matcher(line);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Anchor(m.group(1), m.group(2) == null ? null : Integer.valueOf(m.group(2)),
                    Long.parseLong(m.group(3)), m.group(4), Instant.parse(m.group(5)), Kind.valueOf(m.group(6)), m.group(7),
                    m.group(8)));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The lane whose chain this anchors. */
    int lane() {
        return namedLane == null ? WriteLanes.FIRST : namedLane;
    }

    String line() {
        return signedPart(installationId, namedLane, eventId, hash, at, kind, keyId) + " mac=" + mac;
    }

    boolean signedWith(AuditKey key) {
        String expected = key.mac(signedPart(installationId, namedLane, eventId, hash, at, kind, keyId));
        return key.id().equals(keyId)
                && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), mac.getBytes(StandardCharsets.US_ASCII));
    }

    private static String signedPart(String installationId, @Nullable Integer lane, long eventId, String hash, Instant at,
                                     Kind kind, String keyId) {
        return "anchor installation=" + installationId + (lane == null ? "" : " lane=" + lane) + " event=" + eventId
                + " hash=" + hash + " at=" + at + " kind=" + kind + " key=" + keyId;
    }
}
