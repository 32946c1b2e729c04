package dev.osprey.cli;

import dev.osprey.dashboard.Dashboard;
import dev.osprey.dashboard.plot.ImportanceChoice;
import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.storage.Storage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code osprey dashboard}: the live web dashboard of a study database. */
@Command(name = "dashboard", mixinStandardHelpOptions = true,
        description = {"Serve a live web dashboard of the study database until stopped (Ctrl-C).",
                "Only this machine can open it unless --host names another address and --allow-others is given:",
                "the dashboard has no login, and shows every study to whoever reaches it."})
final class DashboardCommand implements Callable<Integer> {

    private final OspreyCli.Context context;
    @Option(names = "--storage", paramLabel = "URL|FILE",
            description = "The study database: an H2 file path, a jdbc:h2:tcp:// or jdbc:postgresql:// URL"
                    + " (default $OSPREY_STORAGE, else ./osprey-studies/studies).")
    String location;
    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 8080; 0 picks a free one).")
    int port = 8080;
    @Option(names = "--host", paramLabel = "ADDRESS", description = "The address to listen on (default 127.0.0.1).")
    String host = "127.0.0.1";
    @Option(names = "--allow-others", description = "Listen on an address other machines can reach (--host).")
    boolean allowOthers;
    @Option(names = "--importance", paramLabel = "ped-anova|fanova",
            description = "The importance panel's evaluator (default ped-anova).")
    String importance = "ped-anova";

    DashboardCommand(OspreyCli.Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws InterruptedException {
        ImportanceChoice evaluator = ImportanceChoice.parse(importance);
        boolean loopback = Dashboard.isLoopback(host);
        if (!loopback && !allowOthers) {
            throw new IllegalArgumentException("--host " + host + " is reachable from other machines, and the dashboard"
                    + " has no login: anyone who reaches it sees every study. Add --allow-others to serve it there anyway,"
                    + " or leave --host out to serve 127.0.0.1 only");
        }
        String where = location != null ? location : Storages.defaultLocation(System.getenv());
        CountDownLatch stopped = new CountDownLatch(1);
        try (Storage storage = Storages.openExisting(where);
             Dashboard dashboard = Dashboard.builder(storage).host(host).port(port).importance(evaluator).start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                dashboard.close();
                stopped.countDown();
            }));
            PrintStream out = context.out();
            if (!loopback) {
                context.err().println("WARNING: the dashboard listens on " + host + ":" + dashboard.port() + ", which"
                        + " other machines can reach; it has no login and shows every study of " + Storages.describe(where));
                context.err().flush();
            }
            out.println("dashboard of " + Storages.describe(where) + " at " + dashboard.url() + " (Ctrl-C stops it)");
            out.flush();
            stopped.await();
        }
        return OspreyCli.OK;
    }
}
