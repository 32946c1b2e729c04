package dev.osprey.composer.conformance;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs the Hydra conformance corpus — Hydra's own outcomes for overrides, basic-sweeper batches and
 * compositions — against this implementation. The unit tests and the {@code conformance} benchmark
 * both run it through here, so that they judge the same way.
 *
 * {@snippet :
 * List<CaseResult> results = HydraConformance.run(Path.of("conformance/hydra"));
 * long failed = results.stream().filter(r -> r.status() == CaseResult.Status.FAILED).count();
 * }
 *
 * <p>Formats (see the corpus README): {@code overrides.jsonl} (one override per line, with the parsed
 * structure or the error Hydra gives), {@code basic_sweeper.jsonl} (overrides and a batch size per line,
 * with the job batches), and {@code defaults/NN_name/} folders (a {@code conf/} tree, overrides and the
 * composed config or error). Cases Osprey treats differently on purpose are {@code SKIPPED}, with the
 * reason; docs/hydra-conformance.md lists them.
 *
 * @since 0.1
 */
public final class HydraConformance {

    private HydraConformance() {
    }

    /**
     * Runs every case at {@code path}: a {@code .jsonl} file (each line an override or a sweeper case,
     * told apart by its fields), a case folder, a folder of case folders, or a corpus folder holding
     * {@code overrides.jsonl}, {@code basic_sweeper.jsonl} and {@code defaults/}.
     *
     * @throws IllegalArgumentException if there are no cases at {@code path}
     */
    public static List<CaseResult> run(Path path) {
        if (Files.isRegularFile(path)) {
            return readCases(path).stream().map(HydraConformance::check).toList();
        }
        if (!Files.isDirectory(path)) {
            throw new IllegalArgumentException("no conformance file or folder at " + path);
        }
        if (CompositionCases.isCase(path)) {
            return List.of(CompositionCases.check(path));
        }
        List<CaseResult> results = new ArrayList<>();
        boolean corpus = false;
        for (String part : List.of("overrides.jsonl", "basic_sweeper.jsonl", "defaults")) {
            if (Files.exists(path.resolve(part))) {
                results.addAll(run(path.resolve(part)));
                corpus = true;
            }
        }
        if (!corpus) {
            for (Path dir : caseFolders(path)) {
                results.add(CompositionCases.check(dir));
            }
        }
        if (results.isEmpty()) {
            throw new IllegalArgumentException("no conformance cases in " + path + " (expected .jsonl files or"
                    + " case folders with case.yaml and conf/)");
        }
        return results;
    }

    /** One case of a {@code .jsonl} file: an override case (it has {@code input}) or a sweeper case ({@code overrides}). */
    public static CaseResult check(Map<String, Object> testCase) {
        if (testCase.containsKey("input")) {
            return OverrideCases.check(testCase);
        }
        if (testCase.containsKey("overrides")) {
            return SweeperCases.check(testCase);
        }
        return CaseResult.failed("unknown", CorpusJson.write(testCase), "neither an override case ('input') nor a"
                + " sweeper case ('overrides')");
    }

    /** One {@code defaults/} case folder. */
    public static CaseResult checkComposition(Path caseFolder) {
        return CompositionCases.check(caseFolder);
    }

    /** The cases of a {@code .jsonl} file, one JSON object per non-blank line. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> readCases(Path jsonl) {
        try (Stream<String> lines = Files.lines(jsonl, StandardCharsets.UTF_8)) {
            List<Map<String, Object>> cases = new ArrayList<>();
            int[] number = {0};
            lines.forEach(line -> {
                number[0]++;
                if (line.isBlank()) {
                    return;
                }
                try {
                    cases.add((Map<String, Object>) CorpusJson.parse(line));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(jsonl + ":" + number[0] + ": not a JSON object: "
                            + e.getMessage(), e);
                }
            });
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + ": " + e.getMessage(), e);
        }
    }

    private static List<Path> caseFolders(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(CompositionCases::isCase).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
    }
}
