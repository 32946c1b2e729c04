package dev.osprey.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code osprey}: the commands. */
@Command(name = "osprey", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
        description = "Hyperparameter optimisation with Hydra-style configs and a study database.",
        subcommands = {RunCommand.class, StudyCommands.Studies.class, StudyCommands.Trials.class,
                StudyCommands.Best.class, StudyCommands.Export.class, StudyCommands.CreateStudy.class,
                StudyCommands.DeleteStudy.class, AskTellCommands.Ask.class, AskTellCommands.Tell.class,
                CollectCommand.class, ServerCommand.class, DashboardCommand.class, PlotCommand.class, DemoCommand.class,
                CompletionCommand.class, CompletionCommand.Candidates.class, ImportanceCommand.class, WatchCommand.class},
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success (a sweep met its budget)", "  1  the work failed (a job, or failed jobs stopped a sweep)",
                "  2  bad usage or input",
                "  3  the study database was lost mid-sweep; the running jobs' results are kept for 'osprey collect'",
                "130  interrupted"})
final class RootCommand implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "Print stack traces with errors.")
    boolean debug;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    static final class Version implements picocli.CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = RootCommand.class.getPackage().getImplementationVersion();
            return new String[] {"osprey " + (version == null ? "0.1.0-SNAPSHOT" : version)};
        }
    }
}
