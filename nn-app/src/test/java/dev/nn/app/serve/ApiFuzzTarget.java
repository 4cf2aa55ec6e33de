package dev.nn.app.serve;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@code nn serve}'s JSON API (Jazzer): any request body to {@code /api/predict} and
 * {@code /api/sample} must be answered, or refused with a 4xx {@link HttpError} of one line; any other
 * exception would be a 500.
 */
class ApiFuzzTarget {

    private static final TrainingConfig CONFIG = TrainingConfig.DEFAULT.withLayers(List.of(784, 8, 10));
    private static final Api API = new Api(Network.initialized(CONFIG.network(), new Rng(1)), CONFIG,
            new Dataset("test", new byte[3 * 784], new byte[]{1, 2, 3}, 784, 10, Map.of()), 1);

    @FuzzTest(maxDuration = "10s")
    void api(byte[] body) throws IOException {
        for (int endpoint = 0; endpoint < 2; endpoint++) {
            try {
                Object answer = endpoint == 0 ? API.predict(body) : API.sample(body);
                assertTrue(Api.write(answer).length > 0);
            } catch (HttpError e) {
                assertTrue(e.status() >= 400 && e.status() < 500 && !e.getMessage().contains("\n"), e.getMessage());
            }
        }
    }
}
