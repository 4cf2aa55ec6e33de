package dev.nn.app.cli;

import dev.nn.core.io.NotEnoughHeapException;
import dev.nn.core.io.Untrusted;
import dev.nn.core.model.ModelFormatException;
import dev.nn.core.onnx.OnnxFormatException;
import dev.nn.mnist.idx.IdxFormatException;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.List;

/**
 * Turns exceptions into exit codes and one line on standard error. The user's mistakes (a bad flag, a missing
 * or malformed file) get that line and no stack trace; only a bug in nn shows one.
 */
public final class Errors {

    /** Exit code for a failure. */
    public static final int FAILURE = 1;
    /** Exit code for a usage error. */
    public static final int USAGE = 2;

    /** The one line for an {@link OutOfMemoryError}, wherever it struck. */
    public static final String OUT_OF_MEMORY = "out of memory; give Java more heap, e.g. NN_JAVA_OPTS=-Xmx8g"
            + " (or make the network, the batch or the data smaller)";

    private Errors() {
    }

    /** A bad command line: one line, exit code 2. */
    public static int onUsageError(ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String name = cmd.getCommandSpec().qualifiedName();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            List<String> near = u.getSuggestions();
            String given = Untrusted.shown(u.getUnmatched().getFirst());
            message = (given.startsWith("-") ? "unknown option '" : "unknown command '") + given + "'"
                    + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near.subList(0,
                    Math.min(3, near.size()))) + "?");
        }
        cmd.getErr().println(name + ": " + message + " (see " + name + " --help)");
        return USAGE;
    }

    /** An exception while running: one line for the user's mistakes, a stack trace only for bugs. */
    public static int onFailure(Exception e, CommandLine cmd, ParseResult parsed) {
        PrintWriter err = cmd.getErr();
        String name = cmd.getCommandSpec().qualifiedName();
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        String line = describe(cause);
        if (line != null) {
            err.println(name + ": " + line);
            return cause instanceof IllegalArgumentException ? USAGE : FAILURE;
        }
        err.println(name + ": internal error (a bug in nn; please report it with the trace below)");
        e.printStackTrace(err);
        return FAILURE;
    }

    /** The one line for a user-facing failure, or null when the exception means a bug. */
    static String describe(Throwable e) {
        return switch (e) {
            case UserException u -> u.getMessage();
            case IdxFormatException f -> f.getMessage();
            case ModelFormatException f -> f.getMessage();
            case OnnxFormatException f -> f.getMessage();
            case IllegalArgumentException a -> a.getMessage();
            case NoSuchFileException f -> f.getFile() + ": " + reason(f, "no such file or folder");
            case AccessDeniedException f -> f.getFile() + ": " + reason(f, "permission denied");
            case NotDirectoryException f -> f.getFile() + ": not a folder";
            case FileSystemException f -> f.getFile() == null ? reason(f, "file system error")
                    : f.getFile() + ": " + reason(f, "file system error");
            case NotEnoughHeapException h -> h.getMessage() + "; give Java more, e.g. NN_JAVA_OPTS=-Xmx"
                    + Math.max(1, (2 * h.needed() + (1L << 30) - 1) >> 30) + "g";
            case OutOfMemoryError o -> OUT_OF_MEMORY;
            case IOException io -> io.getMessage() == null ? io.toString() : io.getMessage();
            default -> null;
        };
    }

    private static String reason(FileSystemException f, String fallback) {
        return f.getReason() == null ? fallback : f.getReason();
    }
}
