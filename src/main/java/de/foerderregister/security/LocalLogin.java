package de.foerderregister.security;

/**
 * Who may sign in with a username and password ({@code registry.sso.local-login}): everyone with a local account, or,
 * once the agencies sign in through their identity providers, administrators only (the accounts that must work
 * when a provider does not).
 */
public enum LocalLogin {
    ALL,
    ADMIN_ONLY;

    /** {@code all} or {@code admin-only}, as the setting is written; anything else stops the start. */
    static LocalLogin of(String setting) {
        return switch (setting.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "all" -> ALL;
            case "admin-only" -> ADMIN_ONLY;
            default -> throw new io.micronaut.context.exceptions.ConfigurationException(
                    "registry.sso.local-login must be all or admin-only, not '" + setting + "'");
        };
    }

    boolean admits(Role role) {
        return this == ALL || role == Role.ADMIN;
    }
}
