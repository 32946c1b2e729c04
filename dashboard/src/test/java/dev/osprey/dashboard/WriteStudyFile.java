package dev.osprey.dashboard;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A sweep's stand-in in its own JVM: opens an H2 study file as a writer (so it serves the file to
 * other processes), adds trials to a study, says {@code opened N}, waits for a line on stdin, adds
 * more trials, closes the storage and says {@code closed}. Arguments: FILE STUDY FIRST MORE.
 */
public final class WriteStudyFile {

    private WriteStudyFile() {
    }

    public static void main(String[] args) throws Exception {
        int first = Integer.parseInt(args[2]);
        int more = Integer.parseInt(args[3]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (Storage storage = Storages.open(args[0])) {
            SampleStudies.singleObjective(storage, args[1], first, 1);
            System.out.println("opened " + first);
            System.out.flush();
            if (in.readLine() == null) {
                return; // the test is gone
            }
            SampleStudies.add(storage, storage.findStudy(args[1]).orElseThrow(), more, 2);
        }
        System.out.println("closed");
        System.out.flush();
    }
}
