package dev.nn.core.loss;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nn.core.io.Names;


/** The losses, by name: the typed choice a network's configuration holds. Both apply softmax to the logits. */
public enum LossFunction {

    /** Softmax fused with categorical cross-entropy: gradient P − Y. */
    CROSS_ENTROPY(SoftmaxCrossEntropy.ID),
    /** Softmax followed by the squared error against the one-hot label, as the seed project did. */
    SQUARED_ERROR(SoftmaxSquaredError.ID);

    private final String id;

    LossFunction(String id) {
        this.id = id;
    }

    /** The short name used in flags and model files. */
    @JsonValue
    public String id() {
        return id;
    }

    /** A new instance of the loss (each keeps no state across batches). */
    public Loss create() {
        return switch (this) {
            case CROSS_ENTROPY -> new SoftmaxCrossEntropy();
            case SQUARED_ERROR -> new SoftmaxSquaredError();
        };
    }

    /** The loss named {@code id} (case-insensitive), or an exception listing the known names. */
    @JsonCreator
    public static LossFunction byId(String id) {
        return Names.byId(values(), LossFunction::id, id, "loss");
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Names.ids(values(), LossFunction::id);
    }
}
