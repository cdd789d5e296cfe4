package de.foerderregister.audit;

import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.time.Instant;

@Controller("/api/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    /** {@code asOf} is for a restored backup: only the anchors written up to the backup's time must be met. */
    @Get("/verify{?asOf}")
    public ChainVerification verify(Caller caller, @QueryValue @Nullable Instant asOf) {
        caller.requireRole("verify the audit trail", Role.FITKO, Role.ADMIN);
        return audit.verify(asOf);
    }
}
