package de.foerderregister.security;

import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

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

    private final UserRepository users;
    private final AuditTrail audit;
    private final Clock clock;

    public ExternalAccounts(UserRepository users, AuditTrail audit, Clock clock) {
        this.users = users;
        this.audit = audit;
        this.clock = clock;
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
     */
    @Transactional
    public SignIn signIn(SsoProvider provider, Map<String, Object> claims) {
        ProviderClaims.Mapping mapping = ProviderClaims.map(provider, claims);
        if (mapping.refusal() != null) {
            return new SignIn(null, mapping.refusal());
        }
        ProviderClaims.Mapped mapped = Objects.requireNonNull(mapping.mapped());
        // an address the outbox would not send to is not kept (the mails go to none rather than to a wrong one)
        String email = mapped.email() != null && UserService.isPlainAddress(mapped.email()) ? mapped.email() : null;
        Optional<UserAccount> existing = users.findByExternalProviderAndExternalSubjectForUpdate(provider.name(), mapped.subject());
        if (existing.isEmpty()) {
            UserAccount created = users.save(new UserAccount(null, freeUsername(provider, mapped.preferredName()),
                    UserAccount.NO_PASSWORD, mapped.role(), mapped.state(), true, clock.instant(), 0, email, LANGUAGE,
                    provider.name(), mapped.subject()));
            audit.recordAccount(created.username(), self(created), AuditAction.USER_CREATED,
                    FieldChange.between(Map.of(), values(created)));
            return new SignIn(created, null);
        }
        UserAccount before = existing.get();
        if (!before.enabled()) {
            return new SignIn(null, SsoRefusal.DISABLED);
        }
        UserAccount after = new UserAccount(before.id(), before.username(), before.passwordHash(), mapped.role(), mapped.state(),
                true, before.createdAt(), before.sessionGeneration(), email, before.language(),
                before.externalProvider(), before.externalSubject());
        List<FieldChange> changes = FieldChange.between(values(before), values(after));
        if (changes.isEmpty()) {
            return new SignIn(before, null);
        }
        boolean vouchedFor = before.role() != after.role() || before.stateCode() != after.stateCode();
        UserAccount saved = users.update(vouchedFor ? after.withNewSessions() : after);
        audit.recordAccount(saved.username(), self(saved), AuditAction.USER_CHANGED, changes);
        return new SignIn(saved, null);
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
