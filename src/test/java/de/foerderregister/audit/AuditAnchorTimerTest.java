package de.foerderregister.audit;

import de.foerderregister.TestApi;
import de.foerderregister.application.StateCode;
import de.foerderregister.db.WriteLanes;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/** Without enough events for an anchor, the timer anchors a head that moved. */
@MicronautTest(transactional = false)
@Property(name = "registry.audit.anchor-every", value = "1000000000")
@Property(name = "registry.audit.anchor-interval", value = "1s")
class AuditAnchorTimerTest {

    @Inject
    TestApi api;

    @Inject
    AnchorLog anchors;

    @Inject
    AuditKeys keys;

    @Inject
    AuditChainHeadRepository heads;

    @Test
    void theTimerAnchorsAMovedHead() throws InterruptedException {
        api.submitted(api.account(Role.FITKO, null), StateCode.MV);
        AuditAnchorTest.assertAnchored(anchors, keys, heads);
    }
}
