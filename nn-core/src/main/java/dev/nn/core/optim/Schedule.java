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
    },

    /**
     * Step decay (as ResNet was trained, He et al. 2016): the base rate for the first half of the steps, a tenth of
     * it to three quarters, a hundredth after.
     */
    STEP("step") {
        @Override
        public float rate(float base, long step, long total) {
            return 4 * step < 2 * total ? base : 4 * step < 3 * total ? base * 0.1f : base * 0.01f;
        }
    },

    /**
     * Linear warm-up then cosine decay (Goyal et al. 2017; Loshchilov &amp; Hutter): the rate climbs from base/w to
     * the base over the first w = max(1, 5%) of the steps, then decays as {@link #COSINE} over the rest. A
     * large batch or a large base rate starts without the first steps throwing the weights far.
     */
    WARMUP_COSINE("warmup-cosine") {
        @Override
        public float rate(float base, long step, long total) {
            long warm = Math.max(1, total / 20);
            if (step < warm) {
                return (float) ((double) base * (step + 1) / warm);
            }
            return (float) (base * 0.5 * (1 + Math.cos(Math.PI * (step - warm) / Math.max(1, total - warm))));
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
