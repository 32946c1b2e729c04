package dev.osprey.launchers.internal;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Helpers for the tests of the queued launchers: gating on installed tools, waiting for conditions. */
public final class RemoteTesting {

    /** Each reason to skip is printed once, not once per test. */
    private static final Set<String> TOLD = ConcurrentHashMap.newKeySet();

    private RemoteTesting() {
    }

    /** Whether this is a CI run, where the tools must be there and a missing one fails the test. */
    public static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /**
     * Skips the test, with the message, when {@code present} is false; fails it instead under CI=true.
     *
     * @param what what is missing and how to get it
     */
    public static void require(boolean present, String what) {
        if (present) {
            return;
        }
        if (ci()) {
            Assertions.fail(what + " (CI=true, so the tests need it)");
        }
        if (TOLD.add(what)) {
            System.err.println("SKIPPED: " + what);
        }
        Assumptions.assumeTrue(false, what);
    }

    /**
     * Skips (or under CI fails) a test that needs the Slurm cluster of scripts/slurm-single-node.sh:
     * {@code sbatch} on PATH and {@code SLURM_CONF} naming its slurm.conf.
     */
    public static void requireSlurmCluster() {
        require(Commands.find("sbatch").isPresent(),
                "Slurm's sbatch is not on PATH; the Slurm tests need a cluster"
                        + " (apt-get install slurmctld slurmd slurm-client munge; scripts/slurm-single-node.sh)");
        String conf = System.getenv("SLURM_CONF");
        require(conf != null && java.nio.file.Files.isRegularFile(java.nio.file.Path.of(conf)),
                "SLURM_CONF does not name a slurm.conf; start a test cluster with scripts/slurm-single-node.sh"
                        + " and source the env.sh it writes");
    }

    /** Waits until {@code condition} holds, checking every 20 ms; fails after {@code limit}. */
    public static void waitFor(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                Assertions.fail("gave up waiting after " + limit + " for: " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Assertions.fail("interrupted while waiting for: " + what);
            }
        }
    }
}
