package dev.nn.core.augment;

import dev.nn.core.config.Augmentation;
import dev.nn.core.random.Rng;

/**
 * Distorts one image at a time: draws a random affine map about the image's centre (rotation, scale along each
 * axis, horizontal shear, translation) and, when elastic distortion is on, two smooth displacement fields, then
 * resamples the image through them with bilinear interpolation, taking the background (0) beyond its edges.
 * Output pixel p reads the source at A⁻¹(p − c − t) + c + α·(Δx(p), Δy(p)).
 */
final class Distortion {

    /** The elastic fields' grid spacing in pixels, when σ is at least twice it (see {@link SmoothField}). */
    static final int FIELD_SPACING = 2;

    private final Augmentation settings;
    private final int height;
    private final int width;
    /** The image with a border of zeros one pixel wide, so that interpolation next to an edge needs no test. */
    private final float[] source;
    private final int stride;
    private final SmoothField dx;
    private final SmoothField dy;

    Distortion(Augmentation settings, int height, int width) {
        this.settings = settings;
        this.height = height;
        this.width = width;
        this.stride = width + 2;
        this.source = new float[(height + 2) * stride];
        boolean elastic = settings.elasticAlpha() > 0;
        int spacing = settings.elasticSigma() >= 2 * FIELD_SPACING ? FIELD_SPACING : 1;
        this.dx = elastic ? new SmoothField(height, width, settings.elasticSigma(), spacing) : null;
        this.dy = elastic ? new SmoothField(height, width, settings.elasticSigma(), spacing) : null;
    }

    /** Distorts the image in {@code image[offset, offset + height·width)} by a distortion drawn from {@code rng}. */
    void apply(float[] image, int offset, Rng rng) {
        double angle = Math.toRadians(either(rng, settings.rotation()));
        double sx = 1 + either(rng, settings.scale());
        double sy = 1 + either(rng, settings.scale());
        double shear = either(rng, settings.shear());
        double tx = either(rng, settings.shift());
        double ty = either(rng, settings.shift());
        // forward: p' = R·H·S·(p − c) + c + t; the inverse, S⁻¹·H⁻¹·R⁻¹, maps output pixels to source points
        double cos = Math.cos(angle);
        double sin = Math.sin(angle);
        float m00 = (float) ((cos + shear * sin) / sx);
        float m01 = (float) ((sin - shear * cos) / sx);
        float m10 = (float) (-sin / sy);
        float m11 = (float) (cos / sy);
        float alpha = settings.elasticAlpha();
        if (dx != null) {
            dx.draw(rng);
            dy.draw(rng);
        }
        for (int y = 0; y < height; y++) {
            System.arraycopy(image, offset + y * width, source, (y + 1) * stride + 1, width);
        }
        float cx = (width - 1) / 2f;
        float cy = (height - 1) / 2f;
        for (int y = 0; y < height; y++) {
            float ry = (float) (y - cy - ty);
            for (int x = 0; x < width; x++) {
                float rx = (float) (x - cx - tx);
                float fromX = m00 * rx + m01 * ry + cx;
                float fromY = m10 * rx + m11 * ry + cy;
                if (dx != null) {
                    fromX += alpha * dx.at(x, y);
                    fromY += alpha * dy.at(x, y);
                }
                image[offset + y * width + x] = bilinear(fromX, fromY);
            }
        }
    }

    /** A uniform draw in [−limit, limit]; one draw whatever the limit, so each part keeps its place in the stream. */
    private static double either(Rng rng, float limit) {
        return (2 * rng.nextDouble() - 1) * limit;
    }

    /** The source sampled at (x, y) between its pixels; 0 beyond its edges. */
    private float bilinear(float x, float y) {
        if (!(x > -1 && y > -1 && x < width && y < height)) {
            return 0f;
        }
        int x0 = x < 0 ? -1 : (int) x; // x > −1: the floor
        int y0 = y < 0 ? -1 : (int) y;
        float fx = x - x0;
        float fy = y - y0;
        int i = (y0 + 1) * stride + x0 + 1;
        return (1 - fy) * ((1 - fx) * source[i] + fx * source[i + 1])
                + fy * ((1 - fx) * source[i + stride] + fx * source[i + stride + 1]);
    }
}
