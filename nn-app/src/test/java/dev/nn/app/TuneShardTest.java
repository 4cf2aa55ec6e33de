package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nn tune --shard K/N}: N processes, each running its part into its own CSV, give between them exactly the
 * rows one run of the whole search gives (all but the seconds each trial took), and the merged CSV ranks exactly
 * as that run did.
 */
class TuneShardTest {

    private static final String[] SEARCH = {"tune", "--lr", "1e-3,3e-3,1e-2", "--seeds", "2", "--epochs", "1",
            "--train-limit", "1500", "--jobs", "1"};

    @TempDir
    Path dir;

    @Test
    void threeShardsInThreeProcessesMakeTheWholeSearch() throws IOException, InterruptedException {
        Path whole = dir.resolve("whole.csv");
        Run one = Run.of(with(SEARCH, "--out", whole.toString()));
        assertEquals(0, one.exit(), one.err());

        List<Process> parts = new ArrayList<>();
        for (int k = 1; k <= 3; k++) {
            parts.add(ChildNn.command(with(SEARCH, "--shard", k + "/3", "--out", dir.resolve("part" + k + ".csv")
                    .toString())).redirectErrorStream(true).redirectOutput(dir.resolve("part" + k + ".log").toFile())
                    .start());
        }
        for (Process p : parts) {
            assertTrue(p.waitFor(5, TimeUnit.MINUTES));
            assertEquals(0, p.exitValue(), Files.readString(dir.resolve("part" + (parts.indexOf(p) + 1) + ".log")));
        }
        List<String> merged = new ArrayList<>();
        merged.add(Files.readAllLines(whole).getFirst());
        for (int k = 1; k <= 3; k++) {
            List<String> rows = Files.readAllLines(dir.resolve("part" + k + ".csv"));
            assertEquals(1 + 2, rows.size(), "3 settings × 2 seeds in 3 parts: 2 trials each");
            merged.addAll(rows.subList(1, rows.size()));
        }
        assertEquals(withoutSeconds(Files.readAllLines(whole)), withoutSeconds(merged));

        Path all = Files.write(dir.resolve("all.csv"), merged, StandardCharsets.UTF_8);
        Run ranked = Run.of(with(SEARCH, "--out", all.toString()));
        assertEquals(0, ranked.exit(), ranked.err());
        assertTrue(ranked.err().contains("6 already in"), ranked.err());
        assertEquals(one.out(), ranked.out(), "the merged shards rank as the whole search did");
    }

    @Test
    void aBadShardIsRefusedBeforeAnyWork() {
        Run run = Run.of(with(SEARCH, "--shard", "4/3"));
        assertEquals(2, run.exit());
        assertTrue(run.errorLines().contains("--shard 4/3: K/N needs 1 ≤ K ≤ N"), run.err());
        assertTrue(!run.err().contains("data:"), run.err());
    }

    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /** The rows without their last column (seconds), sorted: what the search computed, in any order. */
    private static List<String> withoutSeconds(List<String> rows) {
        return rows.stream().map(r -> r.substring(0, r.lastIndexOf(','))).sorted().toList();
    }
}
