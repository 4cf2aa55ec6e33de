package dev.nn.app.progress;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Progress lines off a terminal: none for a short job, then one every ten seconds with the time left. */
class JobProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void linesComeAfterTwoSecondsThenEveryTenWithTheTimeLeft() {
        long[] now = {0};
        StringWriter text = new StringWriter();
        try (JobProgress progress = new JobProgress("gradcheck", 1000, "entries", new PrintWriter(text), null,
                () -> now[0])) {
            now[0] = SECOND;
            progress.stepTo(100); // 1 s: quiet
            now[0] = 3 * SECOND;
            progress.stepTo(250); // 3 s: the first line
            now[0] = 8 * SECOND;
            progress.stepTo(600); // 5 s later: quiet
            now[0] = 14 * SECOND;
            progress.step(); // 11 s later: a line
            now[0] = 30 * SECOND;
            progress.stepTo(1000); // done: no line
        }
        assertEquals(List.of("gradcheck: 250 of 1,000 entries (25%), 0:03 so far, about 0:09 left",
                "gradcheck: 601 of 1,000 entries (60%), 0:14 so far, about 0:09 left"), text.toString().lines().toList());
    }

    @Test
    void aShortJobPrintsNothing() {
        StringWriter text = new StringWriter();
        try (JobProgress progress = new JobProgress("eval", 10, "samples", new PrintWriter(text), null, () -> 0)) {
            for (int i = 0; i < 10; i++) {
                progress.step();
            }
        }
        assertEquals("", text.toString());
    }

    @Test
    void timesReadAsClocks() {
        assertEquals("about 1:45 left", Eta.left(12, 40, 45 * SECOND));
        assertEquals("", Eta.left(0, 40, 45 * SECOND));
        assertEquals("1:02:03", Eta.clock(3723 * SECOND));
        assertEquals("0:00", Eta.clock(0));
    }
}
