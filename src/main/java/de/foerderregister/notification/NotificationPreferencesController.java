package de.foerderregister.notification;

import de.foerderregister.problem.JsonBodies;
import de.foerderregister.security.Caller;
import de.foerderregister.system.TrustedProxies;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Put;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;

/** Every signed-in user's own notifications: address, language and the kinds they receive. */
@Controller("/api/me/notifications")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
public class NotificationPreferencesController {

    private final NotificationPreferences preferences;
    private final JsonBodies bodies;
    private final TrustedProxies proxies;

    public NotificationPreferencesController(NotificationPreferences preferences, JsonBodies bodies,
                                             TrustedProxies proxies) {
        this.preferences = preferences;
        this.bodies = bodies;
        this.proxies = proxies;
    }

    @Get
    public NotificationPreferencesView get(Caller caller) {
        return preferences.get(caller);
    }

    /** The settings after the change; a new address needs {@code currentPassword} (422 without, or with a wrong one). */
    @Put
    @RequestBody(content = @Content(schema = @Schema(implementation = NotificationPreferencesCommand.class)))
    public NotificationPreferencesView change(HttpRequest<?> request, Caller caller, @Body JsonNode body) {
        return preferences.change(caller, proxies.clientAddress(request).getHostAddress(),
                bodies.read(body, NotificationPreferencesCommand.class));
    }
}
