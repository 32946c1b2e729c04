package dev.osprey.studydb;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.storage.Storage;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A reader of a study that another process writes, run in a JVM of its own by
 * {@link ConcurrentReadingTest}: like {@code osprey trials} run again and again, each round opens
 * the database, lists the study's trials, prints {@value #COUNT} trials milliseconds, and closes it,
 * until the study holds {@code until} trials. Arguments {@code location=... study=... until=N}.
 */
public final class StudyLister {

    static final String COUNT = "COUNT";

    private StudyLister() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String location = args[0].substring("location=".length());
        String study = args[1].substring("study=".length());
        int until = Integer.parseInt(args[2].substring("until=".length()));
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the test is alive
                }
            } catch (java.io.IOException e) {
                // gone as well
            }
            Runtime.getRuntime().halt(3);
        }, "orphan-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        for (int count = 0; count < until; ) {
            long t0 = System.nanoTime();
            try (Storage storage = Storages.openExisting(location)) {
                if (storage.findStudy(study).isPresent()) {
                    try (Study loaded = Study.builder().name(study).storage(storage).heartbeatOff().load()) {
                        count = loaded.trials().size();
                    }
                }
            }
            out.println(COUNT + " " + count + " " + (System.nanoTime() - t0) / 1_000_000);
        }
        System.exit(0);
    }
}
