package dev.nn.core.augment;

import dev.nn.core.random.Rng;
import dev.nn.simd.Kernels;

import java.util.Arrays;

/**
 * A random field of displacements for an image of {@code height × width}: white noise in [−1, 1], smoothed by a
 * Gaussian of width σ (Simard et al. 2003), read between its points by bilinear interpolation.
 *
 * <p>The field is made on a grid {@code spacing} pixels apart: a Gaussian of σ ≥ 2 pixels keeps almost nothing
 * finer than a few pixels, so a coarser grid (its noise smoothed by σ/spacing grid points, over spacing² times
 * fewer values, so its values are divided by spacing to keep the spread the pixel grid's field has) gives the same kind of field for a quarter
 * of the work at spacing 2. The noise is drawn on a canvas ⌈3σ⌉ grid points larger on every side, so every point
 * is smoothed over noise as far as the kernel reaches, edges included. Both passes of the separable blur are
 * rows of axpy: the vertical one slides whole rows, the horizontal one the flat canvas by one value a tap (the
 * values it makes past each row's end are never read).
 */
final class SmoothField {

    private final int rows;
    private final int cols;
    private final int stride;
    private final float[] taps;
    private final float[] noise;
    private final float[] vertical;
    private final float[] smooth;
    /** For each pixel column and row: the grid point before it, and how far past that point it lies. */
    private final int[] gridX;
    private final int[] gridY;
    private final float[] fracX;
    private final float[] fracY;

    /** A field for an image {@code height × width}, smoothed by σ = {@code sigma} pixels, on a grid {@code spacing} apart. */
    SmoothField(int height, int width, float sigma, int spacing) {
        this.rows = (height - 1) / spacing + 2;
        this.cols = (width - 1) / spacing + 2;
        float gridSigma = sigma / spacing;
        int reach = (int) Math.ceil(3 * gridSigma);
        this.stride = cols + 2 * reach;
        this.taps = gaussian(gridSigma, reach, spacing);
        this.noise = new float[(rows + 2 * reach) * stride];
        this.vertical = new float[rows * stride + 2 * reach];
        this.smooth = new float[rows * stride];
        this.gridX = new int[width];
        this.fracX = new float[width];
        for (int x = 0; x < width; x++) {
            gridX[x] = x / spacing;
            fracX[x] = (float) (x % spacing) / spacing;
        }
        this.gridY = new int[height];
        this.fracY = new float[height];
        for (int y = 0; y < height; y++) {
            gridY[y] = y / spacing;
            fracY[y] = (float) (y % spacing) / spacing;
        }
    }

    /**
     * Gaussian taps exp(−t²/2σ²), t = −reach..reach, normalised to sum to 1 and, in the vertical pass's taps and
     * the horizontal's alike, divided by √spacing: the two passes together divide the field by spacing.
     */
    private static float[] gaussian(float sigma, int reach, int spacing) {
        float[] taps = new float[2 * reach + 1];
        double sum = 0;
        for (int t = -reach; t <= reach; t++) {
            sum += Math.exp(-t * t / (2.0 * sigma * sigma));
        }
        for (int t = -reach; t <= reach; t++) {
            taps[t + reach] = (float) (Math.exp(-t * t / (2.0 * sigma * sigma)) / sum / Math.sqrt(spacing));
        }
        return taps;
    }

    /** Draws a new field from {@code rng}; {@link #at} reads it. */
    void draw(Rng rng) {
        for (int i = 0; i < noise.length; i += 2) {
            long bits = rng.nextLong();
            noise[i] = signedUnit((int) bits);
            if (i + 1 < noise.length) {
                noise[i + 1] = signedUnit((int) (bits >>> 32));
            }
        }
        int values = rows * stride;
        Arrays.fill(vertical, 0f);
        for (int t = 0; t < taps.length; t++) {
            Kernels.axpy(taps[t], noise, t * stride, vertical, 0, values);
        }
        Arrays.fill(smooth, 0f);
        for (int t = 0; t < taps.length; t++) {
            Kernels.axpy(taps[t], vertical, t, smooth, 0, values);
        }
    }

    /** A uniform value in [−1, 1) from 32 random bits. */
    private static float signedUnit(int bits) {
        return bits * 0x1.0p-31f;
    }

    /** The field at pixel (x, y) of the image, interpolated between the grid's points. */
    float at(int x, int y) {
        float fx = fracX[x];
        float fy = fracY[y];
        int i = gridY[y] * stride + gridX[x];
        return (1 - fy) * ((1 - fx) * smooth[i] + fx * smooth[i + 1])
                + fy * ((1 - fx) * smooth[i + stride] + fx * smooth[i + stride + 1]);
    }
}
