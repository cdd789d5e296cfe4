package de.foerderregister.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import de.foerderregister.problem.UnexpectedErrorHandler;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** One registry instance as its API clients see it: JSON over HTTP with a bearer token. */
final class RegistryClient {

    /** No answer within this time counts as a failure of its own (a 503 must come within 5 s, see GaleraScenario). */
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The status recorded for a request that got no answer at all. */
    static final int NO_ANSWER = 0;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;

    RegistryClient(String base) {
        this.base = URI.create(base);
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    String base() {
        return base.toString();
    }

    /** What came back, and how long it took. */
    record Answer(int status, JsonNode body, long nanos) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        /** Why a 409 was given: the rule that refused it, or the database's rollback after the retries ran out. */
        ConflictCause conflictCause() {
            if (body.has("allowedStatuses")) {
                return ConflictCause.STATUS_MOVE;
            }
            if (UnexpectedErrorHandler.CONCURRENT_CHANGE.equals(body.path("detail").asText())) {
                return ConflictCause.RETRIES_EXHAUSTED;
            }
            return ConflictCause.OTHER;
        }
    }

    enum ConflictCause { STATUS_MOVE, RETRIES_EXHAUSTED, OTHER }

    String login(String username, String password) {
        Answer answer = post(null, "/login", Map.of("username", username, "password", password));
        if (answer.status() != 200) {
            throw new IllegalStateException("login of " + username + " on " + base + " answered " + answer.status());
        }
        return answer.body().get("access_token").asText();
    }

    Answer get(String token, String path) {
        return send(request(token, path).GET());
    }

    Answer post(String token, String path, Object body) {
        try {
            return send(request(token, path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Answer postCsv(String token, String path, String csv) {
        return send(request(token, path).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)));
    }

    /** The plain text of a GET, e.g. the Prometheus exposition; null when it does not answer 200. */
    String text(String bearer, String path) {
        try {
            HttpResponse<String> response = http.send(request(bearer, path).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? response.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(REQUEST_TIMEOUT);
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    private Answer send(HttpRequest.Builder request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode body = text == null || text.isBlank() || !text.startsWith("{") && !text.startsWith("[")
                    ? MissingNode.getInstance() : JSON.readTree(text);
            return new Answer(response.statusCode(), body, System.nanoTime() - started);
        } catch (IOException e) {
            // a timeout, or the instance itself unreachable or closing the connection
            return new Answer(NO_ANSWER, MissingNode.getInstance(), System.nanoTime() - started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(NO_ANSWER, MissingNode.getInstance(), System.nanoTime() - started);
        }
    }
}
