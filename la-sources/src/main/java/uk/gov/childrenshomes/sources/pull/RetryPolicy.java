package uk.gov.childrenshomes.sources.pull;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a transient failure (timeout, 5xx, dropped connection) is retried.
 *
 * <p>Backoff doubles from {@code initialBackoff} up to {@code maxBackoff}; each wait is drawn between half and all of
 * that ("equal jitter") so that the ~150 LAs pulled by one scheduled run do not retry a shared server in lock-step,
 * while the wait still grows with every attempt.
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(4, Duration.ofSeconds(2), Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("max-attempts must be at least 1, was " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= initial-backoff <= max-backoff");
        }
    }

    /** The wait before attempt {@code nextAttempt} (2 for the first retry). */
    public Duration backoffBefore(int nextAttempt, RandomGenerator random) {
        long ceiling = initialBackoff.toMillis();
        for (int retry = 2; retry < nextAttempt && ceiling < maxBackoff.toMillis(); retry++) {
            ceiling *= 2;
        }
        ceiling = Math.min(ceiling, maxBackoff.toMillis());
        long half = ceiling / 2;
        return Duration.ofMillis(half + (ceiling - half == 0 ? 0 : random.nextLong(ceiling - half + 1)));
    }
}
