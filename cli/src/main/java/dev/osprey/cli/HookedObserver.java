package dev.osprey.cli;

import dev.osprey.sweeper.SweepListener;
import dev.osprey.sweeper.SweepSummary;
import dev.osprey.sweeper.multirun.MultirunObserver;

import java.util.List;
import java.util.function.Consumer;

/** A sweep's observer that also runs the {@code --on-trial-end} programs, one hook per program, in order given. */
record HookedObserver(MultirunObserver inner, List<List<String>> commands, Consumer<String> warnings)
        implements MultirunObserver {

    @Override
    public void note(String line) {
        inner.note(line);
    }

    @Override
    public void started(String description) {
        inner.started(description);
    }

    @Override
    public SweepListener progress(int budget) {
        return inner.progress(budget);
    }

    @Override
    public List<SweepListener> listeners(String study, String storage) {
        List<SweepListener> hooks = new java.util.ArrayList<>(inner.listeners(study, storage));
        hooks.add(new TrialEndHook(commands, study, storage, warnings));
        return hooks;
    }

    @Override
    public void finished(SweepSummary summary) {
        inner.finished(summary);
    }
}
