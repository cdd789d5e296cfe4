package de.foerderregister.system;

import de.foerderregister.application.ApplicationType;
import de.foerderregister.application.FundingSource;
import de.foerderregister.application.StateCode;
import de.foerderregister.application.Status;
import de.foerderregister.audit.AuditAction;
import de.foerderregister.budget.PaymentStatus;
import de.foerderregister.decision.AmendmentView;
import de.foerderregister.decision.DecisionKind;
import de.foerderregister.decision.Outcome;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Role;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The two bundles say the same things: every key in one language is in the other, none is given
 * twice, and every {@link RuleCode} and every label of an enum the pages and reports name has its
 * text in both (a code without text would show as its key).
 */
class MessagesSyncTest {

    private static final String GERMAN = "/i18n/messages.properties";
    private static final String ENGLISH = "/i18n/messages_en.properties";

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        Set<String> german = load(GERMAN).stringPropertyNames();
        Set<String> english = load(ENGLISH).stringPropertyNames();
        assertEquals(Set.of(), difference(german, english), "German only");
        assertEquals(Set.of(), difference(english, german), "English only");
    }

    @Test
    void noKeyIsGivenTwice() throws IOException {
        for (String bundle : List.of(GERMAN, ENGLISH)) {
            List<String> keys = keysInOrder(bundle);
            Set<String> seen = new HashSet<>();
            Set<String> twice = keys.stream().filter(key -> !seen.add(key)).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), twice, bundle);
        }
    }

    @Test
    void everyRuleCodeHasATextInBothLanguages() throws IOException {
        for (String bundle : List.of(GERMAN, ENGLISH)) {
            Properties texts = load(bundle);
            Set<String> missing = Arrays.stream(RuleCode.values()).map(RuleCode::messageKey)
                    .filter(key -> texts.getProperty(key, "").isBlank()).collect(Collectors.toCollection(TreeSet::new));
            assertEquals(Set.of(), missing, bundle);
        }
    }

    /** The enums whose constants the pages and reports name, by the key prefix of their labels. */
    private static final Map<String, Class<? extends Enum<?>>> LABELLED = Map.of(
            "status.", Status.class,
            "outcome.", Outcome.class,
            "kind.", DecisionKind.class,
            "audit.", AuditAction.class,
            "type.", ApplicationType.class,
            "source.", FundingSource.class,
            "state.", StateCode.class,
            "role.", Role.class,
            "amendmentState.", AmendmentView.State.class,
            "paymentStatus.", PaymentStatus.class);

    @Test
    void everyEnumLabelHasATextInBothLanguages() throws IOException {
        for (String bundle : List.of(GERMAN, ENGLISH)) {
            Properties texts = load(bundle);
            Set<String> missing = new TreeSet<>();
            LABELLED.forEach((prefix, type) -> Arrays.stream(type.getEnumConstants())
                    .map(constant -> prefix + constant.name())
                    .filter(key -> texts.getProperty(key, "").isBlank())
                    .forEach(missing::add));
            assertEquals(Set.of(), missing, bundle);
        }
    }

    @Test
    void everyRuleTextBelongsToACode() throws IOException {
        Set<String> codes = Arrays.stream(RuleCode.values()).map(RuleCode::messageKey).collect(Collectors.toSet());
        Set<String> orphans = load(GERMAN).stringPropertyNames().stream()
                .filter(key -> key.startsWith("rule.") && !codes.contains(key)).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of(), orphans);
    }

    /**
     * Rendered, no placeholder is left, and a text reads as written: the bundles are interpolated
     * like {@link java.text.MessageFormat}, so an apostrophe must be written twice.
     */
    @Test
    void everyRuleTextFillsItsPlaceholders() throws IOException {
        Messages messages = new Messages();
        Properties english = load(ENGLISH);
        // as many as the rule with the most arguments has (envelope.exceeded: source, year, amount, committed, shortfall)
        Object[] arguments = {"first", "second", "third", "fourth", "fifth"};
        for (RuleCode rule : RuleCode.values()) {
            for (Locale locale : List.of(Locale.GERMAN, Locale.ENGLISH)) {
                String text = new FieldError("field", rule, arguments).worded(messages, locale).message();
                assertFalse(Pattern.compile("\\{\\d}").matcher(text).find(), rule + " " + locale + ": " + text);
            }
            String expected = english.getProperty(rule.messageKey());
            for (int i = 0; i < arguments.length; i++) {
                expected = expected.replace("{" + i + "}", arguments[i].toString());
            }
            assertEquals(expected.replace("''", "'"),
                    new FieldError("field", rule, arguments).worded(messages, Locale.ENGLISH).message(), rule.code());
        }
    }

    @Test
    void argumentsAreTakenAsTheyAre() {
        String framework = "must match 'a{0}' {b}";
        assertEquals(framework, new FieldError("field", RuleCode.VALUE_INVALID, framework)
                .worded(new Messages(), Locale.ENGLISH).message());
    }

    @Test
    void codesAreUnique() {
        Set<String> seen = new HashSet<>();
        for (RuleCode rule : RuleCode.values()) {
            assertTrue(seen.add(rule.code()), rule.code());
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }

    private static Properties load(String bundle) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesSyncTest.class.getResourceAsStream(bundle)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** The keys as written, with repeats: {@link Properties} keeps only the last of a repeated key. */
    private static List<String> keysInOrder(String bundle) throws IOException {
        List<String> keys = new ArrayList<>();
        try (InputStream in = MessagesSyncTest.class.getResourceAsStream(bundle);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                Properties one = new Properties();
                one.load(new StringReader(line));
                keys.addAll(one.stringPropertyNames());
            }
        }
        return keys;
    }
}
