package dev.osprey.dashboard;

import dev.osprey.dashboard.internal.web.DashboardServer;
import dev.osprey.dashboard.plot.ImportanceChoice;
import dev.osprey.optimizer.storage.Storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * A running web dashboard of a storage's studies:
 * {@code try (Dashboard d = Dashboard.builder(storage).port(8080).start()) { ... d.url() ... }}.
 * It only reads the storage; pages follow new and finished trials live.
 */
public final class Dashboard implements AutoCloseable {

    private final DashboardServer server;
    private final String host;

    private Dashboard(DashboardServer server, String host) {
        this.server = server;
        this.host = host;
    }

    public static Builder builder(Storage storage) {
        return new Builder(storage);
    }

    /** Where the studies page is served. */
    public URI url() {
        String shown = host.contains(":") ? "[" + host + "]" : host;
        return URI.create("http://" + shown + ":" + server.port() + "/");
    }

    public int port() {
        return server.port();
    }

    /** Whether the host is this machine's loopback: other machines cannot reach the dashboard. */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host '" + host + "' for the dashboard: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        server.close();
    }

    /** The dashboard's settings. */
    public static final class Builder {

        private final Storage storage;
        private String host = "127.0.0.1";
        private int port = 8080;
        private ImportanceChoice importance = ImportanceChoice.pedAnova();
        private Clock clock = Clock.systemUTC();
        private Duration pollEvery = Duration.ofMillis(100);

        private Builder(Storage storage) {
            this.storage = Objects.requireNonNull(storage, "storage");
        }

        /** The address to listen on (default 127.0.0.1, this machine only). */
        public Builder host(String address) {
            isLoopback(address);
            this.host = address;
            return this;
        }

        /** The port (default 8080; 0 picks a free one). */
        public Builder port(int number) {
            if (number < 0 || number > 65535) {
                throw new IllegalArgumentException("a port is 0 to 65535, but got " + number);
            }
            this.port = number;
            return this;
        }

        /** The importance panel's default evaluator (PED-ANOVA unless set); pages may switch to another. */
        public Builder importance(ImportanceChoice evaluator) {
            this.importance = Objects.requireNonNull(evaluator, "importance");
            return this;
        }

        /** The clock that says where RUNNING trials' timeline bars end. */
        public Builder clock(Clock now) {
            this.clock = Objects.requireNonNull(now, "clock");
            return this;
        }

        /** How often open pages look for changes (default 100 ms). */
        public Builder pollEvery(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the poll interval must be positive, but got " + interval);
            }
            this.pollEvery = interval;
            return this;
        }

        public Dashboard start() {
            try {
                return new Dashboard(new DashboardServer(storage, host, port, importance, clock,
                        pollEvery), host);
            } catch (IOException e) {
                throw new UncheckedIOException("could not serve the dashboard at " + host + ":" + port + ": "
                        + e.getMessage() + (port != 0 ? "; choose another port with --port, or 0 for a free one" : ""), e);
            }
        }
    }
}
