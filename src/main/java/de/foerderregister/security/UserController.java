package de.foerderregister.security;

import de.foerderregister.problem.JsonBodies;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

import java.net.URI;
import java.util.List;

@Controller("/api/users")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class UserController {

    private final UserService users;
    private final JsonBodies bodies;

    public UserController(UserService users, JsonBodies bodies) {
        this.users = users;
        this.bodies = bodies;
    }

    @Post
    @RequestBody(content = @Content(schema = @Schema(implementation = UserCommand.class)))
    public HttpResponse<UserView> create(Caller caller, @Body JsonNode body) {
        UserView created = users.create(caller, bodies.read(body, UserCommand.class));
        return HttpResponse.created(created, URI.create("/api/users/" + created.id()));
    }

    @Get
    public List<UserView> list(Caller caller) {
        return users.list(caller);
    }
}
