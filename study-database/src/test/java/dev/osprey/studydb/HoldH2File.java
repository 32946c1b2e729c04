package dev.osprey.studydb;

import java.sql.Connection;
import java.sql.DriverManager;

/** Run in a second JVM by {@link H2FileFaultsTest}: opens an H2 file, says "ready", holds it until stdin closes. */
public final class HoldH2File {

    private HoldH2File() {
    }

    public static void main(String[] args) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + args[0], "sa", "")) {
            System.out.println(connection.isValid(5) ? "ready" : "not ready");
            System.out.flush();
            while (System.in.read() >= 0) {
                // hold the file until the parent closes our stdin
            }
        }
    }
}
