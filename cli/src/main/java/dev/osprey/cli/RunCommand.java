package dev.osprey.cli;

import dev.osprey.composer.override.ConfigOverride;
import dev.osprey.composer.override.OverrideKind;
import dev.osprey.composer.override.Overrides;
import dev.osprey.sweeper.multirun.ConfigView;
import dev.osprey.sweeper.multirun.Multirun;
import dev.osprey.sweeper.multirun.RunRequest;
import dev.osprey.sweeper.hydra.HydraApp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code osprey run}: one job, or with {@code -m} a sweep, from a config tree and overrides. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compose a config and run the program after '--' once, or sweep with -m.",
                "Overrides use Hydra's grammar: key=value, +key=value, ~key, group=option, and sweeps",
                "a,b,c  choice(..)  range(..)  interval(..)  tag(log, interval(..)).",
                "Osprey's own settings are overrides too: osprey/sweeper=tpe|random|grid|nsga2|nsga3|gp,",
                "osprey/launcher=process|in-process|tsp|slurm, osprey.sweeper.n_trials=50, osprey.launcher.slots=2, ..."},
        footer = {"", "Placeholders in the program: {overrides} (the job's overrides, one argument each), {config}",
                "(the composed config file), {dir} (the job directory), {num} (the trial number), {result}.",
                "", "Example:", "  osprey run -m -cp conf -cn training 'optimizer.lr=tag(log,interval(1e-4,1e-1))' \\",
                "      'model=choice(resnet,vit)' osprey.sweeper.n_trials=20 --n-jobs 4 -- python3 train.py {overrides}"})
final class RunCommand implements Callable<Integer> {

    private final OspreyCli.Context context;

    @Option(names = {"-m", "--multirun"}, description = "Sweep: run a job for each trial of the sweep.")
    boolean multirun;

    @Option(names = {"-cp", "--config-path"}, paramLabel = "DIR", description = "The folder of the config tree (default: conf if it exists, else .).")
    Path configPath;

    @Option(names = {"-cd", "--config-dir"}, paramLabel = "DIR", description = "Same as --config-path (Hydra's --config-dir).")
    Path configDir;

    @Option(names = {"-cn", "--config-name"}, paramLabel = "NAME", description = "The primary config, e.g. training (.yaml optional).")
    String configName;

    @Option(names = {"-c", "--cfg"}, paramLabel = "job|osprey|hydra|all", description = "Print the composed config instead of running.")
    String cfg;

    @Option(names = "--resolve", description = "With --cfg: resolve interpolations first.")
    boolean resolve;

    @Option(names = {"-i", "--info"}, description = "Print where configs come from, the defaults list and the choices.")
    boolean info;

    @Option(names = "--sweeper", paramLabel = "tpe|tpe_optuna|random|grid|nsga2|nsga3|gp|cmaes|qmc", description = "Same as osprey/sweeper=NAME.")
    String sweeper;

    @Option(names = "--launcher", paramLabel = "NAME", description = "Same as osprey/launcher=NAME.")
    String launcher;

    @Option(names = "--n-trials", paramLabel = "N", description = "Study-level trial budget (osprey.sweeper.n_trials).")
    Integer nTrials;

    @Option(names = "--n-jobs", paramLabel = "N", description = "Jobs in flight at once (osprey.sweeper.n_jobs).")
    Integer nJobs;

    @Option(names = "--direction", paramLabel = "minimize|maximize", description = "osprey.sweeper.direction")
    String direction;

    @Option(names = "--storage", paramLabel = "URL|FILE", description = "The study database (osprey.sweeper.storage; default $OSPREY_STORAGE, else ./osprey-studies/studies).")
    String storage;

    @Option(names = "--study", paramLabel = "NAME", description = "The study name (osprey.sweeper.study_name; default: the config name).")
    String study;

    @Option(names = "--seed", paramLabel = "N", description = "osprey.sweeper.seed")
    Long seed;

    @Option(names = "--fail-fast", description = "Stop the sweep at the first failed job.")
    boolean failFast;

    @Option(names = "--max-failures", paramLabel = "N", description = "Stop the sweep once more than N jobs failed.")
    Integer maxFailures;

    @Option(names = "--on-trial-end", paramLabel = "COMMAND",
            description = "With -m: run COMMAND after each finished trial, the trial as JSON on its stdin; words split on"
                    + " whitespace, quotes group, no shell. May be repeated: the commands run in order.")
    List<String> onTrialEnd = new java.util.ArrayList<>();
    @Option(names = "--detach", description = "Submit the sweep's jobs and return; 'osprey collect STUDY' reads their results later.")
    boolean detach;

    @Parameters(paramLabel = "OVERRIDE", description = "Overrides, Hydra style.")
    List<String> overrides = new ArrayList<>();

    RunCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var app = context.app();
        Path workingDir = Path.of("").toAbsolutePath();
        Optional<HydraApp> hydraApp = app.isPresent() ? Optional.empty() : HydraApp.detect(context.program(), workingDir);
        RunRequest.ConfigLocation source;
        Path dir = configDir != null ? configDir : configPath != null ? configPath
                : hydraApp.flatMap(HydraApp::configDir).orElseGet(() ->
                java.nio.file.Files.isDirectory(Path.of("conf")) ? Path.of("conf") : Path.of("."));
        if (configDir == null && configPath == null && app.isPresent()) {
            source = app.get().configs();
        } else {
            source = new RunRequest.ConfigLocation.Directory(dir);
        }
        if (configName == null && app.isPresent()) {
            configName = app.get().configName();
        }
        if (configName == null && hydraApp.isPresent()) {
            configName = hydraApp.get().configName().orElseThrow(() -> new IllegalArgumentException("the Hydra app "
                    + hydraApp.get().script().getFileName() + " names no primary config in @hydra.main (config_name is"
                    + " None or not a plain string): name it with --config-name/-cn, e.g. -cn config for "
                    + dir.resolve("config.yaml")));
        }
        if (configName == null) {
            throw new IllegalArgumentException("name the primary config with --config-name/-cn, e.g. -cn training"
                    + " for " + dir.resolve("training.yaml"));
        }
        // the command line is an edge: its overrides are parsed here, once; flags are typed overrides
        List<ConfigOverride> all = new ArrayList<>(Overrides.parseAll(overrides));
        setting(all, "osprey/sweeper", sweeper);
        setting(all, "osprey/launcher", launcher);
        setting(all, "osprey.sweeper.n_trials", nTrials);
        setting(all, "osprey.sweeper.n_jobs", nJobs);
        setting(all, "osprey.sweeper.direction", direction);
        setting(all, "osprey.sweeper.storage", storage);
        setting(all, "osprey.sweeper.study_name", study);
        setting(all, "osprey.sweeper.seed", seed);
        setting(all, "osprey.sweeper.max_failures", maxFailures);
        if (failFast) {
            setting(all, "osprey.sweeper.fail_fast", true);
        }
        RunRequest request = new RunRequest(source, configName, all, context.program(),
                app.map(a -> a.task()), multirun, workingDir, hydraApp);
        if (app.isPresent()) {
            app.get().check(request);
        }
        Console console = new Console(context.out(), context.err(),
                context.out() == System.out && Console.isInteractive());
        if (cfg != null || info) {
            context.out().print(info ? ConfigView.info(request) : ConfigView.show(request, cfg, resolve));
            return OspreyCli.OK;
        }
        if (!multirun) {
            if (!onTrialEnd.isEmpty()) {
                throw new IllegalArgumentException("--on-trial-end is for sweeps: add -m");
            }
            if (detach) {
                throw new IllegalArgumentException("--detach is for sweeps: add -m");
            }
            return new SingleRun(request, console, Clock.systemDefaultZone()).run();
        }
        dev.osprey.sweeper.multirun.MultirunObserver observer = new ConsoleObserver(console);
        if (!onTrialEnd.isEmpty()) {
            observer = new HookedObserver(observer, onTrialEnd.stream().map(CommandWords::split).toList(),
                    line -> console.info("warning: " + line));
        }
        return new Multirun(request, observer, Clock.systemDefaultZone(), detach).run();
    }

    /** A flag's value as the override {@code key=value}, the value exactly as given (a path stays one string). */
    private static void setting(List<ConfigOverride> overrides, String key, Object value) {
        if (value != null) {
            overrides.add(ConfigOverride.of(OverrideKind.CHANGE, key, null, Overrides.element(value)));
        }
    }
}
