package dev.osprey.dashboard.internal.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.osprey.dashboard.plot.ImportanceChoice;
import dev.osprey.dashboard.plot.PlotData;
import dev.osprey.dashboard.plot.PlotKind;
import dev.osprey.dashboard.plot.PlotRequest;
import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.storage.StudyInfo;
import dev.osprey.optimizer.storage.StudyNotFoundException;
import dev.osprey.optimizer.trial.TrialRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The dashboard's HTTP server: pages, their JSON API, and live change events. */
public final class DashboardServer implements AutoCloseable {

    private static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String WEB = "/dev/osprey/dashboard/web/";
    private static final Map<String, String> TYPES = Map.of("html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8");

    private final Storage storage;
    private final ImportanceChoice importance;
    private final Clock clock;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, StudyWatch> watches = new ConcurrentHashMap<>();
    private final LiveEvents live;

    public DashboardServer(Storage storage, String host, int port, ImportanceChoice importance, Clock clock,
                           Duration pollEvery) throws IOException {
        this.storage = storage;
        this.importance = importance;
        this.clock = clock;
        this.server = HttpServer.create(new InetSocketAddress(host, port), 64);
        this.live = new LiveEvents(pollEvery);
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        live.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (!exchange.getRequestMethod().equals("GET")) {
                send(exchange, 405, "application/json", error("only GET is served"));
                return;
            }
            try {
                switch (path) {
                    case "/", "/index.html" -> resource(exchange, WEB + "studies.html");
                    case "/study" -> resource(exchange, WEB + "study.html");
                    case "/trial" -> resource(exchange, WEB + "trial.html");
                    case "/echarts.min.js" -> resource(exchange, ECHARTS);
                    case "/api/studies" -> json(exchange, studies());
                    case "/api/study" -> json(exchange, study(watch(query)));
                    case "/api/chart" -> json(exchange, chart(watch(query), query));
                    case "/api/trials" -> json(exchange, table(watch(query), query));
                    case "/api/trial" -> json(exchange, trial(watch(query), query));
                    case "/api/events" -> live.stream(exchange, watch(query));
                    default -> {
                        if (path.startsWith("/static/") && path.matches("/static/[a-z-]+\\.(js|css)")) {
                            resource(exchange, WEB + path.substring("/static/".length()));
                        } else {
                            send(exchange, 404, "application/json", error("no page " + path));
                        }
                    }
                }
            } catch (IllegalArgumentException e) {
                send(exchange, e instanceof StudyNotFoundException ? 404 : 400, "application/json", error(e.getMessage()));
            } catch (RuntimeException e) {
                send(exchange, 500, "application/json", error(e.getClass().getSimpleName() + ": " + e.getMessage()));
            }
        }
    }

    private StudyWatch watch(Map<String, String> query) {
        String name = query.get("study");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name the study: ?study=NAME");
        }
        StudyWatch watch = watches.computeIfAbsent(name, n -> storage.findStudy(n)
                .map(info -> new StudyWatch(storage, info))
                .orElseThrow(() -> new StudyNotFoundException(n, storage.studies().stream().map(StudyInfo::name).toList())));
        watch.refresh();
        return watch;
    }

    private ObjectNode studies() {
        ObjectNode node = JsonViews.MAPPER.createObjectNode();
        ArrayNode list = node.putArray("studies");
        storage.studySummaries().forEach(s -> list.add(JsonViews.summary(s)));
        return node;
    }

    private ObjectNode study(StudyWatch watch) {
        List<TrialRecord> trials = watch.trials();
        ObjectNode node = JsonViews.MAPPER.createObjectNode();
        node.put("name", watch.study.name());
        ArrayNode directions = node.putArray("directions");
        watch.study.directions().forEach(d -> directions.add(d.name().toLowerCase(java.util.Locale.ROOT)));
        node.put("trials", trials.size());
        node.put("version", watch.version());
        java.util.TreeSet<String> params = new java.util.TreeSet<>();
        boolean intermediate = false;
        for (TrialRecord trial : trials) {
            params.addAll(trial.params().keySet());
            intermediate |= !trial.intermediateValues().isEmpty();
        }
        node.set("params", JsonViews.MAPPER.valueToTree(params));
        node.put("hasIntermediate", intermediate);
        node.put("importance", importance.name());
        return node;
    }

    private ObjectNode chart(StudyWatch watch, Map<String, String> query) {
        PlotKind kind = PlotKind.parse(query.getOrDefault("kind", ""));
        int objective = Integer.parseInt(query.getOrDefault("objective", "0"));
        String params = query.getOrDefault("params", "");
        PlotRequest request = new PlotRequest(watch.study, watch.trials(), objective,
                params.isBlank() ? List.of() : Arrays.asList(params.split(",")),
                query.containsKey("evaluator") ? ImportanceChoice.parse(query.get("evaluator")) : importance, clock.instant());
        ObjectNode node = JsonViews.charts(PlotData.charts(kind, request));
        node.put("version", watch.version());
        return node;
    }

    private ObjectNode table(StudyWatch watch, Map<String, String> query) {
        TrialQuery.Page page = TrialQuery.parse(query).apply(watch.trials());
        ObjectNode node = JsonViews.MAPPER.createObjectNode();
        node.put("total", page.total());
        ArrayNode rows = node.putArray("rows");
        page.rows().forEach(t -> rows.add(JsonViews.trialRow(t)));
        return node;
    }

    private ObjectNode trial(StudyWatch watch, Map<String, String> query) {
        String number = query.getOrDefault("number", "");
        int n;
        try {
            n = Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("a trial is named by its number: ?number=N, not '" + number + "'");
        }
        TrialRecord trial = watch.trials().stream().filter(t -> t.number() == n).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("study '" + watch.study.name() + "' has no trial " + n));
        return JsonViews.trial(trial, TrialJobFiles.of(trial));
    }

    private static void resource(HttpExchange exchange, String name) throws IOException {
        try (InputStream in = DashboardServer.class.getResourceAsStream(name)) {
            if (in == null) {
                send(exchange, 404, "application/json", error("missing resource " + name));
                return;
            }
            String extension = name.substring(name.lastIndexOf('.') + 1);
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), in.readAllBytes());
        }
    }

    private static void json(HttpExchange exchange, ObjectNode node) throws IOException {
        send(exchange, 200, "application/json", JsonViews.MAPPER.writeValueAsBytes(node));
    }

    private static byte[] error(String reason) {
        try {
            return JsonViews.MAPPER.writeValueAsBytes(Map.of("reason", reason == null ? "unknown error" : reason));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }
}
