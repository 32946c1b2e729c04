package dev.osprey.benchmarks.reliability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Eight drivers ({@code osprey run -m} processes) sweep one grid study at once, started together in
 * one directory as a user's eight workers would be: the study must end with exactly the budget,
 * no point run twice, no trial RUNNING. On PostgreSQL, and on an H2 server started with
 * {@code osprey server} (an H2 file serves one process at a time, storage.md says).
 */
final class ManyDriversScenario implements Scenario {

    static final int DRIVERS = 8;
    static final int BUDGET = 32;
    private static final Pattern SERVING = Pattern.compile("(?m)^serving .* at (jdbc:h2:tcp://\\S+)");

    private final boolean postgres;

    ManyDriversScenario(boolean postgres) {
        this.postgres = postgres;
    }

    @Override
    public String name() {
        return DRIVERS + " drivers on one study (" + (postgres ? "PostgreSQL" : "H2 server") + ")";
    }

    @Override
    public String fault() {
        return DRIVERS + " drivers on one grid study at once, " + (postgres ? "PostgreSQL" : "H2 server");
    }

    @Override
    public Outcome run(Context context) throws Exception {
        if (postgres && context.postgres().isEmpty()) {
            return Outcome.withoutPostgres(this);
        }
        long t0 = System.nanoTime();
        Path dir = context.dir(postgres ? "drivers-pg" : "drivers-h2");
        Context.writeConfig(dir);
        Driver server = null;
        Backend backend;
        if (postgres) {
            backend = context.postgres().get().freshSchema("rel_drivers");
        } else {
            byte[] secret = new byte[16];
            ThreadLocalRandom.current().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            Driver started = context.osprey().start(dir, Map.of("OSPREY_STORAGE_PASSWORD", password), dir.resolve("logs"),
                    List.of("server", "--dir", dir.resolve("server").toString(), "--port", "0"));
            server = started;
            try {
                Waits.until("osprey server to print its URL", Duration.ofSeconds(60),
                        () -> !started.alive() || SERVING.matcher(started.stdout()).find());
            } catch (Waits.TimedOut e) {
                server.stop(Duration.ofSeconds(10));
                throw new IllegalStateException(e.getMessage() + "; server said: " + started.stdout() + started.stderr());
            }
            Matcher m = SERVING.matcher(started.stdout());
            if (!m.find()) {
                throw new IllegalStateException("osprey server ended at once: " + started.stdout() + started.stderr());
            }
            backend = new Backend("H2 server", m.group(1),
                    Map.of("OSPREY_STORAGE_USER", "osprey", "OSPREY_STORAGE_PASSWORD", password));
        }
        List<String> problems = new ArrayList<>();
        StudyAudit audit;
        try {
            List<String> command = Sweeps.grid(backend, "shared", 48, BUDGET, 1, "0.1", List.of());
            List<Driver> drivers = new ArrayList<>();
            for (int i = 0; i < DRIVERS; i++) {
                drivers.add(context.osprey().start(dir, backend.env(), dir.resolve("logs"), command));
            }
            for (Driver driver : drivers) {
                Driver.Ended ended = driver.await(Duration.ofSeconds(240));
                if (ended.exitCode() != 0 || ended.hasStackTrace()) {
                    problems.add("a driver " + ended.describe());
                }
            }
            audit = StudyAudit.of(backend, "shared", dir, dir, OptionalInt.of(BUDGET), true);
        } finally {
            if (server != null) {
                server.stop(Duration.ofSeconds(20));
            }
        }
        problems.addAll(audit.problems());
        context.progress().accept(name() + ": " + audit.states());
        return new Outcome(name(), fault(), 1, problems.isEmpty() ? 1 : 0, audit.lost(), audit.doubled(), null,
                problems, (System.nanoTime() - t0) / 1e9);
    }
}
