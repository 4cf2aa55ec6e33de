package dev.nn.app;

import dev.nn.app.serve.DigitServer;
import dev.nn.core.model.ModelIO;
import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.TrainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON endpoints of {@code nn serve}, and its refusals: big bodies, bad JSON, bad sizes, paths outside the page. */
class ServeApiTest {

    @TempDir
    static Path dir;
    static DigitServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws IOException {
        Path model = dir.resolve("m.json");
        Run train = Run.of("train", "--no-progress", "--hidden", "32", "--epochs", "1", "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        TrainTest mnist = IdxDatasets.bundledMnist();
        server = DigitServer.start(ModelIO.load(model), mnist.test(), "127.0.0.1", 0, 1, null);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void thePageAndTheModelAreServed() throws Exception {
        HttpResponse<String> page = get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("<canvas id=\"pad\""));
        assertEquals(200, get("/app.js").statusCode());
        assertEquals("{\"layers\":[784,32,10],\"activation\":\"relu\",\"loss\":\"cce\",\"testSet\":\"MNIST test\"}",
                get("/api/model").body());
    }

    @Test
    void aDrawingGoesThroughTheSameFormAsPredict() throws Exception {
        TrainTest mnist = IdxDatasets.bundledMnist();
        byte[] pixels = new byte[784];
        mnist.test().pixels(0, pixels); // a 7, drawn 10× larger on a 280×280 canvas, as the page does
        BufferedImage canvas = new BufferedImage(280, 280, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 280; y++) {
            for (int x = 0; x < 280; x++) {
                int v = pixels[(y / 10) * 28 + x / 10] & 0xFF;
                canvas.setRGB(x, y, 0xFF000000 | v << 16 | v << 8 | v);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(canvas, "png", png);
        String url = "data:image/png;base64," + Base64.getEncoder().encodeToString(png.toByteArray());
        HttpResponse<String> answer = post("/api/predict", "{\"image\": \"" + url + "\"}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"digit\":7"), answer.body());
        assertTrue(answer.body().matches("(?s).*\"hidden\":\\[\\[[^]]*]],.*"), "one hidden layer of activations");

        HttpResponse<String> sample = post("/api/sample", "{\"index\": 1}");
        assertTrue(sample.body().contains("\"label\":2"), sample.body());
        assertTrue(get("/api/weights").body().startsWith("{\"inputs\":784,\"neurons\":[["));
        assertTrue(get("/api/random").body().startsWith("{\"index\":"));
    }

    @Test
    void badRequestsGetA4xxAndOneLine() throws Exception {
        assertRefused(post("/api/predict", "{not json"), 400, "malformed JSON");
        assertRefused(post("/api/predict", "{\"image\": 3}"), 400, "expected {\\\"image\\\"");
        assertRefused(post("/api/predict", "{\"image\": \"data:image/png;base64,AAAA\"}"), 400, "not an image");
        assertRefused(post("/api/sample", "{\"index\": 10000}"), 400, "from 0 to 9999");
        assertRefused(post("/api/predict", "x".repeat(DigitServer.MAX_BODY + 1)), 413, "body larger than");
        assertRefused(get("/api/predict"), 405, "use POST");
        assertRefused(get("/../pom.xml"), 404, "no such page");
        assertRefused(get("/%2e%2e/%2e%2e/etc/passwd"), 404, "no such page");
        assertRefused(get("/web/index.html"), 404, "no such page");
    }

    private static void assertRefused(HttpResponse<String> response, int status, String message) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.body().startsWith("{\"error\":") && response.body().contains(message), response.body());
        assertTrue(!response.body().contains("Exception"), "no stack trace: " + response.body());
    }
}
