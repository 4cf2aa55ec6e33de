package dev.nn.core.model;

import dev.nn.core.config.TrainingConfig;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutation fuzzing of the model-file reader: a valid file, then truncated at every length, bytes flipped and
 * replaced, numbers made huge, keys and versions changed. Each input must load or fail with a
 * {@link ModelFormatException} naming the file: no other exception, no hang, no allocation beyond what the
 * input's size justifies. {@code -Dnn.fuzz.inputs=N} sets the random mutations (default 1,500). Inputs that
 * once escaped are kept under {@code src/test/resources/dev/nn/core/fuzz/ModelFileFuzzTargetInputs/modelFile} and replayed.
 */
class ModelFileFuzzTest {

    static final int INPUTS = Integer.getInteger("nn.fuzz.inputs", 1500);

    @TempDir
    Path dir;

    private String validModel() throws IOException {
        TrainingConfig config = TrainingConfig.DEFAULT.withLayers(List.of(5, 3, 2));
        Path file = dir.resolve("valid.json");
        ModelIO.save(file, new Model(Network.initialized(config.network(), new Rng(1)), config, null, null, new Provenance("nn", "25", "scalar", "now", Map.of("a", "b"), 1, 0.1, 0.2, 0.9, null, "mnist", null)));
        return Files.readString(file);
    }

    private void check(byte[] input, String what) throws IOException {
        Path file = dir.resolve("input.json");
        Files.write(file, input);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        try {
            ModelIO.load(file);
        } catch (ModelFormatException e) {
            assertTrue(e.getMessage().startsWith(file + ": ") && !e.getMessage().contains("\n"),
                    what + ": " + e.getMessage());
        } catch (RuntimeException | IOException | Error e) {
            Path kept = Files.createDirectories(Path.of("target", "fuzz-failures"))
                    .resolve("model-" + Integer.toHexString(java.util.Arrays.hashCode(input)) + ".json");
            Files.write(kept, input);
            fail(what + " escaped as " + e + " (input kept in " + kept + ")", e);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < (8 << 20) + 200L * input.length, what + ": allocated " + allocated + " bytes for "
                + input.length);
    }

    @Test
    void mutatedModelFilesFailCleanly() {
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            byte[] valid = validModel().getBytes(StandardCharsets.UTF_8);
            for (int length = 0; length < valid.length; length += Math.max(1, valid.length / 400)) {
                check(java.util.Arrays.copyOf(valid, length), "truncated at " + length);
            }
            String text = new String(valid, StandardCharsets.UTF_8);
            String[][] edits = {
                    {"\"formatVersion\" : 1", "\"formatVersion\" : 99"}, {"\"formatVersion\" : 1", "\"formatVersion\" : -3"},
                    {"\"format\" : \"nn-mlp\"", "\"format\" : null"}, {"[ 5, 3, 2 ]", "[ 5, 2000000000, 2 ]"},
                    {"[ 5, 3, 2 ]", "[ 5, 65536, 65536, 2 ]"}, {"[ 5, 3, 2 ]", "[ ]"}, {"\"relu\"", "7"},
                    {"\"epochs\" : 20", "\"epochs\" : 1e400"}, {"\"layers\" : [ {", "\"layers\" : [ null, {"},
                    {"\"bias\" : [", "\"bias\" : [ [ [ [ ["}, {"\"config\" : {", "\"config\" : ["}};
            for (String[] edit : edits) {
                check(text.replaceFirst(java.util.regex.Pattern.quote(edit[0]), edit[1])
                        .getBytes(StandardCharsets.UTF_8), "edit " + edit[0] + " -> " + edit[1]);
            }
            Random random = new Random(2026);
            for (int i = 0; i < INPUTS; i++) {
                byte[] mutated = valid.clone();
                int edits2 = 1 + random.nextInt(4);
                for (int e = 0; e < edits2; e++) {
                    int at = random.nextInt(mutated.length);
                    mutated[at] = switch (random.nextInt(3)) {
                        case 0 -> (byte) (mutated[at] ^ (1 << random.nextInt(8)));
                        case 1 -> (byte) "0123456789-e.,[]{}\":".charAt(random.nextInt(20));
                        default -> (byte) random.nextInt(256);
                    };
                }
                check(mutated, "mutation " + i);
            }
        });
    }

    @Test
    void theKeptCorpusFailsCleanly() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/dev/nn/core/fuzz/ModelFileFuzzTargetInputs/modelFile").toURI());
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path input : files.sorted().toList()) {
                check(Files.readAllBytes(input), input.getFileName().toString());
                assertThrows(ModelFormatException.class, () -> ModelIO.load(input), input.toString());
            }
        }
    }
}
