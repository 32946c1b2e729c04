package dev.osprey.cli;

import dev.osprey.optimizer.Storages;
import dev.osprey.optimizer.Study;
import dev.osprey.optimizer.Trial;
import dev.osprey.optimizer.space.Distribution;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.trial.Direction;
import dev.osprey.optimizer.trial.Param;
import dev.osprey.optimizer.trial.TrialRecord;
import dev.osprey.optimizer.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WatchCommandTest {

    private static final int TRIALS = 40;

    @TempDir
    Path work;

    @Test
    void pipedOutputAppendsAViewWheneverTheStudyChangesUntilItIsDone() throws Exception {
        String storage = work.resolve("studies").toString();
        try (Storage s = Storages.open(storage)) {
            Study.builder().name("live").storage(s).heartbeatOff().create().close();
        }
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (Storage s = Storages.open(storage);
                 Study study = Study.builder().name("live").storage(s).heartbeatOff().load()) {
                // always one trial running until the last is told: the watch must not stop early
                Trial running = study.ask();
                running.suggestFloat("x", 0, 1);
                for (int i = 1; i <= TRIALS; i++) {
                    Trial next = i < TRIALS ? study.ask() : null;
                    if (next != null) {
                        next.suggestFloat("x", 0, 1);
                    }
                    pause();
                    study.tell(running, i);
                    running = next;
                }
            }
        });
        // the watch in a thread of its own (the writer holds the common pool's one thread on two cores)
        CompletableFuture<CliRunner> watching = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("watch").start(() -> watching.complete(
                CliRunner.run("watch", "live", "--storage", storage, "--interval", "0.02", "--until-done")));
        // a writer that failed leaves a trial running, which the watch would wait for for ever: say why instead
        writer.get(3, java.util.concurrent.TimeUnit.MINUTES);
        CliRunner watch = watching.get(3, java.util.concurrent.TimeUnit.MINUTES);

        assertEquals(0, watch.exitCode(), watch.toString());
        assertTrue(watch.out().startsWith("--- "), "piped views are appended under a time stamp: " + watch.out());
        assertTrue(!watch.out().contains("\033["), "no terminal codes when piped");
        List<Integer> complete = new ArrayList<>();
        Matcher m = Pattern.compile("study live: (\\d+) trials, waiting 0, running (\\d+), complete (\\d+)")
                .matcher(watch.out());
        while (m.find()) {
            complete.add(Integer.parseInt(m.group(3)));
        }
        assertTrue(complete.stream().distinct().count() >= 3, "the view followed the sweep: " + complete);
        for (int i = 1; i < complete.size(); i++) {
            assertTrue(complete.get(i) >= complete.get(i - 1), "counts only grow: " + complete);
        }
        assertEquals(TRIALS, complete.get(complete.size() - 1), watch.out());
        assertTrue(watch.out().strip().endsWith("running 0"), "the last view has nothing running: " + watch.out());
        assertTrue(watch.out().contains("best: 1.00000 (trial #0)"), watch.out());
    }

    @Test
    void aRunningTrialShowsHowLongItHasRunByTheGivenClock() {
        Instant start = Instant.parse("2026-01-01T10:00:00Z");
        TrialRecord running = trial(7, TrialState.RUNNING, List.of(), start, null, Map.of());
        TrialRecord done = trial(6, TrialState.COMPLETE, List.of(0.5), start.minusSeconds(60), start.minusSeconds(30),
                Map.of());
        TrialRecord failed = trial(5, TrialState.FAIL, List.of(), start.minusSeconds(90), start.minusSeconds(80),
                Map.of(TrialRecord.FAIL_REASON, "exit code 3: CUDA out of memory"));

        List<String> view = WatchView.render("s", List.of(Direction.MINIMIZE), List.of(failed, done, running),
                start.plusSeconds(83));

        assertEquals("study s: 3 trials, waiting 0, running 1, complete 1, pruned 0, fail 1", view.get(0));
        assertEquals("best: 0.500000 (trial #6)  {x=0.25}", view.get(1));
        assertTrue(view.contains("  #7  1m 23s  {x=0.25}"), view.toString());
        assertTrue(view.contains("  #5  exit code 3: CUDA out of memory"), view.toString());
        // two trials finished since the first start, 173 s before "now"
        assertEquals("throughput: 0.7 trials/min (last 2m 53s)", view.get(2));
        assertEquals("  #7  2h 00m  {x=0.25}", WatchView.render("s", List.of(Direction.MINIMIZE),
                List.of(running), start.plusSeconds(7200)).get(4));
    }

    private static TrialRecord trial(int number, TrialState state, List<Double> values, Instant start, Instant end,
                                     Map<String, Object> systemAttrs) {
        return new TrialRecord(number, number, state, values,
                Map.of("x", new Param(Distribution.floats(0, 1), 0.25)), new TreeMap<>(), Map.of(), systemAttrs,
                Optional.of(start), Optional.ofNullable(end));
    }

    private static void pause() {
        try {
            Thread.sleep(15); // stands for the work of a trial
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
