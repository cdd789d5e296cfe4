package de.foerderregister.security;

import de.foerderregister.audit.AuditEventView;
import de.foerderregister.problem.JsonBodies;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.http.HttpStatus;
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

/** Accounts, for administrators: create, list, read, change, reset the password, and their audit history. */
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

    @Get("/{username}")
    public UserView get(Caller caller, String username) {
        return users.get(caller, username);
    }

    @Patch("/{username}")
    @RequestBody(content = @Content(schema = @Schema(implementation = UserUpdateCommand.class)))
    public UserView update(Caller caller, String username, @Body JsonNode body) {
        return users.update(caller, username, bodies.read(body, UserUpdateCommand.class));
    }

    @Post("/{username}/password")
    @Status(HttpStatus.NO_CONTENT)
    @RequestBody(content = @Content(schema = @Schema(implementation = PasswordResetCommand.class)))
    public void resetPassword(Caller caller, String username, @Body JsonNode body) {
        users.resetPassword(caller, username, bodies.read(body, PasswordResetCommand.class));
    }

    @Get("/{username}/history")
    public List<AuditEventView> history(Caller caller, String username) {
        return users.history(caller, username);
    }
}
