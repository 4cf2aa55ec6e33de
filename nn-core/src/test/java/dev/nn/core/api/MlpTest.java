package dev.nn.core.api;

import dev.nn.core.Mlp;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The front door as a library user meets it: small problems with the defaults, and misuse as one sentence. */
class MlpTest {

    @TempDir
    Path dir;

    /** Three interleaved spiral arms in the plane (cs231n's), {@code perArm} points each, seeded noise. */
    static Object[] spiral(int perArm, long seed) {
        Rng rng = new Rng(seed);
        float[][] x = new float[3 * perArm][];
        int[] y = new int[3 * perArm];
        for (int arm = 0; arm < 3; arm++) {
            for (int i = 0; i < perArm; i++) {
                double r = (double) i / perArm;
                double t = arm * 4 + 4 * r + rng.nextGaussian() * 0.2;
                x[arm * perArm + i] = new float[]{(float) (r * Math.sin(t)), (float) (r * Math.cos(t))};
                y[arm * perArm + i] = arm;
            }
        }
        return new Object[]{x, y};
    }

    @Test
    void xorIsLearntWithTheDefaults() {
        float[][] x = {{0, 0}, {0, 1}, {1, 0}, {1, 1}};
        int[] y = {0, 1, 1, 0};
        Mlp mlp = Mlp.builder(2, 2).build();
        mlp.fit(x, y);
        assertArrayEquals(y, mlp.predict(x));
        assertEquals(1.0, mlp.evaluate(x, y).accuracy());
    }

    @Test
    void theSpiralReaches97PercentWithTheDefaults() throws IOException {
        Object[] train = spiral(300, 1);
        Object[] test = spiral(300, 2);
        Mlp mlp = Mlp.builder(2, 3).build();
        List<Double> accuracies = new ArrayList<>();
        mlp.fit((float[][]) train[0], (int[]) train[1], (float[][]) test[0], (int[]) test[1],
                e -> accuracies.add(e.testAccuracy()));
        Evaluation e = mlp.evaluate((float[][]) test[0], (int[]) test[1]);
        assertTrue(e.accuracy() >= 0.97, "spiral test accuracy " + e.accuracy());
        assertEquals(e.accuracy(), accuracies.getLast(), 1e-12);
        Path file = dir.resolve("spiral.json");
        mlp.save(file);
        Mlp again = Mlp.load(file);
        assertArrayEquals(mlp.predict((float[][]) test[0]), again.predict((float[][]) test[0]));
        assertEquals(e.accuracy(), again.provenance().testAccuracy(), 1e-12);
        float[] p = again.predictProbabilities(((float[][]) test[0])[0]);
        assertEquals(1f, p[0] + p[1] + p[2], 1e-5f);
    }

    @Test
    void theSameSeedGivesTheSameWeights() {
        Object[] train = spiral(50, 3);
        Mlp a = Mlp.builder(2, 3).epochs(3).build();
        Mlp b = Mlp.builder(2, 3).epochs(3).build();
        a.fit((float[][]) train[0], (int[]) train[1]);
        b.fit((float[][]) train[0], (int[]) train[1]);
        assertArrayEquals(a.network().layers().getFirst().weights(), b.network().layers().getFirst().weights());
    }

    private static void assertMisuse(Runnable call, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertEquals(message, e.getMessage());
    }

    @Test
    void misuseIsOneClearSentence() {
        Mlp mlp = Mlp.builder(2, 3).epochs(1).build();
        float[][] x = {{0, 0}, {0, 1}, {1, 0}};
        assertMisuse(() -> mlp.fit(new float[][]{{0, 0}, {0, 1, 2}}, new int[]{0, 1}),
                "x[1] has 3 values, but the network takes 2");
        assertMisuse(() -> mlp.fit(x, new int[]{0, 1}), "y has 2 labels, but x has 3 rows");
        assertMisuse(() -> mlp.fit(x, new int[]{0, 1, 3}), "y[2] is 3, outside the classes 0..2");
        assertMisuse(() -> mlp.fit(new float[0][], new int[0]), "x has no rows");
        assertMisuse(() -> mlp.predict(new float[][]{{1}}), "x[0] has 1 values, but the network takes 2");
        assertMisuse(() -> Mlp.builder(2, 1).build(), "classes must be at least 2, got 1");
        assertMisuse(() -> Mlp.builder(2, 3).hidden(0).build(), "layers must be positive sizes, got [2, 0, 3]");
        assertMisuse(() -> Mlp.builder(2, 3).batchSize(0).build(), "batchSize must be at least 1, got 0");
        assertMisuse(() -> Mlp.builder(2, 3).optimizer(new dev.nn.core.config.OptimizerConfig.Adam(-1, 0.9f,
                0.999f, 1e-8f)).build(), "learningRate must be a positive number, got -1.0");
        assertTrue(Arrays.toString(mlp.classNames().toArray()).equals("[0, 1, 2]"));
    }

    @Test
    void theLowerLevelsSayWhatWasForgotten() {
        Mlp mlp = Mlp.builder(2, 3).build();
        dev.nn.core.network.Network fresh = dev.nn.core.network.Network.initialized(mlp.config().network(),
                new Rng(1));
        dev.nn.core.tensor.Matrix batch = new dev.nn.core.tensor.Matrix(4, 2);
        batch.setRows(4);
        assertMisuse(() -> fresh.forward(batch), "the batch has 4 rows but the network is prepared for 0;"
                + " call prepare(4) first");
        fresh.prepare(4);
        dev.nn.core.tensor.Matrix logits = fresh.forward(batch);
        assertMisuse(() -> mlp.config().network().loss().create().forwardBackward(logits, new int[]{0, 1}),
                "the batch has 4 rows but only 2 labels");
    }
}
