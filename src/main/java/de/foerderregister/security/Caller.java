package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import de.foerderregister.problem.Forbidden;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;

import java.util.Arrays;
import java.util.Optional;

/**
 * The authenticated user of a request, as the services see it. A STATE caller carries the one
 * state they are bound to; {@link #stateScope()} is what every read and write is limited to.
 */
public record Caller(String username, Role role, @Nullable StateCode state) {

    static final String STATE_CLAIM = "state";

    public Caller {
        if ((role == Role.STATE) != (state != null)) {
            throw new IllegalArgumentException("a STATE caller needs exactly one state, other roles none");
        }
    }

    public static Caller of(Authentication authentication) {
        Role role = authentication.getRoles().stream().map(Role::valueOf).findFirst()
                .orElseThrow(() -> new Forbidden("The token carries no role."));
        Object state = authentication.getAttributes().get(STATE_CLAIM);
        return new Caller(authentication.getName(), role, state == null ? null : StateCode.valueOf(state.toString()));
    }

    /** The only state this caller may see, or empty when they may see all. */
    public Optional<StateCode> stateScope() {
        return Optional.ofNullable(state);
    }

    public boolean hasRole(Role... roles) {
        return Arrays.asList(roles).contains(role);
    }

    /** Refuses with 403 unless the caller has one of the roles. */
    public void requireRole(String action, Role... roles) {
        if (!hasRole(roles)) {
            throw new Forbidden("The role " + role + " may not " + action + ".");
        }
    }
}
