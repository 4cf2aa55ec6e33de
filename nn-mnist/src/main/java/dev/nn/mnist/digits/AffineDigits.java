package dev.nn.mnist.digits;

import dev.nn.core.random.Rng;

/**
 * Random affine distortions of digits onto a larger canvas, as affNIST makes them: each picture rotated by up to
 * ±{@value #ROTATION_DEGREES}°, sheared by up to ±{@value #SHEAR}, scaled by {@value #SCALE_MIN}–
 * {@value #SCALE_MAX},
 * then moved to a random place where all of its ink stays on the canvas. Pixels are sampled bilinearly from the
 * source (the inverse map of each canvas pixel), so the ink keeps its grey edges. The same seed gives the same
 * pictures.
 */
public final class AffineDigits {

    /** The largest rotation, degrees either way. */
    public static final double ROTATION_DEGREES = 20;
    /** The largest shear, either way. */
    public static final double SHEAR = 0.2;
    /** The scale's range. */
    public static final double SCALE_MIN = 0.8;
    public static final double SCALE_MAX = 1.2;

    private final int side;
    private final int canvas;
    private final Rng rng;

    /**
     * Distortions of {@code side}×{@code side} pictures onto {@code canvas}×{@code canvas}, drawn from
     * {@code seed}.
     */
    public AffineDigits(int side, int canvas, long seed) {
        if (side < 1 || canvas < side) {
            throw new IllegalArgumentException("the canvas (" + canvas + ") must be at least the pictures' side ("
                    + side + ")");
        }
        this.side = side;
        this.canvas = canvas;
        this.rng = new Rng(seed);
    }

    /** The next picture: {@code source} (side×side bytes, 0–255, ink high) distorted onto a new canvas. */
    public byte[] next(byte[] source) {
        double angle = Math.toRadians(ROTATION_DEGREES * (2 * rng.nextDouble() - 1));
        double shear = SHEAR * (2 * rng.nextDouble() - 1);
        double scale = SCALE_MIN + (SCALE_MAX - SCALE_MIN) * rng.nextDouble();
        // forward map about the source's centre: M = scale · rotation · shear
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        double a = scale * cos;
        double b = scale * (cos * shear - sin);
        double c = scale * sin;
        double d = scale * (sin * shear + cos);
        double centre = (side - 1) / 2.0;
        // where the ink lands, before moving it: the box of the mapped ink pixels' corners
        double minX = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, minY = Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                if (source[y * side + x] == 0) {
                    continue;
                }
                for (int corner = 0; corner < 4; corner++) { // ±1: where bilinear sampling still sees the pixel
                    double sx = x - centre + 2 * (corner & 1) - 1;
                    double sy = y - centre + 2 * (corner >> 1) - 1;
                    double tx = a * sx + b * sy;
                    double ty = c * sx + d * sy;
                    minX = Math.min(minX, tx);
                    maxX = Math.max(maxX, tx);
                    minY = Math.min(minY, ty);
                    maxY = Math.max(maxY, ty);
                }
            }
        }
        byte[] out = new byte[canvas * canvas];
        if (minX > maxX) {
            return out; // a blank picture stays blank
        }
        // a random place for the box's corner among those that keep it on the canvas (centred if it is larger)
        double offsetX = place(-minX, canvas - maxX);
        double offsetY = place(-minY, canvas - maxY);
        double det = a * d - b * c;
        for (int y = 0; y < canvas; y++) {
            for (int x = 0; x < canvas; x++) {
                // the inverse map of the canvas pixel's centre back into the source
                double tx = x + 0.5 - offsetX;
                double ty = y + 0.5 - offsetY;
                double sx = (d * tx - b * ty) / det + centre;
                double sy = (-c * tx + a * ty) / det + centre;
                out[y * canvas + x] = (byte) Math.round(bilinear(source, sx, sy));
            }
        }
        return out;
    }

    /**
     * A uniform value in [low, high], or their middle when the range is empty; one draw either way, so that every
     * picture takes five draws and a picture's distortion depends only on the seed and its position.
     */
    private double place(double low, double high) {
        double u = rng.nextDouble();
        return high >= low ? low + (high - low) * u : (low + high) / 2;
    }

    /** The source sampled at (x, y) between pixel centres; 0 outside. */
    private double bilinear(byte[] source, double x, double y) {
        int x0 = (int) Math.floor(x);
        int y0 = (int) Math.floor(y);
        double fx = x - x0;
        double fy = y - y0;
        return (1 - fy) * ((1 - fx) * pixel(source, x0, y0) + fx * pixel(source, x0 + 1, y0))
                + fy * ((1 - fx) * pixel(source, x0, y0 + 1) + fx * pixel(source, x0 + 1, y0 + 1));
    }

    private double pixel(byte[] source, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0 : source[y * side + x] & 0xFF;
    }
}
