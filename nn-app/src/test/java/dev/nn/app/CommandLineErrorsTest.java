package dev.nn.app;

import dev.nn.mnist.idx.IdxArray;
import dev.nn.mnist.idx.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every user mistake: one line naming the flag or file, the documented exit code, no stack trace, nothing damaged. */
class CommandLineErrorsTest {

    @TempDir
    Path dir;

    private static void assertOneLine(Run run, int exit, String... fragments) {
        assertEquals(exit, run.exit(), run.err());
        String error = run.errorLines();
        assertEquals(1, error.lines().count(), "expected one line, got:\n" + error);
        for (String fragment : fragments) {
            assertTrue(error.contains(fragment), "'" + fragment + "' not in: " + error);
        }
        assertFalse(error.contains("Exception") || error.contains("\tat "), error);
    }

    @Test
    void badFlagsAreUsageErrors() {
        assertOneLine(Run.of("train", "--epochs", "many"), 2, "--epochs", "many");
        assertOneLine(Run.of("train", "--bogus"), 2, "--bogus");
        assertOneLine(Run.of("frobnicate"), 2, "frobnicate");
        assertOneLine(Run.of("eval", "--top", "3"), 2, "--top");
        assertOneLine(Run.of("train", "--simd", "avx9"), 2, "--simd", "avx9");
    }

    @Test
    void everyCommandTakesModelJsonByDefaultAndSaysToTrainOneFirst() throws IOException {
        Path model = dir.resolve("m.json");
        assertEquals(0, Run.of("train", "--dataset", "xor", "--epochs", "1", "--out", model.toString()).exit());
        Run positional = Run.of("eval", model.toString(), "--dataset", "xor");
        assertEquals(0, positional.exit(), positional.err());
        assertOneLine(Run.of("eval", model.toString(), "--model", model.toString()), 2, "not both");
        if (!Files.exists(Path.of("model.json"))) {
            for (String command : new String[]{"eval", "play", "serve"}) {
                assertOneLine(Run.of(command), 1, "no model.json here: train one first with ./nn train");
            }
        }
    }

    @Test
    void flagsAreCheckedBeforeAnyDataIsRead() {
        for (String[] args : new String[][]{{"--hidden", "0"}, {"--lr", "-1"}, {"--batch-size", "0"},
                {"--activation", "swish"}, {"--epochs", "0"}}) {
            Run run = Run.of("train", args[0], args[1]);
            assertOneLine(run, 2, args[0]);
            assertFalse(run.err().contains("data:"), "read the data before refusing " + args[0] + ": " + run.err());
        }
        for (String[] args : new String[][]{{"gradcheck", "--hidden", "0"}, {"gradcheck", "--layers", "784,0,10"},
                {"predict", "--index", "-1"}}) {
            Run run = Run.of(args);
            assertOneLine(run, 2, args[1]);
            assertFalse(run.err().contains("data:"), "read the data before refusing " + String.join(" ", args) + ": "
                    + run.err());
        }
    }

    @Test
    void typosGetTheNearestCommandOrOption() {
        assertOneLine(Run.of("trian"), 2, "unknown command 'trian'; did you mean train?");
        assertOneLine(Run.of("train", "--epoch", "2"), 2, "unknown option '--epoch'; did you mean", "--epochs");
    }

    @Test
    void outOfRangeValuesNameTheirFlag() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        assertOneLine(Run.of("train", "--data", data.toString(), "--lr", "-1"), 2, "--lr", "-1");
        assertOneLine(Run.of("train", "--data", data.toString(), "--batch-size", "0"), 2, "--batch-size");
        assertOneLine(Run.of("train", "--data", data.toString(), "--beta2", "1"), 2, "--beta2");
        assertOneLine(Run.of("train", "--data", data.toString(), "--activation", "swish"), 2, "--activation", "swish");
        assertOneLine(Run.of("train", "--data", data.toString(), "--layers", "10,5,3", "--hidden", "4"), 2,
                "--layers and --hidden");
        assertOneLine(Run.of("train", "--data", data.toString(), "--layers", "10,5,3"), 2,
                "--layers 10-5-3 takes 10 values per sample, but the data has 12");
    }

    @Test
    void missingAndMalformedFilesAreNamed() throws IOException {
        assertOneLine(Run.of("eval", "--model", dir.resolve("none.json").toString()), 1, "none.json", "no such file");
        Path notModel = Files.writeString(dir.resolve("other.json"), "{\"format\": \"keras\"}");
        assertOneLine(Run.of("eval", "--model", notModel.toString()), 1, "other.json", "not an nn model file");
        assertOneLine(Run.of("train", "--data", dir.resolve("nowhere").toString()), 1, "nowhere", "no such folder");
        assertOneLine(Run.of("train", "--data", notModel.toString()), 1, "other.json", "not a folder");
        assertOneLine(Run.of("train", "--out", dir.toString()), 1, "--out", "is a folder");
        Path data = SmallData.write(dir.resolve("data"));
        Files.write(data.resolve("t10k-images-idx3-ubyte"), new byte[]{0x1f, (byte) 0x8b, 8, 0, 1, 2, 3});
        assertOneLine(Run.of("train", "--data", data.toString()), 1, "t10k-images-idx3-ubyte", "gzip");
        assertOneLine(Run.of("train", "--out", dir.resolve("no/such/folder/m.json").toString()), 1, "--out",
                "does not exist");
    }

    @Test
    void aFailedRunLeavesTheUsersFilesIntact() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = dir.resolve("model.json");
        Files.writeString(model, "my precious model");
        IdxWriter.write(data.resolve("train-labels-idx1-ubyte.gz"), IdxArray.ofUnsignedBytes(new byte[3], 3), true);
        assertOneLine(Run.of("train", "--data", data.toString(), "--out", model.toString()), 1, "3 labels");
        assertEquals("my precious model", Files.readString(model));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void everyCommandHasHelpWithExamples() {
        for (String command : new String[]{"train", "eval", "info"}) {
            Run run = Run.of(command, "--help");
            assertEquals(0, run.exit());
            assertTrue(run.out().contains("Examples:"), command + " --help:\n" + run.out());
        }
        assertTrue(Run.of("--help").out().contains("Exit codes:"));
    }
}
