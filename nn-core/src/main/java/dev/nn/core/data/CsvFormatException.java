package dev.nn.core.data;

import java.io.IOException;
import java.nio.file.Path;

/** A CSV file that is not a table nn can read; the message names the file, and the row and column where known. */
public final class CsvFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** {@code file}'s problem, described by {@code problem}. */
    public CsvFormatException(Path file, String problem) {
        super(file + ": " + problem);
    }
}
