package dev.nn.core.config;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nn.core.io.Names;

/**
 * A validation set held out of the training data and what is chosen by it: a seeded {@code fraction} of the
 * training samples is set aside before training (never the test set), measured after every epoch, and the
 * weights of the epoch that scored best on it are the ones kept; with {@code patience} &gt; 0 training stops once
 * that many epochs in a row have not beaten the best (early stopping). {@link #NONE} holds nothing out.
 *
 * @param fraction the share of the training samples held out, in [0, 1); 0 holds none out
 * @param patience epochs without a new best before training stops; 0 trains every epoch
 * @param monitor what "best" means: the lowest validation loss or the highest validation accuracy
 */
public record Validation(float fraction, int patience, Monitor monitor) {

    /** Nothing held out: the defaults of nn. */
    public static final Validation NONE = new Validation(0, 0, Monitor.LOSS);

    /** Checks every setting, naming the one that is wrong; no monitor is the loss. */
    public Validation {
        Checks.fraction("validation fraction", fraction);
        Checks.atLeast("patience", patience, 0);
        if (monitor == null) {
            monitor = Monitor.LOSS;
        }
        if (patience > 0 && fraction == 0) {
            throw new IllegalArgumentException("patience " + patience + " needs a validation set to watch:"
                    + " hold some of the training data out (a validation fraction above 0)");
        }
    }

    /** Whether a validation set is held out. */
    public boolean holdsOut() {
        return fraction > 0;
    }

    /** E.g. {@code the best epoch by validation loss is kept; stops after 5 epochs without a better one}. */
    public String summary() {
        if (!holdsOut()) {
            return "none";
        }
        return "the best epoch by validation " + monitor.id() + " is kept" + (patience > 0 ? "; stops after "
                + patience + " epoch" + (patience == 1 ? "" : "s") + " without a better one" : "");
    }

    /** What a validation set's best epoch is chosen by. */
    public enum Monitor {
        /** The lowest mean loss. */
        LOSS("loss"),
        /** The highest accuracy (ties: the earlier epoch). */
        ACCURACY("accuracy");

        private final String id;

        Monitor(String id) {
            this.id = id;
        }

        /** Whether figures {@code loss}, {@code accuracy} beat the best so far, {@code bestLoss}, {@code bestAccuracy}. */
        public boolean better(double loss, double accuracy, double bestLoss, double bestAccuracy) {
            return this == LOSS ? loss < bestLoss : accuracy > bestAccuracy;
        }

        /** The short name used in flags and model files. */
        @JsonValue
        public String id() {
            return id;
        }

        /** The monitor named {@code id} (case-insensitive), or an exception listing the known names. */
        @JsonCreator
        public static Monitor byId(String id) {
            return Names.byId(values(), Monitor::id, id, "monitor");
        }
    }
}
