package dev.nn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A training that no page polls any more stops by itself, and says why. */
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
}
