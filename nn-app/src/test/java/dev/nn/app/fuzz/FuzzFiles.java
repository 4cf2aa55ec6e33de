package dev.nn.app.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The files fuzz inputs are written to (the readers read files), and the check every refusal must pass. */
final class FuzzFiles {

    private static final Path DIR;

    static {
        try {
            DIR = Files.createTempDirectory("nn-fuzz");
            DIR.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FuzzFiles() {
    }

    static Path write(String name, byte[] input) throws IOException {
        Path file = DIR.resolve(name);
        Files.write(file, input);
        file.toFile().deleteOnExit();
        return file;
    }

    static void assertOneLine(Exception e, String prefix) {
        assertTrue(e.getMessage() != null && e.getMessage().startsWith(prefix) && !e.getMessage().contains("\n"),
                "not one line starting with '" + prefix + "': " + e.getMessage());
    }
}
