package dev.osprey.examples;

import dev.osprey.launchers.JobContext;
import dev.osprey.cli.Osprey;
import dev.osprey.optimizer.TrialPrunedException;

import java.util.SplittableRandom;

/**
 * A Java {@code train} program through {@link Osprey#main}: a one-hidden-layer neural network,
 * trained with mini-batch gradient descent on a generated two-moons data set, returns its
 * validation log-loss. Its config ({@code classifier/train.yaml} on the classpath) binds to
 * {@link Training}; the command line is Osprey's:
 *
 * <pre>
 * java -cp ... dev.osprey.examples.TrainClassifier                       # one run
 * java -cp ... dev.osprey.examples.TrainClassifier -m 'lr=tag(log,interval(1e-3,1))' 'hidden=range(4,33,4)' \
 *     osprey.sweeper.n_trials=20 osprey.sweeper.n_jobs=2                  # a TPE sweep
 * </pre>
 */
public final class TrainClassifier {

    /** The config, bound from {@code train.yaml} after the overrides. */
    public record Training(double lr, double l2, int hidden, int epochs, int batchSize, Data data) {
    }

    public record Data(int samples, double noise, long seed) {
    }

    private TrainClassifier() {
    }

    public static void main(String[] args) {
        Osprey.main(args, "classpath:classifier", "train", Training.class, TrainClassifier::train);
    }

    /** Trains and returns the validation log-loss; reports it every 10 epochs so that pruners can stop bad runs. */
    static double train(Training config, JobContext job) {
        double[][] x = new double[config.data().samples()][];
        int[] y = new int[x.length];
        TwoMoons.generate(config.data().seed(), config.data().noise(), x, y);
        int split = x.length * 4 / 5;
        Network net = new Network(config.hidden(), new SplittableRandom(config.data().seed() + 1));
        SplittableRandom order = new SplittableRandom(config.data().seed() + 2);
        int[] index = new int[split];
        for (int i = 0; i < split; i++) {
            index[i] = i;
        }
        double loss = Double.NaN;
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(index, order);
            for (int start = 0; start < split; start += config.batchSize()) {
                int end = Math.min(split, start + config.batchSize());
                net.step(x, y, index, start, end, config.lr(), config.l2());
            }
            loss = net.logLoss(x, y, split, x.length);
            if (!Double.isFinite(loss)) {
                throw new IllegalStateException("training diverged at epoch " + epoch + " (lr " + config.lr() + ")");
            }
            if (epoch % 10 == 0 && job.report(epoch, loss)) {
                throw new TrialPrunedException("pruned at epoch " + epoch);
            }
        }
        return loss;
    }

    private static void shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
