package dev.osprey.optimizer;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Runs test bodies on several threads released at the same instant, and rethrows what any of them threw. */
public final class Workers {

    /** A worker's body; {@code worker} is its index, 0 to n - 1. */
    @FunctionalInterface
    public interface Body {
        void run(int worker) throws Exception;
    }

    private Workers() {
    }

    /** Starts {@code n} threads, lets them run {@code body} together, waits for all and fails if any failed. */
    public static void runTogether(int n, Body body) throws InterruptedException {
        CyclicBarrier start = new CyclicBarrier(n);
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int worker = i;
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                    body.run(worker);
                } catch (Throwable e) {
                    failures.add(e);
                }
            }, "worker-" + i);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError(failures.size() + " worker(s) failed", failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }

    /**
     * Blocks until {@code latch} reaches zero, which the other workers bring about; fails rather than
     * hanging if they never do (a deadlock guard, not a timing assertion).
     */
    public static void meet(CountDownLatch latch) throws InterruptedException {
        latch.countDown();
        assertTrue(latch.await(30, TimeUnit.SECONDS), "the other workers never arrived");
    }
}
