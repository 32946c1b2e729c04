package dev.osprey.sweeper.multirun;

import dev.osprey.sweeper.SweepListener;
import dev.osprey.sweeper.SweepSummary;

/**
 * What a {@link Multirun} tells the person who started it: the one line that says what will run,
 * the sweep's progress, and its summary. The command line prints them to the console.
 *
 * @since 0.1
 */
public interface MultirunObserver {

    /** Something the run does differently from what its config or command line might suggest, before it starts. */
    void note(String line);

    /** The study, sampler, launcher, parallelism and output folder, before the first job starts. */
    void started(String description);

    /**
     * A listener for the sweep's jobs.
     *
     * @param budget the trial budget, or -1 when the grid decides how many trials run
     */
    SweepListener progress(int budget);

    /**
     * More listeners for the sweep of {@code study}, such as hooks run after each trial; none by default.
     *
     * @param storage the study database's location as it may be shown (any password masked)
     */
    default java.util.List<SweepListener> listeners(String study, String storage) {
        return java.util.List.of();
    }

    /** The sweep ended; {@link SweepSummary#table()} is its end-of-sweep table. */
    void finished(SweepSummary summary);
}
