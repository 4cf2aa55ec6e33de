package dev.nn.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every command's --help prints its usage and nothing else: no picocli warning about a malformed text. */
class HelpTextTest {

    @Test
    void everyHelpTextFormats() {
        for (String name : new CommandLine(Main.class).getSubcommands().keySet()) {
            PrintStream stderr = System.err;
            ByteArrayOutputStream captured = new ByteArrayOutputStream();
            Run run;
            try {
                System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
                run = Run.of(name, "--help");
            } finally {
                System.setErr(stderr);
            }
            String warnings = captured.toString(StandardCharsets.UTF_8) + run.err();
            assertEquals(0, run.exit(), name + ": " + warnings);
            assertTrue(run.out().contains("Usage: nn " + name), name + ":\n" + run.out());
            assertFalse(warnings.contains("WARN"), name + ":\n" + warnings);
            assertFalse(run.out().contains("Default: []") || run.out().contains("Default: 0.0\n"),
                    name + " shows a default that is no default:\n" + run.out());
        }
    }
}
