package dev.nn.core.train;

/** Training produced a loss or weights that are not finite numbers: it has diverged. */
public final class DivergenceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int epoch;
    private final int batch;

    /** Divergence found at {@code batch} (from 1) of {@code epoch} (from 1); {@code what} says what was not finite. */
    public DivergenceException(int epoch, int batch, String what) {
        super("training diverged at epoch " + epoch + ", batch " + batch + ": " + what);
        this.epoch = epoch;
        this.batch = batch;
    }

    /** The epoch, from 1. */
    public int epoch() {
        return epoch;
    }

    /** The batch within the epoch, from 1. */
    public int batch() {
        return batch;
    }
}
