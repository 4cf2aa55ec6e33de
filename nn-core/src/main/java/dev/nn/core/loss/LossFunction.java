package dev.nn.core.loss;

import dev.nn.core.io.Untrusted;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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
        for (LossFunction l : values()) {
            if (l.id.equals(id.toLowerCase(Locale.ROOT))) {
                return l;
            }
        }
        throw new IllegalArgumentException("unknown loss '" + Untrusted.shown(id) + "' (known: " + ids() + ")");
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(LossFunction::id).collect(Collectors.joining(", "));
    }
}
