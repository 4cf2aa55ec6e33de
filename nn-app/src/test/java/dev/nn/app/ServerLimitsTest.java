package dev.nn.app;

import dev.nn.app.serve.DigitServer;
import dev.nn.core.model.ModelIO;
import dev.nn.mnist.IdxDatasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nn serve} against clients that do not play fair (issue 17, item 9 and the server's edges): slow and
 * incomplete requests must not stop it answering others, and requests another site's page could send are
 * refused.
 */
class ServerLimitsTest {

    @TempDir
    static Path dir;
    static DigitServer server;

    @BeforeAll
    static void start() throws IOException {
        Path model = dir.resolve("m.json");
        Run train = Run.of("train", "--no-progress", "--hidden", "8", "--epochs", "1", "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        server = DigitServer.start(ModelIO.load(model), IdxDatasets.bundledMnist().test(), "127.0.0.1", 0, 1, null);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Sends {@code request} raw and reads what comes back until the server closes or 25 s pass. */
    static String raw(String request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.setSoTimeout(25_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            byte[] buffer = new byte[4096];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
                }
            } catch (SocketTimeoutException e) {
                answer.append("<timed out>");
            } catch (IOException reset) {
                answer.append("<reset>");
            }
            return answer.toString();
        }
    }

    private static String get(String path, String headers) throws IOException {
        return raw("GET " + path + " HTTP/1.1\r\n" + headers + "Connection: close\r\n\r\n");
    }

    private String host() {
        return "Host: 127.0.0.1:" + server.port() + "\r\n";
    }

    @Test
    void slowAndIncompleteRequestsDoNotStopOthersBeingAnswered() throws Exception {
        List<Socket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write("GET /api/mo".getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
                stalled.add(s);
            }
            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 5; i++) {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + server.port() + "/api/model"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, answer.statusCode());
            }
        } finally {
            for (Socket s : stalled) {
                s.close();
            }
        }
    }

    @Test
    void aRequestThatNeverEndsIsCutOff() throws IOException {
        String answer = raw("GET /api/model HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
        assertTrue(!answer.contains("<timed out>"), "the server held a half-sent request for 25 s: " + answer);
    }

    @Test
    void aForeignHostHeaderIsRefused() throws IOException {
        assertTrue(get("/api/model", "Host: attacker.example:" + server.port() + "\r\n").startsWith("HTTP/1.1 421"));
        assertTrue(get("/api/model", host()).startsWith("HTTP/1.1 200"));
        assertTrue(get("/api/model", "Host: localhost:" + server.port() + "\r\n").startsWith("HTTP/1.1 200"));
    }

    @Test
    void aCrossOriginPostIsRefused() throws IOException {
        String body = "{\"index\": 1}";
        String post = "POST /api/sample HTTP/1.1\r\n" + host() + "Content-Type: text/plain\r\nContent-Length: "
                + body.length() + "\r\nConnection: close\r\n";
        assertTrue(raw(post + "Origin: http://attacker.example\r\n\r\n" + body).startsWith("HTTP/1.1 403"));
        assertTrue(raw(post + "Origin: http://127.0.0.1:" + server.port() + "\r\n\r\n" + body)
                .startsWith("HTTP/1.1 200"));
    }

    @Test
    void onlyHttpOneIsSpokenAndThePageCannotBeFramed() throws IOException {
        assertTrue(raw("GET / HTTP/9.9\r\n" + host() + "Connection: close\r\n\r\n").startsWith("HTTP/1.1 505"));
        String page = get("/", host());
        assertTrue(page.startsWith("HTTP/1.1 200"), page);
        String headers = page.substring(0, page.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertTrue(headers.contains("content-security-policy: default-src 'self'")
                && headers.contains("frame-ancestors 'none'") && headers.contains("x-frame-options: deny")
                && headers.contains("x-content-type-options: nosniff"), headers);
    }
}
