package dev.osprey.benchmarks.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Storage locations generated from the seeded random, given to {@code osprey studies --storage X}
 * in an empty directory: H2 settings that run code or write files ({@code INIT=RUNSCRIPT},
 * {@code TRACE_LEVEL_FILE}, ...), PostgreSQL driver parameters that load classes or write files,
 * unknown parameters, other H2 file systems, malformed and {@code http://} URLs, odd characters.
 * Each must be refused or accepted with a one-line message and no stack trace (exit 2 whenever it
 * holds something storage.md says is refused; 0, or 1 for a database that is not there, otherwise);
 * no script may run (the marker files they would write never appear) and a read command may create
 * no file or folder at all. A plain path is made to exist first, so that what follows a {@code ;} in
 * it is read as a file name and must never reach H2 as a setting; every other plain path goes to
 * {@code osprey create-study} instead, which may make that one file and its folders and nothing else.
 */
final class StorageUrlFuzz implements Scenario {

    /** A piece of a location and whether storage.md says a location holding it is refused. */
    private record Piece(String text, boolean refused) {
    }

    /**
     * A generated location; {@code plainPath} when it is a file path, which the fuzz makes exist
     * (a copy of an empty study database) so that opening it is not cut short by "no database".
     */
    private record Generated(String location, boolean refused, boolean plainPath) {
    }

    @Override
    public String name() {
        return "storage URL fuzz (osprey studies, create-study --storage)";
    }

    @Override
    public String fault() {
        return "generated storage URLs given to osprey studies and create-study";
    }

    @Override
    public Outcome run(Context context) throws Exception {
        long t0 = System.nanoTime();
        Path dir = context.dir("url-fuzz");
        Path logs = context.dir("url-fuzz-logs");
        Path home = Path.of(System.getProperty("user.home"), "osprey-fuzz-" + context.seed());
        // an empty but real study database, copied under each plain path the fuzz generates: a path is
        // a file name, and whatever it holds (a ';', an H2 setting) must stay part of the name
        Path template = dir.resolve("template").resolve("studies");
        Driver.Ended made = context.osprey().run(dir, Map.of(), logs, Duration.ofSeconds(60),
                List.of("create-study", "--study", "fuzz", "--storage", template.toString()));
        if (made.exitCode() != 0) {
            throw new IllegalStateException("could not make the template database: " + made.describe());
        }
        SplittableRandom random = context.random(name());
        int cases = context.quick() ? 12 : 30;
        int survived = 0;
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            // a script of its own per case, whose marker is new whenever that case runs it
            Path script = dir.resolve("evil-" + i + ".sql");
            Files.writeString(script, "SCRIPT TO '" + dir.resolve("marker-" + i + ".sql") + "';\n");
            Generated g = generate(random, dir, script, home, i);
            Path cwd = Files.createDirectories(dir.resolve("cwd-" + i));
            // every other plain path is given to a command that writes, create-study: it may make the
            // database file the path names and its folders, and nothing else
            boolean write = g.plainPath() && i % 2 == 1;
            Path file = g.plainPath() ? Path.of(g.location() + ".mv.db") : null;
            if (g.plainPath() && !write) {
                Files.createDirectories(file.getParent());
                Files.copy(template.resolveSibling("studies.mv.db"), file);
            }
            Set<String> before = tree(dir);
            Driver.Ended ended = context.osprey().run(cwd, Map.of(), logs, Duration.ofSeconds(60), write
                    ? List.of("create-study", "--study", "fuzz", "--storage", g.location())
                    : List.of("studies", "--storage", g.location()));
            Set<String> created = tree(dir);
            created.removeAll(before);
            if (write) {
                // H2 logs the schema probe of a new database to NAME.trace.db beside it: a known side
                // file of that one database, not a setting applied
                created.remove(dir.relativize(Path.of(g.location() + ".trace.db")).toString());
                for (Path p = file; p != null && p.startsWith(dir) && !p.equals(dir); p = p.getParent()) {
                    created.remove(dir.relativize(p).toString());
                }
            }
            List<String> caseProblems = new ArrayList<>();
            String shown = "'" + g.location().replace("\n", "\\n").replace("\t", "\\t") + "'";
            if (ended.timedOut() || ended.exitCode() != 0 && ended.exitCode() != 1 && ended.exitCode() != 2) {
                caseProblems.add(shown + ": " + ended.describe());
            } else if (g.refused() && ended.exitCode() != 2) {
                caseProblems.add(shown + " holds what storage.md refuses, but " + ended.describe());
            }
            if (ended.hasStackTrace()) {
                caseProblems.add(shown + ": a stack trace: " + ended.describe());
            }
            List<String> errors = ended.errorLines();
            if (ended.exitCode() != 0 && (errors.size() != 1 || !errors.getFirst().startsWith("osprey:"))) {
                caseProblems.add(shown + ": not one 'osprey:' line but " + errors.size() + " line(s): "
                        + Driver.Ended.abbreviate(String.join(" / ", errors), 300));
            }
            if (!created.isEmpty()) {
                caseProblems.add(shown + ": " + (write ? "create-study created more than its database: "
                        : "a read command created ") + created);
            }
            if (Files.exists(home)) {
                caseProblems.add(shown + ": created " + home);
            }
            if (caseProblems.isEmpty()) {
                survived++;
            }
            problems.addAll(caseProblems);
        }
        context.progress().accept(name() + ": " + survived + "/" + cases + " locations handled as promised");
        return new Outcome(name(), fault(), cases, survived, 0, 0, null, problems, (System.nanoTime() - t0) / 1e9);
    }

    private static Generated generate(SplittableRandom random, Path dir, Path script, Path home, int i) {
        String path = dir.resolve("db-" + i).toString();
        if (random.nextInt(4) == 0) {
            // an odd character in the path part: a space, quotes, shell syntax, non-ASCII, escapes
            List<String> odd = List.of(" ", "\t", "\u00e9", "\u4e2d", "\ud83d\ude00", "'", "\"", "`", "$(touch "
                    + dir.resolve("marker-shell") + ")", "%00", "%3B", "\\", "\n", "..", "*", "?");
            path = path + odd.get(random.nextInt(odd.size())) + "x";
        }
        List<Piece> bases = List.of(
                new Piece(path, false),
                new Piece("jdbc:h2:" + path, false),
                new Piece("jdbc:h2:file:" + path, false),
                new Piece("jdbc:h2:mem:fuzz-" + i, false),
                new Piece("jdbc:h2:tcp://127.0.0.1:1/fuzz", false),
                new Piece("jdbc:h2:~/" + home.getFileName() + "/db", false),
                new Piece("jdbc:h2:zip:" + path + ".zip!/db", true),
                new Piece("jdbc:h2:split:" + path, true),
                new Piece("jdbc:h2:nio:" + path, true),
                new Piece("jdbc:postgresql://127.0.0.1:1/db", false),
                new Piece("jdbc:postgresql://fuzz:secret@127.0.0.1:1/db", true),
                new Piece("jdbc:", false), new Piece("jdbc:h2:", false), new Piece("jdbc:postgresql:", false),
                new Piece("jdbc:postgresql://", false), new Piece("jdbc:mysql://127.0.0.1:1/db", false),
                new Piece("http://127.0.0.1:1/studies", false), new Piece("https://example.invalid/studies?x=1", false),
                new Piece("file://" + path, false), new Piece("", false), new Piece(" ", false), new Piece(";", false));
        // plain paths a third of the time: they are what a user types most, and their names may hold anything
        Piece base = random.nextInt(3) == 0 ? bases.getFirst() : bases.get(random.nextInt(bases.size()));
        boolean h2 = base.text().startsWith("jdbc:h2:") && base.text().length() > "jdbc:h2:".length()
                || base.text().equals(path);
        boolean pg = base.text().startsWith("jdbc:postgresql://") && base.text().length() > "jdbc:postgresql://".length();
        StringBuilder location = new StringBuilder(base.text());
        boolean refused = base.refused();
        if (h2 || pg) {
            List<Piece> params = h2 ? List.of(
                    // INIT runs its SQL as an update, so RUNSCRIPT (not a bare SCRIPT TO) is what would write the marker
                    new Piece("INIT=RUNSCRIPT FROM '" + script + "'", true),
                    new Piece("init=runscript from '" + script + "'", true),
                    new Piece(" INIT = RUNSCRIPT FROM '" + script + "'", true),
                    new Piece("INIT=CREATE SCHEMA IF NOT EXISTS FUZZ\\;RUNSCRIPT FROM '" + script + "'", true),
                    new Piece("TRACE_LEVEL_FILE=3", true), new Piece("AUTO_SERVER=TRUE", true),
                    new Piece("MODE=MySQL", true), new Piece("ACCESS_MODE_DATA=rws", true),
                    new Piece("FILE_LOCK=NO", true), new Piece("FUZZ_UNKNOWN=1", true),
                    new Piece("LOCK_TIMEOUT=1000", false), new Piece("CACHE_SIZE=1024", false),
                    new Piece("IFEXISTS=TRUE", false), new Piece("WRITE_DELAY=0", false))
                    : List.of(
                    new Piece("socketFactory=org.h2.Driver", true),
                    new Piece("loggerFile=" + dir.resolve("marker-pg.log"), true), new Piece("loggerLevel=TRACE", true),
                    new Piece("sslfactory=org.h2.Driver", true), new Piece("fuzzUnknown=1", true),
                    new Piece("connectTimeout=1", false), new Piece("ApplicationName=fuzz", false),
                    new Piece("sslmode=disable", false));
            // a plain path given to create-study always carries settings: that is where one applied would run code
            int n = base.text().equals(path) && i % 2 == 1 ? 1 + random.nextInt(3) : random.nextInt(4);
            for (int k = 0; k < n; k++) {
                Piece p = params.get(random.nextInt(params.size()));
                location.append(h2 ? ";" : k == 0 ? "?" : "&").append(p.text());
                // after a plain path, a setting is part of the file's name: nothing to refuse, nothing to apply
                refused |= p.refused() && !base.text().equals(path);
            }
        }
        return new Generated(location.toString(), refused, base.text().equals(path));
    }

    /** Every file and folder under {@code dir}, as relative paths. */
    private static Set<String> tree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.map(p -> dir.relativize(p).toString()).collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }
}
