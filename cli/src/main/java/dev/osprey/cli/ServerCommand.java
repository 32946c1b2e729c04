package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.studydb.H2Server;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code osprey server}: an H2 TCP server so that workers on several machines share one study database. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Serve a study database over H2's TCP protocol until stopped (Ctrl-C).",
                "Loopback only unless --allow-others; a password is required ($OSPREY_STORAGE_PASSWORD, else typed",
                "at the terminal). Workers log in as --user, which reads and writes the study tables only."})
final class ServerCommand implements Callable<Integer> {

    private final OspreyCli.Context context;
    @Option(names = "--dir", paramLabel = "DIR", description = "Where the database file lives (default ./osprey-studies).")
    Path dir = Path.of("osprey-studies");
    @Option(names = "--database", paramLabel = "NAME", description = "The database name (default studies).")
    String database = "studies";
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 9092; 0 picks a free one).")
    int port = 9092;
    @Option(names = "--user", paramLabel = "USER", description = "The workers' database user (default osprey).")
    String user = "osprey";
    @Option(names = "--allow-others", description = "Accept connections from other machines (protect the port!);"
            + " needs a strong password: at least 16 characters, 8 different, of two kinds.")
    boolean allowOthers;

    ServerCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        String password = password();
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
            PrintStream out = context.out();
            out.println("serving " + server.databaseFile() + " at " + server.url());
            out.println("workers: --storage '" + server.url() + "' with $" + Storages.USER_ENV + "=" + server.user()
                    + " and $" + Storages.PASSWORD_ENV + "; user " + server.user() + " reads and writes the study"
                    + " tables and nothing else (the database's admin never leaves this host)");
            if (allowOthers) {
                out.println("exposed: port " + server.port() + " on every interface of this host, to every host that"
                        + " can reach it; anyone who knows the password can read and change the studies."
                        + " Workers on other hosts use this host's name in place of 127.0.0.1");
            }
            out.flush();
            stopped.await();
        }
        return OspreyCli.OK;
    }

    /** The workers' password: from the environment, else typed at the terminal, never echoed. */
    private String password() {
        String password = System.getenv(Storages.PASSWORD_ENV);
        if (password == null || password.isEmpty()) {
            password = Console.readPassword("password for the workers' database user " + user + ": ").orElse(null);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("osprey server needs the password of the workers' database user: set"
                    + " it in $" + Storages.PASSWORD_ENV + " (workers use the same variable), or start the server"
                    + " on a terminal to type it; a server without a password is not started");
        }
        return password;
    }
}
