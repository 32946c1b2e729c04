package dev.osprey.optimizer;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialFinishedException;
import dev.osprey.optimizer.space.Distribution;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The {@link Trial} handed to objectives and to ask/tell users; it writes through to the storage. */
final class LiveTrial implements Trial {

    private static final System.Logger LOG = System.getLogger(LiveTrial.class.getName());
    static final String FIXED_PARAMS = "fixed_params";

    private final Study study;
    /** The study as it was when this trial started, for its sampling. */
    private final StudyView samplingView;
    private volatile TrialRecord record;
    private Map<String, Double> relativeParams;

    LiveTrial(Study study, TrialRecord record, StudyView samplingView) {
        this.study = study;
        this.record = record;
        this.samplingView = samplingView;
    }

    boolean belongsTo(Study other) {
        return study == other;
    }

    @Override
    public int number() {
        return record.number();
    }

    @Override
    public synchronized Object suggest(String name, Distribution distribution) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a parameter name must not be empty");
        }
        Param existing = record.params().get(name);
        if (existing != null) {
            if (!existing.distribution().equals(distribution)) {
                throw new IllegalArgumentException("parameter '" + name + "' was suggested in trial " + number()
                        + " as " + existing.distribution() + " and now as " + distribution
                        + "; a parameter keeps one distribution");
            }
            return existing.value();
        }
        study.checkDistribution(name, distribution, number());
        double internal = chooseValue(name, distribution);
        record = write("set parameter '" + name + "'",
                () -> study.storage().setParam(record.id(), name, new Param(distribution, internal)));
        study.learn(name, distribution, number());
        return distribution.toExternal(internal);
    }

    private double chooseValue(String name, Distribution distribution) {
        if (record.systemAttrs().get(FIXED_PARAMS) instanceof Map<?, ?> fixed && fixed.containsKey(name)) {
            double internal = distribution.toInternal(fixed.get(name));
            if (!distribution.contains(internal)) {
                LOG.log(System.Logger.Level.WARNING, "fixed value {0} of parameter ''{1}'' in trial {2}"
                        + " lies outside {3}; it is used as given", fixed.get(name), name, number(), distribution);
            }
            return internal;
        }
        if (distribution.isSingle()) {
            return singleValue(distribution);
        }
        if (relativeParams == null) {
            relativeParams = study.sampleRelative(record, samplingView);
        }
        Double relative = relativeParams.get(name);
        if (relative != null && distribution.contains(relative)) {
            return relative;
        }
        double sampled = study.sampleIndependent(record, name, distribution, samplingView);
        if (Double.isNaN(sampled)) {
            throw new IllegalStateException("the sampler " + study.sampler() + " proposed NaN for parameter '" + name
                    + "' of " + distribution + "; this is a bug in the sampler");
        }
        return sampled;
    }

    private static double singleValue(Distribution distribution) {
        return switch (distribution) {
            case dev.osprey.optimizer.space.FloatDistribution f -> f.low();
            case dev.osprey.optimizer.space.IntDistribution i -> i.low();
            case dev.osprey.optimizer.space.CategoricalDistribution c -> 0;
        };
    }

    @Override
    public void report(int step, double value) {
        if (step < 0) {
            throw new IllegalArgumentException("a step must be >= 0, but got " + step);
        }
        study.requireSingleObjective("report intermediate values");
        if (record.intermediateValues().containsKey(step)) {
            LOG.log(System.Logger.Level.WARNING, "trial {0} already reported step {1}; the new value {2} is ignored",
                    number(), step, value);
            return;
        }
        record = write("report step " + step, () -> study.storage().reportIntermediate(record.id(), step, value));
    }

    @Override
    public boolean shouldPrune() {
        study.requireSingleObjective("prune");
        // re-read: a pruner may have written system attributes (rung values) since the last report
        refreshRecord();
        return study.pruner().prune(study.view(), record);
    }

    @Override
    public void setUserAttr(String key, Object value) {
        record = write("set user attribute '" + key + "'", () -> {
            study.storage().setTrialUserAttr(record.id(), key, value);
            return study.storage().trial(record.id());
        });
    }

    @Override
    public void setConstraints(double... values) {
        List<Double> constraints = study.checkConstraints(values, number());
        record = write("set its constraints", () -> {
            study.storage().setTrialSystemAttr(record.id(), TrialRecord.CONSTRAINTS, constraints);
            return study.storage().trial(record.id());
        });
    }

    @Override
    public void setConstraints(Map<String, Double> named) {
        java.util.Objects.requireNonNull(named, "named");
        List<String> names = ConstraintNames.order(named, study.trials(), number(), study.name());
        double[] values = names.stream().mapToDouble(named::get).toArray();
        List<Double> constraints = study.checkConstraints(values, number());
        record = write("set its constraints", () -> {
            study.storage().setTrialSystemAttr(record.id(), TrialRecord.CONSTRAINT_NAMES, names);
            study.storage().setTrialSystemAttr(record.id(), TrialRecord.CONSTRAINTS, constraints);
            return study.storage().trial(record.id());
        });
    }

    /** A storage write; if the trial was finished elsewhere, the study says why (a reaper, for one). */
    private TrialRecord write(String attempted, Supplier<TrialRecord> write) {
        try {
            return write.get();
        } catch (TrialFinishedException e) {
            throw study.finishedElsewhere(record, e, attempted);
        }
    }

    @Override
    public Map<String, Object> params() {
        return record.paramValues();
    }

    /** The name of the study this trial belongs to. */
    String studyName() {
        return study.name();
    }

    @Override
    public TrialRecord record() {
        return record;
    }

    void refreshRecord() {
        record = study.storage().trial(record.id());
    }
}
