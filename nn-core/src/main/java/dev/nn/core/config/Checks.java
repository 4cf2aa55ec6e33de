package dev.nn.core.config;

/**
 * The argument checks of the configuration records: each failure is an {@link IllegalArgumentException} whose
 * message names the parameter, e.g. {@code batchSize must be at least 1, got 0}.
 */
public final class Checks {

    private Checks() {
    }

    /** {@code value} must be a finite number above zero. */
    public static void positive(String name, float value) {
        if (!(value > 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a positive number, got " + value);
        }
    }

    /** {@code value} must be in [0, 1). */
    public static void fraction(String name, float value) {
        if (!(value >= 0 && value < 1)) {
            throw new IllegalArgumentException(name + " must be in [0, 1), got " + value);
        }
    }

    /** {@code value} must be a finite number, zero or above. */
    public static void notNegative(String name, float value) {
        if (!(value >= 0) || Float.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be a number >= 0, got " + value);
        }
    }

    /** {@code value} must be at least {@code min}. */
    public static void atLeast(String name, long value, long min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
        }
    }

    /** {@code value} must not be null. */
    public static <T> T present(String name, T value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is missing");
        }
        return value;
    }
}
