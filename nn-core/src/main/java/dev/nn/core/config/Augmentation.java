package dev.nn.core.config;

import java.util.ArrayList;
import java.util.List;

/**
 * New training images made on the fly from each batch's own, a fresh random distortion of every image at every
 * step (seeded by the run's seed and the step, so any thread count and {@code --resume} give the same bits):
 * a random affine map (Simard, Steinkraus &amp; Platt 2003; Cireşan et al. 2010) and an elastic distortion
 * (Simard et al. 2003: a field of random displacements in [−1, 1], smoothed by a Gaussian of width σ and
 * scaled by α). Evaluation sees the images as they are. Zero turns each part off; {@link #NONE} is all off.
 *
 * @param rotation the largest rotation, in degrees either way
 * @param scale the largest change of size along each axis, a fraction (0.15: from 85% to 115%)
 * @param shear the largest horizontal shear, as a slope (x moves by shear·y)
 * @param shift the largest translation along each axis, in pixels
 * @param elasticAlpha α, the elastic displacements' scale in pixels; 0 for none
 * @param elasticSigma σ of the Gaussian that smooths the elastic field, in pixels
 */
public record Augmentation(float rotation, float scale, float shear, float shift, float elasticAlpha,
                           float elasticSigma) {

    /** σ = 4 pixels, Simard et al.'s width of the smoothing for 28×28 digits (narrower looks like noise). */
    public static final float SIGMA = 4;

    /** No augmentation: the default of nn. */
    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0, 0, SIGMA);

    /**
     * Distortions of one strength: {@code s} times rotation ±10°, scale ±10%, shear ±0.15, shift ±2 px and elastic
     * α 34 (σ 4) — at 1, the distortions of the 99.35% run in docs/RECORDS.md; 0 is none. One number to search.
     */
    public static Augmentation ofStrength(float strength) {
        if (!(strength >= 0 && strength <= MAX_STRENGTH)) {
            throw new IllegalArgumentException("augment must be from 0 to " + MAX_STRENGTH + ", got " + strength);
        }
        return new Augmentation(10 * strength, 0.1f * strength, 0.15f * strength, 2 * strength, 34 * strength,
                SIGMA);
    }

    /** The strongest {@link #ofStrength}: rotations up to ±50°, a scale from 50% to 150%. */
    public static final int MAX_STRENGTH = 5;

    /** Checks every setting, naming the one that is wrong. */
    public Augmentation {
        Checks.notNegative("rotation", rotation);
        if (!(rotation <= 180)) {
            throw new IllegalArgumentException("rotation must be at most 180 degrees, got " + rotation);
        }
        Checks.fraction("scale", scale);
        Checks.notNegative("shear", shear);
        Checks.notNegative("shift", shift);
        Checks.notNegative("elasticAlpha", elasticAlpha);
        Checks.positive("elasticSigma", elasticSigma);
    }

    /** Whether any distortion is on. */
    public boolean on() {
        return rotation > 0 || scale > 0 || shear > 0 || shift > 0 || elasticAlpha > 0;
    }

    /** The parts that are on, e.g. {@code rotation ±15°, elastic α 34 σ 4}; {@code none} when none is. */
    public String summary() {
        List<String> parts = new ArrayList<>();
        if (rotation > 0) {
            parts.add("rotation ±" + rotation + "°");
        }
        if (scale > 0) {
            parts.add("scale ±" + Math.round(scale * 1000) / 10.0 + "%");
        }
        if (shear > 0) {
            parts.add("shear ±" + shear);
        }
        if (shift > 0) {
            parts.add("shift ±" + shift + " px");
        }
        if (elasticAlpha > 0) {
            parts.add("elastic α " + elasticAlpha + " σ " + elasticSigma);
        }
        return parts.isEmpty() ? "none" : String.join(", ", parts);
    }
}
