package dev.nn.app;

import dev.nn.core.Mlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The 2-D built-in datasets from the command line: a 2-64-64-3 network learns the spiral (which no straight line
 * separates) as the GUIDE says, eval finds the same points from the model alone and draws the decision regions,
 * predict answers for a point.
 */
class PlanarDatasetsTest {

    @TempDir
    Path dir;

    @Test
    void theSpiralIsLearntAndEvaluatedFromTheModelAlone() throws IOException {
        Path model = dir.resolve("spiral.json");
        Run train = Run.of("train", "--dataset", "spiral", "--hidden", "64,64", "--epochs", "100", "--lr", "0.01",
                "--no-progress", "--out", model.toString());
        assertEquals(0, train.exit(), train.err());
        assertTrue(train.err().contains("data: spiral, 1,500 training and 600 test points (x, y) in 3 classes"),
                train.err());
        Matcher accuracy = Pattern.compile("test accuracy (\\d+\\.\\d+)%").matcher(train.out());
        assertTrue(accuracy.find(), train.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 95, train.out());

        Run eval = Run.of("eval", model.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("accuracy  " + accuracy.group(1) + "%"), eval.out());

        Path regions = dir.resolve("regions.png");
        Run drawn = Run.of("eval", model.toString(), "--regions", regions.toString());
        assertEquals(0, drawn.exit(), drawn.err());
        assertTrue(Files.size(regions) > 10_000, "a picture of the regions");
        Path threeInputs = dir.resolve("three.json");
        Mlp.builder(3, 2).hidden(4).build().save(threeInputs);
        Run notTwoD = Run.of("eval", threeInputs.toString(), "--regions", regions.toString());
        assertEquals(2, notTwoD.exit());
        assertTrue(notTwoD.errorLines().contains("--regions draws networks of two inputs (x, y); " + threeInputs
                + " takes 3"), notTwoD.err());

        Run predict = Run.of("predict", model.toString(), "--index", "0");
        assertEquals(0, predict.exit(), predict.err());
        assertTrue(predict.out().matches("(?s)test\\[0] \\(label 0\\) at \\[-?[0-9.]+, -?[0-9.]+]: \\d .*"),
                predict.out());
    }

    @Test
    void anUnknownDatasetListsTheBuiltInOnes() {
        Run run = Run.of("train", "--dataset", "moons");
        assertEquals(2, run.exit());
        assertTrue(run.errorLines().contains("known: mnist, xor, spiral, circles, blobs"), run.err());
    }
}
