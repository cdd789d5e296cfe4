package de.foerderregister.obligation;

import de.foerderregister.TestApi;
import de.foerderregister.TestApi.Account;
import de.foerderregister.TestApi.Response;
import de.foerderregister.application.StateCode;
import de.foerderregister.security.Role;
import io.micronaut.context.annotation.Property;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** With the block switched off, overdue reports stay overdue but payments are requested as before. */
@MicronautTest(transactional = false)
@Property(name = "registry.obligations.block-payments-when-overdue", value = "false")
class PaymentsDespiteOverdueTest {

    @Inject
    TestApi api;

    @Test
    void aPaymentIsRequestedWhileReportsAreOverdue() {
        Account fitko = api.account(Role.FITKO, null);
        Account nw = api.applicant(StateCode.NW);
        long id = api.approved(fitko, StateCode.NW, "1011500.00");
        assertTrue(api.get(nw, "/api/applications/" + id + "/obligations").json().get(0).get("overdue").asBoolean());

        Response requested = api.post(nw, "/api/applications/" + id + "/payments",
                Map.of("amount", "1000.00", "year", 2021, "purpose", "Erste Tranche"));

        assertEquals(201, requested.status(), requested.body());
    }
}
