package de.foerderregister.idempotency;

import de.foerderregister.problem.BadRequest;
import de.foerderregister.problem.Conflict;
import de.foerderregister.problem.FieldError;
import de.foerderregister.problem.InvalidInput;
import de.foerderregister.problem.RuleCode;
import de.foerderregister.security.Caller;
import de.foerderregister.system.Sha256;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.serde.ObjectMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * Idempotency-Key as the IETF draft describes it, per user: a replay of a completed request gets
 * the first response and creates nothing; the same key with another payload answers 422; while
 * the first request still runs, 409. Keys are kept for {@code registry.idempotency.retention}
 * (24 hours), then forgotten.
 */
@Singleton
public class IdempotentRequests {

    public static final String HEADER = "Idempotency-Key";
    private static final int KEY_MAX = 255;

    private final IdempotencyRepository records;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration retention;

    public IdempotentRequests(IdempotencyRepository records, ObjectMapper json, Clock clock,
                              @Value("${registry.idempotency.retention:24h}") Duration retention) {
        this.records = records;
        this.json = json;
        this.clock = clock;
        this.retention = retention;
    }

    /** Runs {@code action} once per key and user; without a key it just runs. */
    public HttpResponse<?> once(Caller caller, @Nullable String key, String operation, JsonNode body,
                                Supplier<MutableHttpResponse<?>> action) {
        if (key == null) {
            return action.get();
        }
        if (key.isBlank() || key.length() > KEY_MAX) {
            throw new BadRequest(HEADER, RuleCode.IDEMPOTENCY_KEY_LENGTH, KEY_MAX);
        }
        Instant now = clock.instant();
        String fingerprint = fingerprint(operation, body);
        records.forgetExpired(caller.username(), key, now);
        if (records.claim(caller.username(), key, fingerprint, now, now.plus(retention)) == 0) {
            return replay(records.findById(new IdempotencyRecord.Key(caller.username(), key)).orElseThrow(), fingerprint);
        }
        MutableHttpResponse<?> response;
        try {
            response = action.get();
        } catch (RuntimeException e) {
            records.release(caller.username(), key);
            throw e;
        }
        records.complete(caller.username(), key, response.code(), write(response.body()),
                response.getHeaders().get(HttpHeaders.LOCATION), response.getHeaders().get(HttpHeaders.ETAG));
        return response;
    }

    private HttpResponse<?> replay(IdempotencyRecord record, String fingerprint) {
        if (!record.fingerprint().equals(fingerprint)) {
            throw new InvalidInput(List.of(new FieldError(HEADER, RuleCode.IDEMPOTENCY_KEY_REUSED)));
        }
        if (record.state() == IdempotencyRecord.State.IN_PROGRESS) {
            throw new Conflict("The first request with this Idempotency-Key is still being processed; retry later.");
        }
        MutableHttpResponse<String> replayed = HttpResponse.<String>status(HttpStatus.valueOf(record.responseStatus()))
                .contentType(MediaType.APPLICATION_JSON_TYPE).body(record.responseBody());
        if (record.location() != null) {
            replayed.header(HttpHeaders.LOCATION, record.location());
        }
        if (record.etag() != null) {
            replayed.header(HttpHeaders.ETAG, record.etag());
        }
        return replayed;
    }

    private String fingerprint(String operation, JsonNode body) {
        try {
            return Sha256.hex(operation + "\n" + json.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String write(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
