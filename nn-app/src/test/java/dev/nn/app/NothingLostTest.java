package dev.nn.app;

import dev.nn.mnist.idx.IdxArray;
import dev.nn.mnist.idx.IdxWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ways a user could lose a file that issue 17 found from outside, each as it was reproduced: after each
 * command the user's files must still be there, whole, and where the user asked for them.
 */
class NothingLostTest {

    @TempDir
    Path dir;

    @Test
    void item1CheckpointAndOutThatAreOneFileAreRefusedUpFront() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path model = Files.writeString(dir.resolve("same.json"), "my model");
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--out", model.toString(), "--checkpoint", model.toString()),
                "same file");
        Path viaDot = dir.resolve("sub/../same.json");
        Files.createDirectories(dir.resolve("sub"));
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--out", model.toString(), "--checkpoint", viaDot.toString()),
                "same file");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), model);
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--out", model.toString(), "--checkpoint", link.toString()),
                "same file");
        Path checkpoint = dir.resolve("rs.ck");
        Files.writeString(checkpoint, "a checkpoint");
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--out", checkpoint.toString(), "--checkpoint",
                checkpoint.toString()), "same file");
        assertEquals("my model", Files.readString(model));
        assertEquals("a checkpoint", Files.readString(checkpoint));
    }

    @Test
    void item2ResumingWritesTheModelWhereTheRunWouldHaveAndReadsItsData() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path out = Files.createDirectories(dir.resolve("sub")).resolve("mine.json");
        Path checkpoint = Checkpoints.write(dir.resolve("sub/mine.json.checkpoint"), data, out, 0);
        Run run = Run.of("train", "--no-progress", "--resume", checkpoint.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.isRegularFile(out), run.err());
        assertFalse(Files.exists(checkpoint));
        assertTrue(run.err().contains("saved " + out), run.err());
    }

    @Test
    void item2ThePrintedResumeCommandFinishesTheRunTheUserStarted() throws Exception {
        Files.createDirectories(dir.resolve("sub"));
        Path decoy = Files.writeString(dir.resolve("model.json"), "an unrelated model");
        Process child = ChildNn.command("train", "--no-progress", "--hidden", "24", "--epochs", "3", "--out",
                        "sub/mine.json").directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
        Path checkpoint = dir.resolve("sub/mine.json.checkpoint");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.exists(checkpoint) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        child.destroy(); // SIGTERM, as Ctrl-C
        child.waitFor(2, TimeUnit.MINUTES);
        String log = Files.readString(dir.resolve("first.log"));
        Matcher hint = Pattern.compile("continue with: nn (.*)").matcher(log);
        assertTrue(hint.find(), log);
        Process resumed = ChildNn.command(hint.group(1).strip().split(" ")).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolve("second.log").toFile()).start();
        assertTrue(resumed.waitFor(3, TimeUnit.MINUTES));
        assertEquals(0, resumed.exitValue(), Files.readString(dir.resolve("second.log")));
        assertTrue(Files.isRegularFile(dir.resolve("sub/mine.json")), Files.readString(dir.resolve("second.log")));
        assertEquals("an unrelated model", Files.readString(decoy));
        assertFalse(Files.exists(checkpoint));
    }

    @Test
    void item3TuneNeverWritesToAFileThatIsNotATuneCsv() throws IOException {
        Path model = dir.resolve("model.json");
        Files.writeString(model, "{\"format\": \"nn-mlp\"}");
        Path note = Files.writeString(dir.resolve("notes.csv"), "one line without an end");
        for (Path file : List.of(model, note)) {
            byte[] before = Files.readAllBytes(file);
            Refusal.assertOneLine(Run.of("tune", "--dataset", "xor", "--epochs", "1", "--seeds", "1", "--out",
                    file.toString()), file.toString(), "not a tune CSV");
            assertArrayEquals(before, Files.readAllBytes(file));
        }
    }

    @Test
    void item4AnEmptyDatasetIsRefusedAndTheModelKept() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        IdxWriter.write(data.resolve("train-images-idx3-ubyte"), IdxArray.ofUnsignedBytes(new byte[0], 0, 3, 4),
                false);
        IdxWriter.write(data.resolve("train-labels-idx1-ubyte.gz"), IdxArray.ofUnsignedBytes(new byte[0], 0), true);
        Path model = Files.writeString(dir.resolve("good.json"), "a good model");
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--out", model.toString()), "train-images-idx3-ubyte",
                "no samples");
        assertEquals("a good model", Files.readString(model));
    }

    @Test
    void item6TuneRowsOfAnotherSearchOrTamperedAreRefused() throws IOException {
        Path csv = dir.resolve("t.csv");
        String[] search = {"tune", "--dataset", "xor", "--seeds", "1", "--epochs", "1", "--out", csv.toString()};
        Run first = Run.of(search);
        assertEquals(0, first.exit(), first.err());
        String rows = Files.readString(csv);
        Run longer = Run.of("tune", "--dataset", "xor", "--seeds", "1", "--epochs", "2", "--out", csv.toString());
        Refusal.assertOneLine(longer, "another search");
        String row = rows.lines().skip(1).findFirst().orElseThrow();
        String[] f = row.split(",");
        List<String> columns = List.of(rows.lines().findFirst().orElseThrow().split(","));
        Map<Integer, List<String>> tampered = Map.of(columns.indexOf("accuracy"), List.of("NaN", "5.0", "-1"),
                columns.indexOf("cost"), List.of("NaN", "Infinity", "-1"));
        for (var entry : tampered.entrySet()) {
            for (String bad : entry.getValue()) {
                String[] g = f.clone();
                g[entry.getKey()] = bad;
                Files.writeString(csv, rows.lines().findFirst().orElseThrow() + "\n" + String.join(",", g) + "\n");
                Refusal.assertOneLine(Run.of(search), "line 2", "no trial gives");
            }
        }
        Files.writeString(csv, rows + row + "\n");
        Refusal.assertOneLine(Run.of(search), "line 3", "a second row");
        String[] foreign = f.clone();
        foreign[columns.indexOf("seed")] = "7";
        Files.writeString(csv, rows + String.join(",", foreign) + "\n");
        Run ranked = Run.of(search);
        assertEquals(0, ranked.exit(), ranked.err());
        assertTrue(ranked.out().lines().anyMatch(l -> l.matches("\\s+1\\s.*\\s1\\s+\\d.*")),
                "seed 7 is not one of --seeds 1, so the setting counts one seed:\n" + ranked.out());
    }

    @Test
    void item7EvaluationUsesTheModelsOwnDataAndSaysWhenDataDiffers() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path other = SmallData.write(dir.resolve("other"), 7);
        Path model = dir.resolve("m.json");
        assertEquals(0, Run.trainTiny(data, 1, "--out", model.toString()).exit());
        Run own = Run.of("eval", "--model", model.toString());
        assertEquals(0, own.exit(), own.err());
        assertTrue(own.out().contains(data + " test") && !own.err().contains("warning"), own.out() + own.err());
        Run elsewhere = Run.of("eval", "--model", model.toString(), "--data", other.toString());
        assertEquals(0, elsewhere.exit(), elsewhere.err());
        assertTrue(elsewhere.err().contains("warning: " + model + " was not trained on " + other + " test"),
                elsewhere.err());
        assertTrue(elsewhere.out().contains("NOT the data the model was trained on"), elsewhere.out());
    }

    @Test
    void item8ModelFilesKeepTheirModeAndLinksAndReadOnlyFilesAreRefused() throws IOException {
        Path data = SmallData.write(dir.resolve("data"));
        Path shared = dir.resolve("shared.json");
        assertEquals(0, Run.trainTiny(data, 1, "--out", shared.toString()).exit());
        Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rw-r--r--"));
        assertEquals(0, Run.trainTiny(data, 1, "--out", shared.toString(), "--seed", "2").exit());
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(shared)));

        Path locked = Files.writeString(dir.resolve("locked.json"), "keep me");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r--r--r--"));
        Refusal.assertOneLine(Run.trainTiny(data, 1, "--out", locked.toString()), "--out", "read-only");
        assertEquals("keep me", Files.readString(locked));

        Path link = Files.createSymbolicLink(dir.resolve("link.json"), shared);
        assertEquals(0, Run.trainTiny(data, 1, "--out", link.toString()).exit());
        assertTrue(Files.isSymbolicLink(link));
        try (Stream<Path> files = Files.list(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
        }
    }
}
