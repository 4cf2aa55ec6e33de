package dev.nn.core.check;

import dev.nn.core.layer.Dropout;
import dev.nn.core.layer.Parameter;
import dev.nn.core.loss.Loss;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Checks backprop against central finite differences, group by group (each layer's weights and bias, and the
 * input).
 *
 * <p><b>Precision.</b> The gradient under test is the production one, computed in float. The finite differences
 * are taken in double on a {@link ReferenceNetwork}: (L(θ+h) − L(θ−h))/2h with h = 1e-5 has truncation error
 * h²·|L'''|/6 ≈ 1e-11 and rounding error ε_double·|L|/h ≈ 1e-11, far under float's noise for ordinary entries,
 * so what remains is backprop's own float rounding, or a bug. Each entry's error is
 * |backprop − numeric| / max(|backprop|, |numeric|, s, {@link #FLOOR}·(the largest |numeric| of the whole check),
 * {@link #NOISE}, d/tolerance), where s is the mean over the batch of the rows' own |gradient| and d =
 * 4·ε_double·|L|/h is what the finite difference itself cannot resolve: relative for ordinary entries; on the
 * rows' scale for an entry whose rows cancel (its rounding follows the terms, not their sum); absolute, on the
 * network's gradient scale, for entries far smaller than it, whose float rounding follows the size of the signals
 * that made them (a gradient through two nearly equal output weights); and absolute for entries so small (a
 * vanishing gradient, 1e-7) that the difference's own rounding would dominate. The bound is in
 * {@link #tolerance}.
 *
 * <p><b>Kinks.</b> ReLU-like units are not differentiable at 0: when a nudge of ±h moves any unit across its kink,
 * the finite difference is meaningless there, so that entry is skipped and counted.
 */
public final class GradientCheck {

    /** The finite-difference step. */
    public static final double STEP = 1e-5;
    /** Entries smaller than this fraction of the check's largest are judged by absolute error. */
    public static final double FLOOR = 1e-2;
    /** Below this size an entry is judged by absolute error too: the finite difference's own error is ~1e-11. */
    public static final double NOISE = 1e-8;

    /** One group's outcome: entries checked, entries skipped at a kink, max and median relative error. */
    public record Group(String name, int checked, int skipped, double maxError, double medianError,
                        boolean passed) {
    }

    /** All groups' outcomes and the tolerance they were held to. */
    public record Result(List<Group> groups, double tolerance) {

        /** Whether every group passed. */
        public boolean passed() {
            return groups.stream().allMatch(Group::passed);
        }
    }

    private GradientCheck() {
    }

    /**
     * The tolerance for a network with these layers and batch size. A float sum of K terms has a relative error
     * of at most γ_K ≈ K·u in the worst case and, with rounding errors that behave as independent, of about
     * √K·u with high probability (Higham &amp; Mary, "A New Approach to Probabilistic Rounding Error Analysis",
     * 2019); u = 2⁻²⁴. A gradient passes through one such sum per layer and one for the batch mean, so with
     * K the widest layer or the batch: (layers + 1)·√K·u, divided by {@link #FLOOR} because errors are measured
     * on a hundredth of the check's scale at worst. For 1–4 layers of widths up to 17 it is 1e-4 at most (the
     * property suite's worst case in 12 seeds × 2,300 random networks: 0.5 of it); for 784-16-16-10 on 8 images,
     * 7e-4. Bugs give errors near 1.
     * <p>The derivation: docs/MATH.md#gradient-checking-in-float.
     */
    public static double tolerance(Network network, int rows) {
        int widest = rows;
        for (var layer : network.layers()) {
            widest = Math.max(widest, Math.max(layer.inputSize(), layer.outputSize()));
        }
        double u = Math.ulp(1f) / 2;
        return (network.layers().size() + 1) * Math.sqrt(widest) * u / FLOOR;
    }

    /**
     * Checks {@code network}'s gradient of {@code loss} on a batch ({@code rows} samples of {@code input},
     * with {@code labels}); for groups larger than {@code perGroup} entries, that many chosen by {@code rng}.
     * The network's parameter gradients are overwritten; its weights are left as they were.
     * <p>The derivation: docs/MATH.md#gradient-checking-in-float.
     */
    public static Result check(Network network, Loss loss, Matrix input, int[] labels, int perGroup, Rng rng) {
        return check(network, loss, input, labels, perGroup, rng, (done, total) -> { });
    }

    /**
     * The entries a check perturbs: of each parameter group, and of the input's {@code inputValues}, at most
     * {@code perGroup}.
     */
    public static long entries(Network network, int inputValues, int perGroup) {
        long total = Math.min(inputValues, perGroup);
        for (Parameter p : network.parameters()) {
            total += Math.min(p.value().length, perGroup);
        }
        return total;
    }

    /** Hears how far a check is: {@code done} of {@code total} entries have been perturbed. */
    @FunctionalInterface
    public interface Listener {
        /** Called after each entry. */
        void entriesChecked(long done, long total);
    }

    /** {@link #check(Network, Loss, Matrix, int[], int, Rng)}, telling {@code listener} after each entry. */
    public static Result check(Network network, Loss loss, Matrix input, int[] labels, int perGroup, Rng rng,
                               Listener listener) {
        return check(network, loss, input, labels, perGroup, rng, listener, TrainingExtras.NONE);
    }

    /**
     * {@link #check(Network, Loss, Matrix, int[], int, Rng, Listener)} of the gradient a training step makes with
     * {@code extras}: through dropout's masks (drawn for this batch beforehand) and with the L2 penalty's gradient
     * added, against finite differences of the masked loss plus λ/2·‖W‖².
     */
    public static Result check(Network network, Loss loss, Matrix input, int[] labels, int perGroup, Rng rng,
                               Listener listener, TrainingExtras extras) {
        int rows = input.rows();
        network.prepare(rows);
        Matrix logits = network.forward(input, extras.dropout());
        loss.forwardBackward(logits, labels);
        Matrix inputGradient = network.backward(logits, true, extras.dropout());
        extras.addDecayGradient().accept(network);

        List<float[]> analytic = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Parameter p : network.parameters()) {
            analytic.add(p.grad().clone());
            names.add(p.name());
        }
        analytic.add(Arrays.copyOf(inputGradient.data(), rows * input.cols()));
        names.add("input");
        List<double[]> scales = rowScales(network, loss, input, labels, analytic, extras);

        ReferenceNetwork reference = new ReferenceNetwork(network, loss, input.data(), rows, labels, extras);
        double differenceNoise = 4 * Math.ulp(1.0) / 2 * Math.abs(reference.meanLoss()) / STEP;
        long signature = reference.kinkSignature();
        double tolerance = tolerance(network, rows);
        double[][] parameters = reference.parameters();
        long total = entries(network, rows * input.cols(), perGroup);
        long done = 0;
        int[][] entries = new int[parameters.length][];
        double[][] numeric = new double[parameters.length][];
        boolean[][] kink = new boolean[parameters.length][];
        double largest = 0;
        for (int g = 0; g < parameters.length; g++) {
            double[] values = parameters[g];
            entries[g] = choose(values.length, perGroup, rng);
            numeric[g] = new double[entries[g].length];
            kink[g] = new boolean[entries[g].length];
            for (int e = 0; e < entries[g].length; e++) {
                int i = entries[g][e];
                double original = values[i];
                values[i] = original + STEP;
                double plus = reference.meanLoss();
                boolean crossed = reference.kinkSignature() != signature;
                values[i] = original - STEP;
                double minus = reference.meanLoss();
                crossed |= reference.kinkSignature() != signature;
                values[i] = original;
                numeric[g][e] = (plus - minus) / (2 * STEP);
                kink[g][e] = crossed;
                largest = Math.max(largest, Math.abs(numeric[g][e]));
                listener.entriesChecked(++done, total);
            }
        }
        double floor = Math.max(FLOOR * largest, Math.max(NOISE, differenceNoise / tolerance));
        List<Group> groups = new ArrayList<>();
        for (int g = 0; g < parameters.length; g++) {
            groups.add(compare(names.get(g), analytic.get(g), scales.get(g), entries[g], numeric[g], kink[g], floor,
                    tolerance));
        }
        return new Result(groups, tolerance);
    }

    /**
     * Each entry's scale over the batch: the sum of the absolute values of the rows' own gradients (the float
     * backprop of one row at a time), divided by the rows as the mean is. A batch gradient is that sum with signs,
     * and its rounding follows the terms' size, so rows whose gradients cancel leave an entry whose error is
     * measured on this scale rather than its own. The network's gradients are left as the whole batch's.
     */
    private static List<double[]> rowScales(Network network, Loss loss, Matrix input, int[] labels,
                                            List<float[]> batch, TrainingExtras extras) {
        int rows = input.rows();
        int cols = input.cols();
        List<double[]> scales = new ArrayList<>();
        for (float[] g : batch) {
            scales.add(new double[g.length]);
        }
        Matrix one = new Matrix(1, cols);
        List<Parameter> parameters = network.parameters();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(input.data(), r * cols, one.data(), 0, cols);
            Dropout dropout = extras.dropout();
            if (dropout != null) {
                dropout.startAtRow(r);
            }
            Matrix logits = network.forward(one, dropout);
            loss.forwardBackward(logits, new int[] {labels[r]});
            Matrix inputGradient = network.backward(logits, true, dropout);
            for (int p = 0; p < parameters.size(); p++) {
                float[] g = parameters.get(p).grad();
                double[] scale = scales.get(p);
                for (int i = 0; i < g.length; i++) {
                    scale[i] += Math.abs(g[i]) / rows;
                }
            }
            double[] inputScale = scales.getLast();
            for (int i = 0; i < cols; i++) {
                inputScale[r * cols + i] = Math.abs(inputGradient.data()[i]) / rows;
            }
        }
        if (extras.dropout() != null) {
            extras.dropout().startAtRow(0);
        }
        for (int p = 0; p < parameters.size(); p += 2) { // weights, then bias, per layer: the penalty's terms
            float[] w = parameters.get(p).value();
            for (int i = 0; i < w.length; i++) {
                scales.get(p)[i] += extras.weightDecay() * Math.abs(w[i]);
            }
        }
        for (int p = 0; p < parameters.size(); p++) {
            System.arraycopy(batch.get(p), 0, parameters.get(p).grad(), 0, batch.get(p).length);
        }
        return scales;
    }

    private static Group compare(String name, float[] analytic, double[] scale, int[] entries, double[] numeric,
                                 boolean[] kink, double floor, double tolerance) {
        double[] errors = new double[entries.length];
        int checked = 0;
        for (int e = 0; e < entries.length; e++) {
            if (kink[e]) {
                continue;
            }
            double a = analytic[entries[e]];
            double n = numeric[e];
            errors[checked++] = Math.abs(a - n) / Math.max(Math.max(Math.abs(a), Math.abs(n)),
                    Math.max(scale[entries[e]], floor));
        }
        double[] measured = Arrays.copyOf(errors, checked);
        Arrays.sort(measured);
        double max = checked == 0 ? 0 : measured[checked - 1];
        double median = checked == 0 ? 0 : measured[checked / 2];
        return new Group(name, checked, entries.length - checked, max, median, max <= tolerance);
    }

    /** All of 0..n-1 when n ≤ limit, else {@code limit} distinct ones, sorted. */
    private static int[] choose(int n, int limit, Rng rng) {
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        if (n <= limit) {
            return all;
        }
        rng.shuffle(all);
        int[] chosen = Arrays.copyOf(all, limit);
        Arrays.sort(chosen);
        return chosen;
    }
}
