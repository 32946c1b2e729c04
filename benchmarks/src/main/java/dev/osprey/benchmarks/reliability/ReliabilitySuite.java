package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs every reliability scenario, one after another (they share two cores and one PostgreSQL that
 * some of them stop), prints one line per scenario and {@code N passed, M failed}, and renders the
 * report: a table of fault, rounds, rounds survived, trials lost and trials doubled, then every
 * problem found.
 */
public final class ReliabilitySuite {

    /** The environment variable that fixes the seed; without it the seed comes from the clock, and is printed. */
    public static final String SEED_ENV = "OSPREY_BENCH_SEED";
    /** The environment variable that runs only the scenarios whose name contains its value (to repeat one). */
    public static final String ONLY_ENV = "OSPREY_BENCH_ONLY";

    /** The connection pool's INFO lines for every audit would bury the report's progress lines; held so the level stays. */
    private static final java.util.logging.Logger POOL_LOG = java.util.logging.Logger.getLogger("com.zaxxer.hikari");

    private ReliabilitySuite() {
    }

    /** The suite's result: one row per scenario for the JSON, the Markdown body, and how many scenarios failed. */
    public record Report(List<Map<String, Object>> rows, String markdown, int failed, long seed) {
    }

    public static Report run(Path root, boolean quick, Consumer<String> progress) throws IOException {
        POOL_LOG.setLevel(java.util.logging.Level.WARNING);
        String given = System.getenv(SEED_ENV);
        long seed = given != null && !given.isBlank() ? Long.parseLong(given.strip()) : System.currentTimeMillis() % 1_000_000;
        progress.accept("reliability: seed " + seed + " (" + SEED_ENV + "=" + seed + " repeats this run's fault points)");
        Path scratch = Files.createTempDirectory("osprey-reliability-");
        Context context = new Context(OspreyCommand.locate(root, scratch), PostgresCluster.fromEnvironment(root),
                scratch, seed, quick, progress);
        progress.accept("reliability: scratch directory " + scratch);
        int rounds = quick ? 2 : 10;
        List<Scenario> scenarios = List.<Scenario>of(
                new KillNineScenario(false, rounds),
                new KillNineScenario(true, rounds),
                new PostgresRestartScenario(),
                new PostgresLostScenario(),
                new DiskFullScenario(),
                new ManyDriversScenario(true),
                new ManyDriversScenario(false),
                new StorageUrlFuzz(),
                new OverrideValueFuzz("process"),
                new OverrideValueFuzz("tsp"));
        String only = System.getenv(ONLY_ENV);
        if (only != null && !only.isBlank()) {
            scenarios = scenarios.stream().filter(s -> s.name().contains(only)).toList();
            progress.accept("reliability: only the scenarios whose name contains '" + only + "' (" + ONLY_ENV + ")");
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (Scenario scenario : scenarios) {
            progress.accept("running: " + scenario.name());
            Outcome outcome;
            long t0 = System.nanoTime();
            try {
                outcome = scenario.run(context);
            } catch (Exception e) {
                // the suite's own trouble (a directory it could not make, PostgreSQL it could not restart)
                // fails the scenario with what happened, and the next one still runs
                outcome = new Outcome(scenario.name(), scenario.fault(), 1, 0, 0, 0, null,
                        List.of("the scenario could not run to its end: " + e), (System.nanoTime() - t0) / 1e9);
            }
            // problems name paths under the scratch directory relative to it; the report names it once
            Outcome shown = new Outcome(outcome.name(), outcome.fault(), outcome.rounds(), outcome.survived(),
                    outcome.lost(), outcome.doubled(), outcome.skipped(),
                    outcome.problems().stream().map(p -> p.replace(scratch + "/", "")).toList(), outcome.seconds());
            outcomes.add(shown);
            System.out.println(line(shown));
        }
        long passed = outcomes.stream().filter(Outcome::passed).count();
        long skipped = outcomes.stream().filter(o -> o.skipped() != null).count();
        // .ci/run installs and starts every component a scenario needs: under CI a skip is a failure
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        int failed = (int) (outcomes.size() - passed - skipped) + (ci ? (int) skipped : 0);
        System.out.println(passed + " passed, " + failed + " failed");
        if (skipped > 0) {
            System.out.println(skipped + " skipped (see above)" + (ci ? ", counted as failed under CI=true" : ""));
        }
        return new Report(rows(outcomes, seed), render(outcomes, seed, passed, failed, skipped), failed, seed);
    }

    static String line(Outcome o) {
        if (o.skipped() != null) {
            return "SKIP " + o.name() + ": " + o.skipped();
        }
        return (o.passed() ? "PASS " : "FAIL ") + o.name() + ": " + o.survived() + "/" + o.rounds() + " survived, "
                + o.lost() + " lost, " + o.doubled() + " doubled, " + String.format(java.util.Locale.ROOT, "%.0f s", o.seconds())
                + (o.problems().isEmpty() ? "" : "; first problem: " + o.problems().getFirst());
    }

    private static List<Map<String, Object>> rows(List<Outcome> outcomes, long seed) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("scenario", o.name());
            row.put("fault", o.fault());
            row.put("verdict", o.skipped() != null ? "skipped" : o.passed() ? "passed" : "failed");
            row.put("rounds", o.rounds());
            row.put("survived", o.survived());
            row.put("lost", o.lost());
            row.put("doubled", o.doubled());
            row.put("seconds", Math.round(o.seconds() * 10) / 10.0);
            row.put("seed", seed);
            if (o.skipped() != null) {
                row.put("skipped", o.skipped());
            }
            row.put("problems", o.problems());
            rows.add(row);
        }
        return rows;
    }

    private static String render(List<Outcome> outcomes, long seed, long passed, int failed, long skipped) {
        StringBuilder out = new StringBuilder();
        out.append("Seed ").append(seed).append(" (`").append(SEED_ENV).append("=").append(seed)
                .append(" benchmarks/bench reliability` repeats the fault points). Paths below are relative to the"
                        + " run's scratch directory. ").append(passed).append(" passed, ")
                .append(failed).append(" failed").append(skipped > 0 ? ", " + skipped + " skipped" : "").append(".\n\n");
        out.append("| fault | rounds | survived | trials lost | trials doubled | verdict |\n|---|---|---|---|---|---|\n");
        for (Outcome o : outcomes) {
            out.append("| ").append(o.fault()).append(" | ").append(o.rounds()).append(" | ").append(o.survived())
                    .append(" | ").append(o.lost()).append(" | ").append(o.doubled()).append(" | ")
                    .append(o.skipped() != null ? "skipped: " + o.skipped() : o.passed() ? "passed" : "**failed**")
                    .append(" |\n");
        }
        for (Outcome o : outcomes) {
            if (o.problems().isEmpty()) {
                continue;
            }
            out.append("\n### ").append(o.name()).append("\n\n");
            int shown = 0;
            for (String p : o.problems()) {
                if (shown++ == 30) {
                    out.append("- ... and ").append(o.problems().size() - 30).append(" more (all in reliability.json)\n");
                    break;
                }
                out.append("- ").append(p.replace("|", "\\|").replace("\n", " ")).append('\n');
            }
        }
        return out.toString();
    }
}
