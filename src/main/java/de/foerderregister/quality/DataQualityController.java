package de.foerderregister.quality;

import de.foerderregister.security.Caller;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;

@Controller("/api/data-quality")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class DataQualityController {

    private final DataQualityService quality;

    public DataQualityController(DataQualityService quality) {
        this.quality = quality;
    }

    /** Every finding in the caller's scope (a STATE user's own state), each with its reason and link. */
    @Get
    public List<Finding> findings(Caller caller) {
        return quality.findings(caller);
    }
}
