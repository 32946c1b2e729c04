package dev.osprey.dashboard;

import dev.osprey.dashboard.internal.render.ChartFiles;
import dev.osprey.dashboard.plot.Chart;
import dev.osprey.dashboard.plot.ImportanceChoice;
import dev.osprey.dashboard.plot.PlotData;
import dev.osprey.dashboard.plot.PlotKind;
import dev.osprey.dashboard.plot.PlotRequest;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNotFoundException;
import dev.osprey.optimizer.trial.TrialRecord;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A study's plot, computed as data and written to a PNG or SVG file without a browser:
 * {@code Plots.of(storage).study("demo").kind(PlotKind.HISTORY).write(Path.of("history.png"))}.
 */
public final class Plots {

    private final Storage storage;
    private String study;
    private PlotKind kind = PlotKind.HISTORY;
    private int objective;
    private List<String> params = List.of();
    private ImportanceChoice importance = ImportanceChoice.pedAnova();
    private int width = 1000;
    private int height = 600;
    private Clock clock = Clock.systemUTC();

    private Plots(Storage storage) {
        this.storage = Objects.requireNonNull(storage, "storage");
    }

    public static Plots of(Storage storage) {
        return new Plots(storage);
    }

    public Plots study(String name) {
        this.study = Objects.requireNonNull(name, "study");
        return this;
    }

    public Plots kind(PlotKind plot) {
        this.kind = Objects.requireNonNull(plot, "kind");
        return this;
    }

    /** The objective plotted, by index (default 0). */
    public Plots objective(int index) {
        this.objective = index;
        return this;
    }

    /** The parameters of a slice plot, or the two of a contour plot (default: all, or the first two by name). */
    public Plots params(List<String> names) {
        this.params = List.copyOf(names);
        return this;
    }

    /** The importance plot's evaluator (default PED-ANOVA). */
    public Plots importance(ImportanceChoice evaluator) {
        this.importance = Objects.requireNonNull(evaluator, "importance");
        return this;
    }

    /** The image size in pixels (default 1000 x 600). */
    public Plots size(int widthPixels, int heightPixels) {
        if (widthPixels < 100 || heightPixels < 100 || widthPixels > 10_000 || heightPixels > 10_000) {
            throw new IllegalArgumentException("a plot's size must be 100 to 10000 pixels each way, but got "
                    + widthPixels + " x " + heightPixels);
        }
        this.width = widthPixels;
        this.height = heightPixels;
        return this;
    }

    /** The clock that says where RUNNING trials' timeline bars end. */
    public Plots clock(Clock now) {
        this.clock = Objects.requireNonNull(now, "clock");
        return this;
    }

    /** The plot's charts: one, or one per parameter (slice) or objective pair (Pareto front). */
    public List<Chart> charts() {
        if (study == null) {
            throw new IllegalArgumentException("name the study to plot (Plots.study)");
        }
        StudyInfo info = storage.findStudy(study).orElseThrow(() -> new StudyNotFoundException(study,
                storage.studies().stream().map(StudyInfo::name).toList()));
        List<TrialRecord> trials = storage.trialsChangedSince(info.id(), 0).trials().stream()
                .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
        PlotRequest request = new PlotRequest(info, trials, objective, params, importance,
                clock.instant());
        return PlotData.charts(kind, request);
    }

    /** Writes the plot to {@code file}, as PNG or SVG by its extension. */
    public Path write(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("a plot is written as .png or .svg, but the file is " + file);
        }
        List<Chart> charts = charts();
        try {
            if (file.toAbsolutePath().getParent() != null) {
                Files.createDirectories(file.toAbsolutePath().getParent());
            }
            if (svg) {
                Files.writeString(file, ChartFiles.svg(charts, width, height), StandardCharsets.UTF_8);
            } else {
                ImageIO.write(ChartFiles.png(charts, width, height), "png", file.toFile());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the plot to " + file + ": " + e.getMessage(), e);
        }
        return file;
    }
}
