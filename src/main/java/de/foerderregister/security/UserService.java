package de.foerderregister.security;

import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** User accounts: only ADMIN manages them; passwords are stored as bcrypt hashes only. */
@Singleton
public class UserService {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    static final int PASSWORD_MIN = 12;
    static final int PASSWORD_MAX = 72;

    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(UserRepository users, PasswordHasher hasher, Clock clock) {
        this.users = users;
        this.hasher = hasher;
        this.clock = clock;
    }

    @Transactional
    public UserView create(Caller caller, UserCommand command) {
        caller.requireRole("manage user accounts", Role.ADMIN);
        return UserView.of(createAccount(command));
    }

    @Transactional
    public List<UserView> list(Caller caller) {
        caller.requireRole("manage user accounts", Role.ADMIN);
        return users.listOrderByUsername().stream().map(UserView::of).toList();
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
            errors.add(new FieldError("username",
                    "must be 3 to 64 characters: lower-case letters, digits, '.', '_' or '-'"));
        }
        if (command.password() == null || command.password().length() < PASSWORD_MIN
                || command.password().length() > PASSWORD_MAX) {
            errors.add(new FieldError("password", "must be " + PASSWORD_MIN + " to " + PASSWORD_MAX + " characters long"));
        } else if (command.password().getBytes(StandardCharsets.UTF_8).length > PASSWORD_MAX) {
            // bcrypt reads at most 72 bytes and refuses longer input: letters beyond ASCII take two or more
            errors.add(new FieldError("password", "must be at most " + PASSWORD_MAX + " bytes long in UTF-8"));
        }
        if (command.role() == null) {
            errors.add(new FieldError("role", "is required"));
        } else if (command.role() == Role.STATE && command.state() == null) {
            errors.add(new FieldError("state", "is required for a STATE user"));
        } else if (command.role() != Role.STATE && command.state() != null) {
            errors.add(new FieldError("state", "is only allowed for a STATE user"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        if (users.existsByUsername(command.username())) {
            throw new Conflict("The username '" + command.username() + "' is taken.");
        }
        return users.save(new UserAccount(null, command.username(), hasher.hash(command.password()),
                command.role(), command.state(), true, clock.instant()));
    }
}
