package de.foerderregister.audit;

import de.foerderregister.security.Caller;
import de.foerderregister.security.Role;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/audit")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AuditController {

    private final AuditTrail audit;

    public AuditController(AuditTrail audit) {
        this.audit = audit;
    }

    @Get("/verify")
    public ChainVerification verify(Caller caller) {
        caller.requireRole("verify the audit trail", Role.FITKO, Role.ADMIN);
        return audit.verify();
    }
}
