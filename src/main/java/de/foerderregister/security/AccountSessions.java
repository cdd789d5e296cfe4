package de.foerderregister.security;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * For work that outlives its request (an import job): whether the session that started it still
 * holds, by the same read and the same comparison {@link SessionClaims} makes for every request.
 */
@Singleton
public class AccountSessions {

    private final AccountSessionRepository sessions;

    AccountSessions(AccountSessionRepository sessions) {
        this.sessions = sessions;
    }

    /**
     * The caller's session generation now, if the account is enabled with the caller's role and
     * state; empty otherwise. Logging out, disabling and changing role, state or password change it.
     * Read in a transaction of its own: inside an atomic import's long transaction the account would
     * be read from that transaction's snapshot and never change.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public OptionalLong generation(Caller caller) {
        return sessions.find(caller.username())
                .filter(AccountSession::enabled)
                .filter(account -> account.role() == caller.role() && Objects.equals(account.stateCode(), caller.state()))
                .map(account -> OptionalLong.of(account.sessionGeneration()))
                .orElse(OptionalLong.empty());
    }
}
