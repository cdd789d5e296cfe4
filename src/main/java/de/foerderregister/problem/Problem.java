package de.foerderregister.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.serde.annotation.Serdeable;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document. {@code allowedStatuses} is an extension member set when a
 * status move is refused, naming the moves that the current status allows.
 */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record Problem(URI type, String title, int status, String detail, List<FieldError> errors,
                      @Nullable List<String> allowedStatuses) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(HttpStatus status, String detail, List<FieldError> errors) {
        return new Problem(URI.create("about:blank"), status.getReason(), status.getCode(), detail, List.copyOf(errors), null);
    }

    public Problem withErrors(List<FieldError> rendered) {
        return new Problem(type, title, status, detail, List.copyOf(rendered), allowedStatuses);
    }

    public Problem withAllowedStatuses(List<String> statuses) {
        return new Problem(type, title, status, detail, errors, List.copyOf(statuses));
    }
}
