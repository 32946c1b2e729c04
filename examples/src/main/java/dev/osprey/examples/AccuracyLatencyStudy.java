package dev.osprey.examples;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.util.SplittableRandom;

/**
 * Accuracy against latency under a memory limit: each trial trains the two-moons network of
 * {@link TrainClassifier} with its own width, epochs and learning rate, then measures its
 * validation accuracy (maximised) and the time it takes to score the validation set 50 times
 * (minimised, in milliseconds). A wider network scores better and slower and weighs more; the
 * model must fit in {@code MEMORY_LIMIT_BYTES} (8 bytes per weight), a constraint
 * ({@code bytes - limit <= 0}) that NSGA-II ranks by. Prints the Pareto front of the feasible
 * trials, how many trials broke the limit, and the front's hypervolume.
 *
 * <pre>java -cp ... dev.osprey.examples.AccuracyLatencyStudy [H2_FILE] [TRIALS]</pre>
 */
public final class AccuracyLatencyStudy {

    /** The memory a model may take: 1 KiB, so at most 31 hidden units. */
    static final int MEMORY_LIMIT_BYTES = 1024;

    private AccuracyLatencyStudy() {
    }

    public static void main(String[] args) {
        String file = args.length > 0 ? args[0] : "osprey-studies/tradeoff";
        int trials = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        try (Storage storage = Storages.open(file);
             Study study = Study.builder().name("accuracy-latency").storage(storage).seed(7)
                     .directions(Direction.MAXIMIZE, Direction.MINIMIZE).objectiveNames("accuracy", "latency_ms")
                     .sampler(Samplers.nsga2(dev.osprey.optimizer.sampler.nsga.Nsga2Parameters.defaults()
                             .withPopulationSize(12)))
                     .createOrLoad()) {
            study.optimizeMulti(AccuracyLatencyStudy::trainAndMeasure, Budget.trials(trials));
            System.out.println("Pareto front (accuracy, latency_ms) of the trials within " + MEMORY_LIMIT_BYTES
                    + " bytes:");
            for (TrialRecord t : study.bestTrials()) {
                System.out.printf("  trial %d: accuracy %.3f, latency %.3f ms, %s%n", t.number(), t.values().get(0),
                        t.values().get(1), t.paramValues());
            }
            System.out.printf("%d of %d trials broke the memory limit; hypervolume at (0, 1000 ms): %.1f%n",
                    study.infeasibleTrials().size(), study.trials().size(), study.hypervolume(0, 1000));
        }
    }

    static double[] trainAndMeasure(Trial trial) {
        int hidden = trial.suggestInt("hidden", 1, 128, true);
        int epochs = trial.suggestInt("epochs", 5, 40);
        double lr = trial.suggestFloat("lr", 1e-3, 1, true);
        double[][] x = new double[600][];
        int[] y = new int[x.length];
        TwoMoons.generate(11, 0.2, x, y);
        int split = x.length * 4 / 5;
        Network net = new Network(hidden, new SplittableRandom(12));
        int[] index = new int[split];
        for (int i = 0; i < split; i++) {
            index[i] = i;
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (int start = 0; start < split; start += 32) {
                net.step(x, y, index, start, Math.min(split, start + 32), lr, 1e-4);
            }
        }
        double accuracy = net.accuracy(x, y, split, x.length);
        long t0 = System.nanoTime();
        double sink = 0;
        for (int round = 0; round < 50; round++) {
            sink += net.accuracy(x, y, split, x.length);
        }
        double latencyMs = (System.nanoTime() - t0) / 1e6 + sink * 0; // sink keeps the loop from being optimised away
        trial.setConstraints(net.parameters() * 8.0 - MEMORY_LIMIT_BYTES);
        return new double[] {accuracy, latencyMs};
    }
}
