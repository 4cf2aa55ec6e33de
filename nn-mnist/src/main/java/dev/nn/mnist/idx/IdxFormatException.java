package dev.nn.mnist.idx;

import java.io.IOException;

/** A file that is not a well-formed IDX file; the message names the file and what was wrong. */
public final class IdxFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A problem with the file called {@code name}. */
    public IdxFormatException(String name, String problem) {
        super(name + ": " + problem);
    }
}
