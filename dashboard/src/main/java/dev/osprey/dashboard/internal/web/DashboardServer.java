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
    /** The page files by name, read once: they come from the jar and never change while it runs. */
    private static final Map<String, byte[]> RESOURCES = new ConcurrentHashMap<>();

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
                    case "/api/study" -> cached(exchange, watch(query), w -> study(w));
                    case "/api/chart" -> cached(exchange, watch(query), w -> chart(w, query));
                    case "/api/trials" -> cached(exchange, watch(query), w -> table(w, query));
                    case "/api/trial" -> json(exchange, trial(watch(query), query));
                    case "/api/events" -> live.stream(exchange, watch(query),
                            w -> w.answer("events: study", () -> json(study(w))));
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

    /**
     * Answers from the watch's answers of its current version: a page's first load computes a
     * panel once, and reloads and other pages of an unchanged study reuse it.
     */
    private static void cached(HttpExchange exchange, StudyWatch watch,
                               java.util.function.Function<StudyWatch, ObjectNode> answer) throws IOException {
        String key = exchange.getRequestURI().getPath() + "?" + exchange.getRequestURI().getRawQuery();
        byte[] body = watch.answer(key, () -> json(answer.apply(watch)));
        send(exchange, 200, "application/json", body);
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
        // the y axis of the history and slice plots is the objective: their samples keep its best trials
        java.util.List<dev.osprey.dashboard.plot.Chart> charts = ChartSampling.bound(PlotData.charts(kind, request),
                kind == PlotKind.HISTORY || kind == PlotKind.SLICE ? watch.study.directions().get(objective) : null);
        ObjectNode node = JsonViews.charts(charts);
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

    /**
     * Sends a page file with an entity tag, so that a browser revalidates its copy (304) instead of
     * loading ECharts' megabyte again, and keeps its compiled code.
     */
    private static void resource(HttpExchange exchange, String name) throws IOException {
        byte[] body = RESOURCES.computeIfAbsent(name, n -> {
            try (InputStream in = DashboardServer.class.getResourceAsStream(n)) {
                return in == null ? new byte[0] : in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        if (body.length == 0) {
            send(exchange, 404, "application/json", error("missing resource " + name));
            return;
        }
        String tag = "\"" + Integer.toHexString(Arrays.hashCode(body)) + "-" + body.length + "\"";
        String extension = name.substring(name.lastIndexOf('.') + 1);
        exchange.getResponseHeaders().set("Cache-Control", "no-cache");
        exchange.getResponseHeaders().set("ETag", tag);
        if (tag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
            exchange.sendResponseHeaders(304, -1);
            return;
        }
        send(exchange, 200, TYPES.getOrDefault(extension, "application/octet-stream"), body);
    }

    private static byte[] json(ObjectNode node) {
        try {
            return JsonViews.MAPPER.writeValueAsBytes(node);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
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
