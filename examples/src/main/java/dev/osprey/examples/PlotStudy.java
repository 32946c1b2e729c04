package dev.osprey.examples;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A study's optimisation history as a PNG, for the docs: each finished trial's value by trial
 * number (a pruned trial at the last value it reported, hollow), and the best value so far.
 * A small stand-in for a plotting command, on the JDK alone:
 *
 * <pre>
 * java -cp ... dev.osprey.examples.PlotStudy STORAGE STUDY OUT.png
 * </pre>
 */
public final class PlotStudy {

    private static final int WIDTH = 720;
    private static final int HEIGHT = 420;
    private static final int LEFT = 70;
    private static final int RIGHT = 20;
    private static final int TOP = 40;
    private static final int BOTTOM = 50;

    private PlotStudy() {
    }

    public static void main(String[] args) {
        if (args.length != 3) {
            System.err.println("usage: PlotStudy STORAGE STUDY OUT.png");
            System.exit(2);
        }
        List<TrialRecord> trials;
        try (Storage storage = Storages.open(args[0]);
             Study study = Study.builder().name(args[1]).storage(storage).heartbeatOff().load()) {
            trials = study.trials();
        }
        write(trials, "study " + args[1], Path.of(args[2]));
    }

    /** Draws the trials (minimised values) and writes the PNG. */
    static void write(List<TrialRecord> trials, String title, Path out) {
        List<double[]> points = trials.stream().filter(t -> shown(t) != null)
                .map(t -> new double[] {t.number(), shown(t), t.state() == TrialState.PRUNED ? 1 : 0}).toList();
        if (points.isEmpty()) {
            throw new IllegalArgumentException("the study has no finished or pruned trial to plot");
        }
        double lo = points.stream().mapToDouble(p -> p[1]).min().orElseThrow();
        double hi = points.stream().mapToDouble(p -> p[1]).max().orElseThrow();
        double pad = (hi - lo) * 0.05 + 1e-9;
        lo -= pad;
        hi += pad;
        int last = trials.stream().mapToInt(TrialRecord::number).max().orElse(1);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.setColor(Color.DARK_GRAY);
        g.drawRect(LEFT, TOP, WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM);
        for (int i = 0; i <= 5; i++) {
            double v = lo + (hi - lo) * i / 5;
            int y = y(v, lo, hi);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(LEFT + 1, y, WIDTH - RIGHT - 1, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format(Locale.ROOT, "%.3f", v), 8, y + 4);
            int n = Math.round((float) last * i / 5);
            g.drawString(Integer.toString(n), x(n, last) - 4, HEIGHT - BOTTOM + 18);
        }
        g.drawString("trial number", WIDTH / 2 - 30, HEIGHT - 12);
        g.drawString("objective value (" + title + ")", LEFT, TOP - 24);
        // the best value so far, among completed trials
        g.setColor(new Color(214, 39, 40));
        g.setStroke(new BasicStroke(2f));
        double best = Double.POSITIVE_INFINITY;
        int px = -1;
        int py = -1;
        for (double[] p : points) {
            if (p[2] == 0 && p[1] < best) {
                best = p[1];
            }
            if (Double.isFinite(best)) {
                int x = x((int) p[0], last);
                int y = y(best, lo, hi);
                if (px >= 0) {
                    g.drawLine(px, py, x, py);
                    g.drawLine(x, py, x, y);
                }
                px = x;
                py = y;
            }
        }
        g.setStroke(new BasicStroke(1.5f));
        for (double[] p : points) {
            Ellipse2D dot = new Ellipse2D.Double(x((int) p[0], last) - 4, y(p[1], lo, hi) - 4, 8, 8);
            g.setColor(p[2] == 1 ? Color.GRAY : new Color(31, 119, 180));
            if (p[2] == 1) {
                g.draw(dot);
            } else {
                g.fill(dot);
            }
        }
        legend(g);
        g.dispose();
        try {
            ImageIO.write(image, "png", out.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + out, e);
        }
    }

    private static void legend(Graphics2D g) {
        int x = WIDTH - RIGHT - 330;
        g.setColor(new Color(31, 119, 180));
        g.fillOval(x, TOP - 30, 8, 8);
        g.setColor(Color.DARK_GRAY);
        g.drawString("complete", x + 12, TOP - 22);
        g.setColor(Color.GRAY);
        g.drawOval(x + 80, TOP - 30, 8, 8);
        g.setColor(Color.DARK_GRAY);
        g.drawString("pruned (last report)", x + 92, TOP - 22);
        g.setColor(new Color(214, 39, 40));
        g.drawLine(x + 232, TOP - 26, x + 252, TOP - 26);
        g.setColor(Color.DARK_GRAY);
        g.drawString("best so far", x + 257, TOP - 22);
    }

    /** The value a trial is drawn at, or null if it is not drawn. */
    private static Double shown(TrialRecord t) {
        return switch (t.state()) {
            case COMPLETE -> t.value();
            case PRUNED -> t.intermediateValues().isEmpty() ? null : t.intermediateValues().get(t.intermediateValues().lastKey());
            default -> null;
        };
    }

    private static int x(int number, int last) {
        return LEFT + 10 + (int) Math.round((WIDTH - LEFT - RIGHT - 20) * (double) number / Math.max(1, last));
    }

    private static int y(double v, double lo, double hi) {
        return TOP + (int) Math.round((HEIGHT - TOP - BOTTOM) * (hi - v) / (hi - lo));
    }
}
