package dev.osprey.studydb;

import dev.osprey.optimizer.space.PlainValues;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNotFoundException;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.TrialRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A study's trials as a table, in CSV or JSON, ordered by number. Columns, as in Optuna's
 * trials data frame: {@code number}, {@code state}, {@code value} (or {@code values_0},
 * {@code values_1}, ... for several objectives), {@code params_<name>} for every parameter in
 * the order they first appear, {@code user_attrs_<key>} likewise, {@code datetime_start},
 * {@code datetime_complete} (ISO-8601, UTC) and {@code duration} (seconds). Missing cells are
 * empty in CSV and absent in JSON. CSV lines end with {@code \n}; fields with commas, quotes or
 * line breaks are quoted (RFC 4180). JSON writes NaN and the infinities as Python does.
 */
public final class StudyExport {

    private StudyExport() {
    }

    /** The study's trials as CSV. */
    public static String csv(Storage storage, String studyName) {
        StringBuilder out = new StringBuilder();
        writeCsv(storage, studyName, out);
        return out.toString();
    }

    /** Writes the study's trials as CSV to {@code out}. */
    public static void writeCsv(Storage storage, String studyName, Appendable out) {
        Table table = Table.of(storage, studyName);
        try {
            writeCsvLine(out, table.columns());
            for (TrialRecord trial : table.trials()) {
                List<String> cells = new ArrayList<>();
                for (Object cell : table.row(trial).values()) {
                    cells.add(text(cell));
                }
                writeCsvLine(out, cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV of study '" + studyName + "'", e);
        }
    }

    /** The study's trials as JSON: {@code {"study": ..., "directions": [...], "trials": [{...}, ...]}}. */
    public static String json(Storage storage, String studyName) {
        Table table = Table.of(storage, studyName);
        List<Object> rows = new ArrayList<>();
        for (TrialRecord trial : table.trials()) {
            Map<String, Object> row = new LinkedHashMap<>();
            table.row(trial).forEach((column, cell) -> {
                if (cell != null) {
                    row.put(column, cell);
                }
            });
            rows.add(row);
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("study", table.study().name());
        document.put("directions", table.study().directions().stream().map(Direction::name).toList());
        document.put("user_attrs", table.study().userAttrs());
        document.put("trials", rows);
        return StoredJson.write(PlainValues.normalize(document));
    }

    /** Writes the study's trials as JSON to {@code out}. */
    public static void writeJson(Storage storage, String studyName, Appendable out) {
        try {
            out.append(json(storage, studyName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the JSON of study '" + studyName + "'", e);
        }
    }

    /** The study, its trials by number and the columns they fill. */
    private record Table(StudyInfo study, List<TrialRecord> trials, List<String> params, List<String> userAttrs) {

        static Table of(Storage storage, String name) {
            StudyInfo study = storage.findStudy(name).orElseThrow(() -> new StudyNotFoundException(name,
                    storage.studies().stream().map(StudyInfo::name).toList()));
            List<TrialRecord> trials = storage.trialsChangedSince(study.id(), 0).trials().stream()
                    .sorted(Comparator.comparingInt(TrialRecord::number)).toList();
            Set<String> params = new LinkedHashSet<>();
            Set<String> attrs = new LinkedHashSet<>();
            for (TrialRecord trial : trials) {
                params.addAll(trial.params().keySet());
                attrs.addAll(trial.userAttrs().keySet());
            }
            return new Table(study, trials, List.copyOf(params), List.copyOf(attrs));
        }

        List<String> columns() {
            return List.copyOf(row(null).keySet());
        }

        /** Column to cell for a trial (every column, in order; null cells are empty); null gives the header. */
        Map<String, Object> row(TrialRecord trial) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("number", trial == null ? null : trial.number());
            row.put("state", trial == null ? null : trial.state().name());
            int objectives = study.directions().size();
            for (int i = 0; i < objectives; i++) {
                Object value = trial == null || trial.values().size() <= i ? null : trial.values().get(i);
                row.put(objectives == 1 ? "value" : "values_" + i, value);
            }
            for (String param : params) {
                row.put("params_" + param, trial == null || !trial.params().containsKey(param)
                        ? null : trial.params().get(param).value());
            }
            for (String key : userAttrs) {
                row.put("user_attrs_" + key, trial == null ? null : trial.userAttrs().get(key));
            }
            Optional<Instant> start = trial == null ? Optional.empty() : trial.start();
            Optional<Instant> end = trial == null ? Optional.empty() : trial.end();
            row.put("datetime_start", start.map(Instant::toString).orElse(null));
            row.put("datetime_complete", end.map(Instant::toString).orElse(null));
            row.put("duration", start.isPresent() && end.isPresent() ? seconds(Duration.between(start.get(), end.get()))
                    : null);
            return row;
        }
    }

    private static Double seconds(Duration duration) {
        return new BigDecimal(duration.getSeconds()).add(BigDecimal.valueOf(duration.getNano(), 9)).doubleValue();
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof String || cell instanceof Number || cell instanceof Boolean) {
            return String.valueOf(cell);
        }
        return StoredJson.write(PlainValues.normalize(cell));
    }

    private static void writeCsvLine(Appendable out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String cell = cells.get(i);
            if (cell.contains(",") || cell.contains("\"") || cell.contains("\n") || cell.contains("\r")) {
                out.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                out.append(cell);
            }
        }
        out.append('\n');
    }
}
