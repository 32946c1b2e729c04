package dev.osprey.launchers.internal;

import dev.osprey.launchers.protocol.ObjectiveLines;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Follows a job's {@code stdout.log} while the job runs elsewhere, and picks out its
 * {@code osprey:report STEP VALUE} lines. Only whole lines count until the job has ended, so a
 * line being written is never read half.
 *
 * <p>Not part of the API: shared by the launchers whose jobs write their output to files.
 */
public final class ReportTail {

    /** A line longer than this cannot be a report line; it is skipped instead of buffered. */
    private static final int MAX_LINE = 64 * 1024;

    private final Path file;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private final ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
    private long offset;
    private boolean skipping;

    public ReportTail(Path file) {
        this.file = file;
    }

    /**
     * The report lines written since the last call.
     *
     * @param ended whether the job has ended, so that a last line without a newline counts too
     */
    public List<ObjectiveLines.Report> read(boolean ended) {
        List<ObjectiveLines.Report> reports = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            if (channel.size() < offset) {
                // the file was rewritten (a requeued job starts over)
                offset = 0;
                line.reset();
                skipping = false;
            }
            channel.position(offset);
            buffer.clear();
            int n;
            while ((n = channel.read(buffer)) > 0) {
                offset += n;
                buffer.flip();
                while (buffer.hasRemaining()) {
                    byte b = buffer.get();
                    if (b == '\n' || b == '\r') {
                        endLine(reports);
                    } else if (!skipping) {
                        line.write(b);
                        if (line.size() > MAX_LINE) {
                            line.reset();
                            skipping = true;
                        }
                    }
                }
                buffer.clear();
            }
        } catch (NoSuchFileException e) {
            return reports;
        } catch (IOException e) {
            // a network file system may fail a read now and then; the next poll reads on
            return reports;
        }
        if (ended) {
            endLine(reports);
        }
        return reports;
    }

    private void endLine(List<ObjectiveLines.Report> reports) {
        if (!skipping && line.size() > 0) {
            ObjectiveLines.report(line.toString(StandardCharsets.UTF_8)).ifPresent(reports::add);
        }
        line.reset();
        skipping = false;
    }
}
