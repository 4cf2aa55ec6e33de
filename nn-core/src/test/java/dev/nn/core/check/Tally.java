package dev.nn.core.check;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one property saw over its cases: how many it tried, and its worst case, the largest error as a fraction of
 * the tolerance that case allowed. Printed when the property ends, one line each, e.g.
 * {@code property  Adam follows its definition: 60 cases, worst error 1.9e-09 = 0.31 of its tolerance}, so that a
 * run shows how much room each property has, not only that it passed.
 */
final class Tally implements AutoCloseable {

    private final String property;
    private int cases;
    private double worstRatio;
    private double worstError;

    private Tally(String property) {
        this.property = property;
    }

    /** A tally for the property named. */
    static Tally of(String property) {
        return new Tally(property);
    }

    /** One more case was tried. */
    synchronized void count() {
        cases++;
    }

    /** Records {@code error} against {@code tolerance} and asserts it is within, with {@code message} if not. */
    synchronized void assertWithin(double error, double tolerance, String message) {
        record(error, tolerance);
        assertTrue(error <= tolerance, () -> message + ": error " + error + " > tolerance " + tolerance);
    }

    /** Records {@code error} against {@code tolerance}; true when it is within. */
    synchronized boolean within(double error, double tolerance) {
        record(error, tolerance);
        return error <= tolerance;
    }

    private void record(double error, double tolerance) {
        double ratio = tolerance > 0 ? error / tolerance : (error == 0 ? 0 : Double.POSITIVE_INFINITY);
        if (!(ratio <= worstRatio)) {
            worstRatio = ratio;
            worstError = error;
        }
    }

    /** Prints the property's line. */
    @Override
    public synchronized void close() {
        System.out.printf(Locale.ROOT, "property  %s: %d cases, worst error %.1e = %.2f of its tolerance (seed %d)%n",
                property, cases, worstError, worstRatio, Properties.SEED);
    }
}
