package dev.osprey.studydb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often, and after what pause, a transaction that met a conflict or a broken connection is
 * tried again. The pause before attempt {@code n + 1} is drawn uniformly from the upper half of
 * {@code min(maxBackoff, firstBackoff * 2^(n-1))}, so that workers that collided spread out. No
 * attempt starts once the call has waited {@code maxWait}: with the pool's connection timeout
 * ({@link Database#CONNECTION_TIMEOUT}) that bounds the wait of one call on a database that is
 * down, where each attempt waits the connection timeout (eight of them at the pool's default 30 s
 * made four minutes).
 *
 * @param maxAttempts  tries in all, at least 1
 * @param firstBackoff the pause scale after the first failure
 * @param maxBackoff   the largest pause
 * @param maxWait      no attempt starts after this much time since the first one
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff, Duration maxWait) {

    /** How long one call retries a database that cannot be reached, unless told otherwise. */
    static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);

    /**
     * Eight attempts, pauses from 10 ms doubling up to 1 s (about 3 s of pauses at most), none
     * started after 10 s: a call waits at most about 15 s with the connection timeout.
     */
    static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(10), Duration.ofSeconds(1));

    RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {
        this(maxAttempts, firstBackoff, maxBackoff, DEFAULT_MAX_WAIT);
    }

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least 1 attempt, but got " + maxAttempts);
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("a retry policy's longest wait must be >= 0, but got " + maxWait);
        }
        if (firstBackoff.isNegative() || maxBackoff.compareTo(firstBackoff) < 0) {
            throw new IllegalArgumentException("backoffs must satisfy 0 <= first <= max, but got "
                    + firstBackoff + " and " + maxBackoff);
        }
    }

    /** The pause after failed attempt {@code attempt} (1-based), in milliseconds. */
    long backoffMillis(int attempt) {
        long scale = firstBackoff.toMillis() << Math.min(attempt - 1, 20);
        long ceiling = Math.min(maxBackoff.toMillis(), scale);
        return ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
    }
}
