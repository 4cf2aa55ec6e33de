package dev.nn.mnist;

import dev.nn.core.Mlp;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Model files of every released format version, kept as they were written, must load forever and evaluate on
 * their data to the accuracy their provenance recorded ({@code golden/v1}: the flat config of format 1;
 * {@code golden/v2}: the typed config of format 2).
 */
class GoldenModelsTest {

    private static List<Path> golden() throws IOException, URISyntaxException {
        Path root = Path.of(GoldenModelsTest.class.getResource("/dev/nn/mnist/golden").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @Test
    void everyGoldenModelLoadsAndEvaluatesAsRecorded() throws Exception {
        List<Path> files = golden();
        assertFalse(files.isEmpty());
        TrainTest mnist = IdxDatasets.bundledMnist();
        TrainTest xor = Xor.trainTest();
        for (Path file : files) {
            Model model = ModelIO.load(file);
            TrainTest data = model.network().inputSize() == 2 ? xor : mnist;
            Evaluation e = Mlp.of(model).evaluate(data.test());
            assertEquals(model.provenance().testAccuracy(), e.accuracy(), 1e-12, file.getFileName().toString());
            assertEquals(model.provenance().testLoss(), e.meanLoss(), 1e-6, file.getFileName().toString());
        }
    }
}
