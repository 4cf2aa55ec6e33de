package dev.nn.app;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docs/GUIDE.md covers every command: a section each ({@code nn train}'s is "Training flags"), naming every flag
 * the command has, in its section or among the flags every command shares.
 */
class GuideTest {

    @Test
    void everyCommandAndEveryFlagIsInTheGuide() throws IOException {
        String guide = Files.readString(Path.of("..", "docs", "GUIDE.md"));
        String shared = section(guide, "## Every command");
        for (Map.Entry<String, CommandLine> command : Main.commandLine().getSubcommands().entrySet()) {
            String name = command.getKey();
            String text = name.equals("train") ? section(guide, "## Training flags") : section(guide, "### nn " + name);
            for (OptionSpec option : command.getValue().getCommandSpec().options()) {
                String flag = option.longestName();
                if (flag.equals("--help") || flag.equals("--version")) {
                    continue;
                }
                assertTrue(text.contains("`" + flag) || shared.contains("`" + flag), "docs/GUIDE.md does not name "
                        + name + "'s " + flag);
            }
        }
    }

    /** The text under {@code heading}, up to the next heading of its level or above. */
    private static String section(String guide, String heading) {
        int start = guide.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, "docs/GUIDE.md has no section '" + heading + "'");
        int level = heading.indexOf(' ');
        int end = start + heading.length() + 2;
        while (true) {
            int next = guide.indexOf("\n#", end);
            if (next < 0) {
                return guide.substring(start);
            }
            int hashes = 0;
            while (guide.charAt(next + 1 + hashes) == '#') {
                hashes++;
            }
            if (hashes <= level) {
                return guide.substring(start, next);
            }
            end = next + 1;
        }
    }
}
