package de.foerderregister.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Anchor lines name their lane; lines written before lanes still verify, as lane 1's. */
class AnchorTest {

    private static final AuditKey KEY = new AuditKey("k1", "a key of thirty-two bytes or more".getBytes(StandardCharsets.UTF_8));
    private static final String INSTALLATION = "1c32f8ef-f0e7-11f1-b7a7-02fc00000001";
    private static final String HASH = "b55dfda49d4562d66da51b850f57c59217c3366c7f51680010906c4f70ff0f32";

    @Test
    void aLineWrittenBeforeLanesAnchorsLaneOne() {
        String signed = "anchor installation=" + INSTALLATION + " event=1607 hash=" + HASH
                + " at=2026-12-01T10:00:00Z kind=HEAD key=k1";
        Anchor anchor = Anchor.parse(signed + " mac=" + KEY.mac(signed)).orElseThrow();
        assertNull(anchor.namedLane());
        assertEquals(1, anchor.lane());
        assertEquals(1607, anchor.eventId());
        assertTrue(anchor.signedWith(KEY));
    }

    @Test
    void aLineNamesItsLaneUnderItsSignature() {
        Anchor written = Anchor.sign(INSTALLATION, 2, 1628, HASH, Instant.parse("2026-12-05T20:00:00Z"), Anchor.Kind.HEAD, KEY);
        assertTrue(written.line().startsWith("anchor installation=" + INSTALLATION + " lane=2 event=1628 "), written.line());
        Anchor read = Anchor.parse(written.line()).orElseThrow();
        assertEquals(written, read);
        assertEquals(2, read.lane());
        assertTrue(read.signedWith(KEY));

        Anchor otherLane = Anchor.parse(written.line().replace(" lane=2 ", " lane=3 ")).orElseThrow();
        assertFalse(otherLane.signedWith(KEY), "the lane is signed");
        Anchor noLane = Anchor.parse(written.line().replace(" lane=2 ", " ")).orElseThrow();
        assertFalse(noLane.signedWith(KEY), "a lane 2 anchor cannot be passed off as lane 1's");
    }
}
