package dev.nn.core.train;

import dev.nn.core.network.Network;

import java.util.ArrayList;
import java.util.List;

/**
 * The running mean of the weights at the ends of the epochs averaged so far: what a run with weight averaging
 * evaluates and keeps, and what a resumed run must remember to go on averaging exactly.
 *
 * @param epochs how many epochs' weights the mean holds, at least 1
 * @param mean every parameter's mean values, in the network's parameter order
 */
public record AveragedWeights(int epochs, List<float[]> mean) {

    /** Keeps the list (its arrays are this record's own: nothing else holds them). */
    public AveragedWeights {
        mean = List.copyOf(mean);
    }

    /** The mean of one epoch: a copy of {@code network}'s weights now. */
    static AveragedWeights of(Network network) {
        return new AveragedWeights(1, WeightCopies.of(network));
    }

    /**
     * The mean with {@code network}'s weights now added: each value m + (w − m) / n, n the new count, in float,
     * in the same order every time (a resumed run averages to the same bits).
     */
    AveragedWeights plus(Network network) {
        int n = epochs + 1;
        List<float[]> next = new ArrayList<>();
        var parameters = network.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            float[] w = parameters.get(i).value();
            float[] m = mean.get(i).clone();
            for (int j = 0; j < m.length; j++) {
                m[j] += (w[j] - m[j]) / n;
            }
            next.add(m);
        }
        return new AveragedWeights(n, next);
    }

    /** Copies the mean into {@code network}, whose parameters have the shapes it was taken from. */
    public void putInto(Network network) {
        WeightCopies.putInto(mean, network);
    }
}
