package de.foerderregister.audit;

import com.fasterxml.jackson.databind.JsonNode;
import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.application.StateCode;
import de.foerderregister.db.WriteLanes;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Events this instance writes anchor the head in the anchor file (every N, here every one); each line is signed. */
@MicronautTest(transactional = false)
// every event: whichever number of events the context records, the newest is then anchored
@Property(name = "registry.audit.anchor-every", value = "1")
@Property(name = "registry.audit.anchor-interval", value = "1h")
class AuditAnchorTest {

    @Inject
    TestApi api;

    @Inject
    AnchorLog anchors;

    @Inject
    AuditKeys keys;

    @Inject
    AuditChainHeadRepository heads;

    @Test
    void writtenEventsAnchorTheHeadWithASignedLine() throws InterruptedException {
        Account fitko = api.account(Role.FITKO, null);
        api.submitted(fitko, StateCode.TH);
        api.submitted(fitko, StateCode.TH);
        assertAnchored(anchors, keys, heads);
        JsonNode verification = api.get(fitko, "/api/audit/verify").json();
        assertTrue(verification.get("intact").asBoolean(), verification.toString());
        assertTrue(verification.get("anchorsChecked").asLong() > 0, verification.toString());
    }

    /** Waits until the anchor file names the current head, then checks every line's signature. */
    static void assertAnchored(AnchorLog anchors, AuditKeys keys, AuditChainHeadRepository heads) throws InterruptedException {
        AuditChainHead head = heads.findById(WriteLanes.FIRST).orElseThrow();
        List<Optional<Anchor>> lines = List.of();
        for (int attempt = 0; attempt < 100; attempt++) {
            lines = anchors.lines(head.installationId()).orElse(List.of());
            if (lines.stream().flatMap(Optional::stream).anyMatch(a -> a.eventId() == head.lastEventId())) {
                break;
            }
            Thread.sleep(100);
        }
        assertTrue(lines.stream().flatMap(Optional::stream).anyMatch(a -> a.eventId() == head.lastEventId()
                && a.hash().equals(head.lastHash())), "no anchor names the head " + head);
        for (Optional<Anchor> line : lines) {
            Anchor anchor = line.orElseThrow();
            assertEquals(head.installationId(), anchor.installationId());
            assertTrue(anchor.signedWith(keys.find(anchor.keyId()).orElseThrow()), anchor.line());
        }
    }
}
