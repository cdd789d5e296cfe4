package de.foerderregister.db;

import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.micronaut.context.annotation.Property;
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

    /** Runs of a transaction on a single server, where a conflict is a rare deadlock. */
    static final int SERVER_ATTEMPTS = 3;
    /**
     * On a Galera cluster, where writes of one funding source and year on two nodes meet at commit
     * (certification): the loser's next run often meets the next writer there, so it gets more runs,
     * spread further apart; at most about 7 s of pauses (up to twice that with the jitter). With 8 runs
     * 5 of 340 decisions and amendments still ran out of runs in the Galera scenario.
     */
    static final int CLUSTER_ATTEMPTS = 20;
    private static final long LONGEST_PAUSE_MILLIS = 500;

    private final TransactionOperations<Connection> transactions;
    private final Cluster cluster;
    /** The configured runs, or 0 until the first conflict asked the database what it is. */
    private volatile int attempts;
    private final Counter retries;

    public ConflictRetries(TransactionOperations<Connection> transactions, Cluster cluster, Optional<MeterRegistry> meters,
                           @Property(name = "registry.retries.attempts") @Nullable Integer attempts) {
        if (attempts != null && attempts < 1) {
            throw new IllegalArgumentException("registry.retries.attempts must be at least 1, not " + attempts);
        }
        this.transactions = transactions;
        this.cluster = cluster;
        this.attempts = attempts == null ? 0 : attempts;
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
                if (!rolledBackByDatabase(e) || attempt >= attempts()) {
                    throw e;
                }
                retries.increment();
                LOG.info("{} rolled back by the database ({}); attempt {} of {}", name, e.getClass().getSimpleName(),
                        attempt + 1, attempts());
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


    private int attempts() {
        int known = attempts;
        if (known == 0) {
            known = cluster.isGalera() ? CLUSTER_ATTEMPTS : SERVER_ATTEMPTS;
            attempts = known;
        }
        return known;
    }

    /**
     * A short pause, doubling with every attempt up to {@value #LONGEST_PAUSE_MILLIS} ms, and jittered by as
     * much again, so the competing transactions do not meet again in step.
     */
    private static void pause(int attempt) {
        long pause = Math.min(10L << Math.min(attempt - 1, 10), LONGEST_PAUSE_MILLIS);
        try {
            Thread.sleep(pause + ThreadLocalRandom.current().nextLong(pause));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
