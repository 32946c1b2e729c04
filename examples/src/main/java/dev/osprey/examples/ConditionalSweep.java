package dev.osprey.examples;

import dev.osprey.cli.Osprey;
import dev.osprey.launchers.JobContext;

import java.util.Optional;

/**
 * The conditional search space of {@code examples/conditional} from a Java program: the options of
 * the config group {@code model/} declare the parameters they alone have ({@code model.depth} for
 * resnet, {@code model.patch_size} for vit), so a sweep over {@code model=choice(resnet,vit)} gives
 * each trial the parameters of the model it chose and nothing else:
 *
 * <pre>
 * java -cp ... dev.osprey.examples.ConditionalSweep -m 'model=choice(resnet,vit)' \
 *     'optimizer.lr=tag(log,interval(1e-4,1e-1))' --n-trials 40
 * </pre>
 *
 * <p>The objective is the stand-in for training of {@code examples/conditional/objective.py}, which
 * the same sweep runs as an external program.
 */
public final class ConditionalSweep {

    /** The config: a model, whose own settings depend on which one it is, and an optimizer. */
    public record Experiment(Model model, Optimizer optimizer) {
    }

    /** A resnet has a depth, a vit a patch size; neither has the other's. */
    public record Model(String name, Optional<Integer> depth, Optional<Integer> patch_size) {
        public static Model defaults() {
            return new Model("resnet", Optional.empty(), Optional.empty());
        }
    }

    public record Optimizer(double lr) {
    }

    private ConditionalSweep() {
    }

    public static void main(String[] args) {
        Osprey.main(args, "examples/conditional/conf", "config", Experiment.class, ConditionalSweep::loss);
    }

    /**
     * The validation loss of a model trained with these settings: vit at patch size 16 is best
     * (0.20), resnet is best at depth 50 (0.30), and the learning rate is best near 3e-3.
     */
    static double loss(Experiment config, JobContext job) {
        Model model = config.model();
        double lrPenalty = 0.35 * Math.pow(Math.log10(config.optimizer().lr()) - Math.log10(3e-3), 2);
        return lrPenalty + switch (model.name()) {
            case "vit" -> 0.20 + 0.08 * Math.abs(log2(model.patch_size().orElseThrow() / 16.0));
            case "resnet" -> 0.30 + 0.05 * Math.abs(log2(model.depth().orElseThrow() / 50.0));
            default -> throw new IllegalArgumentException("unknown model " + model.name());
        };
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }
}
