package dev.nn.core.random;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RngTest {

    @Test
    void theSameSeedDrawsTheSameNumbersAndStateRestores() {
        Rng a = new Rng(123);
        Rng b = new Rng(123);
        for (int i = 0; i < 1000; i++) {
            assertEquals(a.nextLong(), b.nextLong());
        }
        long saved = a.state();
        double g = a.nextGaussian();
        a.setState(saved);
        assertEquals(g, a.nextGaussian());
        assertNotEquals(new Rng(1).nextLong(), new Rng(2).nextLong());
    }

    @Test
    void boundedIntsStayInRangeAndCoverIt() {
        Rng rng = new Rng(5);
        int[] seen = new int[7];
        for (int i = 0; i < 7000; i++) {
            seen[rng.nextInt(7)]++;
        }
        for (int count : seen) {
            assertTrue(count > 800 && count < 1200, Arrays.toString(seen));
        }
    }

    @Test
    void gaussiansHaveMeanZeroAndVarianceOne() {
        Rng rng = new Rng(9);
        double sum = 0, squares = 0;
        int n = 200_000;
        for (int i = 0; i < n; i++) {
            double x = rng.nextGaussian();
            sum += x;
            squares += x * x;
        }
        assertEquals(0, sum / n, 0.01);
        assertEquals(1, squares / n, 0.02);
    }

    @Test
    void shuffleIsAPermutation() {
        int[] a = new int[100];
        for (int i = 0; i < a.length; i++) {
            a[i] = i;
        }
        new Rng(3).shuffle(a);
        int[] sorted = a.clone();
        Arrays.sort(sorted);
        int[] identity = new int[100];
        Arrays.setAll(identity, i -> i);
        assertArrayEquals(identity, sorted);
        assertNotEquals(Arrays.toString(identity), Arrays.toString(a));
    }
}
