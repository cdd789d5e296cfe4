package de.foerderregister.security;

import de.foerderregister.application.StateCode;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.audit.AuditEventView;
import de.foerderregister.audit.AuditTrail;
import de.foerderregister.audit.FieldChange;
import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.NotFound;
import de.foerderregister.problem.RuleCode;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * User accounts: only ADMIN manages them; passwords are stored as bcrypt hashes only. Every change
 * made through the API is an audit event, and every change that touches what a token vouches for
 * (enabled, role, state, password) ends the account's earlier sessions.
 */
@Singleton
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    /**
     * An address as the mail is sent to it: letters, digits and the signs of a plain local part, no
     * quotes, comments, brackets or lists, which a mail library reads differently from how the pages
     * show them ({@code Name<b@evil.org>} is sent to {@code b@evil.org}). ASCII only: the outbox
     * sends without SMTPUTF8, which many relays lack, so {@code müller.de} is written {@code xn--mller-kva.de}.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    private static final int EMAIL_MAX = 254;
    /** The languages a user's mails are written in; the first is the one of a new account. */
    private static final List<String> LANGUAGES = List.of("de", "en");
    private static final String MANAGE = "manage user accounts";

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final PasswordRules rules;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Clock clock;

    public UserService(UserRepository users, PasswordHasher hasher, PasswordRules rules, LoginThrottle throttle,
                       AuditTrail audit, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.rules = rules;
        this.throttle = throttle;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public UserView create(Caller caller, UserCommand command) {
        caller.requireRole(MANAGE, Role.ADMIN);
        UserAccount created = createAccount(command);
        audit.recordAccount(created.username(), caller, AuditAction.USER_CREATED,
                FieldChange.between(Map.of(), values(created)));
        return UserView.of(created);
    }

    @Transactional
    public List<UserView> list(Caller caller) {
        caller.requireRole(MANAGE, Role.ADMIN);
        return users.listOrderByUsername().stream().map(UserView::of).toList();
    }

    @Transactional
    public UserView get(Caller caller, String username) {
        caller.requireRole(MANAGE, Role.ADMIN);
        return UserView.of(existing(username));
    }

    @Transactional
    public List<AuditEventView> history(Caller caller, String username) {
        caller.requireRole(MANAGE, Role.ADMIN);
        existing(username);
        return audit.accountHistory(username);
    }

    @Transactional
    public boolean exists(String username) {
        return users.existsByUsername(username);
    }

    /** Creates an account without a caller: for the bootstrap admin and the demo accounts. */
    @Transactional
    public UserAccount createAccount(UserCommand command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.username() == null || !USERNAME.matcher(command.username()).matches()) {
            errors.add(new FieldError("username", RuleCode.ACCOUNT_USERNAME));
        }
        rules.check("password", command.username(), command.password()).ifPresent(errors::add);
        roleAndState(command.role(), command.state()).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (users.existsByUsername(command.username())) {
            throw new Conflict("The username '" + command.username() + "' is taken.");
        }
        return users.save(new UserAccount(null, command.username(), hasher.hash(command.password()),
                command.role(), command.state(), true, clock.instant(), 0, null, LANGUAGES.get(0), null, null));
    }

    /**
     * Changes enabled, role, state, e-mail address or the language of the mails. Leaving the role STATE
     * drops the state. The last enabled administrator can neither be disabled nor lose the role: nobody
     * could manage accounts.
     */
    @Transactional
    public UserView update(Caller caller, String username, UserUpdateCommand command) {
        caller.requireRole(MANAGE, Role.ADMIN);
        UserAccount before = locked(username);
        Role role = command.role() == null ? before.role() : command.role();
        StateCode state = command.state() != null ? command.state() : role == Role.STATE ? before.stateCode() : null;
        boolean enabled = command.enabled() == null ? before.enabled() : command.enabled();
        String email = command.email() == null ? before.email() : address(command.email());
        String language = command.language() == null ? before.language() : command.language();
        List<FieldError> errors = new ArrayList<>();
        roleAndState(role, state).ifPresent(errors::add);
        checkContact(errors, email, language);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled)
                && users.countByRoleAndEnabled(Role.ADMIN, true) <= 1) {
            throw new Conflict("'" + username + "' is the last enabled administrator: it must stay an enabled ADMIN.");
        }
        UserAccount after = new UserAccount(before.id(), before.username(), before.passwordHash(), role, state, enabled,
                before.createdAt(), before.sessionGeneration(), email, language,
                before.externalProvider(), before.externalSubject());
        List<FieldChange> changes = FieldChange.between(values(before), values(after));
        if (changes.isEmpty()) {
            return UserView.of(before);
        }
        boolean vouchedFor = before.enabled() != enabled || before.role() != role || before.stateCode() != state;
        UserAccount saved = users.update(vouchedFor ? after.withNewSessions() : after);
        audit.recordAccount(username, caller, AuditAction.USER_CHANGED, changes);
        return UserView.of(saved);
    }

    /** An administrator sets a new password; the account's sessions end. */
    @Transactional
    public void resetPassword(Caller caller, String username, PasswordResetCommand command) {
        caller.requireRole(MANAGE, Role.ADMIN);
        UserAccount before = locked(username);
        requireLocal(before);
        rules.check("newPassword", username, command.newPassword()).ifPresent(error -> {
            throw new InvalidInput(List.of(error));
        });
        users.update(withPassword(before, command.newPassword()));
        audit.recordAccount(username, caller, AuditAction.PASSWORD_RESET, List.of());
    }

    /**
     * Users change their own password. A wrong current password counts as a failed login from that
     * address, so this is no way around the login throttle; every session, this one too, ends.
     */
    @Transactional
    public void changeOwnPassword(Caller caller, String clientAddress, PasswordChangeCommand command) {
        String current = Objects.requireNonNullElse(command.currentPassword(), "");
        LoginThrottle.Reservation attempt = throttle.reserve(caller.username(), clientAddress);
        UserAccount before = locked(caller.username());
        requireLocal(before);
        if (!hasher.matches(current, before.passwordHash())) {
            throw InvalidInput.of("currentPassword", RuleCode.PASSWORD_WRONG);
        }
        throttle.succeeded(attempt);
        rules.check("newPassword", caller.username(), command.newPassword()).ifPresent(error -> {
            throw new InvalidInput(List.of(error));
        });
        if (hasher.matches(command.newPassword(), before.passwordHash())) {
            throw InvalidInput.of("newPassword", RuleCode.PASSWORD_UNCHANGED);
        }
        users.update(withPassword(before, command.newPassword()));
        audit.recordAccount(caller.username(), caller, AuditAction.PASSWORD_CHANGED, List.of());
    }

    /**
     * Users change their own e-mail address and the language of their mails (null: unchanged; an
     * empty address removes it). A new address, or none, needs the current password: a stolen
     * session must not redirect, or silence, the registry's mail; so does a change that
     * {@code silences} some of it otherwise (opting out of a kind). A wrong one is refused as the
     * password change refuses it, and counts as a failed login from that address. Returns what
     * changed, for the caller to record in the audit event of its whole change (see
     * {@code notification.NotificationPreferences}); the sessions go on, as nothing a token vouches for changed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<FieldChange> changeOwnContact(Caller caller, String clientAddress, @Nullable String email,
                                              @Nullable String language, @Nullable String currentPassword,
                                              boolean silences) {
        UserAccount before = locked(caller.username());
        String newEmail = email == null ? before.email() : address(email);
        String newLanguage = language == null ? before.language() : language;
        List<FieldError> errors = new ArrayList<>();
        checkContact(errors, newEmail, newLanguage);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (silences || !Objects.equals(before.email(), newEmail)) {
            LoginThrottle.Reservation attempt = throttle.reserve(caller.username(), clientAddress);
            if (!hasher.matches(Objects.requireNonNullElse(currentPassword, ""), before.passwordHash())) {
                throw InvalidInput.of("currentPassword", RuleCode.PASSWORD_WRONG);
            }
            throttle.succeeded(attempt);
        }
        UserAccount after = new UserAccount(before.id(), before.username(), before.passwordHash(), before.role(),
                before.stateCode(), before.enabled(), before.createdAt(), before.sessionGeneration(), newEmail, newLanguage,
                before.externalProvider(), before.externalSubject());
        List<FieldChange> changes = FieldChange.between(values(before), values(after));
        if (!changes.isEmpty()) {
            users.update(after);
        }
        return changes;
    }

    /** An account's own e-mail address and language, as {@link #changeOwnContact} changes them. */
    @Transactional
    public UserView own(Caller caller) {
        return UserView.of(existing(caller.username()));
    }

    /**
     * Logging out ends every session of the account (there is one generation per account, not per token). Answers
     * the identity provider the account signs in through, if it is an external one, for its logout to follow.
     */
    @Transactional
    public Optional<String> endSessions(String username) {
        users.endSessions(username);
        return users.findByUsername(username).map(UserAccount::externalProvider);
    }

    private UserAccount withPassword(UserAccount account, String password) {
        return new UserAccount(account.id(), account.username(), hasher.hash(password), account.role(),
                account.stateCode(), account.enabled(), account.createdAt(), account.sessionGeneration() + 1,
                account.email(), account.language(), account.externalProvider(), account.externalSubject());
    }

    /** An address as typed: blank removes it. */
    private static @Nullable String address(String typed) {
        return typed.isBlank() ? null : typed.strip();
    }

    /** Whether the address is one the outbox sends to (see {@link #EMAIL}); a provider's address is kept only then. */
    static boolean isPlainAddress(String email) {
        return email.length() <= EMAIL_MAX && EMAIL.matcher(email).matches();
    }

    /** An external account's password is the provider's business: the registry neither sets nor checks one. */
    private static void requireLocal(UserAccount account) {
        if (account.external()) {
            throw new Conflict("'" + account.username() + "' signs in through the identity provider '"
                    + account.externalProvider() + "' and has no password in the registry.");
        }
    }

    private static void checkContact(List<FieldError> errors, @Nullable String email, String language) {
        if (email != null && !isPlainAddress(email)) {
            errors.add(new FieldError("email", RuleCode.ACCOUNT_EMAIL));
        }
        if (!LANGUAGES.contains(language)) {
            errors.add(new FieldError("language", RuleCode.VALUE_ONE_OF, String.join(", ", LANGUAGES)));
        }
    }

    private UserAccount existing(String username) {
        return users.findByUsername(username).orElseThrow(() -> new NotFound("The user '" + username + "'"));
    }

    private UserAccount locked(String username) {
        return users.findByUsernameForUpdate(username).orElseThrow(() -> new NotFound("The user '" + username + "'"));
    }

    private static Optional<FieldError> roleAndState(@Nullable Role role, @Nullable StateCode state) {
        if (role == null) {
            return Optional.of(new FieldError("role", RuleCode.REQUIRED));
        } else if (role == Role.STATE && state == null) {
            return Optional.of(new FieldError("state", RuleCode.ACCOUNT_STATE_REQUIRED));
        } else if (role != Role.STATE && state != null) {
            return Optional.of(new FieldError("state", RuleCode.ACCOUNT_STATE_ONLY));
        }
        return Optional.empty();
    }

    /** What the audit trail records of an account: never the hash, nor the session generation. */
    private static Map<String, String> values(UserAccount account) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("role", account.role().name());
        values.put("state", account.stateCode() == null ? null : account.stateCode().name());
        values.put("enabled", Boolean.toString(account.enabled()));
        values.put("email", account.email());
        values.put("language", account.language());
        return values;
    }
}
