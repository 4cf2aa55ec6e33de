package dev.nn.core.model;

import java.io.IOException;
import java.nio.file.Path;

/** A file that is not a model file this version of nn can read; the message names the file and the problem. */
public final class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** A problem with {@code file}, described by {@code problem}. */
    public ModelFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
