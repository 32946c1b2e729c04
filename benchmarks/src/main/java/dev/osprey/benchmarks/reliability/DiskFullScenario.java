package dev.osprey.benchmarks.reliability;

import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * The sweep's output directory runs out of space: a 1 MiB tmpfs mounted as {@code osprey.sweep.dir},
 * jobs that each write 256 KiB, the study database elsewhere. The study must stay consistent (no
 * trial RUNNING, a reason for every failure, nothing completed lost) and the driver must end with
 * its summary or a one-paragraph {@code osprey:} error, never a stack trace. Mounting needs root (or
 * CAP_SYS_ADMIN); without it the scenario is skipped and says so.
 */
final class DiskFullScenario implements Scenario {

    static final int POINTS = 12;

    @Override
    public String name() {
        return "disk full on the output directory";
    }

    @Override
    public String fault() {
        return "no space left on the sweep's output directory (1 MiB tmpfs)";
    }

    @Override
    public Outcome run(Context context) throws Exception {
        long t0 = System.nanoTime();
        Path dir = context.dir("disk-full");
        Context.writeConfig(dir);
        Path mount = context.dir("disk-full/out");
        String refused = command(List.of("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", mount.toString()));
        if (refused != null) {
            return Outcome.skipped(name(), fault(), "cannot mount a tmpfs here (" + refused + ")");
        }
        List<String> problems = new ArrayList<>();
        StudyAudit audit;
        Driver.Ended ended;
        try {
            Backend backend = Backend.h2File(dir.resolve("db").resolve("studies"));
            List<String> args = new ArrayList<>(List.of("run", "-m", "-cp", "conf", "-cn", "app",
                    "--storage", backend.location(), "--study", "full", "--sweeper", "grid", "--n-jobs", "2",
                    "osprey.sweep.dir=" + mount.resolve("sweep"), "x=range(0," + POINTS + ")",
                    "--", "sh", "-c", "head -c 262144 /dev/zero > blob && echo \"${1#x=}\"", "sh", "{overrides}"));
            ended = context.osprey().run(dir, backend.env(), dir.resolve("logs"), Duration.ofSeconds(120), args);
            audit = StudyAudit.of(backend, "full", mount, dir, OptionalInt.empty(), true);
        } finally {
            String stuck = command(List.of("umount", mount.toString()));
            if (stuck != null) {
                problems.add("could not unmount " + mount + ": " + stuck);
            }
        }
        if (ended.timedOut() || ended.exitCode() != 0 && ended.exitCode() != 1) {
            problems.add("the sweep " + ended.describe());
        }
        if (ended.hasStackTrace()) {
            problems.add("the sweep printed a stack trace: " + ended.describe());
        }
        boolean summary = ended.stdout().contains("sweep ended");
        List<String> errors = ended.errorLines().stream().filter(l -> l.startsWith("osprey:")).toList();
        if (!summary && errors.size() != 1) {
            problems.add("the sweep ended with neither its summary nor one 'osprey:' error: " + ended.describe());
        }
        problems.addAll(audit.problems());
        for (TrialRecord t : audit.trials()) {
            if (t.state() == TrialState.FAIL && t.failReason().map(String::isBlank).orElse(true)) {
                problems.add("trial " + t.number() + " failed without a reason");
            }
        }
        if (summary && ended.stdout().contains("every point ran") && audit.trials().size() != POINTS) {
            problems.add("the sweep says every point ran, but the study holds " + audit.trials().size() + " trials");
        }
        String reasons = audit.trials().stream().filter(t -> t.state() == TrialState.FAIL)
                .map(t -> t.failReason().orElse("")).map(r -> Driver.Ended.abbreviate(r.lines().findFirst().orElse(""), 100))
                .distinct().limit(3).toList().toString();
        context.progress().accept(name() + ": sweep exit " + ended.exitCode() + "; " + audit.states()
                + "; failure reasons " + reasons);
        return new Outcome(name(), fault(), 1, problems.isEmpty() ? 1 : 0, audit.lost(), audit.doubled(), null,
                problems, (System.nanoTime() - t0) / 1e9);
    }

    /** Runs a system command; null when it succeeded, else what it said. */
    static String command(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return String.join(" ", command) + " did not end within 30 s";
        }
        return p.exitValue() == 0 ? null : String.join(" ", command) + " exited " + p.exitValue()
                + (output.isEmpty() ? "" : ": " + output);
    }
}
