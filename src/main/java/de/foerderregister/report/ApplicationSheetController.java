package de.foerderregister.report;

import de.foerderregister.security.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

@Controller("/api/applications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class ApplicationSheetController {

    private final ApplicationSheets sheets;

    public ApplicationSheetController(ApplicationSheets sheets) {
        this.sheets = sheets;
    }

    @Get("/{id}/report.pdf")
    public HttpResponse<StreamedFile> sheet(Caller caller, @PathVariable long id) {
        return sheets.sheet(caller, id).response();
    }
}
