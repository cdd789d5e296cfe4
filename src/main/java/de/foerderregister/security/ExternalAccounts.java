package de.foerderregister.security;

import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.db.ConflictRetries;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The local record of a user who signs in through an identity provider: created at the first sign-in, found again
 * by provider and subject, and brought up to date at every sign-in with what the provider's claims say now. The
 * record is what audit events, mails and the session generation hang on; it has no usable password. Every change
 * of role, state or e-mail address between sign-ins is an audit event, and a change of role or state ends the
 * account's earlier sessions, as an administrator's change does.
 */
@Singleton
public class ExternalAccounts {

    /** The column's width. */
    private static final int USERNAME_MAX = 64;
    private static final String LANGUAGE = "de";
    /** A first sign-in meets another's creation once (same subject) or a few times (names taken at once). */
    private static final int CREATE_ATTEMPTS = 5;

    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionOperations<Connection> transactions;
    private final ConflictRetries retries;

    public ExternalAccounts(UserRepository users, AuditTrail audit, Clock clock,
                            TransactionOperations<Connection> transactions, ConflictRetries retries) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.transactions = transactions;
        this.retries = retries;
    }

    /** A sign-in's outcome: the account as it stands now, or why the user is refused. */
    public record SignIn(@Nullable UserAccount account, @Nullable SsoRefusal refusal) {

        public Optional<UserAccount> signedIn() {
            return Optional.ofNullable(account);
        }
    }

    /**
     * Maps the claims the provider signed and brings the account up to date (creating it at the first sign-in).
     * Refused: claims that map to no role, to several, or to no state the provider may vouch for; a disabled account.
     * Every API call with a provider's token comes here: an unchanged account is only read, without a lock; the
     * account is locked only to change it. Two first sign-ins of one subject at once: the unique key of (provider,
     * subject) lets one create the account, the other reads what it created.
     */
    public SignIn signIn(SsoProvider provider, Map<String, Object> claims) {
        ProviderClaims.Mapping mapping = ProviderClaims.map(provider, claims);
        if (mapping.refusal() != null) {
            return new SignIn(null, mapping.refusal());
        }
        ProviderClaims.Mapped mapped = Objects.requireNonNull(mapping.mapped());
        // an address the outbox would not send to is not kept (the mails go to none rather than to a wrong one)
        String email = mapped.email() != null && UserService.isPlainAddress(mapped.email()) ? mapped.email() : null;
        for (int attempt = 1; ; attempt++) {
            Optional<UserAccount> existing = users.findByExternalProviderAndExternalSubject(provider.name(), mapped.subject());
            if (existing.isPresent()) {
                UserAccount before = existing.get();
                if (before.enabled() && changes(before, mapped, email).isEmpty()) {
                    return new SignIn(before, null);
                }
                return retries.retried("bring an external account up to date",
                        () -> transactions.executeWrite(status -> update(provider, mapped, email)));
            }
            try {
                return retries.retried("create an external account",
                        () -> transactions.executeWrite(status -> create(provider, mapped, email)));
            } catch (RuntimeException e) {
                // the same subject created by a request at the same moment (read it now), or the chosen name taken
                // by another subject's first sign-in (choose again)
                if (attempt >= CREATE_ATTEMPTS || !ConflictRetries.isDuplicateKey(e)) {
                    throw e;
                }
            }
        }
    }

    private SignIn create(SsoProvider provider, ProviderClaims.Mapped mapped, @Nullable String email) {
        UserAccount created = users.save(new UserAccount(null, freeUsername(provider, mapped.preferredName()),
                UserAccount.NO_PASSWORD, mapped.role(), mapped.state(), true, clock.instant(), 0, email, LANGUAGE,
                provider.name(), mapped.subject()));
        audit.recordAccount(created.username(), self(created), AuditAction.USER_CREATED,
                FieldChange.between(Map.of(), values(created)));
        return new SignIn(created, null);
    }

    /** Under the row's lock, so that two changes never interleave and each is audited once, as it happened. */
    private SignIn update(SsoProvider provider, ProviderClaims.Mapped mapped, @Nullable String email) {
        UserAccount before = users.findByExternalProviderAndExternalSubjectForUpdate(provider.name(), mapped.subject())
                .orElseThrow();
        if (!before.enabled()) {
            return new SignIn(null, SsoRefusal.DISABLED);
        }
        List<FieldChange> changes = changes(before, mapped, email);
        if (changes.isEmpty()) {
            return new SignIn(before, null);
        }
        UserAccount after = mappedOnto(before, mapped, email);
        boolean vouchedFor = before.role() != after.role() || before.stateCode() != after.stateCode();
        UserAccount saved = users.update(vouchedFor ? after.withNewSessions() : after);
        audit.recordAccount(saved.username(), self(saved), AuditAction.USER_CHANGED, changes);
        return new SignIn(saved, null);
    }

    private static List<FieldChange> changes(UserAccount before, ProviderClaims.Mapped mapped, @Nullable String email) {
        return FieldChange.between(values(before), values(mappedOnto(before, mapped, email)));
    }

    private static UserAccount mappedOnto(UserAccount before, ProviderClaims.Mapped mapped, @Nullable String email) {
        return new UserAccount(before.id(), before.username(), before.passwordHash(), mapped.role(), mapped.state(),
                true, before.createdAt(), before.sessionGeneration(), email, before.language(),
                before.externalProvider(), before.externalSubject());
    }

    /**
     * The provider's name and the user's preferred name, in the characters a username may have; a number is added
     * when another account has it already. Chosen once: the account keeps it when the preferred name changes.
     */
    private String freeUsername(SsoProvider provider, String preferred) {
        String cleaned = preferred.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
        String base = (provider.name().toLowerCase(Locale.ROOT) + "." + cleaned);
        base = base.substring(0, Math.min(base.length(), USERNAME_MAX - 4));
        String candidate = base;
        for (int number = 2; users.existsByUsername(candidate); number++) {
            candidate = base + "-" + number;
        }
        return candidate;
    }

    /** The provider changed the account: the account itself is the actor, as the claims it signed in with say. */
    private static Caller self(UserAccount account) {
        return new Caller(account.username(), account.role(), account.stateCode());
    }

    /** What the audit trail records of an external account's mapping. */
    private static Map<String, String> values(UserAccount account) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("role", account.role().name());
        values.put("state", account.stateCode() == null ? null : account.stateCode().name());
        values.put("email", account.email());
        values.put("provider", account.externalProvider());
        return values;
    }
}
