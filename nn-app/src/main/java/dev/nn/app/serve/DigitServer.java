package dev.nn.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP side of {@code nn serve}: routes, a body size limit, JSON errors. Every refusal is a 4xx with a JSON
 * {"error": "..."} line; an unexpected failure is a 500 with no stack trace sent to the browser.
 *
 * <p>No client can stall the others: each connection is served on its own virtual thread, a request must arrive
 * whole within {@link #REQUEST_SECONDS} and a response be taken within {@link #RESPONSE_SECONDS}, idle
 * connections are closed, and at most {@link #MAX_CONNECTIONS} are open at once. The page has no login, so a
 * request must name this server in its Host header (no DNS rebinding) and a cross-origin one is refused; every
 * answer forbids framing and, for the page, anything but its own scripts and styles.
 */
public final class DigitServer {

    /** Request bodies larger than this are refused with 413: a 280×280 drawing as PNG is far smaller. */
    public static final int MAX_BODY = 256 * 1024;
    /** Seconds a client has to send a whole request. */
    public static final int REQUEST_SECONDS = 10;
    /** Seconds a client has to take a whole response. */
    public static final int RESPONSE_SECONDS = 30;
    /** Connections open at once, all clients together. */
    public static final int MAX_CONNECTIONS = 256;

    private static final String POLICY = "default-src 'self'; img-src 'self' data: blob:; object-src 'none';"
            + " base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    static {
        // The JDK's server reads its limits once, from system properties, when its first instance is made; a
        // value the user set on the command line wins.
        limit("sun.net.httpserver.maxReqTime", REQUEST_SECONDS);
        limit("sun.net.httpserver.maxRspTime", RESPONSE_SECONDS);
        limit("jdk.httpserver.maxConnections", MAX_CONNECTIONS);
        limit("sun.net.httpserver.idleInterval", 30);
        limit("sun.net.httpserver.maxReqHeaders", 100);
        limit("sun.net.httpserver.maxReqHeaderSize", 64 * 1024);
    }

    private final HttpServer server;
    private final Api api;
    private final TrainSession training;
    private final boolean loopback;
    private final String host;

    private DigitServer(HttpServer server, Api api, TrainSession training, boolean loopback, String host) {
        this.server = server;
        this.api = api;
        this.training = training;
        this.loopback = loopback;
        this.host = host.toLowerCase(Locale.ROOT);
    }

    /**
     * Serves {@code model}, with random images from {@code test}, on host:port (port 0: any free port); the Train
     * view trains on MNIST from {@code mnistDir} (null: the bundled MNIST) or on the built-in 2-D datasets.
     */
    public static DigitServer start(Model model, Dataset test, String host, int port, long seed, Path mnistDir)
            throws IOException {
        return start(host, port, new Api(model.network(), model.config(), test, seed), new TrainSession(mnistDir));
    }

    private static DigitServer start(String host, int port, Api api, TrainSession training) throws IOException {
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new IllegalArgumentException("--host " + host + ": no such address (not a name this machine can"
                    + " resolve, nor an IP address)");
        }
        HttpServer server = HttpServer.create(address, 64);
        DigitServer digits = new DigitServer(server, api, training, address.getAddress().isLoopbackAddress(), host);
        server.createContext("/", digits::handle);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        return digits;
    }

    /** Whether it listens on a loopback address only (else anyone on the network may reach the page). */
    public boolean loopback() {
        return loopback;
    }

    private static void limit(String property, int value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, String.valueOf(value));
        }
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once, training too. */
    public void stop() {
        training.reset();
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                requireOwnRequest(exchange);
                route(exchange);
            } catch (HttpError e) {
                send(exchange, e.status(), Api.write(Map.of("error", e.getMessage())), "application/json");
            } catch (RuntimeException e) {
                send(exchange, 500, Api.write(Map.of("error", "internal error")), "application/json");
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/api/train/")) {
            routeTraining(exchange, method, path);
            return;
        }
        Object answer = switch (path) {
            case "/api/model" -> requireGet(method, api::model);
            case "/api/random" -> requireGet(method, api::random);
            case "/api/weights" -> requireGet(method, api::weights);
            case "/api/predict" -> api.predict(body(exchange, method));
            case "/api/sample" -> api.sample(body(exchange, method));
            default -> null;
        };
        if (answer != null) {
            send(exchange, 200, Api.write(answer), "application/json");
            return;
        }
        if (!method.equals("GET") && !method.equals("HEAD")) {
            throw new HttpError(405, method + " is not allowed here");
        }
        StaticFiles.File file = StaticFiles.find(path);
        if (file == null) {
            throw new HttpError(404, "no such page: " + path);
        }
        send(exchange, 200, file.bytes(), file.contentType());
    }

    /** The Train view's endpoints: options, start, pause, resume, step, reset, drawing, state, model. */
    private void routeTraining(HttpExchange exchange, String method, String path) throws IOException {
        try {
            switch (path) {
                case "/api/train/state" -> {
                    requireGet(method, () -> null);
                    send(exchange, 200, training.state(after(exchange)), "application/json");
                }
                case "/api/train/model" -> {
                    requireGet(method, () -> null);
                    exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"model.json\"");
                    send(exchange, 200, training.model(), "application/json");
                }
                default -> {
                    Object answer = switch (path) {
                        case "/api/train/options" -> requireGet(method, training::options);
                        case "/api/train/start" -> training.start(body(exchange, method));
                        case "/api/train/pause" -> post(exchange, method, training::pause);
                        case "/api/train/resume" -> post(exchange, method, training::resume);
                        case "/api/train/step" -> post(exchange, method, training::step);
                        case "/api/train/reset" -> post(exchange, method, training::reset);
                        case "/api/train/drawing" -> training.drawing(body(exchange, method));
                        default -> throw new HttpError(404, "no such page: " + path);
                    };
                    send(exchange, 200, Api.write(answer), "application/json");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HttpError(503, "the server is stopping");
        }
    }

    /** A button's request: POST, its body (if any) read and ignored. */
    private static Object post(HttpExchange exchange, String method, Supplier<Object> action) throws IOException {
        body(exchange, method);
        return action.get();
    }

    /** The {@code after} query parameter: the snapshot version the page has (0 when absent). */
    private static long after(HttpExchange exchange) {
        String query = exchange.getRequestURI().getRawQuery();
        if (query == null) {
            return 0;
        }
        for (String pair : query.split("&")) {
            if (pair.startsWith("after=")) {
                try {
                    return Long.parseLong(pair.substring("after=".length()));
                } catch (NumberFormatException e) {
                    throw new HttpError(400, "after: expected a whole number");
                }
            }
        }
        return 0;
    }

    /**
     * Refuses what a browser page of another site could send: a Host header that does not name this server
     * (DNS rebinding; checked when it listens on loopback), an Origin header of another site, and protocols
     * other than HTTP/1.0 and 1.1.
     */
    private void requireOwnRequest(HttpExchange exchange) {
        String protocol = exchange.getProtocol();
        if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
            throw new HttpError(505, "HTTP/1.0 or HTTP/1.1 only");
        }
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (loopback && (host == null || !isOwnHost(host))) {
            throw new HttpError(421, "the Host header must name this server (127.0.0.1, localhost or [::1], port "
                    + port() + ")");
        }
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        if (origin != null && !(origin.startsWith("http://") && host != null
                && origin.substring("http://".length()).equalsIgnoreCase(host))) {
            throw new HttpError(403, "cross-origin requests are refused");
        }
    }

    private boolean isOwnHost(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        for (String name : new String[]{"127.0.0.1", "localhost", "[::1]", this.host}) {
            if (h.equals(name + ":" + port()) || port() == 80 && h.equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static Object requireGet(String method, Supplier<Object> answer) {
        if (!method.equals("GET")) {
            throw new HttpError(405, "use GET");
        }
        return answer.get();
    }

    private static byte[] body(HttpExchange exchange, String method) throws IOException {
        if (!method.equals("POST")) {
            throw new HttpError(405, "use POST with a JSON body");
        }
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length) > MAX_BODY) {
                    throw new HttpError(413, "body larger than " + MAX_BODY + " bytes");
                }
            } catch (NumberFormatException e) {
                throw new HttpError(400, "bad Content-Length");
            }
        }
        try (InputStream in = exchange.getRequestBody()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new HttpError(413, "body larger than " + MAX_BODY + " bytes");
            }
            return body;
        }
    }

    private static void send(HttpExchange exchange, int status, byte[] body, String type) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", POLICY);
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
