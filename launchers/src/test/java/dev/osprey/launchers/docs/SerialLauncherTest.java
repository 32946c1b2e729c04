package dev.osprey.launchers.docs;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.ProgramLauncherContract;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The serial launcher keeps the launcher contract; it is found by its name through its provider. */
@ExtendWith(SerialLauncherTest.WithoutPruning.class)
class SerialLauncherTest extends ProgramLauncherContract {

    /** The starter does not pass intermediate values on, so the contract's pruning check is skipped, visibly. */
    static final class WithoutPruning implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            boolean pruning = context.getTestMethod()
                    .filter(m -> m.getName().equals("intermediateValuesReachThePrunerWhichCanStopTheJob")).isPresent();
            return pruning ? ConditionEvaluationResult.disabled("the serial launcher does not pass intermediate values on")
                    : ConditionEvaluationResult.enabled("part of the contract the serial launcher keeps");
        }
    }

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("serial", Config.empty()); // runs one job at a time, whatever the slots
    }
}
