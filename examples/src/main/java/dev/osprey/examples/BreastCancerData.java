package dev.osprey.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The Breast Cancer Wisconsin (Diagnostic) data set (UCI, CC BY 4.0), read from
 * {@code data/breast-cancer-wisconsin/wdbc.csv} on the classpath: 569 rows of 30 features and a
 * 0/1 label (1: benign). Its README there carries the licence and the citation.
 *
 * @param names the features' names, in column order
 * @param x one row of features per sample
 * @param y the label of each sample
 */
public record BreastCancerData(List<String> names, double[][] x, int[] y) {

    static final String RESOURCE = "/data/breast-cancer-wisconsin/wdbc.csv";

    public BreastCancerData {
        names = List.copyOf(names);
        if (x.length != y.length) {
            throw new IllegalArgumentException("rows and labels differ in number: " + x.length + " and " + y.length);
        }
    }

    /** Reads the copy on the classpath. */
    public static BreastCancerData load() {
        try (InputStream in = BreastCancerData.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the data set " + RESOURCE + " is not on the classpath");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",");
            List<double[]> rows = new ArrayList<>();
            List<Integer> labels = new ArrayList<>();
            int line = 1;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                String[] cells = text.split(",");
                if (cells.length != header.length) {
                    throw new IllegalStateException(RESOURCE + " line " + line + ": " + cells.length + " cells, the header has "
                            + header.length);
                }
                double[] row = new double[cells.length - 1];
                for (int j = 0; j < row.length; j++) {
                    row[j] = Double.parseDouble(cells[j]);
                }
                rows.add(row);
                labels.add(Integer.parseInt(cells[cells.length - 1]));
            }
            return new BreastCancerData(Arrays.asList(header).subList(0, header.length - 1),
                    rows.toArray(double[][]::new), labels.stream().mapToInt(Integer::intValue).toArray());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + RESOURCE, e);
        }
    }

    public int size() {
        return y.length;
    }
}
