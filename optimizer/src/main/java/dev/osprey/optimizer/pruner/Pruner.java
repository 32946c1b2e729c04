package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.StudyView;
import dev.osprey.optimizer.trial.TrialRecord;

/**
 * Decides whether a running trial should stop early, from the intermediate values it has reported
 * and those of the study's other trials. Called by {@link dev.osprey.optimizer.Trial#shouldPrune()}
 * after each report, with the trial as it is stored.
 *
 * <p>What every pruner does, checked by the pruner contract-test kit ({@code PrunerContract} in the
 * optimizer's test-jar):
 * <ul>
 *   <li>it prunes nothing before it has what it documents it needs (COMPLETE trials, a warm-up),
 *       and never a trial that has reported nothing;</li>
 *   <li>it never prunes a finished trial (COMPLETE, PRUNED, FAIL), and writes nothing for one: a
 *       worker may ask about a trial the study finished meanwhile;</li>
 *   <li>it decides from the trials' intermediate values and states, the study's name and direction,
 *       and attributes it writes itself; not from parameters, user attributes or times;</li>
 *   <li>the same history gives the same decisions, in any process: state it keeps goes in
 *       {@link StudyView#memo}, so one pruner can serve several studies;</li>
 *   <li>NaN reports, the trial's own or its peers', never make it fail, and a step no other trial
 *       reported is no reason to prune.</li>
 * </ul>
 */
@FunctionalInterface
public interface Pruner {

    /** Whether {@code trial} (with its latest intermediate values) should be pruned now; false unless it is RUNNING. */
    boolean prune(StudyView study, TrialRecord trial);
}
