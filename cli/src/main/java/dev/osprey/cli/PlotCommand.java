package dev.osprey.cli;

import dev.osprey.dashboard.Plots;
import dev.osprey.dashboard.plot.ImportanceChoice;
import dev.osprey.dashboard.plot.PlotKind;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code osprey plot}: one plot of a study, written to a PNG or SVG file without a browser. */
@Command(name = "plot", mixinStandardHelpOptions = true,
        description = {"Write a plot of a study to a PNG or SVG file (by the file's extension).",
                "KIND: history, importance, parallel-coordinates, slice, contour, edf, intermediate, timeline,"
                        + " pareto-front."})
final class PlotCommand implements Callable<Integer> {

    private final OspreyCli.Context context;
    @Parameters(index = "0", paramLabel = "KIND", description = "The plot (see above).")
    String kind;
    @Parameters(index = "1", paramLabel = "STUDY", description = "The study.")
    String study;
    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "FILE.png or FILE.svg.")
    Path output;
    @Option(names = "--storage", paramLabel = "URL|FILE",
            description = "The study database: an H2 file path, a jdbc:h2:tcp:// or jdbc:postgresql:// URL"
                    + " (default $OSPREY_STORAGE, else ./osprey-studies/studies).")
    String location;
    @Option(names = "--objective", paramLabel = "N", description = "The objective plotted, from 0 (default 0).")
    int objective;
    @Option(names = "--params", paramLabel = "A,B", split = ",",
            description = "The parameters of a slice plot, or the two of a contour plot (default: all; the first two by name).")
    List<String> params = List.of();
    @Option(names = "--importance", paramLabel = "ped-anova|fanova",
            description = "The importance plot's evaluator (default ped-anova).")
    String importance = "ped-anova";
    @Option(names = "--size", paramLabel = "WxH", description = "Image size in pixels (default 1000x600).")
    String size = "1000x600";

    PlotCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        PlotKind plot = PlotKind.parse(kind);
        int[] pixels = pixels(size);
        String where = location != null ? location : Storages.defaultLocation(System.getenv());
        try (Storage storage = Storages.openExisting(where)) {
            Plots.of(storage).study(study).kind(plot).objective(objective).params(params)
                    .importance(ImportanceChoice.parse(importance)).size(pixels[0], pixels[1])
                    .write(output);
            context.out().println("wrote " + plot.cliName() + " of " + study + " to " + output);
            context.out().flush();
            return OspreyCli.OK;
        }
    }

    private static int[] pixels(String text) {
        String[] parts = text.toLowerCase(java.util.Locale.ROOT).split("x");
        try {
            if (parts.length == 2) {
                return new int[] {Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())};
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--size takes WIDTHxHEIGHT in pixels, such as 1000x600, not '" + text + "'");
    }
}
