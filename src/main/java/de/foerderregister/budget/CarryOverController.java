package de.foerderregister.budget;

import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.util.List;

@Controller("/api/applications/{id}/carry-overs")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class CarryOverController {

    private final CarryOverService carryOvers;
    private final JsonBodies bodies;

    public CarryOverController(CarryOverService carryOvers, JsonBodies bodies) {
        this.carryOvers = carryOvers;
        this.bodies = bodies;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = CarryOverCommand.class)))
    public HttpResponse<CarryOver> carry(Caller caller, @PathVariable long id, @Body JsonNode body) {
        return HttpResponse.created(carryOvers.carry(caller, id, bodies.read(body, CarryOverCommand.class)));
    }

    @Get
    public List<CarryOver> list(Caller caller, @PathVariable long id) {
        return carryOvers.list(caller, id);
    }
}
