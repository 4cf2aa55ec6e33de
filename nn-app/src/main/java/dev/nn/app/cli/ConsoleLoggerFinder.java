package dev.nn.app.cli;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import java.util.function.Supplier;

/**
 * Where {@link System.Logger} records go in the {@code nn} program: their bare message on standard error, as nn
 * prints its own narration (nn-simd's line on the kernels in use is one). nn's loggers ({@code dev.nn.*}) show
 * INFO and above, everyone else's WARNING and above. Registered as the platform's logger finder, so that
 * {@code java.util.logging} is never started (it would cost the start-up some 20 ms).
 */
public final class ConsoleLoggerFinder extends System.LoggerFinder {

    @Override
    public System.Logger getLogger(String name, Module module) {
        return new ConsoleLogger(name, name.startsWith("dev.nn.") ? System.Logger.Level.INFO
                : System.Logger.Level.WARNING);
    }

    /** A logger printing records of {@code threshold} and above. */
    private record ConsoleLogger(String name, Level threshold) implements System.Logger {

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean isLoggable(Level level) {
            return level != Level.OFF && level.getSeverity() >= threshold.getSeverity();
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (isLoggable(level)) {
                System.err.println(thrown == null ? message : message + ": " + thrown);
            }
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... parameters) {
            if (isLoggable(level)) {
                System.err.println(parameters == null || parameters.length == 0 ? format
                        : MessageFormat.format(format, parameters));
            }
        }

        @Override
        public void log(Level level, Supplier<String> message) {
            if (isLoggable(level)) {
                System.err.println(message.get());
            }
        }
    }
}
