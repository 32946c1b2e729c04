package dev.osprey.optimizer.pruner;

/**
 * The pruner contract for Hyperband with Optuna's defaults: the maximum resource comes from the
 * first COMPLETE trial, so nothing is pruned before one; bracket 0's first rung is step 1.
 */
class AutoHyperbandPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.hyperband();
    }

    @Override
    protected int completeTrialsNeeded() {
        return 1;
    }

    @Override
    protected int firstPrunableStep() {
        return 1;
    }
}
