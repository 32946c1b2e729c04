package dev.osprey.optimizer.sampler.cmaes;

import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.CategoricalDistribution;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orchestration of CMA-ES as Optuna's {@code CmaEsSampler} does it: the joint space is the
 * float and int parameters that every COMPLETE trial has with one distribution (more than one value
 * each), scaled onto the unit cube; {@link Lineage} derives the distribution from the trials and
 * {@link CmaEvolution} draws the point, from a generator derived from the seed and the trial number.
 * Categorical parameters, parameters outside the joint space, the startup trials, studies with
 * several objectives and spaces of one parameter (CMA-ES needs two) are drawn at random
 * ({@link Samplers#random()}), each case logged once. Nothing the sampler is asked throws: a
 * numerical failure is logged once and the trial drawn at random.
 */
final class CmaesSampler implements Sampler {

    private static final System.Logger LOG = System.getLogger(CmaesSampler.class.getName());

    private final CmaesOptions options;
    private final Sampler random = Samplers.random();
    private final Set<String> logged = ConcurrentHashMap.newKeySet();

    CmaesSampler(CmaesOptions options) {
        this.options = options;
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, TrialRecord trial) {
        if (study.directions().size() != 1) {
            logOnce("multi", "CMA-ES optimises one objective; this study has " + study.directions().size()
                    + ", so its parameters are drawn at random (use Samplers.nsga2() or Samplers.tpe())");
            return Map.of();
        }
        Map<String, Distribution> space = study.memo(new JointSpaceKey(this), JointSpace::new).of(study.trials());
        if (space == null) {
            return Map.of();
        }
        space.values().removeIf(d -> d.isSingle() || d instanceof CategoricalDistribution);
        if (space.size() == 1) {
            logOnce("one", "CMA-ES needs at least two numeric parameters; parameter " + space.keySet().iterator().next()
                    + " is drawn at random");
            return Map.of();
        }
        return space;
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, TrialRecord trial, Map<String, Distribution> space) {
        if (space.isEmpty()) {
            return Map.of();
        }
        List<TrialRecord> trials = study.trials();
        long complete = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).limit(options.nStartupTrials())
                .count();
        if (complete < options.nStartupTrials()) {
            return Map.of();
        }
        try {
            String signature = signature(space);
            double sign = study.direction() == Direction.MAXIMIZE ? -1 : 1;
            Lineage lineage = study.memo(new LineageKey(this, signature),
                    () -> new Lineage(space, signature, options, study.seed(), sign));
            if (lineage.ignoredSourceTrials()) {
                logOnce("source", "no source trial is COMPLETE with the parameters " + space.keySet()
                        + "; CMA-ES starts without a warm start");
            }
            Lineage.Proposal proposal = lineage.propose(trials, trial.number());
            study.setSystemAttr(trial, Lineage.ATTR, proposal.tag());
            return proposal.values();
        } catch (RuntimeException e) {
            logOnce("failure", "CMA-ES could not propose a point (" + e + "); this and later failing trials are"
                    + " drawn at random");
            return Map.of();
        }
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        if (trial.number() >= options.nStartupTrials() && !(distribution.isSingle())) {
            logOnce("independent:" + name, "CMA-ES draws parameter " + name + " at random: "
                    + (distribution instanceof CategoricalDistribution ? "it is categorical"
                    : "it is outside the joint space (the float and int parameters that every COMPLETE trial"
                    + " shares, at least two)"));
        }
        return random.sampleIndependent(study, trial, name, distribution);
    }

    /** A short stable name of the space, stored with each point so that a changed space starts afresh. */
    private static String signature(Map<String, Distribution> space) {
        long h = 0xcbf29ce484222325L;
        for (byte b : space.toString().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return Long.toHexString(h);
    }

    private void logOnce(String key, String message) {
        if (logged.add(key)) {
            LOG.log(Level.INFO, message);
        }
    }

    @Override
    public String toString() {
        return "CmaesSampler" + options;
    }

    private record JointSpaceKey(CmaesSampler sampler) {
    }

    private record LineageKey(CmaesSampler sampler, String signature) {
    }
}
