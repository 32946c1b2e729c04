package dev.osprey.optimizer.pruner;

/**
 * The pruner contract for successive halving with Optuna's defaults: the minimum resource is
 * estimated from the first COMPLETE trial (1 for the kit's 32 steps), so nothing is pruned before one.
 */
class AutoSuccessiveHalvingPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.successiveHalving();
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
