package dev.osprey.dashboard.plot;

import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.space.FloatDistribution;
import dev.osprey.optimizer.space.IntDistribution;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** The columns plots read from trials: finite objective values, and parameters on their axes. */
final class TrialColumns {

    private TrialColumns() {
    }

    /** COMPLETE trials whose plotted objective is finite (Optuna's {@code _filter_nonfinite}). */
    static List<TrialRecord> completeFinite(PlotRequest request) {
        List<TrialRecord> out = new ArrayList<>();
        for (TrialRecord trial : request.trials()) {
            if (trial.state() == TrialState.COMPLETE && trial.values().size() > request.objective()
                    && Double.isFinite(trial.values().get(request.objective()))) {
                out.add(trial);
            }
        }
        return out;
    }

    static double value(TrialRecord trial, PlotRequest request) {
        return trial.values().get(request.objective());
    }

    /** The names of all parameters of these trials, sorted (Optuna sorts params by name). */
    static List<String> paramNames(List<TrialRecord> trials) {
        TreeSet<String> names = new TreeSet<>();
        trials.forEach(t -> names.addAll(t.params().keySet()));
        return List.copyOf(names);
    }

    /**
     * A parameter on an axis: numeric values as they are (on a log axis if any trial's distribution is
     * log), categorical ones by the position of their choice; numerical choices stay numbers.
     */
    record ParamAxis(String name, Axis axis, CategoricalDistribution choices) {

        static ParamAxis of(String name, List<TrialRecord> trials) {
            boolean log = false;
            CategoricalDistribution categorical = null;
            for (TrialRecord trial : trials) {
                Param param = trial.params().get(name);
                if (param == null) {
                    continue;
                }
                switch (param.distribution()) {
                    case FloatDistribution f -> log |= f.log();
                    case IntDistribution i -> log |= i.log();
                    case CategoricalDistribution c -> categorical = c;
                }
            }
            if (categorical != null && !numerical(categorical)) {
                List<String> labels = categorical.choices().stream().map(String::valueOf).toList();
                return new ParamAxis(name, Axis.categories(name, labels), categorical);
            }
            return new ParamAxis(name, Axis.of(name, log ? Scale.LOG : Scale.LINEAR), null);
        }

        private static boolean numerical(CategoricalDistribution choices) {
            return choices.choices().stream().allMatch(c -> c instanceof Number);
        }

        /** The trial's position on this axis, or NaN when it has no such parameter. */
        double position(TrialRecord trial) {
            Param param = trial.params().get(name);
            if (param == null) {
                return Double.NaN;
            }
            if (choices != null) {
                return choices.choices().indexOf(param.value());
            }
            Object value = param.value();
            return value instanceof Number n ? n.doubleValue() : param.internal();
        }

        boolean log() {
            return axis.scale() == Scale.LOG;
        }
    }
}
