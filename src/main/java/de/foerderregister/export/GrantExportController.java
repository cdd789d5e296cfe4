package de.foerderregister.export;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.List;
import java.util.Locale;

@Controller("/api/exports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class GrantExportController {

    private final GrantExport grants;

    public GrantExportController(GrantExport grants) {
        this.grants = grants;
    }

    /** The approved applications as 360Giving JSON (the default) or the 360Giving CSV layout. */
    @Get("/360giving")
    public HttpResponse<?> threeSixtyGiving(Caller caller, @Nullable @QueryValue String format) {
        String chosen = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(Locale.ROOT);
        return switch (chosen) {
            case "json" -> HttpResponse.ok(grants.json(caller)).contentType(MediaType.APPLICATION_JSON_TYPE);
            case "csv" -> HttpResponse.ok(grants.csv(caller))
                    .contentType("text/csv; charset=UTF-8")
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"360giving-grants.csv\"");
            default -> throw new BadRequest("format", RuleCode.REPORT_FORMAT, List.of("json", "csv"));
        };
    }
}
