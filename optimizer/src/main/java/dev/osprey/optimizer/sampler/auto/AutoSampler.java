package dev.osprey.optimizer.sampler.auto;

import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Delegates each trial to the sampler {@link AutoRule} picks when the trial starts, and stores
 * the choice on the trial (system attribute {@value #ATTR}): every later call for the trial reads
 * it back, so all workers sharing the study, and a resumed study, route a trial alike.
 *
 * <p>The GP and TPE delegates live as long as this sampler. CMA-ES is created per study at its
 * first trial, warm-started (WS-CMA-ES, Nomura et al., AAAI 2021) from the COMPLETE trials
 * numbered before the study's first CMA-ES trial, which are the GP's best guesses so far.
 */
final class AutoSampler implements Sampler {

    /** The system attribute that names the sampler a trial was given. */
    static final String ATTR = "auto_sampler";

    private final AutoRule rule;
    private final Sampler gp = Samplers.gp();
    private final Sampler tpe;

    AutoSampler(AutoRule rule, Sampler tpe) {
        this.rule = rule;
        this.tpe = tpe;
    }

    @Override
    public void beforeTrial(StudyView study, TrialRecord trial) {
        AutoChoice choice = AutoChoice.parse(trial.systemAttrs().get(ATTR))
                .orElseGet(() -> rule.choose(study.directions(), study.trials()));
        if (!choice.label().equals(trial.systemAttrs().get(ATTR))) {
            study.setSystemAttr(trial, ATTR, choice.label());
            recordOnStudy(study, trial, choice);
        }
        delegate(study, trial, choice).beforeTrial(study, trial);
    }

    /**
     * Keeps the study's own {@value #ATTR} attribute, the choices so far as
     * "gp from trial 0, cmaes from trial 200", up to date; it changes only when the choice does,
     * so it is written once per change (and once per process, which cannot tell it was written).
     */
    private void recordOnStudy(StudyView study, TrialRecord trial, AutoChoice choice) {
        TreeMap<Integer, String> byNumber = new TreeMap<>();
        for (TrialRecord t : study.trials()) {
            if (t.systemAttrs().get(ATTR) instanceof String label) {
                byNumber.put(t.number(), label);
            }
        }
        byNumber.put(trial.number(), choice.label());
        StringBuilder history = new StringBuilder();
        String previous = null;
        for (Map.Entry<Integer, String> e : byNumber.entrySet()) {
            if (!e.getValue().equals(previous)) {
                history.append(previous == null ? "" : ", ").append(e.getValue()).append(" from trial ").append(e.getKey());
                previous = e.getValue();
            }
        }
        AtomicReference<String> written = study.memo(new HistoryKey(this), AtomicReference::new);
        if (!history.toString().equals(written.getAndSet(history.toString()))) {
            study.setStudySystemAttr(ATTR, history.toString());
        }
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(StudyView study, TrialRecord trial) {
        return delegate(study, trial).inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(StudyView study, TrialRecord trial, Map<String, Distribution> space) {
        return delegate(study, trial).sampleRelative(study, trial, space);
    }

    @Override
    public double sampleIndependent(StudyView study, TrialRecord trial, String name, Distribution distribution) {
        return delegate(study, trial).sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public boolean hasProposalFor(StudyView study, TrialRecord trial) {
        return delegate(study, trial).hasProposalFor(study, trial);
    }

    @Override
    public void afterTrial(StudyView study, TrialRecord trial) {
        delegate(study, trial).afterTrial(study, trial);
    }

    /** The sampler of a trial: its stored choice, or (a trial that never went through beforeTrial) the rule's. */
    private Sampler delegate(StudyView study, TrialRecord trial) {
        AutoChoice choice = AutoChoice.parse(trial.systemAttrs().get(ATTR))
                .orElseGet(() -> rule.choose(study.directions(), study.trials()));
        return delegate(study, trial, choice);
    }

    private Sampler delegate(StudyView study, TrialRecord trial, AutoChoice choice) {
        return switch (choice) {
            case GP -> gp;
            case TPE -> tpe;
            case CMAES -> study.memo(new CmaesKey(this), () -> warmCmaes(study, trial));
        };
    }

    private static Sampler warmCmaes(StudyView study, TrialRecord trial) {
        List<TrialRecord> trials = study.trials();
        int firstCmaes = trials.stream()
                .filter(t -> AutoChoice.CMAES.label().equals(t.systemAttrs().get(ATTR)))
                .mapToInt(TrialRecord::number).min().orElse(trial.number());
        List<TrialRecord> source = trials.stream()
                .filter(t -> t.state() == TrialState.COMPLETE && t.number() < firstCmaes)
                .toList();
        return source.isEmpty() ? Samplers.cmaes() : Samplers.cmaesBuilder().sourceTrials(source).build();
    }

    /** The memo key of this sampler's CMA-ES in a study. */
    private record CmaesKey(AutoSampler owner) {
    }

    /** The memo key of the history this sampler last wrote on a study. */
    private record HistoryKey(AutoSampler owner) {
    }
}
