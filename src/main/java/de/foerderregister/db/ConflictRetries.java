package de.foerderregister.db;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionOperations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

/**
 * Runs a {@link RetryOnConflict} method again when its transaction was rolled back by the
 * database. It wraps the transaction (it is ordered before it), and retries only the outermost
 * call: inside a running transaction the whole transaction is lost, so the retry belongs to its owner.
 */
@Singleton
@InterceptorBean(RetryOnConflict.class)
public class ConflictRetries implements MethodInterceptor<Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ConflictRetries.class);
    private static final int DEADLOCK = 1213;
    private static final int LOCK_WAIT_TIMEOUT = 1205;
    private static final int DUPLICATE_KEY = 1062;

    private final TransactionOperations<Connection> transactions;
    private final int attempts;
    private final Counter retries;

    public ConflictRetries(TransactionOperations<Connection> transactions, Optional<MeterRegistry> meters,
                           @Value("${registry.retries.attempts:3}") int attempts) {
        this.transactions = transactions;
        this.attempts = attempts;
        this.retries = Counter.builder("registry.transaction.retries")
                .description("transactions run again after a deadlock, lock wait timeout or certification failure")
                // with metrics switched off the count is kept, just not exported
                .register(meters.orElseGet(SimpleMeterRegistry::new));
    }

    @Override
    public int getOrder() {
        return InterceptPhase.RETRY.getPosition();
    }

    @Override
    public @Nullable Object intercept(MethodInvocationContext<Object, Object> context) {
        if (transactions.findTransactionStatus().isPresent()) {
            return context.proceed();
        }
        // proceeding from this interceptor runs the rest of the chain, the transaction included, anew
        return retried(context.getMethodName(), () -> context.proceed(this));
    }

    /**
     * Runs a transaction again, as for {@link RetryOnConflict}, when the database rolled it back: for a
     * short transaction of its own started inside another one (REQUIRES_NEW), which the interceptor leaves
     * alone. Its loss does not touch the outer transaction, so it can be retried right there.
     */
    public <T> T retried(String name, Supplier<T> transaction) {
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= attempts || !rolledBackByDatabase(e)) {
                    throw e;
                }
                retries.increment();
                LOG.info("{} rolled back by the database ({}); attempt {} of {}", name, e.getClass().getSimpleName(),
                        attempt + 1, attempts);
                pause(attempt);
            }
        }
    }

    private static boolean rolledBackByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransactionRollbackException) {
                return true;
            }
            if (t instanceof SQLException sql && (sql.getErrorCode() == DEADLOCK || sql.getErrorCode() == LOCK_WAIT_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the failure is a unique key's refusal: what another transaction wrote first decides. */
    public static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getErrorCode() == DUPLICATE_KEY) {
                return true;
            }
        }
        return false;
    }

    /** A short, growing, jittered pause, so the competing transactions do not meet again in step. */
    private static void pause(int attempt) {
        try {
            Thread.sleep(10L * attempt + ThreadLocalRandom.current().nextLong(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
