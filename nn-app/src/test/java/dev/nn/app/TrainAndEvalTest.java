package dev.nn.app;

import dev.nn.core.model.ModelIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's promise, end to end: {@code nn train} with no flags trains 784-16-16-10 on the bundled MNIST to
 * at least 95.5% test accuracy, the same seed gives the same weights bit for bit, and {@code nn eval} on the
 * saved model prints the accuracy training printed.
 */
class TrainAndEvalTest {

    private static final Pattern ACCURACY = Pattern.compile("test accuracy (\\d+\\.\\d+)%");

    @TempDir
    Path dir;

    private static double accuracy(String out) {
        Matcher m = ACCURACY.matcher(out);
        assertTrue(m.find(), out);
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theDefaultTrainingReachesTheTargetReproduciblyAndEvalAgrees() throws IOException {
        Path first = dir.resolve("first.json");
        Path second = dir.resolve("second.json");
        Run one = Run.of("train", "--no-progress", "--out", first.toString());
        assertEquals(0, one.exit(), one.err());
        assertEquals(20, one.out().lines().filter(l -> l.startsWith("epoch ")).count(), one.out());
        double accuracy = accuracy(one.out());
        assertTrue(accuracy >= 95.5, "default training reached " + accuracy + "%");

        Run two = Run.of("train", "--no-progress", "--out", second.toString());
        assertEquals(0, two.exit(), two.err());
        Weights.assertSame(first, second);

        Run eval = Run.of("eval", "--model", first.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains(String.format("accuracy  %.2f%%", accuracy)), eval.out());
        assertTrue(eval.out().contains("confusion matrix"), eval.out());
    }

    @Test
    void otherDataSetsTheInputAndOutputSizes() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = dir.resolve("small.json");
        Run train = Run.of("train", "--data", data.toString(), "--hidden", "6", "--epochs", "5", "--lr", "0.01",
                "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        assertEquals("12-6-3", ModelIO.load(model).config().shape());
        assertTrue(accuracy(train.out()) > 90, train.out());
        Run eval = Run.of("eval", "--model", model.toString(), "--data", data.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains(String.format("accuracy  %.2f%%", accuracy(train.out()))), eval.out());
        Run mismatch = Run.of("eval", "--model", model.toString(), "--dataset", "mnist");
        assertEquals(2, mismatch.exit());
        assertTrue(mismatch.err().contains("takes 12 values per sample, but the data has 784"), mismatch.err());
    }

    @Test
    void infoNamesTheImplementation() {
        Run info = Run.of("info");
        assertEquals(0, info.exit());
        assertTrue(info.out().contains("simd") && info.out().contains("fma"), info.out());
    }
}
