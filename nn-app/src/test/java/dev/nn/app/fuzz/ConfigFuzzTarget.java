package dev.nn.app.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.app.cli.ConfigFile;
import dev.nn.app.cli.UserException;
import dev.nn.core.config.TrainingConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of {@code --config} files (Jazzer): any bytes must give a valid config or a one-line
 * refusal naming the file (a {@link UserException}) or a flag (an {@link IllegalArgumentException}).
 */
class ConfigFuzzTarget {

    @FuzzTest(maxDuration = "10s")
    void config(byte[] input) throws IOException {
        Path file = FuzzFiles.write("config.json", input);
        try {
            TrainingConfig config = ConfigFile.read(file).resolve(Map.of(), hidden -> {
                List<Integer> layers = new ArrayList<>(List.of(12));
                layers.addAll(hidden);
                layers.add(3);
                return layers;
            }).config();
            assertTrue(config.network().layers().size() >= 2);
        } catch (UserException e) {
            FuzzFiles.assertOneLine(e, "--config " + file);
        } catch (IllegalArgumentException e) {
            FuzzFiles.assertOneLine(e, "");
        }
    }
}
