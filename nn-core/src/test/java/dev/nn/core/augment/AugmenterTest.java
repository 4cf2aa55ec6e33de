package dev.nn.core.augment;

import dev.nn.core.config.Augmentation;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import dev.nn.simd.KernelThreads;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distortions: what they do to an image, the elastic field's spread, and that the bits depend on the seed alone. */
class AugmenterTest {

    static final Augmentation EVERYTHING = new Augmentation(15, 0.15f, 0.3f, 2, 34, 4);

    /** A batch of {@code rows} 28×28 images, each a bright bar of its own length, values in [0, 1]. */
    static Matrix bars(int rows) {
        Matrix batch = new Matrix(rows, 784);
        for (int r = 0; r < rows; r++) {
            for (int y = 6; y < 6 + 4 + r % 14; y++) {
                for (int x = 12; x < 16; x++) {
                    batch.data()[r * 784 + y * 28 + x] = 1f;
                }
            }
        }
        return batch;
    }

    @Test
    void theSameSeedAndStepGiveTheSameBitsOnAnyTeamAndOtherStepsOthers() {
        Matrix alone = bars(37);
        Matrix shared = bars(37);
        Matrix later = bars(37);
        new Augmenter(EVERYTHING, 9, 28, 28, null).apply(alone, 5);
        try (KernelThreads team = KernelThreads.of(3)) {
            Augmenter augmenter = new Augmenter(EVERYTHING, 9, 28, 28, team);
            augmenter.apply(shared, 5);
            augmenter.apply(later, 6);
        }
        assertArrayEquals(alone.data(), shared.data());
        assertFalse(Arrays.equals(alone.data(), later.data()));
        assertFalse(Arrays.equals(alone.data(), bars(37).data()), "the images were distorted");
        for (float v : alone.data()) {
            assertTrue(v >= 0 && v <= 1.0001f, "interpolation stays within the pixels' range: " + v);
        }
    }

    @Test
    void aRotationByAlmostNothingLeavesTheImageAndTheInkOfARotatedBarStays() {
        Matrix image = bars(1);
        float[] before = image.data().clone();
        new Augmenter(new Augmentation(1e-4f, 0, 0, 0, 0, 4), 1, 28, 28, null).apply(image, 0);
        for (int i = 0; i < before.length; i++) {
            assertEquals(before[i], image.data()[i], 1e-3, "pixel " + i);
        }
        Matrix turned = bars(1);
        new Augmenter(new Augmentation(45, 0, 0, 0, 0, 4), 1, 28, 28, null).apply(turned, 3);
        double ink = 0;
        for (float v : turned.data()) {
            ink += v;
        }
        assertEquals(16, ink, 1.6, "a turn moves the bar's ink, it makes or loses little of it");
        assertFalse(Arrays.equals(before, turned.data()));
    }

    @Test
    void theCoarseElasticFieldHasThePixelGridsSpreadAndIsSmooth() {
        double fine = spread(new SmoothField(28, 28, 4, 1));
        double coarse = spread(new SmoothField(28, 28, 4, 2));
        assertEquals(1, coarse / fine, 0.1, "spread at spacing 2 " + coarse + ", at spacing 1 " + fine);
        SmoothField field = new SmoothField(28, 28, 4, 2);
        field.draw(new Rng(3));
        double steps = 0;
        for (int y = 0; y < 28; y++) {
            for (int x = 1; x < 28; x++) {
                steps += Math.abs(field.at(x, y) - field.at(x - 1, y));
            }
        }
        assertTrue(steps / (28 * 27) < 0.25 * coarse, "neighbours differ by a fraction of the spread");
    }

    private static double spread(SmoothField field) {
        Rng rng = new Rng(11);
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int draw = 0; draw < 400; draw++) {
            field.draw(rng);
            for (int y = 0; y < 28; y += 3) {
                for (int x = 0; x < 28; x += 3) {
                    double v = field.at(x, y);
                    sum += v;
                    squares += v * v;
                    n++;
                }
            }
        }
        return Math.sqrt(squares / n - (sum / n) * (sum / n));
    }

    @Test
    void aBatchAllocatesNothingAfterWarmUp() {
        Matrix batch = bars(32);
        try (KernelThreads team = KernelThreads.of(2)) {
            Augmenter augmenter = new Augmenter(EVERYTHING, 1, 28, 28, team);
            var threads = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
            long id = Thread.currentThread().threadId();
            long allocated = Long.MAX_VALUE;
            for (int round = 0; round < 50 && allocated > 0; round++) {
                long before = threads.getThreadAllocatedBytes(id);
                for (int step = 0; step < 200; step++) {
                    augmenter.apply(batch, step);
                }
                allocated = threads.getThreadAllocatedBytes(id) - before;
            }
            assertEquals(0, allocated, "bytes allocated by 200 augmented batches after warm-up");
        }
    }
}
