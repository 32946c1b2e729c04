package dev.osprey.optimizer;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves forward by a fixed step each time it is read, so time passes without waiting. */
final class TickingClock implements InstantSource {

    static final Instant ORIGIN = Instant.parse("2024-05-01T00:00:00Z");

    private final Duration step;
    private final AtomicLong reads = new AtomicLong();

    TickingClock(Duration step) {
        this.step = step;
    }

    @Override
    public Instant instant() {
        return ORIGIN.plus(step.multipliedBy(reads.getAndIncrement()));
    }
}
