package dev.osprey.launchers.inprocess;

import dev.osprey.composer.config.Config;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherContract;
import dev.osprey.launchers.LauncherException;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.launchers.JobPrunedException;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InProcessLauncherTest extends LauncherContract {

    @Override
    protected Launcher newLauncher(int slots) {
        return Launchers.create("in-process", Config.of(Map.of("slots", slots)));
    }

    @Override
    protected Task returning(double value) {
        return new Task.JavaTask(context -> new double[] {value});
    }

    @Override
    protected Task returningItsNumber() {
        return new Task.JavaTask(context -> new double[] {context.job().number()});
    }

    @Override
    protected Task failing() {
        return new Task.JavaTask(context -> {
            throw new IllegalStateException("diverged at epoch 3");
        });
    }

    @Override
    protected Task returningNaN() {
        return new Task.JavaTask(context -> new double[] {Double.NaN});
    }

    @Override
    protected Task runningLong() {
        return new Task.JavaTask(context -> {
            Thread.sleep(600_000);
            return new double[] {0};
        });
    }

    @Override
    protected Task reportingThenRunningLong() {
        return new Task.JavaTask(context -> {
            for (int step = 0; step < 5; step++) {
                if (context.report(step, step)) {
                    throw new JobPrunedException("pruned at step " + step);
                }
            }
            Thread.sleep(600_000);
            return new double[] {0};
        });
    }

    @Test
    void theExceptionOfAFailedObjectiveIsItsError() {
        JobResult result = await(launcher(1).submit(job(0, failing())));
        assertEquals("IllegalStateException: diverged at epoch 3", result.error());
    }

    @Test
    void aJavaObjectiveReportsSeveralValuesAndConstraints() {
        Task twoAndAConstraint = new Task.JavaTask(context -> {
            context.constraint("memory_gb", 20);
            context.constraint("memory_gb", -3.5);
            context.constraint("latency", 1);
            return new double[] {0.5, 12};
        });
        JobResult result = await(launcher(1).submit(job(0, twoAndAConstraint)));
        assertEquals(java.util.List.of(0.5, 12.0), result.values(), result.error());
        assertEquals(Map.of("memory_gb", -3.5, "latency", 1.0), result.constraints());
        Task nan = new Task.JavaTask(context -> {
            context.constraint("memory_gb", Double.NaN);
            return new double[] {0.5};
        });
        JobResult failed = await(launcher(1).submit(job(1, nan)));
        assertEquals(JobStatus.FAILED, failed.status());
        assertEquals("the constraint 'memory_gb' is NaN", failed.error());
    }

    @Test
    void theObjectiveReadsItsComposedConfig() {
        Task readsLr = new Task.JavaTask(context -> new double[] {context.config().getDouble("lr") * 100});
        assertEquals(1.0, await(launcher(1).submit(job(0, readsLr))).value(), 1e-12);
    }

    @Test
    void programsAreRefusedWithTheLauncherToUse() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> launcher(1).submit(job(0, Task.Program.of("true"))));
        assertTrue(e.getMessage().contains("process launcher"), e.getMessage());
    }

    @Test
    void anUnknownLauncherNameListsTheAvailableOnes() {
        LauncherException e = assertThrows(LauncherException.class, () -> Launchers.create("sge", Config.empty()));
        assertTrue(e.getMessage().contains("unknown launcher 'sge'"), e.getMessage());
        assertTrue(e.getMessage().contains("in-process") && e.getMessage().contains("process"), e.getMessage());
    }

    @Test
    void invalidSlotsAreNamed() {
        LauncherException e = assertThrows(LauncherException.class,
                () -> Launchers.create("in-process", Config.of(Map.of("slots", "many"))));
        assertTrue(e.getMessage().contains("osprey.launcher.slots must be a whole number, got many"), e.getMessage());
    }

    @Test
    void aJobStatusOfCompletedNeedsFiniteValues() {
        assertThrows(IllegalArgumentException.class, () -> JobResult.completed(0, java.util.List.of(Double.NaN),
                java.util.OptionalInt.empty(), java.time.Duration.ZERO, java.util.Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> new JobResult(0, JobStatus.FAILED, java.util.List.of(1.0), "x",
                java.util.OptionalInt.empty(), java.time.Duration.ZERO, java.util.Optional.empty()));
    }
}
