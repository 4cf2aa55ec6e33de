package dev.nn.core.metrics;

/**
 * How a network did on a dataset.
 *
 * @param samples number of samples seen
 * @param meanLoss the mean loss per sample
 * @param confusion confusion[actual][predicted] counts
 */
public record Evaluation(int samples, double meanLoss, int[][] confusion) {

    /** Correctly classified samples. */
    public int correct() {
        int correct = 0;
        for (int c = 0; c < confusion.length; c++) {
            correct += confusion[c][c];
        }
        return correct;
    }

    /** Fraction classified correctly, in [0, 1]. */
    public double accuracy() {
        return samples == 0 ? 0 : (double) correct() / samples;
    }

    /** Of the samples predicted as class c, the fraction that are c (NaN when none was predicted c). */
    public double precision(int c) {
        int predicted = 0;
        for (int[] row : confusion) {
            predicted += row[c];
        }
        return predicted == 0 ? Double.NaN : (double) confusion[c][c] / predicted;
    }

    /** Of the samples of class c, the fraction predicted as c (NaN when there are none). */
    public double recall(int c) {
        int actual = 0;
        for (int n : confusion[c]) {
            actual += n;
        }
        return actual == 0 ? Double.NaN : (double) confusion[c][c] / actual;
    }
}
