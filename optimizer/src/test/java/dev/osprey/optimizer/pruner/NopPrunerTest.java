package dev.osprey.optimizer.pruner;

import dev.osprey.optimizer.trial.Direction;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The pruner contract for the pruner that never prunes: every check but those that need a pruned trial. */
class NopPrunerTest extends PrunerContract {

    @Override
    protected Pruner pruner() {
        return Pruners.none();
    }

    @Override
    @ParameterizedTest
    @EnumSource(Direction.class)
    @Disabled("it never prunes, by design")
    public void aHopelessTrialIsPruned(Direction direction) {
    }

    @Override
    @ParameterizedTest
    @EnumSource(Direction.class)
    @Disabled("it never prunes, by design")
    public void nanReportsDoNotSaveAHopelessTrial(Direction direction) {
    }
}
