package dev.osprey.cli;

import dev.osprey.sweeper.SweepListener;
import dev.osprey.sweeper.SweepSummary;
import dev.osprey.sweeper.multirun.MultirunObserver;

/** A sweep shown on the console: the start line, a progress line, the end-of-sweep table. */
record ConsoleObserver(Console console) implements MultirunObserver {

    @Override
    public void note(String line) {
        console.info("note: " + line);
    }

    @Override
    public void started(String description) {
        console.info(description);
    }

    @Override
    public SweepListener progress(int budget) {
        return new ProgressListener(console, budget);
    }

    @Override
    public void finished(SweepSummary summary) {
        console.result(summary.table());
    }
}
