package dev.nn.app.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.app.cli.UserException;
import dev.nn.app.tune.Trial;
import dev.nn.app.tune.TrialLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of the tune CSV (Jazzer): any bytes must open as a search's log, every row a trial
 * that could have run, or be refused in one line naming the file, with the file left exactly as it was.
 */
class TuneCsvFuzzTarget {

    private static final TrialLog.Search SEARCH = new TrialLog.Search(1, 0, "0123456789ab");

    @FuzzTest(maxDuration = "10s")
    void tuneCsv(byte[] input) throws IOException {
        Path file = FuzzFiles.write("tune.csv", input);
        try (TrialLog log = TrialLog.open(file, SEARCH)) {
            for (Trial t : log.done()) {
                assertTrue(t.accuracy() >= 0 && t.accuracy() <= 1 && Double.isFinite(t.cost()) && t.seed() >= 1,
                        t.toString());
            }
        } catch (UserException e) {
            FuzzFiles.assertOneLine(e, "--out " + file);
            assertArrayEquals(input, Files.readAllBytes(file), "a refused file was changed");
        }
    }
}
