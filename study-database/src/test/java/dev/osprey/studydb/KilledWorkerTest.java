package dev.osprey.studydb;

import dev.osprey.optimizer.Budget;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import dev.osprey.optimizer.sampler.Samplers;
import dev.osprey.optimizer.storage.Storage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A worker process killed with SIGKILL in the middle of a trial: its heartbeat stops, the next
 * worker to start a trial once the grace period has passed fails the trial, naming the missing
 * heartbeat, and runs its parameters again, exactly once.
 */
class KilledWorkerTest extends WithPostgres {

    private static final Duration INTERVAL = Duration.ofMillis(100);
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SECRET = "killed-worker-secret";
    private static final String STUDY = "killed-mid-trial";
    /** The victim runs this many trials, then blocks in the next one. */
    private static final int BEFORE_BLOCK = 3;
    private static final int TRIALS = 10;

    @TempDir
    Path directory;

    @Test
    void theTrialOfAKilledWorkerFailsAndRunsAgainOnceOnAnH2Server() throws Exception {
        try (H2Server server = H2Server.builder().directory(directory.resolve("server")).port(0).password(SECRET)
                .start()) {
            killMidTrialAndRecover(SharedDatabase.of(server, SECRET));
        }
    }

    @Test
    void theTrialOfAKilledWorkerFailsAndRunsAgainOnceOnPostgres() throws Exception {
        killMidTrialAndRecover(SharedDatabase.of(PostgresTestDatabase.require(postgres)));
    }

    private void killMidTrialAndRecover(SharedDatabase database) throws Exception {
        ToldTrial blocked;
        List<String[]> toldByVictim;
        Instant killedAt;
        try (WorkerProcess victim = WorkerProcess.start("victim", directory, database, List.of("study=" + STUDY,
                "trials=" + TRIALS, "heartbeat=" + INTERVAL.toMillis() + "," + GRACE.toMillis(), "retries=1",
                "block=" + BEFORE_BLOCK))) {
            victim.awaitOutput("its trial blocked", lines -> lines.stream().anyMatch(
                    line -> line.startsWith(StudyWorker.BLOCKED + " ")), PATIENCE);
            String[] line = victim.lines(StudyWorker.BLOCKED).get(0);
            blocked = new ToldTrial(Integer.parseInt(line[1]), TrialState.RUNNING, null, Double.valueOf(line[2]),
                    Integer.valueOf(line[3]));
            assertEquals(BEFORE_BLOCK, blocked.number(), "the victim was alone in the study");
            awaitRenewedHeartbeat(database, blocked.number(), victim);
            victim.kill();
            killedAt = Instant.now();
            toldByVictim = victim.lines(StudyWorker.TOLD);
        }

        try (Storage storage = database.open()) {
            long studyId = storage.findStudy(STUDY).orElseThrow().id();
            TrialRecord killed = storage.trialsChangedSince(studyId, 0).trials().stream()
                    .filter(t -> t.number() == blocked.number()).findFirst().orElseThrow();
            assertEquals(blocked, ToldTrial.of(killed), "the killed trial is RUNNING with the parameters it suggested");
            assertTrue(heartbeatOf(database, blocked.number()).compareTo(killedAt) <= 0,
                    "a dead worker renews nothing");

            // real time, moved on by the grace period: at its first reading (after the kill) the victim's
            // last heartbeat is older than the grace period, as it would be after waiting that long
            InstantSource clock = InstantSource.offset(InstantSource.system(), GRACE.plusMillis(1));
            Study survivor = Study.builder().name(STUDY).storage(storage).sampler(Samplers.random()).clock(clock)
                    .heartbeat(INTERVAL, GRACE).retryFailedTrials(1).load();
            List<TrialRecord> ran = new ArrayList<>();
            List<TrialState> killedStateWhenFirstTrialRan = new ArrayList<>();
            try {
                survivor.optimize(trial -> {
                    if (killedStateWhenFirstTrialRan.isEmpty()) {
                        killedStateWhenFirstTrialRan.add(storage.trial(killed.id()).state());
                    }
                    return StudyWorker.OBJECTIVE.evaluate(trial);
                }, Budget.trials(TRIALS), (study, trial) -> ran.add(trial));
            } finally {
                survivor.close();
            }
            assertEquals(List.of(TrialState.FAIL), killedStateWhenFirstTrialRan,
                    "the first trial started after the grace period found the killed trial failed");

            TrialRecord failed = storage.trial(killed.id());
            assertEquals(TrialState.FAIL, failed.state());
            String reason = failed.failReason().orElseThrow();
            assertTrue(reason.contains("no heartbeat") && reason.contains(GRACE.toString()), reason);
            assertTrue(failed.end().orElseThrow().isAfter(killedAt.plus(GRACE)), "failed only after the grace period");
            assertEquals(new ToldTrial(blocked.number(), TrialState.FAIL, null, blocked.x(), blocked.k()),
                    ToldTrial.of(failed), "failing it changed nothing but its state");

            List<TrialRecord> trials = survivor.trials();
            assertEquals(IntStream.range(0, TRIALS).boxed().toList(), trials.stream().map(TrialRecord::number).toList());
            List<TrialRecord> retries = trials.stream().filter(t -> t.retriedFrom().isPresent()).toList();
            assertEquals(1, retries.size(), () -> "one retry: " + retries);
            TrialRecord retry = retries.get(0);
            assertEquals(OptionalInt.of(blocked.number()), retry.retriedFrom());
            assertEquals(List.of(blocked.number()), retry.retryHistory());
            assertEquals(retry.number(), ran.get(0).number(), "the survivor ran the retry first");
            assertEquals(new ToldTrial(retry.number(), TrialState.COMPLETE,
                    StudyWorker.value(blocked.x(), blocked.k()), blocked.x(), blocked.k()), ToldTrial.of(retry),
                    "the retry ran the killed trial's parameters");

            for (TrialRecord trial : trials) {
                if (trial.number() != blocked.number()) {
                    assertEquals(TrialState.COMPLETE, trial.state(), () -> "trial " + trial.number() + ": " + trial);
                }
            }
            List<ToldTrial> toldBefore = toldByVictim.stream().map(ToldTrial::parse).toList();
            assertEquals(trials.subList(0, BEFORE_BLOCK).stream().map(ToldTrial::of).toList(), toldBefore,
                    "the victim's finished trials are stored as it told them");
            assertEquals(TRIALS - BEFORE_BLOCK - 1, ran.size(), "the survivor ran the rest of the budget");
        }
    }

    /** Waits until the victim's heartbeat thread has renewed the lease of the blocked trial at least once. */
    private static void awaitRenewedHeartbeat(SharedDatabase database, int number, WorkerProcess victim)
            throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        try (Connection connection = connect(database)) {
            while (true) {
                Instant[] times = startAndHeartbeat(connection, number);
                if (times[1] != null && times[1].isAfter(times[0])) {
                    return;
                }
                if (System.nanoTime() > deadline) {
                    fail("the victim never renewed the lease of trial " + number + " (started " + times[0]
                            + ", heartbeat " + times[1] + ")" + victim.describeStderr());
                }
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos()); // polling the condition, with a deadline
            }
        }
    }

    private static Instant heartbeatOf(SharedDatabase database, int number) throws Exception {
        try (Connection connection = connect(database)) {
            return startAndHeartbeat(connection, number)[1];
        }
    }

    private static Connection connect(SharedDatabase database) throws Exception {
        Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
        connection.setAutoCommit(true);
        return connection;
    }

    /** The start and the last heartbeat of a trial of the study, straight from the trials table. */
    private static Instant[] startAndHeartbeat(Connection connection, int number) throws Exception {
        try (PreparedStatement select = connection.prepareStatement("SELECT t.datetime_start, t.heartbeat FROM trials t"
                + " JOIN studies s ON s.study_id = t.study_id WHERE s.study_name = ? AND t.number = ?")) {
            select.setString(1, STUDY);
            select.setInt(2, number);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "trial " + number + " is stored");
                return new Instant[] {SqlCodec.getTime(row, 1), SqlCodec.getTime(row, 2)};
            }
        }
    }
}
