package dev.nn.core.check;

import org.quicktheories.QuickTheory;

/**
 * The one place the property suite's size and seed are set. Every property runs {@link #TRIES} random cases
 * (override with {@code -Dnn.properties.tries=N}) from {@link #SEED}, fixed so that CI sees the same cases every
 * run; replay or vary with {@code -Dnn.properties.seed=S}. On a failure QuickTheories shrinks the case and
 * prints it with the seed.
 */
final class Properties {

    /** Random cases per property. */
    static final int TRIES = Integer.getInteger("nn.properties.tries", 60);
    /** The seed every property starts from. */
    static final long SEED = Long.getLong("nn.properties.seed", 20261123L);

    private Properties() {
    }

    /** A QuickTheories runner with the suite's tries and seed. */
    static QuickTheory qt() {
        return QuickTheory.qt().withExamples(TRIES).withFixedSeed(SEED);
    }

    /** The same with a given number of tries, for properties whose cases are costly. */
    static QuickTheory qt(int tries) {
        return QuickTheory.qt().withExamples(tries).withFixedSeed(SEED);
    }
}
