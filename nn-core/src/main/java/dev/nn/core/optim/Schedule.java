package dev.nn.core.optim;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.nn.core.io.Names;


/** How the learning rate moves over a run of {@code total} optimiser steps. */
public enum Schedule {

    /** The same rate for every step. */
    CONSTANT("constant") {
        @Override
        public float rate(float base, long step, long total) {
            return base;
        }
    },

    /**
     * Cosine decay (Loshchilov &amp; Hutter, 2017, without restarts): from the base rate at the first step down
     * to zero after the last, base·(1 + cos(π·step/total))/2; large steps early, fine ones at the end.
     */
    COSINE("cosine") {
        @Override
        public float rate(float base, long step, long total) {
            return (float) (base * 0.5 * (1 + Math.cos(Math.PI * step / total)));
        }
    };

    private final String id;

    Schedule(String id) {
        this.id = id;
    }

    /** The rate for step {@code step} (0-based) of {@code total}, given the base rate. */
    public abstract float rate(float base, long step, long total);

    /** The short name used in configs, flags and model files. */
    @JsonValue
    public String id() {
        return id;
    }

    /** The schedule named {@code id} (case-insensitive), or an exception listing the known names. */
    @JsonCreator
    public static Schedule byId(String id) {
        return Names.byId(values(), Schedule::id, id, "schedule");
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Names.ids(values(), Schedule::id);
    }
}
