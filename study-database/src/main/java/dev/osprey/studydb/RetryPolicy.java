package dev.osprey.studydb;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often, and after what pause, a transaction that met a conflict or a broken connection is
 * tried again. The pause before attempt {@code n + 1} is drawn uniformly from the upper half of
 * {@code min(maxBackoff, firstBackoff * 2^(n-1))}, so that workers that collided spread out.
 *
 * @param maxAttempts  tries in all, at least 1
 * @param firstBackoff the pause scale after the first failure
 * @param maxBackoff   the largest pause
 */
record RetryPolicy(int maxAttempts, Duration firstBackoff, Duration maxBackoff) {

    /** Eight attempts, pauses from 10 ms doubling up to 1 s: about 3 s of pauses at most. */
    static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(10), Duration.ofSeconds(1));

    RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("a retry policy needs at least 1 attempt, but got " + maxAttempts);
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
