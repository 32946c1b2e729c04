package dev.osprey.sweeper;

import dev.osprey.launchers.JobHandle;
import dev.osprey.launchers.JobResult;
import dev.osprey.launchers.JobStatus;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.protocol.JobFiles;
import dev.osprey.launchers.protocol.LocalProcess;
import dev.osprey.launchers.protocol.ResultJson;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The trials a sweep driver left behind when it died (a kill -9, a crash, a lost machine session):
 * still RUNNING, their jobs possibly running on or ended while no one watched. Each trial names
 * its driver ({@link #ATTR_DRIVER}); when that driver ran on this machine and is provably gone, the
 * next sweep on the study takes its trials over at once, instead of waiting for their leases to
 * run out and losing the results their jobs left in their directories.
 *
 * <p>A driver on another machine cannot be proved gone from here: its trials are left to their
 * leases. A detached sweep's trials name no driver: they wait for {@code osprey collect}.
 */
final class Orphans {

    /** The user attribute naming the driver of a trial's job, as {@link LocalProcess#toString()}. */
    static final String ATTR_DRIVER = "osprey.driver";

    private Orphans() {
    }

    /** This process, as trials name their driver. */
    static String thisDriver() {
        return LocalProcess.current().toString();
    }

    /** The study's RUNNING trials whose driver ran on this machine and is gone. */
    static List<TrialRecord> of(Study study) {
        return study.trials().stream()
                .filter(t -> t.state() == TrialState.RUNNING)
                .filter(t -> driverOf(t).map(LocalProcess::isGone).orElse(false))
                .toList();
    }

    /** What the next sweep does with an orphaned trial. */
    sealed interface Takeover {
        /** The dead driver, as {@code pid PID on HOST}. */
        String driver();
    }

    /** Its job left a result, or runs on where the launcher can follow it: watch it to its end. */
    record Follow(String driver, JobHandle job) implements Takeover {
    }

    /** Its job was queued with a scheduler that may run it on: detach the trial for {@code osprey collect}. */
    record LeaveToCollect(String driver) implements Takeover {
    }

    /** Nothing will tell how its job ended: fail it now, so that its point can run again. */
    record Fail(String driver, String why) implements Takeover {
    }

    /** Decides what becomes of an orphaned trial, with the launcher of the sweep that found it. */
    static Takeover takeover(TrialRecord orphan, Launcher launcher) {
        String driver = driverOf(orphan).map(d -> "pid " + d.pid() + " on " + d.host()).orElse("?");
        if (!(orphan.userAttrs().get(Sweeper.ATTR_JOB_DIR) instanceof String dir)) {
            return new Fail(driver, "its driver (" + driver + ") died, and its job had not started");
        }
        JobFiles files = new JobFiles(Path.of(dir));
        Optional<JobHandle> job = resultOf(files, orphan.number()).or(() -> launcher.reattach(orphan.number(), Path.of(dir)));
        if (job.isPresent()) {
            return new Follow(driver, job.get());
        }
        if (Files.exists(files.queuedWrapper())) {
            return new LeaveToCollect(driver);
        }
        return new Fail(driver, "its driver (" + driver + ") died, and the " + launcher.name()
                + " launcher cannot follow its job");
    }

    /** A handle on the result a job left in its directory, if it left one. */
    private static Optional<JobHandle> resultOf(JobFiles files, int number) {
        if (!Files.exists(files.result())) {
            return Optional.empty();
        }
        JobResult result;
        try {
            result = ResultJson.read(files.result(), number);
        } catch (IOException e) {
            result = JobResult.ended(number, JobStatus.FAILED, "its driver died and its result file cannot be read: "
                    + e.getMessage(), java.util.OptionalInt.empty(), java.time.Duration.ZERO, Optional.empty());
        }
        return Optional.of(JobHandle.ended(result));
    }

    /** The driver a trial names, if it names one. */
    static Optional<LocalProcess> driverOf(TrialRecord trial) {
        return trial.userAttrs().get(ATTR_DRIVER) instanceof String line ? LocalProcess.parse(line) : Optional.empty();
    }
}
