package dev.osprey.benchmarks;

import dev.osprey.optimizer.importance.ImportanceEvaluator;
import dev.osprey.optimizer.importance.Importances;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code importance} suite: the wall time of Osprey's fANOVA and PED-ANOVA against Optuna's
 * {@code FanovaImportanceEvaluator} on one study of 1,000 trials and 10 parameters, and how far
 * Osprey's fANOVA ranks parameters as Optuna's does (Spearman's rho) on several 5-parameter,
 * 200-trial studies. Both systems read the same trials: Osprey's are written as JSON for Optuna.
 */
final class ImportanceSuite {

    static final String NAME = "importance";
    static final int SPEED_TRIALS = 1000;
    static final int AGREEMENT_TRIALS = 200;
    static final double SPEED_TARGET = 20;
    static final double SPEARMAN_TARGET = 0.9;

    private ImportanceSuite() {
    }

    record Plan(int warmUps, int repeats, int agreementStudies, int optunaRepeats) {
        static Plan full() {
            return new Plan(3, 7, 5, 1);
        }

        static Plan quick() {
            return new Plan(1, 3, 2, 1);
        }
    }

    static String report(boolean quick, OptunaPeer peer, boolean withOptuna, List<Map<String, Object>> rows,
                         List<String> notes, Consumer<String> progress) throws IOException {
        Plan plan = quick ? Plan.quick() : Plan.full();
        Path dir = Files.createTempDirectory("osprey-importance-bench");
        List<TrialRecord> speed = ImportanceStudies.tenParams(SPEED_TRIALS, 42);
        Path speedFile = dir.resolve("speed.json");
        Files.writeString(speedFile, ImportanceStudies.json("speed", speed));
        rows.add(timed("fanova", Importances.fanova(0), speed, plan, progress));
        rows.add(timed("ped-anova", Importances.pedAnova(), speed, plan, progress));
        List<Path> agreementFiles = new ArrayList<>();
        Map<String, Map<String, Double>> osprey = new LinkedHashMap<>();
        for (int s = 1; s <= plan.agreementStudies(); s++) {
            String name = "five-" + s;
            List<TrialRecord> trials = ImportanceStudies.fiveParams(AGREEMENT_TRIALS, s);
            Path file = dir.resolve(name + ".json");
            Files.writeString(file, ImportanceStudies.json(name, trials));
            agreementFiles.add(file);
            osprey.put(name, Importances.fanova(0).evaluate(trials, 0, Direction.MINIMIZE));
        }
        if (withOptuna) {
            List<Map<String, Object>> optuna = new ArrayList<>();
            try {
                optuna.addAll(peer.run("importance.py", List.of("--evaluator", "fanova", "--repeats",
                        "" + plan.optunaRepeats(), speedFile.toString()), progress));
                List<String> args = new ArrayList<>(List.of("--evaluator", "fanova", "--repeats", "1"));
                agreementFiles.forEach(f -> args.add(f.toString()));
                optuna.addAll(peer.run("importance.py", args, progress));
            } catch (RuntimeException e) {
                progress.accept("optuna failed: " + e.getMessage());
                notes.add("**The Optuna run failed** (" + e.getMessage() + "): its rows are missing.");
            }
            for (Map<String, Object> row : optuna) {
                Map<String, Object> out = new LinkedHashMap<>(row);
                double[] seconds = numbers(row.get("seconds"));
                out.put("median_s", Stats.median(seconds));
                String study = (String) row.get("study");
                Map<String, Double> theirs = importances(row.get("importances"));
                Map<String, Double> ours = study.equals("speed") ? importances(rows.get(0).get("importances"))
                        : osprey.get(study);
                out.put("spearman_vs_osprey_fanova", ImportanceStudies.spearman(ours, theirs));
                rows.add(out);
            }
        }
        for (Map.Entry<String, Map<String, Double>> e : osprey.entrySet()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("system", "osprey");
            row.put("evaluator", "fanova");
            row.put("study", e.getKey());
            row.put("trials", AGREEMENT_TRIALS);
            row.put("params", 5);
            row.put("importances", e.getValue());
            rows.add(row);
        }
        deleteAll(dir);
        notes.add("Speed study: " + SPEED_TRIALS + " random trials over 10 parameters (4 floats, 2 log floats, 2 ints,"
                + " 2 categoricals; `ImportanceStudies.tenParams`, seed 42). Osprey: " + plan.warmUps()
                + " unrecorded warm-up evaluations, then the median of " + plan.repeats() + "; Optuna: "
                + plan.optunaRepeats() + " evaluation(s) of `get_param_importances` on a study built beforehand"
                + " (`benchmarks/python/importance.py`). fANOVA on both sides: 64 trees, seed 0.");
        notes.add("Agreement studies: " + AGREEMENT_TRIALS + " random trials over x (quadratic), kind (categorical),"
                + " layers (int), lr (log float) and noise (no effect), seeds 1.." + plan.agreementStudies()
                + " (`ImportanceStudies.fiveParams`). The forests differ (Java's random numbers are not"
                + " scikit-learn's), so rankings are compared, not values.");
        return render(rows);
    }

    private static Map<String, Object> timed(String evaluator, ImportanceEvaluator e, List<TrialRecord> trials, Plan plan,
                                             Consumer<String> progress) {
        progress.accept("osprey: " + evaluator + " on " + trials.size() + " trials");
        Map<String, Double> result = null;
        for (int i = 0; i < plan.warmUps(); i++) {
            result = e.evaluate(trials, 0, Direction.MINIMIZE);
        }
        double[] seconds = new double[plan.repeats()];
        for (int i = 0; i < plan.repeats(); i++) {
            long t0 = System.nanoTime();
            result = e.evaluate(trials, 0, Direction.MINIMIZE);
            seconds[i] = (System.nanoTime() - t0) / 1e9;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("system", "osprey");
        row.put("evaluator", evaluator);
        row.put("study", "speed");
        row.put("trials", trials.size());
        row.put("params", 10);
        row.put("seconds", java.util.Arrays.stream(seconds).boxed().toList());
        row.put("median_s", Stats.median(seconds));
        row.put("importances", result);
        return row;
    }

    static String render(List<Map<String, Object>> rows) {
        Optional<Map<String, Object>> optunaSpeed = rows.stream()
                .filter(r -> "optuna".equals(r.get("system")) && "speed".equals(r.get("study"))).findFirst();
        double optunaSeconds = optunaSpeed.map(r -> Row.num(r, "median_s")).orElse(Double.NaN);
        StringBuilder out = new StringBuilder("### Wall time on " + SPEED_TRIALS + " trials x 10 parameters\n\n");
        List<List<String>> speed = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if ("speed".equals(r.get("study"))) {
                double s = Row.num(r, "median_s");
                boolean ours = "osprey".equals(r.get("system"));
                speed.add(List.of(r.get("system") + " " + r.get("evaluator"), Markdown.num(s),
                        ours ? Markdown.fixed(optunaSeconds / s, 1) + "x" : "1x",
                        ours && "fanova".equals(r.get("evaluator"))
                                ? (optunaSeconds / s >= SPEED_TARGET ? "met" : "missed") : ""));
            }
        }
        out.append(Markdown.table(List.of("evaluator", "median s", "speed-up over Optuna's fANOVA",
                "target >= " + (int) SPEED_TARGET + "x"), speed));
        optunaSpeed.ifPresent(r -> out.append("\nSpearman's rho between Osprey's and Optuna's fANOVA on this study: ")
                .append(Markdown.fixed(Row.num(r, "spearman_vs_osprey_fanova"), 3)).append(".\n"));
        out.append("\n### fANOVA ranking agreement with Optuna on 5 parameters x ").append(AGREEMENT_TRIALS)
                .append(" trials\n\n");
        List<List<String>> agreement = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if ("optuna".equals(r.get("system")) && !"speed".equals(r.get("study"))) {
                double rho = Row.num(r, "spearman_vs_osprey_fanova");
                Map<String, Double> ours = rows.stream().filter(o -> "osprey".equals(o.get("system"))
                        && r.get("study").equals(o.get("study"))).findFirst()
                        .map(o -> importances(o.get("importances"))).orElse(Map.of());
                agreement.add(List.of((String) r.get("study"), Markdown.fixed(rho, 3),
                        rho >= SPEARMAN_TARGET ? "met" : "missed", ranking(ours),
                        ranking(importances(r.get("importances")))));
            }
        }
        if (agreement.isEmpty()) {
            out.append("Optuna did not run: no agreement rows.\n");
        } else {
            out.append(Markdown.table(List.of("study", "Spearman rho", "target >= " + SPEARMAN_TARGET,
                    "Osprey fANOVA", "Optuna fANOVA"), agreement));
        }
        return out.toString();
    }

    private static String ranking(Map<String, Double> importances) {
        List<String> parts = new ArrayList<>();
        importances.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> parts.add(e.getKey() + " " + Markdown.fixed(e.getValue(), 3)));
        return String.join(", ", parts);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Double> importances(Object value) {
        Map<String, Double> out = new LinkedHashMap<>();
        ((Map<String, Object>) value).forEach((k, v) -> out.put(k, ((Number) v).doubleValue()));
        return out;
    }

    private static double[] numbers(Object value) {
        return ((List<?>) value).stream().mapToDouble(v -> ((Number) v).doubleValue()).toArray();
    }

    private static void deleteAll(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
            Files.delete(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
