package dev.nn.app.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The HTTP side of {@code nn serve}: routes, a body size limit, JSON errors. Every refusal is a 4xx with a JSON
 * {"error": "..."} line; an unexpected failure is a 500 with no stack trace sent to the browser.
 */
public final class DigitServer {

    /** Request bodies larger than this are refused with 413: a 280×280 drawing as PNG is far smaller. */
    public static final int MAX_BODY = 256 * 1024;

    private final HttpServer server;
    private final Api api;

    private DigitServer(HttpServer server, Api api) {
        this.server = server;
        this.api = api;
    }

    /** Serves {@code model}, with random images from {@code test}, on host:port (port 0: any free port). */
    public static DigitServer start(Model model, Dataset test, String host, int port, long seed) throws IOException {
        return start(host, port, new Api(model.network(), model.config(), test, seed));
    }

    private static DigitServer start(String host, int port, Api api) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), 0);
        DigitServer digits = new DigitServer(server, api);
        server.createContext("/", digits::handle);
        server.setExecutor(Executors.newFixedThreadPool(2));
        server.start();
        return digits;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops at once. */
    public void stop() {
        server.stop(0);
        ((ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
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
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }
}
