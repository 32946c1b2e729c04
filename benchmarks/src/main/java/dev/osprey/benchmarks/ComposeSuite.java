package dev.osprey.benchmarks;

import dev.osprey.composer.compose.Composer;
import dev.osprey.composer.compose.Composition;
import dev.osprey.composer.compose.ConfigRepository;
import dev.osprey.composer.config.Config;
import dev.osprey.composer.interpolation.Resolvers;
import dev.osprey.composer.override.Overrides;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The composer's speed, measured like the Hydra baseline: override parsing throughput over a mix of
 * ten typical overrides, warm compositions per second of a training config tree (the Flyte Hydra
 * plugin walkthrough's shape, under {@code compose/training} in this module's resources) with ten
 * overrides, and the first composition in a fresh JVM ({@link ColdCompose}, a child process).
 */
public final class ComposeSuite {

    /**
     * Seconds of warm-up before each warm measurement, rounds and seconds per round, cold child runs.
     */
    public record Plan(double warmUpSeconds, int rounds, double roundSeconds, int coldRuns) {

        public static Plan full() {
            return new Plan(5, 10, 1, 10);
        }

        public static Plan quick() {
            return new Plan(1, 5, 0.3, 3);
        }
    }

    /** The mix of typical overrides the Hydra baseline parses. */
    static final List<String> PARSE_MIX = List.of("optimizer.lr=0.01", "model=resnet", "+trainer.grad_clip=1.0",
            "~training.warmup", "optimizer.lr=interval(1e-4,1e-1)", "model=choice(resnet,vit)", "x=range(1,10)",
            "tags=[a,b,c]", "db={host: localhost, port: 5432}", "a=1,2,3");

    /** The config tree: a classpath prefix and its primary config. */
    static final String TREE = "compose/training";
    static final String PRIMARY = "training";

    /** Ten overrides: two group changes, three group appends, three value changes, an add and a delete. */
    static final List<String> OVERRIDES = List.of("optimizer=sgd", "model=vit", "+data=imagenet", "+trainer=fast",
            "+logger=wandb", "optimizer.lr=0.01", "trainer.max_epochs=20", "+trainer.seed=7", "~training.warmup",
            "logger.tags=[a,b,c]");

    private ComposeSuite() {
    }

    static Composer composer() {
        return new Composer(ConfigRepository.fromClasspath(ComposeSuite.class.getClassLoader(), TREE));
    }

    /** The benchmark's composition, as a job would receive it: composed, then resolved with runtime values. */
    static Config composeResolved(Composer composer, Resolvers resolvers) {
        Composition composition = composer.composition(PRIMARY, OVERRIDES);
        return composition.resolvedConfig(resolvers);
    }

    static Resolvers resolvers() {
        return Resolvers.standard(System::getenv, Clock.systemDefaultZone(), Map.of("output_dir", "multirun/0"));
    }

    public static List<Map<String, Object>> run(Plan plan, Consumer<String> progress) {
        // the cold runs first, while this JVM is idle and before its JIT threads get busy
        List<Map<String, Object>> rows = new ArrayList<>(ColdCompose.runChildren(plan.coldRuns(), progress));
        double[] parse = rates(plan, PARSE_MIX.size(), () -> {
            for (String override : PARSE_MIX) {
                Overrides.parse(override);
            }
        });
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "parse_mix", "metric", "overrides_per_s"),
                parse, "rounds"));
        progress.accept("osprey override parsing: " + Markdown.fixed(Stats.median(parse), 0) + " overrides/s");
        Composer composer = composer();
        double[] compose = rates(plan, 1, () -> composer.compose(PRIMARY, OVERRIDES));
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "training_10_overrides",
                "metric", "composes_per_s"), compose, "rounds"));
        progress.accept("osprey warm compose: " + Markdown.fixed(Stats.median(compose), 0) + " composes/s");
        Resolvers resolvers = resolvers();
        double[] resolved = rates(plan, 1, () -> composeResolved(composer, resolvers));
        rows.add(Row.withQuartiles(Row.of("system", "osprey", "case", "training_10_overrides_resolved",
                "metric", "composes_per_s"), resolved, "rounds"));
        progress.accept("osprey warm compose + resolve: " + Markdown.fixed(Stats.median(resolved), 0)
                + " composes/s");
        rows.addAll(HydraBaseline.rows());
        return rows;
    }

    /** Warm-up, then per round: how many {@code units} per second {@code action} does. */
    private static double[] rates(Plan plan, int units, Runnable action) {
        repeatFor(plan.warmUpSeconds(), action);
        double[] rates = new double[plan.rounds()];
        for (int r = 0; r < plan.rounds(); r++) {
            long[] countAndNanos = repeatFor(plan.roundSeconds(), action);
            rates[r] = countAndNanos[0] * (double) units / (countAndNanos[1] / 1e9);
        }
        return rates;
    }

    /** Runs {@code action} until {@code seconds} have passed; returns the count and the nanoseconds taken. */
    private static long[] repeatFor(double seconds, Runnable action) {
        long budget = (long) (seconds * 1e9);
        long start = System.nanoTime();
        long count = 0;
        long elapsed;
        do {
            action.run();
            count++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < budget);
        return new long[] {count, elapsed};
    }
}
