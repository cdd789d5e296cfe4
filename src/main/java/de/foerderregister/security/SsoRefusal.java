package de.foerderregister.security;

/**
 * Why a provider's user is not let in; each has its text in the bundles ({@code sso.refused.<code>}), shown on the
 * page the sign-in ends on. The API answers every one of them with a plain 401.
 */
public enum SsoRefusal {
    /** None of the user's groups or roles maps to a role of the registry. */
    NO_ROLE("noRole"),
    /** The groups map to more than one role: which one the user acts in must not be a guess. */
    MANY_ROLES("manyRoles"),
    /** A STATE user without a state the provider vouches for. */
    NO_STATE("noState"),
    /** A state that is not a state code, or one this provider may not vouch for. */
    STATE_NOT_ALLOWED("stateNotAllowed"),
    /** The account was disabled in the registry. */
    DISABLED("disabled"),
    /** The provider's answer could not be used (cancelled, expired, tampered with). */
    FAILED("failed");

    private final String code;

    SsoRefusal(String code) {
        this.code = code;
    }

    /** The stable code, as the bundles' keys and the log name it. */
    public String code() {
        return code;
    }
}
