package de.foerderregister.web;

import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What every page needs (the user, the CSRF token, the language, the formats), and the one way
 * the pages show a refusal of the services: field errors next to their fields and in a summary,
 * anything else as an error page with the same status the API would answer.
 */
@Singleton
public class UiPages {

    /** The services' messages, by wording, to the keys of the message bundle; anything else shows as it is. */
    private static final List<Map.Entry<Pattern, String>> MESSAGES = List.of(
            Map.entry(Pattern.compile("is required"), "error.required"),
            Map.entry(Pattern.compile("must not be before startDate"), "error.endBeforeStart"),
            Map.entry(Pattern.compile("the runtime must not exceed (\\d+) years"), "error.runtimeTooLong"),
            Map.entry(Pattern.compile("must be (\\d+) to (\\d+) characters long"), "error.length"),
            Map.entry(Pattern.compile("must be at most (\\d+) characters long"), "error.maxLength"),
            Map.entry(Pattern.compile("must have at most two decimal places"), "error.cents"),
            Map.entry(Pattern.compile("must be greater than 0"), "error.positive"),
            Map.entry(Pattern.compile("must not be negative"), "error.negative"),
            Map.entry(Pattern.compile("must be less than 1000000000000"), "error.tooLarge"),
            Map.entry(Pattern.compile("must not lie in the future"), "error.future"),
            Map.entry(Pattern.compile("is only allowed when the outcome is APPROVED"), "error.amountOnlyForApproval"),
            Map.entry(Pattern.compile("must name at least one application"), "error.noItems"),
            Map.entry(Pattern.compile("must lie within the runtime (\\d+)–(\\d+)"), "error.planYear"),
            Map.entry(Pattern.compile("must lie between (\\S+) and (\\S+)"), "error.calendar"),
            Map.entry(Pattern.compile("appears more than once"), "error.duplicate"),
            Map.entry(Pattern.compile("the yearly amounts sum to (\\S+) but must sum exactly to the requested amount (\\S+)"), "error.planSum"),
            Map.entry(Pattern.compile("give either newApprovedAmount or vatRatePercent.*"), "error.amountOrVat"),
            Map.entry(Pattern.compile("must be a percentage above 0 and at most 100.*"), "error.vatRate"),
            Map.entry(Pattern.compile("must not lie before the approval of (\\S+)"), "error.beforeApproval"),
            Map.entry(Pattern.compile("must not lie before the meeting of the previous amendment, (\\S+)"), "error.beforeAmendment"),
            Map.entry(Pattern.compile("does not change the approved amount of (\\S+)"), "error.unchanged"),
            Map.entry(Pattern.compile("application (\\d+) is (\\w+); only SUBMITTED applications can be decided"), "error.notSubmitted"),
            Map.entry(Pattern.compile("must not exceed the requested amount of (\\S+); more money only comes by amendment"), "error.aboveRequest"),
            Map.entry(Pattern.compile("application (\\d+) was created, edited or submitted by you;.*"), "error.prepared"),
            Map.entry(Pattern.compile("must not contain an unpaired surrogate.*"), "error.surrogate"),
            Map.entry(Pattern.compile("must not contain the (bidirectional )?control character (U\\+\\p{XDigit}{4})"), "error.controlCharacter"),
            Map.entry(Pattern.compile("must not be one character repeated"), "error.passwordRepeated"),
            Map.entry(Pattern.compile("must not contain the username"), "error.passwordUsername"),
            Map.entry(Pattern.compile("is a commonly used password.*"), "error.passwordCommon"),
            Map.entry(Pattern.compile("is required for a STATE user"), "error.stateRequired"),
            Map.entry(Pattern.compile("is only allowed for a STATE user"), "error.stateOnly"),
            Map.entry(Pattern.compile("must be an e-mail address.*"), "error.email"));

    private final UiMessages messages;
    private final UiLanguage language;

    public UiPages(UiMessages messages, UiLanguage language) {
        this.messages = messages;
        this.language = language;
    }

    /** A page's model with what the layout needs. */
    public Map<String, Object> model(HttpRequest<?> request) {
        Map<String, Object> model = new HashMap<>();
        model.put("caller", request.getUserPrincipal(Authentication.class).map(Caller::of).orElse(null));
        model.put("csrf", UiCookies.csrfToken(request));
        model.put("lang", language.resolveOrDefault(request).getLanguage());
        model.put("path", request.getPath());
        model.put("fmt", UiFormat.INSTANCE);
        model.put("errors", List.of());
        model.put("fieldErrors", Map.of());
        return model;
    }

    public HttpResponse<?> page(String view, Map<String, Object> model) {
        return HttpResponse.ok(new ModelAndView<>(view, model));
    }

    public HttpResponse<?> page(HttpStatus status, String view, Map<String, Object> model) {
        return HttpResponse.status(status).body(new ModelAndView<>(view, model));
    }

    public static MutableHttpResponse<?> redirect(String path) {
        return HttpResponse.seeOther(URI.create(path));
    }

    /**
     * Puts field errors into the model: {@code errors} for the summary at the top (each with the
     * id of its field), {@code fieldErrors} for the message next to each field.
     */
    public void putErrors(HttpRequest<?> request, Map<String, Object> model, List<FieldError> errors,
                          Map<String, String> anchors) {
        Locale locale = language.resolveOrDefault(request);
        List<Map<String, String>> summary = new ArrayList<>();
        Map<String, String> byField = new LinkedHashMap<>();
        for (FieldError error : errors) {
            String anchor = anchors.getOrDefault(error.field(), anchor(error.field()));
            String message = translate(locale, error.message());
            byField.merge(anchor, message, (first, second) -> first + " " + second);
            summary.add(Map.of("anchor", anchor, "label", messages.text(locale, "field." + anchor.split("_")[0]), "message", message));
        }
        model.put("errors", summary);
        model.put("fieldErrors", byField);
    }

    /** The page for a refusal that is not about a field: 403, 404, 409, 412, 503. */
    public HttpResponse<?> errorPage(HttpRequest<?> request, RegistryException exception) {
        Locale locale = language.resolveOrDefault(request);
        Map<String, Object> model = model(request);
        int status = exception.status().getCode();
        model.put("status", status);
        model.put("title", messages.text(locale, "errorPage." + status + ".title"));
        model.put("detail", messages.text(locale, "errorPage." + status + ".detail"));
        model.put("technical", exception.getMessage());
        return page(exception.status(), "error", model);
    }

    String translate(Locale locale, String message) {
        if (message.startsWith("ui.")) {
            return messages.text(locale, message.substring(3));
        }
        for (Map.Entry<Pattern, String> known : MESSAGES) {
            Matcher matcher = known.getKey().matcher(message);
            if (matcher.matches()) {
                Object[] args = new Object[matcher.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = matcher.group(i + 1);
                }
                return messages.text(locale, known.getValue(), args);
            }
        }
        return message;
    }

    String text(HttpRequest<?> request, String code, Object... args) {
        return messages.text(language.resolveOrDefault(request), code, args);
    }

    /** {@code annualPlan[1].year} belongs to the field {@code annualPlan}. */
    static String anchor(String field) {
        int end = field.length();
        for (char stop : new char[]{'[', '.'}) {
            int at = field.indexOf(stop);
            if (at >= 0) {
                end = Math.min(end, at);
            }
        }
        return field.substring(0, end);
    }
}
