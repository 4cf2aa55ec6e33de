package dev.nn.app;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data that cannot fit in the heap is refused before it is read, with one line, not an OutOfMemoryError. */
class HeapLimitTest {

    @Test
    void mnistInA48MegabyteHeapIsRefusedUpFront() throws Exception {
        Path data = Path.of("..", "data").toAbsolutePath().normalize();
        assertTrue(Files.isDirectory(data), data.toString());
        Process child = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx48m",
                "--add-modules", "jdk.incubator.vector", "-Dnn.simd.quiet=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", data.toString(), "--out", Files.createTempDirectory("heap").resolve("m.json")
                        .toString()))
                .redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(2, TimeUnit.MINUTES));
        assertEquals(1, child.exitValue(), output);
        List<String> lines = output.lines().filter(l -> !l.startsWith("WARNING")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.getFirst().matches("nn train: --data .*: reading this data needs about \\d+ MB of heap, but only"
                + " \\d+ MB is free; give Java more, e.g. NN_JAVA_OPTS=-Xmx\\d+g"), output);
        assertFalse(output.contains("OutOfMemoryError"), output);
    }
}
