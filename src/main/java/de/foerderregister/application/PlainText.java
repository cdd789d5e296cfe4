package de.foerderregister.application;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;

import java.util.Optional;

/**
 * What free text may hold. An unpaired surrogate is not text at all (the database refuses it, and
 * the request used to fail as a "conflict"); bidirectional controls such as U+202E make a title
 * read differently on screen than it is stored and compared ("Trojan Source"); other control
 * characters have no place in a registry entry. Tabs and line breaks stay allowed.
 */
public final class PlainText {

    private PlainText() {
    }

    /** Why the text of the field is refused, or empty when it is fine. */
    public static Optional<FieldError> refusal(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of(new FieldError(field, RuleCode.TEXT_SURROGATE, i + 1));
            } else if (isBidiControl(c)) {
                return Optional.of(new FieldError(field, RuleCode.TEXT_BIDI_CONTROL, codePoint(c)));
            } else if (Character.getType(c) == Character.CONTROL && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of(new FieldError(field, RuleCode.TEXT_CONTROL, codePoint(c)));
            }
        }
        return Optional.empty();
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }

    private static boolean isBidiControl(char c) {
        return c == '\u061C' || c == '\u200E' || c == '\u200F'
                || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
    }
}
