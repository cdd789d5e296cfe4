package de.foerderregister.security;

import de.foerderregister.system.Sha256;
import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slows down password guessing. Every login reserves an attempt before its password is checked,
 * in three buckets at once: the username from this client address (registry.login.max-failures,
 * 5), the username from anywhere (max-failures-per-user, 50) and the address for any username
 * (max-failures-per-address, 100), each per fixed window (registry.login.window, 15 minutes). When
 * one bucket is full the login answers 429 with Retry-After and nothing is counted, so an attacker
 * who is refused cannot fill the others. A success gives its own attempt back; failures of others
 * stay counted. So one address can lock a username out only for itself; locking it out for
 * everybody takes many addresses. Kept in the database: every instance counts the same attempts.
 */
@Singleton
public class LoginThrottle {

    /** The attempts one login reserved: given back when it succeeds. */
    public record Reservation(List<LoginAttempt> counted) {
    }

    private static final TransactionDefinition OWN_TRANSACTION = TransactionDefinition.of(TransactionDefinition.Propagation.REQUIRES_NEW);

    private final LoginAttemptRepository attempts;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final int perUserAndAddress;
    private final int perUser;
    private final int perAddress;
    private final Duration window;

    public LoginThrottle(LoginAttemptRepository attempts, TransactionOperations<Connection> transactions, Clock clock,
                         @Value("${registry.login.max-failures:5}") int perUserAndAddress,
                         @Value("${registry.login.max-failures-per-user:50}") int perUser,
                         @Value("${registry.login.max-failures-per-address:100}") int perAddress,
                         @Value("${registry.login.window:15m}") Duration window) {
        this.attempts = attempts;
        this.transactions = transactions;
        this.clock = clock;
        this.perUserAndAddress = perUserAndAddress;
        this.perUser = perUser;
        this.perAddress = perAddress;
        this.window = window;
    }

    /**
     * Reserves one attempt in each bucket, or refuses with 429 when any is full. Runs in transactions
     * of its own: the count holds even when the caller's work is rolled back.
     */
    public Reservation reserve(String username, String clientAddress) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        Map<String, Integer> limits = new TreeMap<>();
        limits.put(bucket("user", name), perUser);
        limits.put(bucket("user-address", name + "\n" + clientAddress), perUserAndAddress);
        limits.put(bucket("address", clientAddress), perAddress);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // made in a transaction before the locking one: the duplicate check's shared lock is gone by then
        transactions.execute(OWN_TRANSACTION, status -> {
            limits.keySet().forEach(bucket -> attempts.open(bucket, now));
            return null;
        });
        return transactions.execute(OWN_TRANSACTION, status -> {
            Duration wait = Duration.ZERO;
            List<LoginAttempt> counted = new ArrayList<>();
            for (LoginAttempt bucket : attempts.lock(limits.keySet())) {
                boolean current = bucket.windowStart().plus(window).isAfter(now);
                if (current && bucket.attempts() >= limits.get(bucket.bucket())) {
                    Duration left = Duration.between(now, bucket.windowStart().plus(window));
                    wait = left.compareTo(wait) > 0 ? left : wait;
                }
                counted.add(current
                        ? new LoginAttempt(bucket.bucket(), bucket.windowStart(), bucket.attempts() + 1)
                        : new LoginAttempt(bucket.bucket(), now, 1));
            }
            if (!wait.isZero()) {
                throw new TooManyLogins(wait.plusSeconds(1).truncatedTo(ChronoUnit.SECONDS));
            }
            counted.forEach(bucket -> attempts.count(bucket.bucket(), bucket.windowStart(), bucket.attempts()));
            return new Reservation(counted);
        });
    }

    /** The password was right: the attempt is given back, and only this one. */
    public void succeeded(Reservation reservation) {
        transactions.execute(OWN_TRANSACTION, status -> {
            reservation.counted().forEach(bucket -> attempts.giveBack(bucket.bucket(), bucket.windowStart()));
            return null;
        });
    }

    /** Buckets whose window is long over are forgotten; a later attempt starts them anew anyway. */
    @Scheduled(fixedDelay = "1h", initialDelay = "5m")
    void forgetOld() {
        attempts.forgetBefore(clock.instant().minus(window));
    }

    private static String bucket(String kind, String key) {
        return Sha256.hex(kind + "\n" + key);
    }
}
