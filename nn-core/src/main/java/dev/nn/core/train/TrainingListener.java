package dev.nn.core.train;

/** Hears how training goes: for progress bars and logs. Every method does nothing unless overridden. */
public interface TrainingListener {

    /** An epoch of {@code batches} mini-batches begins. */
    default void epochStarted(int epoch, int epochs, int batches) {
    }

    /** A mini-batch was trained on; {@code loss} is its mean loss. */
    default void batchFinished(int batch, float loss) {
    }

    /** An epoch ended and the test set was evaluated. */
    default void epochFinished(EpochStats stats) {
    }
}
