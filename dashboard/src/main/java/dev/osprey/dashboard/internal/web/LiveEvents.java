package dev.osprey.dashboard.internal.web;

import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Server-sent events for live pages: each open stream re-reads its study's changes every
 * {@code pollEvery} (a query of the trials changed since the last read, cheap when none did) and
 * sends an event at once when there were some, and a comment every 15 s so that
 * closed pages are noticed. One virtual thread per open page.
 */
final class LiveEvents implements AutoCloseable {

    private static final long KEEPALIVE_MILLIS = 15_000;
    private final Duration pollEvery;
    private volatile boolean closed;

    LiveEvents(Duration pollEvery) {
        this.pollEvery = pollEvery;
    }

    /**
     * Streams the changes of {@code watch}'s study; each event carries the study's summary as
     * {@code study} (what the page would ask for next), so that the page saves a round trip.
     */
    void stream(HttpExchange exchange, StudyWatch watch, java.util.function.Function<StudyWatch, byte[]> summary)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        long sent = -1;
        long quietSince = System.currentTimeMillis();
        try {
            while (!closed) {
                try {
                    watch.refresh();
                } catch (RuntimeException e) {
                    // the storage is out of reach for now (a sweep that served the file ended, and the
                    // storage reconnects): the page keeps what it shows and the stream tries again
                }
                long version = watch.version();
                if (version != sent) {
                    String event = "data: {\"version\":" + version + ",\"trials\":" + watch.trials().size()
                            + ",\"study\":" + new String(summary.apply(watch), StandardCharsets.UTF_8) + "}\n\n";
                    out.write(event.getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    sent = version;
                    quietSince = System.currentTimeMillis();
                } else if (System.currentTimeMillis() - quietSince > KEEPALIVE_MILLIS) {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    quietSince = System.currentTimeMillis();
                }
                Thread.sleep(pollEvery);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the page was closed: its stream ends here
        }
    }

    @Override
    public void close() {
        closed = true;
    }
}
