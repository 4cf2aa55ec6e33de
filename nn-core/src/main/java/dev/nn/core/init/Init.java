package dev.nn.core.init;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nn.core.io.Names;


/** The weight initialisers, by name: the typed choice a network's configuration holds. */
public enum Init {

    /** He et al. 2015: normal with variance 2/fan-in; suits ReLU. */
    HE(HeNormal.ID),
    /** Glorot &amp; Bengio 2010 (Xavier): uniform with variance 2/(fan-in + fan-out); suits tanh and sigmoid. */
    GLOROT(GlorotUniform.ID),
    /** Uniform in ±1/√fan-in, as the seed project did. */
    UNIFORM(UniformFanIn.ID);

    private final String id;

    Init(String id) {
        this.id = id;
    }

    /** The short name used in flags and model files. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The initialiser that draws the weights. */
    public Initializer initializer() {
        return switch (this) {
            case HE -> new HeNormal();
            case GLOROT -> new GlorotUniform();
            case UNIFORM -> new UniformFanIn();
        };
    }

    /** The initialiser named {@code id} (case-insensitive), or an exception listing the known names. */
    @JsonCreator
    public static Init byId(String id) {
        return Names.byId(values(), Init::id, id, "initialiser");
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Names.ids(values(), Init::id);
    }
}
