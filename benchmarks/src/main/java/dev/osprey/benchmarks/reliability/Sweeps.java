package dev.osprey.benchmarks.reliability;

import java.util.ArrayList;
import java.util.List;

/** The {@code osprey run -m} command lines the scenarios give, built one way so that a rerun is the same command. */
final class Sweeps {

    private Sweeps() {
    }

    /**
     * A grid sweep of {@code x} over {@code 0..points-1}, with a budget of {@code budget} trials,
     * whose job takes {@code seconds} and reports x itself, so that the audit knows every value.
     */
    static List<String> grid(Backend backend, String study, int points, int budget, int jobs, String seconds,
                             List<String> extra) {
        List<String> args = new ArrayList<>(List.of("run", "-m", "-cp", "conf", "-cn", "app",
                "--storage", backend.location(), "--study", study, "--sweeper", "grid",
                "--n-trials", Integer.toString(budget), "--n-jobs", Integer.toString(jobs),
                "x=range(0," + points + ")"));
        args.addAll(extra);
        // sh, not a JVM or Python: a job that starts in a millisecond keeps the suite fast on two cores
        args.addAll(List.of("--", "sh", "-c", "sleep " + seconds + "; echo \"${1#x=}\"", "sh", "{overrides}"));
        return args;
    }
}
