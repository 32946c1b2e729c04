package dev.osprey.benchmarks;

import dev.osprey.composer.conformance.CaseResult;
import dev.osprey.composer.conformance.CaseResult.Status;
import dev.osprey.composer.conformance.HydraConformance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Hydra conformance: runs corpus files and folders (overrides, basic-sweeper batches, composition
 * cases; the formats of the corpus README) through the same checks as the composer's unit tests
 * ({@link HydraConformance}) and counts passes and failures. Without paths it runs the project's own
 * copy of the corpus, {@value #PROJECT_CORPUS}.
 */
final class ConformanceSuite {

    static final String PROJECT_CORPUS = "composer/src/test/resources/conformance/hydra";
    private static final int SHOWN_FAILURES = 100;

    /** The cases run, grouped by the path given and the corpus they belong to, and the rows for the JSON. */
    record Outcome(List<CaseResult> results, List<Map<String, Object>> rows) {

        long count(Status status) {
            return results.stream().filter(r -> r.status() == status).count();
        }

        /** The closing line of the report: {@code N passed, M failed}. */
        String closingLine() {
            return count(Status.PASSED) + " passed, " + count(Status.FAILED) + " failed";
        }
    }

    private ConformanceSuite() {
    }

    /** The project's corpus, looked for from {@code start} upwards (the repository root or a module folder). */
    static Path projectCorpus(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path corpus = dir.resolve(PROJECT_CORPUS);
            if (Files.isDirectory(corpus)) {
                return corpus;
            }
        }
        throw new IllegalStateException("the project's conformance corpus (" + PROJECT_CORPUS + ") was not found"
                + " above " + start.toAbsolutePath() + "; name the corpus files to run");
    }

    static Outcome run(List<Path> paths, Path shownFrom, Consumer<String> progress) {
        List<CaseResult> all = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Path path : paths) {
            List<CaseResult> results = HydraConformance.run(path);
            all.addAll(results);
            Map<String, List<CaseResult>> byCorpus = new LinkedHashMap<>();
            results.forEach(r -> byCorpus.computeIfAbsent(r.corpus(), c -> new ArrayList<>()).add(r));
            byCorpus.forEach((corpus, cases) -> {
                long passed = cases.stream().filter(r -> r.status() == Status.PASSED).count();
                long failed = cases.stream().filter(r -> r.status() == Status.FAILED).count();
                long skipped = cases.size() - passed - failed;
                rows.add(Row.of("system", "osprey", "corpus", corpus, "path", shown(path, shownFrom),
                        "metric", "passed", "median", passed, "failed", failed, "skipped", skipped,
                        "cases", cases.size()));
                progress.accept(shown(path, shownFrom) + " (" + corpus + "): " + passed + " passed, " + failed
                        + " failed" + (skipped > 0 ? ", " + skipped + " skipped" : ""));
            });
        }
        return new Outcome(all, rows);
    }

    static String render(Outcome outcome) {
        StringBuilder out = new StringBuilder();
        List<List<String>> body = new ArrayList<>();
        for (Map<String, Object> row : outcome.rows()) {
            body.add(List.of(Row.str(row, "path"), Row.str(row, "corpus"), Row.str(row, "cases"),
                    Row.str(row, "median"), Row.str(row, "failed"), Row.str(row, "skipped")));
        }
        out.append(Markdown.table(List.of("path", "corpus", "cases", "passed", "failed", "skipped"), body));
        List<CaseResult> failed = outcome.results().stream().filter(r -> r.status() == Status.FAILED).toList();
        if (!failed.isEmpty()) {
            out.append("\n### Failed cases\n\n");
            failed.stream().limit(SHOWN_FAILURES).forEach(r -> out.append("* `").append(r.corpus()).append("` `")
                    .append(oneLine(r.name())).append("`: ").append(oneLine(r.detail())).append('\n'));
            if (failed.size() > SHOWN_FAILURES) {
                out.append("* … and ").append(failed.size() - SHOWN_FAILURES).append(" more\n");
            }
        }
        List<CaseResult> skipped = outcome.results().stream().filter(r -> r.status() == Status.SKIPPED).toList();
        if (!skipped.isEmpty()) {
            out.append("\n### Skipped cases (deliberate deviations, see docs/hydra-conformance.md)\n\n");
            skipped.forEach(r -> out.append("* `").append(r.corpus()).append("` `").append(oneLine(r.name()))
                    .append("`: ").append(oneLine(r.detail())).append('\n'));
        }
        return out.append('\n').append(outcome.closingLine()).append('\n').toString();
    }

    /** A path as given, or relative to {@code from} when it lies below it (no machine paths in results). */
    private static String shown(Path path, Path from) {
        Path absolute = path.toAbsolutePath().normalize();
        Path base = from.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute).toString() : path.toString();
    }

    private static String oneLine(String text) {
        String flat = text.replace("\n", "\\n").replace("\t", "\\t").replace("`", "'");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
