package dev.nn.core.optim;

import dev.nn.core.io.Untrusted;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

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

    /** The schedule named {@code id} (case-insensitive). */
    @JsonCreator
    public static Schedule byId(String id) {
        for (Schedule s : values()) {
            if (s.id.equals(id.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown schedule '" + Untrusted.shown(id) + "' (known: " + ids() + ")");
    }

    /** The known names, comma-separated. */
    public static String ids() {
        return Arrays.stream(values()).map(Schedule::id).collect(Collectors.joining(", "));
    }
}
