package dev.osprey.sweeper.multirun;

import dev.osprey.composer.config.Config;
import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.output.OutputDirectories;
import dev.osprey.composer.output.SweepDirectory;
import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.Element;
import dev.osprey.composer.multirun.BasicSweeper;
import dev.osprey.sweeper.space.TrialOverrides;
import dev.osprey.launchers.Launcher;
import dev.osprey.launchers.LauncherSettings;
import dev.osprey.launchers.process.PythonScript;
import dev.osprey.launchers.Launchers;
import dev.osprey.launchers.Task;
import dev.osprey.sweeper.Sweeper;
import dev.osprey.sweeper.hydra.HydraJobs;
import dev.osprey.sweeper.hydra.OptunaSweeperSettings;
import dev.osprey.sweeper.hydra.SweepRecords;
import dev.osprey.sweeper.SweeperBuilder;
import dev.osprey.sweeper.SweepPlan;
import dev.osprey.sweeper.SweepSummary;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.sampler.Sampler;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code osprey run -m}: a sweep over the command line's sweep overrides, stored in a study, so
 * that running the same command again resumes it (a study-level budget: only missing trials run).
 */
public final class Multirun {

    /** Trials of a search (TPE, random) when n_trials is not given, as in Hydra's Optuna sweeper. */
    static final int DEFAULT_SEARCH_TRIALS = 20;

    private final RunRequest request;
    private final MultirunObserver observer;
    private final Clock clock;
    private final boolean detach;

    public Multirun(RunRequest request, MultirunObserver observer, Clock clock, boolean detach) {
        this.request = request;
        this.observer = observer;
        this.clock = clock;
        this.detach = detach;
    }

    /** Runs the sweep and returns the process exit code ({@link SweepSummary#exitCode()}). */
    public int run() {
        Composer composer = Configs.composer(request);
        SweepInputs inputs = SweepInputs.forSweep(composer, request.configName(), request.overrides(), request.jobName(),
                clock);
        FrameworkSettings settings = inputs.settings();
        inputs.notes().forEach(observer::note);
        java.time.Duration storageTimeout = settings.storageTimeout(); // a bad value is refused before the study opens
        String sampler = settings.sampler();
        boolean auto = sampler.equals("auto");
        if (auto && inputs.allDiscrete()) {
            sampler = "grid"; // a -m sweep of choices runs every combination, as Hydra's basic sweeper does
        }
        if (sampler.equals("grid") && !inputs.allDiscrete()) {
            throw new IllegalArgumentException("the grid sweeper enumerates choices and ranges, but "
                    + inputs.sweeps().stream().filter(o -> !o.isDiscreteSweep()).map(ConfigOverride::input).toList()
                    + " cannot be enumerated; use osprey/sweeper=tpe or osprey/sweeper=random for intervals");
        }
        boolean grid = sampler.equals("grid");
        SweepPlan plan = grid ? gridPlan(composer, inputs) : searchPlan(composer, inputs);
        String location = settings.storage().orElseGet(() -> Storages.defaultLocation(System.getenv()));
        String studyName = settings.studyName().orElse(stripYaml(request.configName()));
        String samplerLine = sampler + " sweeper";
        if (plan instanceof SweepPlan.Search s && sampler.equals("auto")) {
            var autoSettings = settings.auto(s.isConditional());
            samplerLine = "auto sweeper (" + autoSettings.describe(settings.directions().size()) + ")";
        }
        Sampler studySampler = switch (plan) {
            case SweepPlan.Grid g -> g.sampler(); // it claims each point, so that sweeps in several processes share one grid
            case SweepPlan.Search s -> switch (sampler) {
                case "tpe" -> settings.tpe(s.isConditional()); // by branch when the space is conditional
                case "tpe_optuna" -> settings.tpeOptuna();
                case "nsga2" -> settings.nsga2();
                case "nsga3" -> settings.nsga3();
                case "gp" -> settings.gp();
                case "cmaes" -> settings.cmaes();
                case "qmc" -> settings.qmc();
                case "auto" -> settings.auto(s.isConditional()).build();
                default -> Samplers.random();
            };
        };
        // presets are read, and so checked, before the launcher starts anything
        Map<String, dev.osprey.launchers.Resources> presets = ResourcePresets.possible(composer,
                request.configName(), inputs);
        Launcher launcher = Launchers.create(launcherName(settings), launcherSettings(settings));
        noteWorkersUnused(settings, launcher);
        presets.forEach((where, preset) -> {
            List<String> cannot = launcher.cannotHonour(preset);
            if (!cannot.isEmpty()) {
                observer.note(where + ": the " + launcher.name() + " launcher cannot honour " + String.join(", ", cannot)
                        + "; the jobs that chose it run without");
            }
        });
        if (request.task() instanceof Task.Program program) {
            Optional<String> cannotRun = launcher.cannotRun(program);
            if (cannotRun.isPresent()) {
                launcher.close();
                throw new IllegalArgumentException(cannotRun.get());
            }
        }
        Storage opened;
        try {
            opened = Storages.open(location);
        } catch (RuntimeException e) {
            launcher.close();
            throw e;
        }
        var studyBuilder = Study.builder().name(studyName).storage(opened).sampler(studySampler)
                .pruner(settings.pruner())
                .directions(settings.directions().toArray(dev.osprey.optimizer.trial.Direction[]::new));
        if (opened.findStudy(studyName).isEmpty()) {
            studyBuilder.seed(settings.seed()); // a resumed study keeps the seed it was created with
        }
        List<String> objectiveNames = settings.objectiveNames();
        if (!objectiveNames.isEmpty()) {
            studyBuilder.objectiveNames(objectiveNames.toArray(String[]::new));
        }
        try (Storage storage = opened; Study study = studyBuilder.createOrLoad()) {
            if (detach && (launcher.name().equals("process") || launcher.name().equals("in-process"))) {
                throw new IllegalArgumentException("--detach leaves jobs running after osprey exits, which the "
                        + launcher.name() + " launcher cannot do; use osprey/launcher=tsp or osprey/launcher=slurm");
            }
            SweepDirectory sweepDir = OutputDirectories.under(request.workingDir(), clock)
                    .createSweep(settings.sweepDirPattern());
            observer.started("study '" + studyName + "' in " + Storages.describe(location) + " ("
                    + (study.trials().isEmpty() ? "new" : study.trials().size() + " trials already") + "), "
                    + samplerLine + ", " + launcher.name() + " launcher, " + parallelism(settings.nJobs(), launcher)
                    + "; outputs in " + sweepDir.path());
            if (inputs.hydra().isPresent()) {
                SweepRecords.writeMultirun(sweepDir.path(), inputs.baseConfig(), inputs.hydra().get(), request.overrides());
            }
            SweeperBuilder builder = Sweeper.builder().study(study).launcher(launcher).plan(plan)
                    .jobsInFlight(settings.nJobs()).failurePolicy(settings.failurePolicy()).cache(settings.cache())
                    .storageTimeout(storageTimeout)
                    .jobs(new ComposedJobs(composer, request, inputs, sweepDir, studyName, clock,
                            request.hydraApp().map(app -> HydraJobs.installCallback(sweepDir.path().resolve(".osprey/python")))))
                    .listener(observer.progress(settings.nTrials().orElse(grid ? -1 : DEFAULT_SEARCH_TRIALS)));
            observer.listeners(studyName, Storages.describe(location)).forEach(builder::listener);
            if (settings.nTrials().isPresent() || !grid) {
                int budget = settings.nTrials().orElse(DEFAULT_SEARCH_TRIALS);
                // a budget per run (hydra-optuna-sweeper's n_trials) comes on top of the trials the study holds
                builder.maxTrials(settings.budgetPerRun() ? Math.addExact(budget, study.trials().size()) : budget);
            }
            settings.sweepTimeout().ifPresent(builder::maxDuration);
            Sweeper sweep = builder.detach(detach).build();
            Interruption interruption = Interruption.install(sweep);
            try {
                SweepSummary summary = sweep.run();
                if (inputs.hydra().filter(OptunaSweeperSettings::selected).isPresent()
                        && summary.ending() != SweepSummary.Ending.DATABASE_LOST && !detach) {
                    SweepRecords.writeOptimizationResults(sweepDir.path(), study);
                }
                if (auto && !grid) {
                    observer.note(AutoChoices.summarise(study.trials()));
                }
                observer.finished(summary);
                return summary.exitCode();
            } finally {
                closing.add(interruption);
            }
        } finally {
            // a detached sweep's jobs must outlive this process: closing the launcher would cancel them
            if (launcher != null && !detach) {
                launcher.close();
            }
            // only now, with the trials told and the study database closed, may an interrupted JVM exit
            closing.forEach(Interruption::done);
        }
    }

    private final List<Interruption> closing = new ArrayList<>();

    /**
     * Ctrl-C (SIGINT) or SIGTERM while a sweep runs: the JVM's shutdown hook interrupts the sweep
     * (running jobs are cancelled, their trials failed as interrupted) and holds the exit until the
     * study database is closed.
     */
    private static final class Interruption {
        private final CountDownLatch finished = new CountDownLatch(1);
        private final Thread hook;

        private Interruption(Sweeper sweep) {
            hook = new Thread(() -> {
                sweep.interrupt();
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "osprey-interrupt");
        }

        static Interruption install(Sweeper sweep) {
            Interruption interruption = new Interruption(sweep);
            Runtime.getRuntime().addShutdownHook(interruption.hook);
            return interruption;
        }

        void done() {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: the JVM exits once it returns
            }
        }
    }

    /**
     * {@code n_jobs} is how many jobs run at once, as in Hydra's launchers: a local launcher whose
     * {@code slots} were not set gets that many, instead of its default of one per CPU.
     */
    private Config launcherSettings(FrameworkSettings settings) {
        Config given = settings.launcherSettings();
        String name = launcherName(settings);
        boolean local = name.equals("process") || name.equals("in-process");
        Config out = local && !given.has("slots") ? given.forceAdd("slots", settings.nJobs()) : given;
        if (name.equals("process") && request.hydraApp().isPresent() && !given.has(PYTHON_WORKERS)) {
            // Hydra's own launcher runs a sweep's jobs in one Python process; workers do so per slot
            out = out.forceAdd(PYTHON_WORKERS, true);
        }
        return out;
    }

    /** The process launcher's setting that runs Python scripts in interpreters kept from job to job. */
    static final String PYTHON_WORKERS = "python_workers";

    /**
     * A note when the user asked for Python workers but the program is not a Python script a
     * worker can run: its trials still run, each as a process of its own.
     */
    private void noteWorkersUnused(FrameworkSettings settings, Launcher launcher) {
        Config given = settings.launcherSettings();
        if (!launcher.name().equals("process") || !given.has(PYTHON_WORKERS)
                || !new LauncherSettings("process", given).booleanValue(PYTHON_WORKERS, false)
                || !(request.task() instanceof Task.Program program) || PythonScript.of(program.command()).isPresent()) {
            return;
        }
        observer.note("osprey.launcher.python_workers=true runs only 'python [flags] script.py' commands in workers;"
                + " '" + String.join(" ", program.command().subList(0, Math.min(2, program.command().size())))
                + " ...' runs as a process of its own for each trial");
    }

    /** What the start line says of parallelism: true to what will run at once. */
    private static String parallelism(int jobsInFlight, Launcher launcher) {
        int slots = launcher.slots().orElse(Integer.MAX_VALUE);
        return slots >= jobsInFlight ? jobsInFlight + " job(s) at once"
                : jobsInFlight + " job(s) in flight, " + slots + " running at once (osprey.launcher.slots=" + slots + ")";
    }

    /** Java objectives run in this JVM unless another launcher is named. */
    private String launcherName(FrameworkSettings settings) {
        return request.javaTask().isPresent() && settings.launcherName().equals("process")
                ? "in-process" : settings.launcherName();
    }

    /**
     * The basic sweeper's jobs as grid points: each parameter's value as the study stores it
     * ({@link TrialOverrides#studyValue}), which the job factory maps back to the sweep's element.
     */
    private static SweepPlan gridPlan(Composer composer, SweepInputs inputs) {
        var space = inputs.space().orElseThrow();
        if (space.isConditional()) { // each option its own sub-grid
            return new SweepPlan.Grid(space.gridPoints(composer.repository()::options),
                    space.gridTree(composer.repository()::options));
        }
        List<List<ConfigOverride>> jobs = BasicSweeper.create().withGroupOptions(composer.repository()::options)
                .jobs(inputs.sweeps());
        List<Map<String, Object>> points = new ArrayList<>();
        for (List<ConfigOverride> job : jobs) {
            Map<String, Object> point = new LinkedHashMap<>();
            for (ConfigOverride override : job) {
                point.put(override.keyElement(), TrialOverrides.studyValue((Element) override.value()));
            }
            points.add(point);
        }
        return new SweepPlan.Grid(points);
    }

    private static SweepPlan searchPlan(Composer composer, SweepInputs inputs) {
        if (inputs.sweeps().isEmpty()) {
            throw new IllegalArgumentException("nothing to search: a multirun with a sampler needs at least one sweep,"
                    + " such as optimizer.lr=tag(log,interval(1e-4,1e-1)) or model=choice(resnet,vit)");
        }
        return new SweepPlan.Search(inputs.space().orElseThrow().tree());
    }

    private static String stripYaml(String name) {
        return name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
    }
}
