package dev.nn.core.train;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What one epoch did.
 *
 * @param epoch the epoch, from 1
 * @param epochs the number of epochs planned
 * @param trainLoss mean loss over the epoch's mini-batches (as they were when each was trained on)
 * @param trainAccuracy accuracy on the epoch's mini-batches, each measured just before its step, in [0, 1];
 *     NaN in the history of a checkpoint written before nn measured it
 * @param testLoss mean loss on the test set after the epoch
 * @param testAccuracy accuracy on the test set after the epoch, in [0, 1]
 * @param seconds wall time of the training part of the epoch
 * @param samplesPerSecond training samples per second
 * @param validationLoss mean loss on the validation set after the epoch; NaN when none is held out
 * @param validationAccuracy accuracy on the validation set after the epoch; NaN when none is held out
 */
public record EpochStats(int epoch, int epochs, double trainLoss, double trainAccuracy, double testLoss,
                         double testAccuracy, double seconds, double samplesPerSecond,
                         @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NotANumber.class)
                         double validationLoss,
                         @JsonInclude(value = JsonInclude.Include.CUSTOM, valueFilter = NotANumber.class)
                         double validationAccuracy) {

    /** An epoch's figures without a validation set. */
    public EpochStats(int epoch, int epochs, double trainLoss, double trainAccuracy, double testLoss,
                      double testAccuracy, double seconds, double samplesPerSecond) {
        this(epoch, epochs, trainLoss, trainAccuracy, testLoss, testAccuracy, seconds, samplesPerSecond, Double.NaN,
                Double.NaN);
    }

    /** Whether a validation set was measured. */
    public boolean validated() {
        return !Double.isNaN(validationLoss);
    }

    /**
     * Reads a history entry, of this version or of one without the training accuracy or the validation figures
     * (then NaN).
     */
    @JsonCreator
    static EpochStats read(@JsonProperty("epoch") int epoch, @JsonProperty("epochs") int epochs,
                           @JsonProperty("trainLoss") double trainLoss,
                           @JsonProperty("trainAccuracy") Double trainAccuracy,
                           @JsonProperty("testLoss") double testLoss, @JsonProperty("testAccuracy") double testAccuracy,
                           @JsonProperty("seconds") double seconds,
                           @JsonProperty("samplesPerSecond") double samplesPerSecond,
                           @JsonProperty("validationLoss") Double validationLoss,
                           @JsonProperty("validationAccuracy") Double validationAccuracy) {
        return new EpochStats(epoch, epochs, trainLoss, trainAccuracy == null ? Double.NaN : trainAccuracy, testLoss,
                testAccuracy, seconds, samplesPerSecond, validationLoss == null ? Double.NaN : validationLoss,
                validationAccuracy == null ? Double.NaN : validationAccuracy);
    }

    /** Leaves figures that were not measured (NaN) out of the JSON. */
    static final class NotANumber {

        @Override
        public boolean equals(Object value) {
            return value instanceof Double d && d.isNaN();
        }

        @Override
        public int hashCode() {
            return 0;
        }
    }
}
