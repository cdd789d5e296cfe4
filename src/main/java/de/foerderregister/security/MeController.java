package de.foerderregister.security;

import de.foerderregister.system.TrustedProxies;
import de.foerderregister.problem.JsonBodies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Status;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** What every signed-in user may do to their own account. */
@Controller("/api/me")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class MeController {

    private final UserService users;
    private final JsonBodies bodies;
    private final TrustedProxies proxies;

    public MeController(UserService users, JsonBodies bodies, TrustedProxies proxies) {
        this.users = users;
        this.bodies = bodies;
        this.proxies = proxies;
    }

    /** 204; every session of the account ends, this one too: the user logs in again with the new password. */
    @Post("/password")
    @Status(HttpStatus.NO_CONTENT)
    @RequestBody(content = @Content(schema = @Schema(implementation = PasswordChangeCommand.class)))
    public void changePassword(HttpRequest<?> request, Caller caller, @Body JsonNode body) {
        users.changeOwnPassword(caller, proxies.clientAddress(request).getHostAddress(), bodies.read(body, PasswordChangeCommand.class));
    }

    /** 204; ends every session of the account, as the web interface's logout does. */
    @Post("/logout")
    @Status(HttpStatus.NO_CONTENT)
    public void logout(Caller caller) {
        users.endSessions(caller.username());
    }
}
