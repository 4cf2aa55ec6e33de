package dev.nn.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every command's --help prints its usage and nothing else: no picocli warning about a malformed text, and at
 * 80 and at 120 columns every line fits and no word or option is cut across two lines.
 */
class HelpTextTest {

    @Test
    void atEightyAndAHundredAndTwentyColumnsNothingIsCutInsideAToken() {
        for (int width : new int[] {80, 120}) {
            for (String name : commandPaths()) {
                String wide = usage(name, 2000);
                String narrow = usage(name, width);
                for (String line : narrow.lines().toList()) {
                    assertTrue(line.length() <= width, name + " at " + width + ": '" + line + "'");
                }
                List<String> expected = words(wide);
                List<String> actual = words(narrow);
                int i = 0;
                while (i < Math.min(expected.size(), actual.size()) && expected.get(i).equals(actual.get(i))) {
                    i++;
                }
                assertEquals(expected.size(), i, name + " at " + width + " columns cuts '"
                        + (i < expected.size() ? expected.get(i) : "") + "':\n" + narrow);
            }
        }
    }

    /** Every command and subcommand, as its words after nn: {@code train}, {@code data affine}, ... */
    private static List<String> commandPaths() {
        List<String> paths = new ArrayList<>();
        Main.commandLine().getSubcommands().forEach((name, command) -> {
            paths.add(name);
            command.getSubcommands().keySet().forEach(sub -> paths.add(name + " " + sub));
        });
        return paths;
    }

    private static String usage(String path, int width) {
        CommandLine cli = Main.commandLine();
        cli.setUsageHelpWidth(width);
        for (String name : path.split(" ")) {
            cli = cli.getSubcommands().get(name);
            cli.setUsageHelpWidth(width);
        }
        return cli.getUsageMessage();
    }

    /** The text's words, in order: the same at any width unless a line break fell inside one. */
    private static List<String> words(String text) {
        return List.of(text.strip().split("\\s+"));
    }

    @Test
    void everyHelpTextFormats() {
        for (String name : Main.commandLine().getSubcommands().keySet()) {
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
