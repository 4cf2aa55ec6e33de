package dev.nn.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn bench} runs a workload in a child JVM per implementation and reports it; speed is not asserted. */
class BenchCommandTest {

    @Test
    void w1ReportsEveryFigureForBothImplementations() {
        Run run = Run.of("bench", "--workloads", "W1", "--threads", "1", "--repeats", "1", "--seconds", "0.2", "--json");
        assertEquals(0, run.exit(), run.err());
        var lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        assertTrue(lines.get(0).contains("\"workload\":\"W1\"") && lines.get(0).contains("\"simd\":\"panama"),
                lines.get(0));
        assertTrue(lines.get(1).contains("\"simd\":\"scalar"), lines.get(1));
        for (String field : new String[]{"msPerEpoch", "trainImagesPerSecond", "inferImagesPerSecond", "bytesPerStep",
                "gflops", "peakGflops", "peakHeapMb", "threads"}) {
            assertTrue(lines.get(0).contains("\"" + field + "\":"), field + " in " + lines.get(0));
        }
    }

    @Test
    void anUnknownWorkloadIsAUsageError() {
        Run run = Run.of("bench", "--workloads", "W9");
        assertEquals(2, run.exit());
        assertTrue(run.errorLines().contains("W9"), run.errorLines());
    }
}
