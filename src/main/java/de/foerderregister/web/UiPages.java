package de.foerderregister.web;

import de.foerderregister.application.FundingSource;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.RegistryException;
import de.foerderregister.security.Caller;
import de.foerderregister.system.GermanNotation;
import de.foerderregister.system.Messages;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.views.ModelAndView;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every page needs (the user, the CSRF token, the language, the formats), and the one way
 * the pages show a refusal of the services: field errors next to their fields and in a summary,
 * anything else as an error page with the same status the API would answer.
 */
@Singleton
public class UiPages {

    /** An amount as the rules give it: 1011500.00, -12.50. */
    private static final Pattern PLAIN_AMOUNT = Pattern.compile("-?\\d+\\.\\d{2}");

    private final Messages messages;
    private final UiLanguage language;

    public UiPages(Messages messages, UiLanguage language) {
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
            String message = asShown(error, locale).worded(messages, locale).message();
            byField.merge(anchor, message, (first, second) -> first + " " + second);
            summary.add(Map.of("anchor", anchor, "label", messages.text(locale, "field." + anchor.split("_")[0]), "message", message));
        }
        model.put("errors", summary);
        model.put("fieldErrors", byField);
    }

    /**
     * The rules name amounts as plain decimals and funding sources by their codes, as the API
     * answers them; on a page they read as every other amount and source there.
     */
    private FieldError asShown(FieldError error, Locale locale) {
        if (error.arguments() == null) {
            return error;
        }
        List<String> shown = error.arguments().stream().map(argument -> {
            if (PLAIN_AMOUNT.matcher(argument).matches()) {
                return GermanNotation.number(new BigDecimal(argument));
            }
            return Arrays.stream(FundingSource.values()).filter(source -> source.name().equals(argument)).findFirst()
                    .map(source -> messages.text(locale, "source." + source.name())).orElse(argument);
        }).toList();
        return new FieldError(error.field(), error.code(), shown, error.message());
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
