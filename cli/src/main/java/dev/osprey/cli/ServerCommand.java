package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.studydb.H2Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code osprey server}: an H2 TCP server so that workers on several machines share one study database. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Serve a study database over H2's TCP protocol until stopped (Ctrl-C).",
                "Loopback only unless --allow-others; a password is required (from $OSPREY_STORAGE_PASSWORD)."})
final class ServerCommand implements Callable<Integer> {

    private final OspreyCli.Context context;
    @Option(names = "--dir", paramLabel = "DIR", description = "Where the database file lives (default ./osprey-studies).")
    Path dir = Path.of("osprey-studies");
    @Option(names = "--database", paramLabel = "NAME", description = "The database name (default studies).")
    String database = "studies";
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 9092; 0 picks a free one).")
    int port = 9092;
    @Option(names = "--user", paramLabel = "USER", description = "Database user (default osprey).")
    String user = "osprey";
    @Option(names = "--allow-others", description = "Accept connections from other machines (protect the port!).")
    boolean allowOthers;

    ServerCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        String password = System.getenv(Storages.PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("set the database password in $" + Storages.PASSWORD_ENV
                    + " (workers use the same variable); a server without a password is not started");
        }
        var builder = H2Server.builder().directory(dir).database(database).port(port).user(user).password(password);
        if (allowOthers) {
            builder.allowOthers();
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (H2Server server = builder.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }));
            context.out().println("serving " + server.databaseFile() + " at " + server.url());
            context.out().println("workers: --storage '" + server.url() + "' with $" + Storages.USER_ENV + "=" + user
                    + " and $" + Storages.PASSWORD_ENV);
            context.out().flush();
            stopped.await();
        }
        return OspreyCli.OK;
    }
}
