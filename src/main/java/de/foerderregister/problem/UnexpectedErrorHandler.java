package de.foerderregister.problem;

import io.micronaut.data.connection.exceptions.ConnectionException;
import io.micronaut.data.exceptions.OptimisticLockException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.List;

/**
 * The last line: whatever nobody else handled. A database that cannot be reached answers 503
 * (the pool gives up within seconds), a lost race 409, anything else 500 without internals.
 */
@Singleton
public class UnexpectedErrorHandler implements ExceptionHandler<Exception, HttpResponse<Problem>> {

    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    /** The detail of the 409 for a transaction the database rolled back again after every retry (or a stale version). */
    public static final String CONCURRENT_CHANGE =
            "The object was changed by another request at the same time. Reload and try again.";

    @Override
    public HttpResponse<Problem> handle(HttpRequest request, Exception exception) {
        if (databaseUnreachable(exception)) {
            LOG.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getPath(), exception.getMessage());
            return ProblemResponses.respond(Problem.of(HttpStatus.SERVICE_UNAVAILABLE,
                            "The database is not reachable. Please try again shortly.", List.of()))
                    .header("Retry-After", "5");
        }
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof SQLTransactionRollbackException) {
                return ProblemResponses.respond(Problem.of(HttpStatus.CONFLICT, CONCURRENT_CHANGE, List.of()));
            }
            if (t instanceof SQLIntegrityConstraintViolationException) {
                LOG.info("Constraint refused {} {}: {}", request.getMethod(), request.getPath(), t.getMessage());
                return ProblemResponses.respond(Problem.of(HttpStatus.CONFLICT,
                        "The change conflicts with data already stored.", List.of()));
            }
        }
        LOG.error("Unexpected error on {} {}", request.getMethod(), request.getPath(), exception);
        return ProblemResponses.respond(Problem.of(HttpStatus.INTERNAL_SERVER_ERROR,
                ProblemResponses.SERVER_ERROR_DETAIL, List.of()));
    }

    /** Whether the failure is the database being out of reach, rather than anything about the request. */
    public static boolean databaseUnreachable(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            // SQLSTATE class 08 is a connection exception; Micronaut Data's ConnectionException wraps the
            // pool's "Connection is closed" for a connection the server dropped when it went away
            if (t instanceof ConnectionException
                    || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
