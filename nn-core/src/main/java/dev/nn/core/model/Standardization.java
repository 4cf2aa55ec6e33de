package dev.nn.core.model;

/**
 * How raw features become a network's inputs: {@code (x − mean) · scale} per feature, with the mean and the
 * reciprocal of the standard deviation measured on the training set. Stored in the model, so that prediction
 * applies exactly what training did.
 *
 * @param mean one mean per feature
 * @param scale one factor per feature (1/σ, or 1 for a feature that never varied)
 */
public record Standardization(float[] mean, float[] scale) {

    /** Checks that both have one finite value per feature. */
    public Standardization {
        if (mean == null || scale == null || mean.length != scale.length) {
            throw new IllegalArgumentException("standardization needs one mean and one scale per feature");
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Float.isFinite(mean[i]) || !Float.isFinite(scale[i])) {
                throw new IllegalArgumentException("standardization of feature " + i + " is not finite");
            }
        }
    }

    /** Measured on {@code rows} (count × features, row-major): each feature's mean and 1/σ. */
    public static Standardization of(float[] rows, int features) {
        int count = rows.length / features;
        double[] sum = new double[features];
        double[] squares = new double[features];
        for (int r = 0; r < count; r++) {
            for (int f = 0; f < features; f++) {
                double v = rows[r * features + f];
                sum[f] += v;
                squares[f] += v * v;
            }
        }
        float[] mean = new float[features];
        float[] scale = new float[features];
        for (int f = 0; f < features; f++) {
            double m = count == 0 ? 0 : sum[f] / count;
            double variance = count == 0 ? 0 : Math.max(0, squares[f] / count - m * m);
            mean[f] = (float) m;
            scale[f] = variance > 1e-12 ? (float) (1 / Math.sqrt(variance)) : 1f;
        }
        return new Standardization(mean, scale);
    }

    /** Features per sample. */
    public int features() {
        return mean.length;
    }

    /** Applies it in place to {@code rows} (count × features, row-major). */
    public void apply(float[] rows) {
        int features = mean.length;
        for (int i = 0; i < rows.length; i++) {
            int f = i % features;
            rows[i] = (rows[i] - mean[f]) * scale[f];
        }
    }
}
