package dev.osprey.sweeper.multirun;

import dev.osprey.optimizer.trial.TrialRecord;

import java.util.ArrayList;
import java.util.List;

/** The samplers the automatic sampler chose, as runs of trial numbers, for the end of a sweep. */
final class AutoChoices {

    /** The system attribute the automatic sampler stores on each trial. */
    static final String ATTR = "auto_sampler";

    private AutoChoices() {
    }

    /** For example {@code auto chose: gp for trials 0-199, cmaes for trials 200-299}. */
    static String summarise(List<TrialRecord> trials) {
        List<String> runs = new ArrayList<>();
        String current = null;
        int first = -1;
        int last = -1;
        for (TrialRecord t : trials) {
            Object choice = t.systemAttrs().get(ATTR);
            String name = choice == null ? "other" : choice.toString();
            if (!name.equals(current)) {
                if (current != null) {
                    runs.add(run(current, first, last));
                }
                current = name;
                first = t.number();
            }
            last = t.number();
        }
        if (current != null) {
            runs.add(run(current, first, last));
        }
        return "auto chose: " + (runs.isEmpty() ? "no trials ran" : String.join(", ", runs));
    }

    private static String run(String name, int first, int last) {
        return name + (first == last ? " for trial " + first : " for trials " + first + "-" + last);
    }
}
