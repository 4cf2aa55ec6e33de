package dev.nn.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.app.serve.DigitServer;
import dev.nn.core.model.ModelIO;
import dev.nn.mnist.IdxDatasets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Train view's endpoints of {@code nn serve}: training started from the page gives the weights {@code nn train}
 * gives for the same settings and seed; a bad configuration is a 400 naming the setting; one training at a time;
 * Pause then Step trains exactly one batch.
 */
class TrainViewApiTest {

    @TempDir
    static Path dir;
    static DigitServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() throws IOException {
        Path model = dir.resolve("served.json");
        Run train = Run.of("train", "--no-progress", "--hidden", "8", "--epochs", "1", "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        server = DigitServer.start(ModelIO.load(model), IdxDatasets.bundledMnistTest(), "127.0.0.1", 0, 1, null);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @AfterEach
    void reset() throws Exception {
        assertEquals(200, post("/api/train/reset", "{}").statusCode());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Polls as the page does until a snapshot satisfies {@code done}, within two minutes. */
    static JsonNode awaitState(Predicate<JsonNode> done) throws Exception {
        long version = 0;
        long end = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < end) {
            JsonNode state = JSON.readTree(get("/api/train/state?after=" + version).body());
            if (done.test(state)) {
                return state;
            }
            version = state.get("version").asLong();
        }
        throw new AssertionError("the training did not get there in two minutes");
    }

    @Test
    void thePagesTrainingGivesTheWeightsOfNnTrain() throws Exception {
        for (String[] run : new String[][]{
                {"{\"dataset\": \"mnist\", \"hidden\": [16, 16], \"epochs\": 1, \"batchSize\": 64, \"seed\": 3}",
                        "--hidden", "16,16", "--epochs", "1", "--batch-size", "64", "--seed", "3"},
                {"{\"dataset\": \"spiral\", \"hidden\": [12, 8], \"activation\": \"tanh\", \"learningRate\": 0.01,"
                        + " \"epochs\": 30, \"batchSize\": 16, \"seed\": 5}", "--dataset", "spiral", "--hidden", "12,8",
                        "--activation", "tanh", "--lr", "0.01", "--epochs", "30", "--batch-size", "16", "--seed", "5"},
                {"{\"dataset\": \"mnist\", \"hidden\": [16], \"epochs\": 1, \"batchSize\": 128, \"dropout\": 0.2,"
                        + " \"augment\": 1}", "--hidden", "16", "--epochs", "1", "--batch-size", "128", "--dropout", "0.2",
                        "--augment", "1"}}) {
            HttpResponse<String> started = post("/api/train/start", run[0]);
            assertEquals(200, started.statusCode(), started.body());
            JsonNode finished = awaitState(s -> s.path("status").asText().equals("finished"));
            assertTrue(finished.get("curve").size() > 0, "a curve point at least");
            HttpResponse<String> model = get("/api/train/model");
            assertEquals(200, model.statusCode(), model.body());
            assertTrue(model.headers().firstValue("Content-Disposition").orElse("").contains("attachment"));
            Path fromPage = dir.resolve("page.json");
            Files.writeString(fromPage, model.body());
            Path fromCommand = dir.resolve("command.json");
            String[] args = new String[run.length + 3];
            args[0] = "train";
            args[1] = "--no-progress";
            System.arraycopy(run, 1, args, 2, run.length - 1);
            args[args.length - 2] = "--out";
            args[args.length - 1] = fromCommand.toString();
            Run command = Run.of(args);
            assertEquals(0, command.exit(), command.err());
            Weights.assertSame(fromCommand, fromPage);
            assertEquals(200, post("/api/train/reset", "{}").statusCode());
        }
    }

    @Test
    void aRefusedConfigurationIs400WithOneLineNamingTheSetting() throws Exception {
        String[][] cases = {
                {"{\"hidden\": [10000]}", "hidden: at most 512 units a layer here, got 10000"},
                {"{\"hidden\": [8, 8, 8, 8, 8]}", "hidden: give a list of at most 4 layer sizes"},
                {"{\"batchSize\": 0}", "--batch-size must be at least 1, got 0"},
                {"{\"epochs\": 51}", "epochs: at most 50 on mnist here, got 51"},
                {"{\"dataset\": \"cifar\"}", "dataset: one of mnist, spiral, circles, blobs, xor, got \"cifar\""},
                {"{\"activation\": \"swish\"}", "unknown activation 'swish'"},
                {"{\"colour\": 1}", "unknown setting 'colour'"},
                {"{\"dataset\": \"spiral\", \"augment\": 1}", "augment: distortions are for pictures; spiral is points"},
                {"{\"augment\": 9}", "augment must be from 0 to 5, got 9.0"},
                {"[1, 2]", "expected a JSON object"}};
        for (String[] c : cases) {
            HttpResponse<String> response = post("/api/train/start", c[0]);
            assertEquals(400, response.statusCode(), c[0]);
            String error = JSON.readTree(response.body()).get("error").asText();
            assertTrue(error.contains(c[1]), c[0] + " gave: " + error);
            assertTrue(!error.contains("\n"), "one line: " + error);
        }
        assertEquals("idle", JSON.readTree(get("/api/train/state").body()).get("status").asText());
    }

    @Test
    void oneTrainingAtATimeAndResetEndsIt() throws Exception {
        String spiral = "{\"dataset\": \"spiral\", \"epochs\": 5000}";
        assertEquals(200, post("/api/train/start", spiral).statusCode());
        HttpResponse<String> second = post("/api/train/start", spiral);
        assertEquals(409, second.statusCode());
        assertTrue(second.body().contains("one at a time"), second.body());
        assertEquals(200, post("/api/train/reset", "{}").statusCode());
        assertEquals("idle", JSON.readTree(get("/api/train/state").body()).get("status").asText());
        assertEquals(409, post("/api/train/pause", "{}").statusCode(), "nothing to pause after a reset");
        assertEquals(200, post("/api/train/start", spiral).statusCode(), "a new one starts after a reset");
    }

    @Test
    void pauseThenStepTrainsExactlyOneBatch() throws Exception {
        assertEquals(200, post("/api/train/start", "{\"dataset\": \"circles\", \"epochs\": 5000}").statusCode());
        assertEquals(409, post("/api/train/step", "{}").statusCode(), "Step needs a pause first");
        assertEquals(200, post("/api/train/pause", "{}").statusCode());
        JsonNode paused = awaitState(s -> s.path("status").asText().equals("paused"));
        long steps = paused.get("steps").asLong();
        Thread.sleep(300);
        assertEquals(steps, JSON.readTree(get("/api/train/state").body()).get("steps").asLong(), "paused: no steps");
        for (int i = 1; i <= 3; i++) {
            long before = steps;
            assertEquals(200, post("/api/train/step", "{}").statusCode());
            JsonNode after = awaitState(s -> s.path("steps").asLong() > before && s.path("status").asText().equals("paused"));
            assertEquals(before + 1, after.get("steps").asLong(), "step " + i);
            steps = after.get("steps").asLong();
        }
        Thread.sleep(300);
        assertEquals(steps, JSON.readTree(get("/api/train/state").body()).get("steps").asLong(), "paused again");
        assertEquals(200, post("/api/train/resume", "{}").statusCode());
        long resumedFrom = steps;
        awaitState(s -> s.path("steps").asLong() > resumedFrom + 50);
    }
}
