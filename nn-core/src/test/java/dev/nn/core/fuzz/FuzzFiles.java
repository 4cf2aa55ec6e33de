package dev.nn.core.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The file a fuzz input is written to (the readers read files), and the check every refusal must pass. */
final class FuzzFiles {

    private static final Path FILE;

    static {
        try {
            Path dir = Files.createTempDirectory("nn-fuzz");
            dir.toFile().deleteOnExit();
            FILE = dir.resolve("input.json");
            FILE.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FuzzFiles() {
    }

    static Path write(byte[] input) throws IOException {
        Files.write(FILE, input);
        return FILE;
    }

    static void assertOneLineNaming(Path file, Exception e) {
        assertTrue(e.getMessage().startsWith(file + ": ") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
