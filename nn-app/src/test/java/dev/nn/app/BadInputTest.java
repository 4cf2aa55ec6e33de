package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile and careless input from issue 17 (items 11 to 14): pipes where files belong, sizes that overflow or
 * cannot fit, files that are damaged or hand-edited. Each gets one line naming the flag or file, never a stack
 * trace or a hang.
 */
class BadInputTest {

    @TempDir
    Path dir;

    private static Run within(String... args) {
        return assertTimeoutPreemptively(Duration.ofMinutes(2), () -> Run.of(args), "hung: nn " + String.join(" ", args));
    }

    @Test
    void item11ANamedPipeIsRefusedWhereverAFileIsRead() throws Exception {
        Path fifo = dir.resolve("pipe");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        String f = fifo.toString();
        for (String[] args : List.of(new String[]{"eval", "--model", f}, new String[]{"predict", "--model", f, "x"},
                new String[]{"gradcheck", "--model", f}, new String[]{"serve", "--model", f, "--port", "0"},
                new String[]{"train", "--config", f}, new String[]{"train", "--resume", f},
                new String[]{"tune", "--out", f, "--dataset", "xor"})) {
            Refusal.assertOneLine(within(args), f, "not a regular file");
        }
        Path model = dir.resolve("m.json");
        assertEquals(0, Run.of("train", "--hidden", "4", "--epochs", "1", "--out", model.toString()).exit());
        Refusal.assertOneLine(within("predict", "--model", model.toString(), f), f, "not a regular file");
    }

    @Test
    void item12SizesThatCannotBeAllocatedAreOneLine() throws Exception {
        Refusal.assertOneLine(Run.of("train", "--dataset", "xor", "--hidden", "3000000,3000"), "--layers",
                "more than one array can hold");
        Refusal.assertOneLine(Run.of("train", "--dataset", "xor", "--threads", "100000"), "--threads", "from 1 to 256");
        Path config = Files.writeString(dir.resolve("c.json"), "{\"hidden\": [1e10]}");
        Refusal.assertOneLine(Run.of("train", "--dataset", "xor", "--config", config.toString()), "c.json", "hidden");
        Path data = SmallData.write(dir.resolve("data"));
        Run hugeBatch = Run.of("train", "--no-progress", "--data", data.toString(), "--epochs", "1",
                "--batch-size", "2000000000", "--out", dir.resolve("b.json").toString());
        assertEquals(0, hugeBatch.exit(), "a batch larger than the data is the whole data: " + hugeBatch.err());
        Run wide = Run.of("train", "--dataset", "xor", "--hidden", "40000,40000", "--batch-size", "4096");
        Refusal.assertOneLine(wide, "MB of heap", "NN_JAVA_OPTS=-Xmx");
    }

    @Test
    void item12AModelFileLargerThanTheHeapIsRefusedBeforeParsing() throws Exception {
        Path big = dir.resolve("big.json");
        StringBuilder json = new StringBuilder("{\"format\": \"nn-mlp\", \"formatVersion\": 1, \"layers\": [[");
        String numbers = "0.123456789, ".repeat(10_000);
        while (json.length() < 40 << 20) {
            json.append(numbers);
        }
        Files.writeString(big, json.append("0]]}"), StandardCharsets.US_ASCII);
        Process child = ChildNn.withJvmOptions(List.of("-Xmx96m"), "eval", "--model", big.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, child.exitValue(), output);
        assertTrue(output.contains("big.json") && output.contains("MB of heap") && !output.contains("\tat "), output);
    }

    @Test
    void item12AGzipWhoseSizeFieldLiesIsStoppedBeforeTheHeapRunsOut() throws Exception {
        Path data = SmallData.write(dir.resolve("data"));
        Path images = data.resolve("train-images-idx3-ubyte");
        Files.delete(images);
        int count = 400_000;
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(data.resolve(
                "train-images-idx3-ubyte.gz")))) {
            out.write(java.nio.ByteBuffer.allocate(16).putInt(0x00000803).putInt(count).putInt(28).putInt(28).array());
            byte[] zeros = new byte[1 << 20];
            for (long left = (long) count * 784; left > 0; left -= zeros.length) {
                out.write(zeros, 0, (int) Math.min(zeros.length, left));
            }
        }
        Path gz = data.resolve("train-images-idx3-ubyte.gz");
        byte[] bytes = Files.readAllBytes(gz);
        java.nio.ByteBuffer.wrap(bytes, bytes.length - 4, 4).order(java.nio.ByteOrder.LITTLE_ENDIAN).putInt(1000);
        Files.write(gz, bytes); // the trailer now says 1,000 bytes: the heap check before reading believes it
        Process child = ChildNn.withJvmOptions(List.of("-Xmx96m"), "train", "--data", data.toString())
                .redirectErrorStream(true).start();
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(1, child.exitValue(), output);
        assertTrue(output.contains("train-images-idx3-ubyte.gz") && output.contains("MB of heap")
                && !output.contains("\tat ") && !output.contains("OutOfMemoryError"), output);
    }

    @Test
    void item13MessagesNameTheFileOrFlagAndWhatWasWrong() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("cfg.json"));
        Refusal.assertOneLine(Run.of("train", "--config", folder.toString()), "--config", "cfg.json", "is a folder");
        Path nullLoss = Files.writeString(dir.resolve("null.json"), "{\"loss\": null}");
        Refusal.assertOneLine(Run.of("train", "--dataset", "xor", "--config", nullLoss.toString()), "null.json", "'loss' is missing");
        Path zero = Files.writeString(dir.resolve("zero.json"), "{\"epochs\": 0}");
        Refusal.assertOneLine(Run.of("train", "--dataset", "xor", "--config", zero.toString()), "--config", "zero.json",
                "'epochs' must be at least 1");
        Path loop = dir.resolve("loop.json");
        Files.createSymbolicLink(loop, dir.resolve("loop2.json"));
        Files.createSymbolicLink(dir.resolve("loop2.json"), loop);
        Refusal.assertOneLine(Run.of("eval", "--model", loop.toString()), "loop.json", "loop");
        Path plot = Files.writeString(dir.resolve("curves.png"), "an old plot");
        Files.setPosixFilePermissions(plot, PosixFilePermissions.fromString("r--r--r--"));
        Run lockedPlot = Run.of("train", "--dataset", "xor", "--plot", plot.toString(), "--out",
                dir.resolve("m.json").toString());
        Refusal.assertOneLine(lockedPlot, "--plot", "read-only");
        assertFalse(lockedPlot.err().contains("data:"), "refused before reading data: " + lockedPlot.err());
    }

    @Test
    void item14ACheckpointWhosePositionDoesNotFitTheDataIsRefused() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path checkpoint = Checkpoints.write(dir.resolve("m.json.checkpoint"), data, dir.resolve("m.json"),
                1_000_000_000);
        Refusal.assertOneLine(Run.of("train", "--resume", checkpoint.toString()), "--resume", "batch 1000000000");
    }
}
