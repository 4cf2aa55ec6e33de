package dev.nn.core.train;

import dev.nn.core.network.Network;

import java.util.ArrayList;
import java.util.List;

/** Copies of a network's weights, taken and put back at an epoch's end (never in a step). */
final class WeightCopies {

    private WeightCopies() {
    }

    /** A copy of every parameter's values, in the network's parameter order. */
    static List<float[]> of(Network network) {
        List<float[]> copy = new ArrayList<>();
        for (var p : network.parameters()) {
            copy.add(p.value().clone());
        }
        return copy;
    }

    /** Copies {@code weights} into {@code network}, whose parameters have the shapes they were copied from. */
    static void putInto(List<float[]> weights, Network network) {
        var parameters = network.parameters();
        for (int i = 0; i < parameters.size(); i++) {
            float[] value = parameters.get(i).value();
            System.arraycopy(weights.get(i), 0, value, 0, value.length);
        }
    }
}
