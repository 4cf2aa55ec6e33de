package dev.nn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A training that no page polls any more stops by itself, and says why; snapshots come at most ten a second. */
class TrainSessionTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void trainingStopsWhenThePageGoesAway() throws Exception {
        TrainSession session = new TrainSession(null, 300_000_000L);
        session.start("{\"dataset\": \"blobs\", \"epochs\": 5000}".getBytes(StandardCharsets.UTF_8));
        JsonNode first = JSON.readTree(session.state(0));
        assertEquals("running", first.get("status").asText());
        long end = System.nanoTime() + 60_000_000_000L;
        JsonNode state = first;
        while (System.nanoTime() < end && state.get("status").asText().equals("running")) {
            Thread.sleep(1000); // longer than the session waits for a poll
            state = JSON.readTree(session.state(Long.MAX_VALUE));
        }
        assertEquals("stopped", state.get("status").asText());
        assertEquals("stopped: the page went away", state.get("message").asText());
        long steps = state.get("steps").asLong();
        assertTrue(steps < 5000L * 94, "stopped long before the end: " + steps);
        session.reset();
    }

    @Test
    void snapshotsComeAtMostTenASecondEvenWhenEpochsAreShort() throws Exception {
        TrainSession session = new TrainSession(null);
        session.start("{\"dataset\": \"spiral\", \"epochs\": 5000, \"batchSize\": 1}".getBytes(StandardCharsets.UTF_8));
        long version = JSON.readTree(session.state(0)).get("version").asLong();
        int snapshots = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < 2_000_000_000L) {
            JsonNode state = JSON.readTree(session.state(version));
            assertEquals("running", state.get("status").asText());
            if (state.get("version").asLong() != version) {
                snapshots++;
                version = state.get("version").asLong();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertTrue(snapshots >= 1, "at least one snapshot in " + seconds + " s");
        assertTrue(snapshots <= Math.ceil(seconds * 1e9 / LiveRun.PUBLISH_NANOS) + 1,
                snapshots + " snapshots in " + seconds + " s");
        session.reset();
    }
}
