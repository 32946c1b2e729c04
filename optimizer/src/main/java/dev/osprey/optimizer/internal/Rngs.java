package dev.osprey.optimizer.internal;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random generators derived from (study seed, trial number, purpose). A trial's draws depend on
 * nothing else, so a seeded study proposes the same trials whatever the parallelism and across
 * resumes. Not part of the API.
 */
public final class Rngs {

    private Rngs() {
    }

    /** A generator for one purpose (a parameter name, "tpe", ...) of one trial. */
    public static SplittableRandom forTrial(long seed, int trialNumber, String purpose) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (trialNumber * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L));
        h = mix(h ^ fnv(purpose));
        return new SplittableRandom(h);
    }

    /** SplitMix64's finaliser: a bijective 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long fnv(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
