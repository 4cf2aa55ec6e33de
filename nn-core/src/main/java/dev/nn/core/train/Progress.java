package dev.nn.core.train;

import java.util.List;

/**
 * Where a training run stands, enough to continue it exactly: the run then ends with the same weights, bit
 * for bit, as one that was never interrupted.
 *
 * @param epoch the epoch in progress or next, from 1
 * @param batch mini-batches of that epoch already trained on
 * @param epochRngState the generator's state when that epoch began (it shuffles from there)
 * @param lossSum that epoch's summed sample losses so far
 * @param history the figures of the epochs finished
 */
public record Progress(int epoch, int batch, long epochRngState, double lossSum, List<EpochStats> history) {

    /** Copies the history, so the record stays immutable. */
    public Progress {
        history = List.copyOf(history);
    }

    /** The start of a run whose generator is in state {@code rngState}. */
    public static Progress start(long rngState) {
        return new Progress(1, 0, rngState, 0, List.of());
    }
}
