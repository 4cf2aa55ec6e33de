package dev.nn.mnist;

import dev.nn.core.data.Dataset;
import dev.nn.core.tensor.Matrix;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 2-D problems: the same points on every call, balanced classes, inside about [−1, 1]², apart from each other. */
class PlanarTest {

    private static float[] all(Dataset d) {
        int[] order = new int[d.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Matrix m = new Matrix(d.size(), 2);
        d.fillBatch(order, 0, d.size(), m, new int[d.size()]);
        return m.data().clone();
    }

    @Test
    void everyCallGivesTheSamePointsAndClassesTakeTurns() {
        for (Planar p : Planar.values()) {
            TrainTest a = p.trainTest();
            TrainTest b = p.trainTest();
            assertArrayEquals(all(a.train()), all(b.train()), p.id());
            assertEquals(a.test().checksums(), b.test().checksums(), p.id());
            assertNotEquals(a.train().checksums().values().iterator().next(),
                    a.test().checksums().values().iterator().next(), "train and test are different draws");
            assertEquals(Planar.TRAIN, a.train().size());
            assertEquals(Planar.TEST, a.test().size());
            assertEquals(p.classes(), a.train().classes());
            int[] perClass = new int[p.classes()];
            for (int i = 0; i < a.train().size(); i++) {
                perClass[a.train().label(i)]++;
            }
            for (int count : perClass) {
                assertEquals(Planar.TRAIN / p.classes(), count, p.id() + " is balanced");
            }
            for (float v : all(a.train())) {
                assertTrue(Math.abs(v) < 1.5f, p.id() + " point coordinate " + v);
            }
            assertEquals(p, Planar.byId(p.id()));
        }
    }

    @Test
    void circlesAreSeparatedByDistanceFromTheCentre() {
        Dataset circles = Planar.CIRCLES.trainTest().train();
        float[] xy = all(circles);
        for (int i = 0; i < circles.size(); i++) {
            double r = Math.hypot(xy[2 * i], xy[2 * i + 1]);
            assertTrue(circles.label(i) == 0 ? r < 0.6 : r > 0.6, "point " + i + " at radius " + r);
        }
    }
}
