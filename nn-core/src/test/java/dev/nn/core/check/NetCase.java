package dev.nn.core.check;

import dev.nn.core.activation.Activation;
import dev.nn.core.init.Init;
import dev.nn.core.init.Initializer;
import dev.nn.core.layer.Dense;
import dev.nn.core.loss.Loss;
import dev.nn.core.loss.LossFunction;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import org.quicktheories.core.Gen;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

import static org.quicktheories.generators.SourceDSL.arbitrary;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * One random gradient-check case: layer sizes (1–4 layers, widths 1–17), an activation per hidden layer, a loss,
 * an initialiser, a batch of 1–9 rows, and the seed of the weights, inputs and labels. Printed as a record,
 * so a shrunk failure reads as the exact network.
 */
record NetCase(List<Integer> sizes, List<Activation> activations, String loss, String init, int rows, long seed) {

    /** Every kind of case. */
    static Gen<NetCase> any() {
        return cases(lists().of(arbitrary().enumValues(Activation.class)).ofSizeBetween(3, 3),
                arbitrary().pick(List.of("cce", "mse")), arbitrary().pick(List.of("he", "glorot", "uniform")));
    }

    /** Cases whose hidden layers all use {@code activation}. */
    static Gen<NetCase> withActivation(Activation activation) {
        return cases(arbitrary().constant(List.of(activation, activation, activation)),
                arbitrary().pick(List.of("cce", "mse")), arbitrary().pick(List.of("he", "glorot", "uniform")));
    }

    private static Gen<NetCase> cases(Gen<List<Activation>> activations, Gen<String> losses, Gen<String> inits) {
        Gen<List<Integer>> sizes = lists().of(integers().between(1, 17)).ofSizeBetween(2, 5);
        Gen<int[]> rowsAndSeed = integers().between(1, 9).zip(longs().all(), (r, s) -> new int[]{r, (int) (long) s});
        return sizes.zip(activations, losses, inits, (sz, acts, loss, init) -> new Object[]{sz, acts, loss, init})
                .zip(rowsAndSeed, (parts, rs) -> build(parts, rs));
    }

    @SuppressWarnings("unchecked")
    private static NetCase build(Object[] parts, int[] rowsAndSeed) {
        List<Integer> sizes = (List<Integer>) parts[0];
        List<Activation> acts = ((List<Activation>) parts[1]).stream()
                .map(a -> a == Activation.IDENTITY ? Activation.RELU : a).toList();
        int hidden = sizes.size() - 2;
        return new NetCase(sizes, acts.subList(0, hidden), (String) parts[2], (String) parts[3], rowsAndSeed[0],
                rowsAndSeed[1]);
    }

    /** Builds the network with {@code layer} making each dense layer, weights and biases from the seed. */
    Network network(Function<Spec, Dense> layer) {
        Rng rng = new Rng(seed);
        Initializer initializer = Init.byId(init).initializer();
        List<Dense> layers = new ArrayList<>();
        for (int l = 0; l + 1 < sizes.size(); l++) {
            boolean last = l + 2 == sizes.size();
            Dense dense = layer.apply(new Spec("layer" + (l + 1), sizes.get(l), sizes.get(l + 1),
                    last ? Activation.IDENTITY : activations.get(l)));
            initializer.initialize(dense.weights(), dense.inputSize(), dense.outputSize(), rng);
            for (int o = 0; o < dense.bias().length; o++) {
                dense.bias()[o] = (float) (rng.nextDouble() - 0.5) * 0.2f;
            }
            layers.add(dense);
        }
        return new Network(layers);
    }

    /** The network with the real layers. */
    Network network() {
        return network(s -> new Dense(s.name(), s.in(), s.out(), s.activation()));
    }

    /** The input batch: values in [−1, 1) from the seed. */
    Matrix input() {
        Rng rng = new Rng(~seed);
        Matrix x = new Matrix(rows, sizes.getFirst());
        for (int i = 0; i < x.data().length; i++) {
            x.data()[i] = (float) (2 * rng.nextDouble() - 1);
        }
        return x;
    }

    /** One label per row, among the output size's classes. */
    int[] labels() {
        Rng rng = new Rng(seed * 31 + 7);
        int[] labels = new int[rows];
        Arrays.setAll(labels, i -> rng.nextInt(sizes.getLast()));
        return labels;
    }

    /** The loss this case uses. */
    Loss lossFunction() {
        return LossFunction.byId(loss).create();
    }

    /** What a factory needs to make one dense layer. */
    record Spec(String name, int in, int out, Activation activation) {
    }
}
