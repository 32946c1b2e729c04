package dev.osprey.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The compose suite's report: the targets, then Osprey's figures beside Hydra's baseline figures. */
final class ComposeReport {

    static final double WARM_TARGET_PER_S = 20_000;
    static final double COLD_TARGET_MS = 150;

    private ComposeReport() {
    }

    static String render(List<Map<String, Object>> rows) {
        StringBuilder out = new StringBuilder("### Targets\n\n");
        out.append(Markdown.table(List.of("target", "osprey", "verdict", "hydra 1.4 (baseline)"), List.of(
                target(rows, "warm composition of the training tree with 10 overrides: at least "
                                + count(WARM_TARGET_PER_S) + " composes/s", "training_10_overrides",
                        "composes_per_s", v -> v >= WARM_TARGET_PER_S, ComposeReport::perSecond),
                target(rows, "cold compose (first composition in a fresh JVM, from main()): under "
                                + count(COLD_TARGET_MS) + " ms", "first_compose", "cold_compose_ms",
                        v -> v < COLD_TARGET_MS, v -> Markdown.fixed(v, 1) + " ms"))));
        out.append("\n### Osprey beside Hydra\n\n");
        List<List<String>> body = new ArrayList<>();
        body.add(side(rows, "override parsing, the 10-override mix, warm", "parse_mix", "overrides_per_s",
                v -> perSecond(v) + " (" + micros(1e6 / v) + " each)", true));
        body.add(side(rows, "compose, warm: training tree, 10 overrides", "training_10_overrides", "composes_per_s",
                v -> perSecond(v) + " (" + micros(1e6 / v) + " each)", true));
        body.add(side(rows, "compose and resolve (runtime values), warm", "training_10_overrides_resolved",
                "composes_per_s", v -> perSecond(v) + " (" + micros(1e6 / v) + " each)", true));
        body.add(side(rows, "compose, cold: first compose in a fresh process (Osprey: from main(), class loading"
                + " included; Hydra: after " + count(HydraBaseline.IMPORTS_MS) + " ms of imports)", "first_compose",
                "cold_compose_ms", v -> Markdown.fixed(v, 1) + " ms", false));
        body.add(side(rows, "compose, cold, with an application class-data archive (`-XX:+AutoCreateSharedArchive"
                + " -XX:SharedArchiveFile=…`, made by an earlier run)", "first_compose_appcds", "cold_compose_ms",
                v -> Markdown.fixed(v, 1) + " ms", false));
        body.add(side(rows, "second compose in that process", "second_compose", "compose_ms",
                v -> Markdown.fixed(v, 2) + " ms", false));
        body.add(side(rows, "JVM start until main() (no Hydra figure)", "jvm_start_to_main", "ms",
                v -> Markdown.fixed(v, 0) + " ms", false));
        body.add(side(rows, "whole process: start, two composes, exit", "process_two_composes", "ms",
                v -> Markdown.fixed(v, 0) + " ms", false));
        body.add(side(rows, "whole process, with the class-data archive", "process_two_composes_appcds", "ms",
                v -> Markdown.fixed(v, 0) + " ms", false));
        out.append(Markdown.table(List.of("figure", "osprey median [q25, q75]", "hydra 1.4 (baseline)",
                "speed-up over hydra"), body));
        out.append("\nSpeed-up: Osprey's rate over Hydra's, or Hydra's time over Osprey's (medians); below 1x"
                + " Osprey is slower. Cold figures also show the fastest of the fresh JVMs, the one least disturbed"
                + " by other work on a shared machine; the targets are judged on the median.\n");
        return out.append('\n').toString();
    }

    private interface Check {
        boolean met(double value);
    }

    private interface Format {
        String of(double value);
    }

    private static List<String> target(List<Map<String, Object>> rows, String target, String what, String metric,
                                       Check check, Format format) {
        Optional<Map<String, Object>> osprey = find(rows, "osprey", what, metric);
        String hydra = find(rows, "hydra", what, metric).map(r -> format.of(Row.num(r, "median"))).orElse("-");
        if (osprey.isEmpty()) {
            return List.of(target, "not measured in this run", "not evaluated", hydra);
        }
        double median = Row.num(osprey.get(), "median");
        String fastest = osprey.get().containsKey("min") ? "; fastest " + format.of(Row.num(osprey.get(), "min")) : "";
        return List.of(target, format.of(median) + " (median" + fastest + ")", check.met(median) ? "met" : "**missed**",
                hydra);
    }

    private static List<String> side(List<Map<String, Object>> rows, String figure, String what, String metric,
                                     Format format, boolean higherIsBetter) {
        Optional<Map<String, Object>> osprey = find(rows, "osprey", what, metric);
        Optional<Map<String, Object>> hydra = find(rows, "hydra", what, metric);
        String ospreyCell = osprey.map(r -> format.of(Row.num(r, "median")) + " [" + format.of(Row.num(r, "q25"))
                .replaceAll(" \\(.*", "") + ", " + format.of(Row.num(r, "q75")).replaceAll(" \\(.*", "") + "]")
                .orElse("-");
        if (osprey.isPresent() && osprey.get().containsKey("min")) {
            ospreyCell += "; min " + format.of(Row.num(osprey.get(), "min"));
        }
        String hydraCell = hydra.map(r -> format.of(Row.num(r, "median"))).orElse("-");
        String ratio = "-";
        if (osprey.isPresent() && hydra.isPresent()) {
            double o = Row.num(osprey.get(), "median");
            double h = Row.num(hydra.get(), "median");
            double factor = higherIsBetter ? o / h : h / o;
            ratio = Markdown.fixed(factor, factor >= 100 ? 0 : factor >= 10 ? 1 : 2) + "x";
        }
        return List.of(figure, ospreyCell, hydraCell, ratio);
    }

    private static Optional<Map<String, Object>> find(List<Map<String, Object>> rows, String system, String what,
                                                      String metric) {
        return rows.stream().filter(r -> Row.is(r, "system", system) && Row.is(r, "case", what)
                && Row.is(r, "metric", metric)).findFirst();
    }

    private static String perSecond(double v) {
        return (v >= 100 ? count(v) : Markdown.fixed(v, 1)) + "/s";
    }

    private static String micros(double us) {
        return us >= 1000 ? Markdown.fixed(us / 1000, 1) + " ms" : Markdown.fixed(us, us >= 10 ? 0 : 1) + " µs";
    }

    private static String count(double v) {
        return String.format(Locale.ROOT, "%,d", Math.round(v));
    }
}
