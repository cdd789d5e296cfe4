package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads role, state and e-mail address from the claims a provider signed, by the provider's settings. Nothing here
 * comes from the user: a claim's value is taken as the provider sent it, or the user is refused.
 */
final class ProviderClaims {

    /** What a provider's claims map to. */
    record Mapped(String subject, Role role, @Nullable StateCode state, @Nullable String email, String preferredName) {
    }

    private ProviderClaims() {
    }

    /** The role and state the claims vouch for, or why they vouch for none. */
    static Mapping map(SsoProvider provider, Map<String, Object> claims) {
        Object subject = claims.get("sub");
        if (!(subject instanceof String sub) || sub.isBlank()) {
            return Mapping.refused(SsoRefusal.FAILED);
        }
        List<String> values = strings(claim(claims, provider.roleClaim()));
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : List.of(Role.STATE, Role.FITKO, Role.FINANCE)) {
            if (provider.valuesOf(role).stream().anyMatch(values::contains)) {
                roles.add(role);
            }
        }
        if (roles.isEmpty()) {
            return Mapping.refused(SsoRefusal.NO_ROLE);
        }
        if (roles.size() > 1) {
            return Mapping.refused(SsoRefusal.MANY_ROLES);
        }
        Role role = roles.iterator().next();
        StateCode state = null;
        if (role == Role.STATE) {
            Optional<String> named = stateNamed(provider, claims, values);
            List<StateCode> allowed = provider.allowedStates();
            if (named.isEmpty() && allowed.size() == 1) {
                state = allowed.get(0);
            } else if (named.isEmpty()) {
                return Mapping.refused(SsoRefusal.NO_STATE);
            } else {
                state = stateCode(named.get());
                if (state == null || !allowed.contains(state)) {
                    return Mapping.refused(SsoRefusal.STATE_NOT_ALLOWED);
                }
            }
        }
        String email = claims.get(provider.emailClaim()) instanceof String address && !address.isBlank() ? address.strip() : null;
        String preferred = claims.get(provider.usernameClaim()) instanceof String name && !name.isBlank() ? name : sub;
        return Mapping.of(new Mapped(sub, role, state, email, preferred));
    }

    /** The state as the claim or the group pattern names it; several different ones name none. */
    private static Optional<String> stateNamed(SsoProvider provider, Map<String, Object> claims, List<String> values) {
        List<String> named = new ArrayList<>();
        if (provider.stateClaim() != null && !provider.stateClaim().isBlank()) {
            named.addAll(strings(claim(claims, provider.stateClaim())));
        }
        if (provider.statePattern() != null && !provider.statePattern().isBlank()) {
            Pattern pattern = Pattern.compile(provider.statePattern());
            for (String value : values) {
                Matcher matcher = pattern.matcher(value);
                if (matcher.matches() && matcher.groupCount() >= 1) {
                    named.add(matcher.group(1));
                }
            }
        }
        List<String> distinct = named.stream().map(String::strip).distinct().toList();
        if (distinct.size() > 1) {
            // two states: the provider does not say which one; refused like an unknown state
            return Optional.of("");
        }
        return distinct.stream().findFirst();
    }

    /** Only the exact codes (upper case, as the registry writes them): a provider's value is not interpreted. */
    private static @Nullable StateCode stateCode(String value) {
        for (StateCode code : StateCode.values()) {
            if (code.name().equals(value)) {
                return code;
            }
        }
        return null;
    }

    /** A claim by name, or by a dotted path into nested objects ({@code realm_access.roles} of Keycloak). */
    private static @Nullable Object claim(Map<String, Object> claims, String path) {
        Object value = claims;
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return null;
            }
            value = map.get(part);
        }
        return value;
    }

    private static List<String> strings(@Nullable Object value) {
        if (value instanceof String single) {
            return List.of(single);
        }
        if (value instanceof Collection<?> many) {
            return many.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** Mapped claims, or the reason for a refusal. */
    record Mapping(@Nullable Mapped mapped, @Nullable SsoRefusal refusal) {

        static Mapping of(Mapped mapped) {
            return new Mapping(mapped, null);
        }

        static Mapping refused(SsoRefusal refusal) {
            return new Mapping(null, refusal);
        }
    }
}
