package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import io.micronaut.core.annotation.Nullable;

/**
 * What {@link SessionClaims} compares a token with, read for every request: only these columns of
 * the account, not its password hash, address or dates.
 */
record AccountSession(String username, Role role, @Nullable StateCode stateCode, boolean enabled,
                      long sessionGeneration) {
}
