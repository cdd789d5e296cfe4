package de.foerderregister.aggregates;

import de.foerderregister.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

/** Verifies (and with {@code ?repair=true} repairs) the kept aggregates against the rows; ADMIN only. */
@Controller("/api/admin/aggregates")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class AggregateController {

    private final AggregateCheck check;

    public AggregateController(AggregateCheck check) {
        this.check = check;
    }

    @Post("/verify")
    public AggregateReport verify(Caller caller, @QueryValue(defaultValue = "false") boolean repair) {
        return check.verify(caller, repair);
    }
}
