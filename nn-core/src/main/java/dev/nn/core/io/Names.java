package dev.nn.core.io;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Choices known by a short name in flags and files (activations, initialisers, losses, schedules): finding one by
 * its name, case-insensitively, with a one-line refusal that lists the names there are.
 */
public final class Names {

    private Names() {
    }

    /** The choice among {@code choices} whose {@code name} is {@code id}; {@code what} names the kind in the refusal. */
    public static <T> T byId(T[] choices, Function<T, String> name, String id, String what) {
        String wanted = id.toLowerCase(Locale.ROOT);
        for (T choice : choices) {
            if (name.apply(choice).equals(wanted)) {
                return choice;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + Untrusted.shown(id) + "' (known: "
                + ids(choices, name) + ")");
    }

    /** The names of {@code choices}, comma-separated. */
    public static <T> String ids(T[] choices, Function<T, String> name) {
        return Arrays.stream(choices).map(name).collect(Collectors.joining(", "));
    }
}
