package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.util.List;

/**
 * What the registry takes from one identity provider of single sign-on ({@code registry.sso.providers.<name>}); its
 * client (id, secret, issuer) is Micronaut's {@code micronaut.security.oauth2.clients.<name>} of the same name.
 * Which role a user has, and a STATE user's state, come only from claims the provider vouches for, never from
 * anything the user types at the registry. ADMIN never comes from a provider: administrators are local accounts.
 *
 * @param name           the provider's name, the same as its client's
 * @param label          the button's text on the login page ("Mit … anmelden")
 * @param audience       the {@code aud} a provider's access token must name to be accepted by the API
 * @param roleClaim      the claim that lists the user's groups or roles ({@code groups}, {@code roles})
 * @param stateValues    values of the role claim that make a user STATE
 * @param fitkoValues    values that make a user FITKO
 * @param financeValues  values that make a user FINANCE
 * @param stateClaim     the claim holding a STATE user's state code ({@code NW}), if the provider sends one
 * @param statePattern   a regular expression over the role claim's values whose first group is the state code
 *                       ({@code /foerderregister/land-([A-Z]{2,4})}), for providers that name the state by a group
 * @param states         the states this provider may vouch for (a state ministry's provider: its own state only);
 *                       empty: all. With exactly one and no state claim or pattern matching, STATE users get it.
 * @param emailClaim     the claim with the user's e-mail address, kept for the registry's mails
 * @param usernameClaim  the claim the local account's name is made of at the first sign-in (prefixed with the
 *                       provider's name); the account is found again by the provider's subject, never by this
 */
@EachProperty("registry.sso.providers")
public record SsoProvider(@Parameter String name,
                          @Nullable String label,
                          String audience,
                          @Bindable(defaultValue = "groups") String roleClaim,
                          @Nullable List<String> stateValues,
                          @Nullable List<String> fitkoValues,
                          @Nullable List<String> financeValues,
                          @Nullable String stateClaim,
                          @Nullable String statePattern,
                          @Nullable List<StateCode> states,
                          @Bindable(defaultValue = "email") String emailClaim,
                          @Bindable(defaultValue = "preferred_username") String usernameClaim) {

    /** The text of the login page's button: the label, or the provider's name. */
    public String buttonLabel() {
        return label == null || label.isBlank() ? name : label;
    }

    List<String> valuesOf(Role role) {
        List<String> values = switch (role) {
            case STATE -> stateValues;
            case FITKO -> fitkoValues;
            case FINANCE -> financeValues;
            case ADMIN -> null;
        };
        return values == null ? List.of() : values;
    }

    List<StateCode> allowedStates() {
        return states == null || states.isEmpty() ? List.of(StateCode.values()) : states;
    }
}
