package dev.nn.core.train;

/** Hears how training goes: for progress bars, logs and checkpoints. Every method does nothing unless overridden. */
public interface TrainingListener {

    /** An epoch of {@code batches} mini-batches begins (at batch {@code firstBatch}, from 0, when resumed). */
    default void epochStarted(int epoch, int epochs, int batches, int firstBatch) {
    }

    /** A mini-batch was trained on; {@code loss} is its mean loss. */
    default void batchFinished(int batch, float loss) {
    }

    /** An epoch ended and the test set was evaluated. */
    default void epochFinished(EpochStats stats) {
    }

    /** The end of an epoch: training could resume exactly from {@code progress} (a time to save a checkpoint). */
    default void resumable(Progress progress) {
    }
}
