package dev.osprey.optimizer.pruner;

/**
 * The pruner contract for the patient pruner in front of the median pruner: a trial must stagnate
 * for three values and be worse than the median of five COMPLETE trials.
 */
class WrappingPatientPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.patient(Pruners.median(), 2, 0.0);
    }

    @Override
    protected int completeTrialsNeeded() {
        return 5;
    }

    @Override
    protected int firstPrunableStep() {
        return 3;
    }
}
