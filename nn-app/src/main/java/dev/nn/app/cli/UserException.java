package dev.nn.app.cli;

/** A failure caused by the user's input, reported as one line without a stack trace (exit code 1). */
public final class UserException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure described by {@code message}, which names the file or flag at fault. */
    public UserException(String message) {
        super(message);
    }
}
