package dev.nn.core.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;

/**
 * Where a training run stands, enough to continue it exactly: the run then ends with the same weights, bit
 * for bit, as one that was never interrupted.
 *
 * @param epoch the epoch in progress or next, from 1
 * @param batch mini-batches of that epoch already trained on
 * @param epochRngState the generator's state when that epoch began (it shuffles from there)
 * @param lossSum that epoch's summed sample losses so far
 * @param correct that epoch's samples classified right so far, each just before its step; −1 when unknown (a
 *     checkpoint written before nn counted them: the epoch's training accuracy then counts from the resume on)
 * @param history the figures of the epochs finished
 * @param best the best epoch on the validation set so far and its weights; null without a validation set or
 *     before the first epoch ends
 * @param average the mean of the weights of the epochs averaged so far; null without weight averaging or before
 *     its first epoch ends
 */
public record Progress(int epoch, int batch, long epochRngState, double lossSum, long correct,
                       List<EpochStats> history, BestEpoch best, AveragedWeights average) {

    /** Copies the history, so the record stays immutable. */
    public Progress {
        history = List.copyOf(history);
    }

    /** A progress without a validation set or weight averaging. */
    public Progress(int epoch, int batch, long epochRngState, double lossSum, long correct, List<EpochStats> history) {
        this(epoch, batch, epochRngState, lossSum, correct, history, null, null);
    }

    /**
     * Reads a progress of this version or of one without the count of right answers (then −1), the best epoch or
     * the averaged weights.
     */
    @JsonCreator
    static Progress read(@JsonProperty("epoch") int epoch, @JsonProperty("batch") int batch,
                         @JsonProperty("epochRngState") long epochRngState, @JsonProperty("lossSum") double lossSum,
                         @JsonProperty("correct") Long correct, @JsonProperty("history") List<EpochStats> history,
                         @JsonProperty("best") BestEpoch best, @JsonProperty("average") AveragedWeights average) {
        return new Progress(epoch, batch, epochRngState, lossSum, correct == null ? -1 : correct, history, best,
                average);
    }

    /** The start of a run whose generator is in state {@code rngState}. */
    public static Progress start(long rngState) {
        return new Progress(1, 0, rngState, 0, 0, List.of());
    }
}
