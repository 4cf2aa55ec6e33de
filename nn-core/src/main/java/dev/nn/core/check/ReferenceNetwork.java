package dev.nn.core.check;

import dev.nn.core.activation.Activation;
import dev.nn.core.layer.Dense;
import dev.nn.core.layer.Dropout;
import dev.nn.core.loss.Loss;
import dev.nn.core.network.Network;

import java.util.List;

/**
 * A network's function in double precision, written as plainly as possible: the oracle that finite differences
 * differentiate. It shares no arithmetic with the float code it checks, only the definitions
 * ({@link Activation#value(double)}, {@link Loss#referenceLoss}). Parameters live in {@link #parameters()},
 * in the network's order, so a check can nudge any one of them.
 */
final class ReferenceNetwork {

    private final int[] sizes;
    private final Activation[] activations;
    private final Loss loss;
    /** Per layer: weights (out×in), then bias; the last entry holds the input batch. */
    private final double[][] values;
    private final int rows;
    private final int[] labels;
    private final Dropout dropout;
    private final double weightDecay;
    private long kinkSignature;

    /** The network's loss on the batch, through {@code extras}' dropout masks and plus its L2 penalty. */
    ReferenceNetwork(Network network, Loss loss, float[] input, int rows, int[] labels, TrainingExtras extras) {
        List<Dense> layers = network.layers();
        this.sizes = new int[layers.size() + 1];
        this.activations = new Activation[layers.size()];
        this.values = new double[2 * layers.size() + 1][];
        for (int l = 0; l < layers.size(); l++) {
            Dense layer = layers.get(l);
            sizes[l] = layer.inputSize();
            sizes[l + 1] = layer.outputSize();
            activations[l] = layer.activation();
            values[2 * l] = toDouble(layer.weights(), layer.weights().length);
            values[2 * l + 1] = toDouble(layer.bias(), layer.bias().length);
        }
        values[values.length - 1] = toDouble(input, rows * sizes[0]);
        this.loss = loss;
        this.rows = rows;
        this.labels = labels.clone();
        this.dropout = extras.dropout();
        this.weightDecay = extras.weightDecay();
    }

    /** The parameter groups (weights, bias per layer) and, last, the input batch; live arrays. */
    double[][] parameters() {
        return values;
    }

    /**
     * The mean loss over the batch, as the float network's {@link Loss#forwardBackward} defines it, with each
     * layer's input multiplied by its dropout factor, plus λ/2 times the sum of the squared weights.
     */
    double meanLoss() {
        double total = 0;
        long signature = 1;
        double[] x = values[values.length - 1];
        for (int r = 0; r < rows; r++) {
            double[] a = new double[sizes[0]];
            System.arraycopy(x, r * sizes[0], a, 0, sizes[0]);
            for (int l = 0; l < activations.length; l++) {
                if (dropout != null) {
                    for (int i = 0; i < a.length; i++) {
                        a[i] *= dropout.factor(l, r, i);
                    }
                }
                double[] w = values[2 * l];
                double[] b = values[2 * l + 1];
                double[] z = new double[sizes[l + 1]];
                for (int o = 0; o < z.length; o++) {
                    double sum = b[o];
                    for (int i = 0; i < a.length; i++) {
                        sum += w[o * a.length + i] * a[i];
                    }
                    z[o] = activations[l].value(sum);
                    if (activations[l].kinked()) {
                        signature = signature * 31 + (sum > 0 ? 1 : 0);
                    }
                }
                a = z;
            }
            total += loss.referenceLoss(a, labels[r]);
        }
        kinkSignature = signature;
        double penalty = 0;
        for (int l = 0; l < activations.length; l++) {
            for (double w : values[2 * l]) {
                penalty += w * w;
            }
        }
        return total / rows + weightDecay / 2 * penalty;
    }

    /** Which side of the kink every ReLU-like unit was on in the last {@link #meanLoss()}, as a hash. */
    long kinkSignature() {
        return kinkSignature;
    }

    private static double[] toDouble(float[] values, int n) {
        double[] copy = new double[n];
        for (int i = 0; i < n; i++) {
            copy[i] = values[i];
        }
        return copy;
    }
}
