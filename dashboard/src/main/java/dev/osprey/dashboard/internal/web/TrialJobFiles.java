package dev.osprey.dashboard.internal.web;

import dev.osprey.optimizer.trial.TrialRecord;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a trial's job directory holds, when a launcher wrote one (the sweeper stores it as the
 * {@value #JOB_DIR_ATTR} user attribute): the composed config, the overrides, and the tails of the
 * program's logs.
 */
final class TrialJobFiles {

    static final String JOB_DIR_ATTR = "osprey.job_dir";
    static final int TAIL_BYTES = 16 * 1024;
    private static final Map<String, String> FILES = Map.of("config", ".osprey/config.yaml",
            "overrides", ".osprey/overrides.yaml", "stdout", "stdout.log", "stderr", "stderr.log");

    private TrialJobFiles() {
    }

    /** File label to text (the end of the logs), for the files that exist; empty without a job directory. */
    static Map<String, String> of(TrialRecord trial) {
        Map<String, String> out = new LinkedHashMap<>();
        if (!(trial.userAttrs().get(JOB_DIR_ATTR) instanceof String dir)) {
            return out;
        }
        out.put("directory", dir);
        for (String label : new String[] {"config", "overrides", "stdout", "stderr"}) {
            Path file = Path.of(dir).resolve(FILES.get(label));
            if (Files.isRegularFile(file)) {
                out.put(label, tail(file));
            }
        }
        return out;
    }

    private static String tail(Path file) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long from = Math.max(0, length - TAIL_BYTES);
            byte[] bytes = new byte[(int) (length - from)];
            in.seek(from);
            in.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            return from > 0 ? "... (last " + TAIL_BYTES / 1024 + " KiB)\n" + text.substring(text.indexOf('\n') + 1) : text;
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
