package dev.nn.mnist.digits;

import dev.nn.core.data.Dataset;
import dev.nn.mnist.IdxDatasets;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** affNIST-style distortions: reproducible from the seed, and the whole digit stays on the canvas. */
class AffineDigitsTest {

    private static long ink(byte[] picture) {
        long sum = 0;
        for (byte b : picture) {
            sum += b & 0xFF;
        }
        return sum;
    }

    @Test
    void theSameSeedGivesTheSamePicturesAndTheDigitStaysWhole() throws IOException {
        Dataset test = IdxDatasets.bundledMnistTest();
        AffineDigits a = new AffineDigits(28, 40, 5);
        AffineDigits b = new AffineDigits(28, 40, 5);
        AffineDigits other = new AffineDigits(28, 40, 6);
        AffineDigits roomy = new AffineDigits(28, 200, 5); // the same distortions, placed on a canvas with room
        byte[] pixels = new byte[784];
        for (int i = 0; i < 300; i++) {
            test.pixels(i, pixels);
            byte[] first = a.next(pixels);
            assertEquals(1600, first.length);
            assertArrayEquals(first, b.next(pixels), "picture " + i);
            assertFalse(Arrays.equals(first, other.next(pixels)), "another seed, other pictures");
            long onCanvas = ink(first);
            long whole = ink(roomy.next(pixels));
            assertTrue(Math.abs(onCanvas - whole) <= 0.03 * whole, "picture " + i + " lost ink at the edge: " + onCanvas
                    + " of " + whole);
            assertTrue(onCanvas > 0.4 * ink(pixels), "picture " + i + " keeps its ink");
        }
    }

    @Test
    void aBlankPictureStaysBlankAndASmallCanvasIsRefused() {
        assertEquals(0, ink(new AffineDigits(28, 40, 1).next(new byte[784])));
        assertThrows(IllegalArgumentException.class, () -> new AffineDigits(28, 20, 1));
    }
}
