package de.foerderregister.security;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import me.gosimple.nbvcxz.resources.DictionaryUtil;
import jakarta.inject.Singleton;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The rules every new password must meet, wherever it is set (an administrator's create or reset,
 * a user's own change, the bootstrap administrator): 12 to 128 characters, not one character
 * repeated, not containing the username, and not a common password — nor one with only digits or
 * symbols put before or after it ("password1234", "123456789012"). The common passwords are the
 * 100 000 of the nbvcxz library's bundled list, read from its jar; nothing is downloaded.
 */
@Singleton
public class PasswordRules {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    public PasswordRules() {
        this.common = DictionaryUtil.loadRankedDictionary(DictionaryUtil.passwords).keySet().stream()
                .map(PasswordRules::normalise).collect(Collectors.toUnmodifiableSet());
    }

    /** The first rule the password breaks, as a field error, or empty when it meets them all. */
    public Optional<FieldError> check(String field, String username, String password) {
        return brokenRule(field, username, password);
    }

    private Optional<FieldError> brokenRule(String field, String username, String password) {
        if (password == null || password.isEmpty()) {
            return Optional.of(new FieldError(field, RuleCode.REQUIRED));
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of(new FieldError(field, RuleCode.TEXT_LENGTH, MIN_LENGTH, MAX_LENGTH));
        }
        if (password.codePoints().distinct().count() == 1) {
            return Optional.of(new FieldError(field, RuleCode.PASSWORD_REPEATED));
        }
        String normalised = normalise(password);
        if (username != null && !username.isBlank() && normalised.contains(normalise(username))) {
            return Optional.of(new FieldError(field, RuleCode.PASSWORD_USERNAME));
        }
        if (isCommon(normalised)) {
            return Optional.of(new FieldError(field, RuleCode.PASSWORD_COMMON));
        }
        return Optional.empty();
    }

    /** The password itself, or what remains of it without digits and symbols at either end, is on the list. */
    private boolean isCommon(String password) {
        if (common.contains(password)) {
            return true;
        }
        for (int end = password.length() - 1; end > 0; end--) {
            if (Character.isLetter(password.charAt(end))) {
                break;
            }
            if (common.contains(password.substring(0, end))) {
                return true;
            }
        }
        for (int start = 1; start < password.length(); start++) {
            if (Character.isLetter(password.charAt(start - 1))) {
                break;
            }
            if (common.contains(password.substring(start))) {
                return true;
            }
        }
        return false;
    }

    private static String normalise(String text) {
        return text.strip().toLowerCase(Locale.ROOT);
    }
}
