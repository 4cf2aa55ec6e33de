package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training run in another JVM is killed (SIGKILL, or SIGTERM as Ctrl-C would) in the middle of an epoch and
 * resumed here; the final weights must equal, byte for byte, those of a run that was never interrupted.
 */
class ResumeTest {

    private static final String[] RUN = {"train", "--no-progress", "--hidden", "24", "--epochs", "3"};
    /** The run with every regularisation: its dropout masks must continue exactly too. */
    private static final String[] REGULARISED = {"train", "--no-progress", "--hidden", "24", "--epochs", "3",
            "--input-dropout", "0.1", "--dropout", "0.3", "--weight-decay", "1e-4", "--decoupled-weight-decay", "0.01",
            "--max-norm", "3"};

    /** The run with a validation set: it must hold out the same samples and remember its best epoch. */
    private static final String[] VALIDATED = {"train", "--no-progress", "--hidden", "24", "--epochs", "3",
            "--validation", "0.1", "--monitor", "accuracy"};

    /** The run with weight averaging: it must go on averaging from the mean its checkpoint holds. */
    private static final String[] AVERAGED = {"train", "--no-progress", "--hidden", "24", "--epochs", "3",
            "--average-from", "1"};

    @TempDir
    Path dir;

    private Process start(Path out) throws IOException {
        return start(out, RUN);
    }

    private Process start(Path out, String[] run) throws IOException {
        List<String> args = new ArrayList<>(List.of(run));
        args.addAll(List.of("--out", out.toString()));
        return ChildNn.command(args.toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Waits for the first epoch's checkpoint, lets the second epoch get under way, then ends the child. */
    private Path interrupt(Process child, Path out, boolean kill) throws Exception {
        Path checkpoint = out.resolveSibling(out.getFileName() + ".checkpoint");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertTrue(Files.exists(checkpoint), "no checkpoint appeared:\n" + Files.readString(dir.resolve("child.log")));
        Thread.sleep(50);
        if (kill) {
            child.destroyForcibly(); // SIGKILL
        } else {
            child.destroy(); // SIGTERM: the shutdown hook saves a mid-epoch checkpoint, as on Ctrl-C
        }
        child.waitFor(2, TimeUnit.MINUTES);
        assertFalse(Files.exists(out), "the run had finished before it was interrupted");
        return checkpoint;
    }

    private Path uninterrupted() {
        return uninterrupted(RUN);
    }

    private Path uninterrupted(String[] settings) {
        Path out = dir.resolve("whole.json");
        List<String> args = new ArrayList<>(List.of(settings));
        args.addAll(List.of("--out", out.toString()));
        Run run = Run.of(args.toArray(String[]::new));
        assertEquals(0, run.exit(), run.err());
        return out;
    }

    @Test
    void killedMidEpochThenResumedEqualsAnUninterruptedRun() throws Exception {
        Path out = dir.resolve("killed.json");
        Path checkpoint = interrupt(start(out), out, true);
        Run resumed = Run.of("train", "--no-progress", "--resume", checkpoint.toString(), "--out", out.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("resume: "), resumed.err());
        assertFalse(Files.exists(checkpoint), "the checkpoint of a finished run is removed");
        Weights.assertSame(uninterrupted(), out);
    }

    @Test
    void aRegularisedRunKilledMidEpochResumesExactlyAndKeepsItsSettings() throws Exception {
        Path out = dir.resolve("regularised.json");
        Path checkpoint = interrupt(start(out, REGULARISED), out, true);
        Run refused = Run.of("train", "--resume", checkpoint.toString(), "--dropout", "0.5");
        assertEquals(2, refused.exit(), "a usage mistake");
        assertTrue(refused.err().contains("--dropout cannot change them"), refused.err());
        Run resumed = Run.of("train", "--no-progress", "--resume", checkpoint.toString(), "--out", out.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("regularisation: input dropout 0.1, dropout 0.3"), resumed.err());
        Weights.assertSame(uninterrupted(REGULARISED), out);
        assertTrue(Files.readString(out).contains("\"decoupledWeightDecay\" : 0.01"), "the model file records it");
    }

    @Test
    void aValidatedRunKilledMidEpochResumesToTheSameKeptEpoch() throws Exception {
        Path out = dir.resolve("validated.json");
        Path checkpoint = interrupt(start(out, VALIDATED), out, true);
        Run refused = Run.of("train", "--resume", checkpoint.toString(), "--patience", "3");
        assertTrue(refused.err().contains("--patience cannot change them"), refused.err());
        Run resumed = Run.of("train", "--no-progress", "--resume", checkpoint.toString(), "--out", out.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("validation: 6,000 of the 60,000 training samples held out"), resumed.err());
        Path whole = uninterrupted(VALIDATED);
        Weights.assertSame(whole, out);
        String kept = resumed.out().lines().filter(l -> l.startsWith("kept epoch")).findFirst().orElseThrow();
        assertTrue(Files.readString(out).contains("\"monitor\" : \"accuracy\""), "the model file records it");
        assertTrue(kept.matches("kept epoch [123], the best on validation .*"), kept);
    }

    @Test
    void anAveragingRunKilledMidEpochResumesToTheSameMean() throws Exception {
        Path out = dir.resolve("averaged.json");
        Path checkpoint = interrupt(start(out, AVERAGED), out, true);
        assertTrue(Files.readString(checkpoint).contains("\"average\""), "the checkpoint keeps the mean so far");
        Run refused = Run.of("train", "--resume", checkpoint.toString(), "--average-from", "2");
        assertTrue(refused.err().contains("--average-from cannot change them"), refused.err());
        Run resumed = Run.of("train", "--no-progress", "--resume", checkpoint.toString(), "--out", out.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.out().contains("kept the mean of the weights of epochs 1 to 3"), resumed.out());
        Weights.assertSame(uninterrupted(AVERAGED), out);
    }

    @Test
    void terminatedMidEpochSavesWhereItWasAndResumesExactly() throws Exception {
        Path out = dir.resolve("stopped.json");
        Process child = start(out);
        Path checkpoint = interrupt(child, out, false);
        String log = Files.readString(dir.resolve("child.log"));
        assertTrue(log.contains("interrupted at epoch 2, batch "), log);
        Run resumed = Run.of("train", "--no-progress", "--resume", checkpoint.toString(), "--out", out.toString());
        assertEquals(0, resumed.exit(), resumed.err());
        assertTrue(resumed.err().contains("at epoch 2, batch "), resumed.err());
        Weights.assertSame(uninterrupted(), out);
    }

    @Test
    void resumeMistakesAreOneLine() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path out = dir.resolve("small.json");
        Run train = Run.of("train", "--data", data.toString(), "--hidden", "4", "--epochs", "2", "--out",
                out.toString(), "--checkpoint", dir.resolve("kept.checkpoint").toString());
        assertEquals(0, train.exit(), train.err());
        Run notCheckpoint = Run.of("train", "--resume", out.toString());
        assertEquals(1, notCheckpoint.exit());
        assertTrue(notCheckpoint.err().contains("format is 'nn-mlp', expected 'nn-checkpoint'"), notCheckpoint.err());
        Run missing = Run.of("train", "--resume", dir.resolve("gone.checkpoint").toString());
        assertEquals(1, missing.exit());
        assertTrue(missing.err().contains("gone.checkpoint: no such file"), missing.err());
        assertTrue(File.separator.equals("/"));
    }
}
