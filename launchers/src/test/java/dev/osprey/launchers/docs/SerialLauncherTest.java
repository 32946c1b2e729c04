package dev.osprey.launchers.docs;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.ProgramLauncherContract;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** The serial launcher keeps the launcher contract; it is found by its name through its provider. */
class SerialLauncherTest extends ProgramLauncherContract {

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("serial", Config.empty()); // runs one job at a time, whatever the slots
    }

    @Override
    @Test
    @Disabled("the serial launcher reads stdout once the program has ended, so it passes no intermediate values on")
    public void intermediateValuesReachThePrunerWhichCanStopTheJob() {
    }
}
