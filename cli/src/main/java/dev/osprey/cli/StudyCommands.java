package dev.osprey.cli;

import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.studydb.StudyExport;
import dev.osprey.optimizer.storage.StudyNotFoundException;
import dev.osprey.optimizer.storage.StudySummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** The study commands, in the spirit of Optuna's CLI. */
final class StudyCommands {

    private StudyCommands() {
    }

    static Study load(Storage storage, String name) {
        return Study.builder().name(name).storage(storage).heartbeatOff().load();
    }

    /** The table's own columns, which an objective's column must not repeat. */
    private static final java.util.Set<String> FIXED_COLUMNS = java.util.Set.of("number", "state", "constraints",
            "params", "duration_s", "note");

    /** The objectives' columns: their names, with {@code value_} before a name that is also a fixed column. */
    static List<String> objectiveColumns(List<String> names) {
        return names.stream().map(n -> FIXED_COLUMNS.contains(n) ? "value_" + n : n).toList();
    }

    @Command(name = "studies", mixinStandardHelpOptions = true, description = "List the studies with their trials by state and best value.")
    static final class Studies implements Callable<Integer> {
        /** The study attribute in which the automatic sampler records its choices. */
        private static final String AUTO_SAMPLER = "auto_sampler";
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;

        Studies(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Storage s = storage.openExisting()) {
                Table table = new Table(List.of("name", "direction", "trials", "complete", "running", "pruned", "failed",
                        "best", "last_activity", "sampler"));
                for (StudySummary summary : s.studySummaries()) {
                    Object auto = summary.study().systemAttrs().get(AUTO_SAMPLER);
                    table.row(summary.study().name(), directions(summary.study().directions()), summary.trials(),
                            summary.trials(TrialState.COMPLETE), summary.trials(TrialState.RUNNING),
                            summary.trials(TrialState.PRUNED), summary.trials(TrialState.FAIL),
                            summary.bestValue().orElse(null), summary.lastActivity().map(Object::toString).orElse(""),
                            auto == null ? "" : "auto: " + auto);
                }
                table.print(context.out(), storage.format);
            }
            return OspreyCli.OK;
        }
    }

    @Command(name = "trials", mixinStandardHelpOptions = true, description = "List a study's trials.")
    static final class Trials implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;
        @Parameters(paramLabel = "STUDY")
        String study;

        Trials(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Storage s = storage.openExisting(); Study loaded = load(s, study)) {
                List<TrialRecord> trials = loaded.trials();
                List<String> constraints = constraintNames(trials);
                List<String> header = new ArrayList<>(List.of("number", "state"));
                header.addAll(objectiveColumns(loaded.objectiveNames()));
                header.addAll(constraintHeaders(constraints, header));
                header.addAll(List.of("params", "duration_s", "note"));
                Table table = new Table(header);
                for (TrialRecord t : trials) {
                    List<Object> row = new ArrayList<>(List.of(t.number(), t.state().name()));
                    row.addAll(values(t, loaded.directions().size()));
                    row.addAll(constraintValues(t, constraints));
                    row.add(t.paramValues());
                    row.add(duration(t));
                    Object cachedFrom = t.systemAttrs().get(dev.osprey.sweeper.Sweeper.ATTR_CACHED_FROM);
                    row.add(cachedFrom != null ? "cached from #" + cachedFrom : t.failReason().orElse(""));
                    table.row(row.toArray());
                }
                table.print(context.out(), storage.format);
            }
            return OspreyCli.OK;
        }
    }

    @Command(name = "best", mixinStandardHelpOptions = true, description = "Show a study's best trial (the Pareto front for several objectives).")
    static final class Best implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;
        @Parameters(paramLabel = "STUDY")
        String study;

        Best(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Storage s = storage.openExisting(); Study loaded = load(s, study)) {
                if (loaded.trials().stream().noneMatch(t -> t.state() == TrialState.COMPLETE)) {
                    throw new IllegalStateException("study '" + study + "' has no completed trial yet ("
                            + loaded.trials().size() + " trials); run more trials first");
                }
                List<TrialRecord> best = loaded.directions().size() == 1 ? List.of(loaded.bestTrial()) : loaded.bestTrials();
                List<TrialRecord> infeasible = loaded.infeasibleTrials();
                List<String> constraints = constraintNames(loaded.trials());
                boolean constrained = !constraints.isEmpty();
                List<String> header = new ArrayList<>(List.of("number"));
                header.addAll(objectiveColumns(loaded.objectiveNames()));
                header.addAll(constraintHeaders(constraints, header));
                header.add("params");
                Table table = new Table(header);
                for (TrialRecord t : best) {
                    List<Object> row = new ArrayList<>(List.of(t.number()));
                    row.addAll(values(t, loaded.directions().size()));
                    row.addAll(constraintValues(t, constraints));
                    row.add(t.paramValues());
                    table.row(row.toArray());
                }
                table.print(context.out(), storage.format);
                if (constrained && storage.format == Table.Format.TABLE) {
                    long complete = loaded.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count();
                    context.out().println(infeasible.size() + " of " + complete + " completed trials are infeasible"
                            + (infeasible.size() == complete ? ": none satisfies every constraint, so the least"
                            + " violating are shown" : "; feasible trials are ranked first"));
                }
            }
            return OspreyCli.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, description = "Export a study's trials as CSV or JSON.")
    static final class Export implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Option(names = "--storage", paramLabel = "URL|FILE", description = "The study database.")
        String location;
        @Option(names = "--format", paramLabel = "csv|json", description = "csv (default) or json.")
        String format = "csv";
        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE instead of stdout.")
        Path output;
        @Parameters(paramLabel = "STUDY")
        String study;

        Export(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() throws IOException {
            StorageOption option = new StorageOption();
            option.location = location;
            try (Storage s = option.openExisting()) {
                if (s.findStudy(study).isEmpty()) {
                    load(s, study).close(); // throws the error listing the studies that exist
                }
                StringBuilder text = new StringBuilder();
                switch (format.toLowerCase(Locale.ROOT)) {
                    case "csv" -> StudyExport.writeCsv(s, study, text);
                    case "json" -> StudyExport.writeJson(s, study, text);
                    default -> throw new IllegalArgumentException("--format for export takes csv or json, not '" + format + "'");
                }
                if (output == null) {
                    context.out().print(text);
                } else {
                    try (Writer w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                        w.write(text.toString());
                    }
                    context.err().println("wrote " + output);
                }
            }
            return OspreyCli.OK;
        }
    }

    @Command(name = "create-study", mixinStandardHelpOptions = true, description = "Create an empty study and print its name.")
    static final class CreateStudy implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;
        @Option(names = "--study", paramLabel = "NAME", required = true, description = "The study's name.")
        String study;
        @Option(names = "--direction", paramLabel = "minimize|maximize", split = ",",
                description = "One per objective (default minimize).")
        List<Direction> directions = List.of(Direction.MINIMIZE);
        @Option(names = "--skip-if-exists", description = "Succeed when the study exists already.")
        boolean skipIfExists;
        @Option(names = "--seed", paramLabel = "N", description = "The study's seed (default 0), kept for its lifetime.")
        long seed;

        CreateStudy(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Storage s = storage.open()) {
                var builder = Study.builder().name(study).storage(s).heartbeatOff()
                        .directions(directions.toArray(Direction[]::new));
                if (s.findStudy(study).isEmpty()) {
                    builder.seed(seed);
                }
                try (Study created = skipIfExists ? builder.createOrLoad() : builder.create()) {
                    context.out().println(created.name());
                }
            }
            return OspreyCli.OK;
        }
    }

    @Command(name = "delete-study", mixinStandardHelpOptions = true, description = "Delete a study and all its trials.")
    static final class DeleteStudy implements Callable<Integer> {
        private final OspreyCli.Context context;
        @Mixin
        StorageOption storage;
        @Parameters(paramLabel = "STUDY")
        String study;

        DeleteStudy(OspreyCli.Context context) {
            this.context = context;
        }

        @Override
        public Integer call() {
            try (Storage s = storage.openExisting()) {
                var info = s.findStudy(study).orElseThrow(() -> new StudyNotFoundException(study,
                        s.studies().stream().map(i -> i.name()).toList()));
                s.deleteStudy(info.id());
                context.err().println("deleted study '" + study + "'");
            }
            return OspreyCli.OK;
        }
    }

    static String directions(List<Direction> directions) {
        return String.join(",", directions.stream().map(d -> d.name().toLowerCase(Locale.ROOT)).toList());
    }

    /** One cell per objective: the trial's values, or empty cells when it has none. */
    /** The constraints' names over all trials, in the order first stored ({@code c0, c1, ...} when unnamed). */
    static List<String> constraintNames(List<TrialRecord> trials) {
        java.util.LinkedHashSet<String> names = new java.util.LinkedHashSet<>();
        trials.forEach(t -> names.addAll(t.constraintNames()));
        return List.copyOf(names);
    }

    /** One column per constraint, named by it, or {@code constraint:NAME} where that name is taken. */
    static List<String> constraintHeaders(List<String> constraints, List<String> taken) {
        List<String> fixed = List.of("number", "state", "params", "duration_s", "note");
        return constraints.stream().map(c -> taken.contains(c) || fixed.contains(c) ? "constraint:" + c : c).toList();
    }

    /** A trial's value of each constraint (each {@code <= 0} when satisfied), blank where it has none. */
    static List<Object> constraintValues(TrialRecord t, List<String> constraints) {
        java.util.Map<String, Double> named = t.namedConstraints();
        List<Object> out = new ArrayList<>();
        constraints.forEach(c -> out.add(named.get(c)));
        return out;
    }

    static List<Object> values(TrialRecord t, int objectives) {
        List<Object> cells = new ArrayList<>();
        for (int k = 0; k < objectives; k++) {
            cells.add(k < t.values().size() ? t.values().get(k) : null);
        }
        return cells;
    }

    static Object value(TrialRecord t) {
        return t.values().isEmpty() ? null : t.values().size() == 1 ? t.values().get(0) : t.values();
    }

    static Object duration(TrialRecord t) {
        return t.start().isPresent() && t.end().isPresent()
                ? (t.end().get().toEpochMilli() - t.start().get().toEpochMilli()) / 1000.0 : null;
    }
}
