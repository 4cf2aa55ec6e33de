package dev.nn.app;

import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.TrainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The commands a learner runs after training, as their --help examples show them: play (answers piped in),
 * predict (a picture drawn dark on light, large and off-centre; test records by index), eval's plots, train's
 * curves, tune (resumed), and XOR.
 */
class LearnerCommandsTest {

    @TempDir
    static Path dir;
    static Path model;

    /** One short MNIST training run shared by the tests: 784-32-10, 2 epochs, about 94%. */
    @BeforeAll
    static void train() {
        model = dir.resolve("model.json");
        Run run = Run.of("train", "--no-progress", "--hidden", "32", "--epochs", "2", "--out", model.toString(),
                "--plot", dir.resolve("curves.png").toString());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void trainDrawsItsCurves() throws IOException {
        BufferedImage curves = ImageIO.read(dir.resolve("curves.png").toFile());
        assertTrue(curves.getWidth() >= 800, "a real chart");
    }

    @Test
    void playTakesPipedAnswersAndEndsWithASummary() {
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream("7\nseven\n2\n".getBytes(StandardCharsets.UTF_8)));
            Run run = Run.of("play", model.toString(), "--rounds", "3", "--seed", "4");
            assertEquals(0, run.exit(), run.err());
            assertTrue(run.out().contains("round 1 of 3"), run.out());
            assertTrue(run.out().contains("'seven' is not a digit from 0 to 9"), run.out());
            assertTrue(run.out().contains("score after 2: you "), run.out());
            assertTrue(run.out().contains("top 3:"), run.out());
            assertTrue(run.out().contains("▀") || run.out().contains("█"), "the digit is drawn");
            assertTrue(run.out().matches("(?s).*2 rounds: you \\d \\(\\d+%\\), network \\d \\(\\d+%\\).*"), run.out());
        } finally {
            System.setIn(stdin);
        }
    }

    @Test
    void ctrlCInPlayEndsOnACleanLineWithTheScoreSoFar() throws Exception {
        Process play = ChildNn.start("play", "--model", model.toString(), "--rounds", "5", "--seed", "4", "--plain");
        play.getOutputStream().write("7\n".getBytes(StandardCharsets.UTF_8));
        play.getOutputStream().flush();
        StringBuilder seen = new StringBuilder();
        InputStream out = play.getInputStream();
        while (!seen.toString().contains("round 2 of 5")) {
            int c = out.read();
            assertTrue(c >= 0, "play ended early: " + seen);
            seen.append((char) c);
        }
        play.toHandle().destroy(); // SIGTERM (streams kept open): the same shutdown path as Ctrl-C's SIGINT
        seen.append(new String(out.readAllBytes(), StandardCharsets.UTF_8));
        assertTrue(play.waitFor(1, java.util.concurrent.TimeUnit.MINUTES));
        assertTrue(seen.toString().matches("(?s).*\n\nstopped: 1 round: you [01] \\(\\d+%\\), network [01] .*"),
                seen.toString());
    }

    @Test
    void predictReadsAPictureOfAnySizeAndTestRecords() throws IOException {
        TrainTest mnist = IdxDatasets.bundledMnist();
        byte[] pixels = new byte[784];
        mnist.test().pixels(0, pixels); // a 7
        BufferedImage picture = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 200; y++) {
            for (int x = 0; x < 300; x++) {
                int r = (y - 30) / 5, c = (x - 150) / 5; // 5× larger, off-centre, black ink on white
                int ink = r >= 0 && r < 28 && c >= 0 && c < 28 && y >= 30 && x >= 150 ? pixels[r * 28 + c] & 0xFF : 0;
                int grey = 255 - ink;
                picture.setRGB(x, y, grey << 16 | grey << 8 | grey);
            }
        }
        Path png = dir.resolve("seven.png");
        ImageIO.write(picture, "png", png.toFile());
        Path pgm = dir.resolve("seven.pgm");
        StringBuilder text = new StringBuilder("P2\n# a seven\n28 28\n255\n");
        for (byte p : pixels) {
            text.append(p & 0xFF).append(' ');
        }
        Files.writeString(pgm, text);
        Run run = Run.of("predict", "--model", model.toString(), png.toString(), pgm.toString(), "--index", "0,1");
        assertEquals(0, run.exit(), run.err());
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith(png + ": 7 "), run.out());
        assertTrue(lines.get(1).startsWith(pgm + ": 7 "), run.out());
        assertTrue(lines.get(2).startsWith("test[0] (label 7): 7 "), run.out());
        assertTrue(lines.get(3).startsWith("test[1] (label 2): "), run.out());
        assertTrue(lines.get(0).contains("7: "), "probabilities are printed");

        BufferedImage white = new BufferedImage(40, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 40; x++) {
                white.setRGB(x, y, 0xFFFFFF);
            }
        }
        Path blank = dir.resolve("blank.png");
        ImageIO.write(white, "png", blank.toFile());
        Run empty = Run.of("predict", "--model", model.toString(), blank.toString());
        assertEquals(blank + ": no ink found (a blank picture); nothing to predict", empty.out().strip());

        Run bad = Run.of("predict", "--model", model.toString(), dir.resolve("model.json").toString());
        assertEquals(1, bad.exit());
        assertTrue(bad.errorLines().contains("not an image nn can read"), bad.errorLines());

        Run modelFirst = Run.of("predict", model.toString(), "--index", "0"); // as nn eval m.json takes it
        assertEquals(0, modelFirst.exit(), modelFirst.err());
        assertTrue(modelFirst.out().startsWith("test[0] (label 7): 7"), modelFirst.out());
    }

    @Test
    void evalDrawsTheConfusionMatrixAndTheWeights() throws IOException {
        Path confusion = dir.resolve("confusion.svg");
        Path weights = dir.resolve("weights.png");
        Run run = Run.of("eval", "--model", model.toString(), "--plot", confusion.toString(), "--weights-plot",
                weights.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(confusion).contains("<svg"));
        assertTrue(ImageIO.read(weights.toFile()).getWidth() > 400);
        Run wrong = Run.of("eval", "--model", model.toString(), "--plot", dir.resolve("c.gif").toString());
        assertEquals(1, wrong.exit());
        assertTrue(wrong.errorLines().contains("give a file name ending in .png or .svg"), wrong.errorLines());
    }

    @Test
    void tuneWritesARowPerTrialAndContinuesAnInterruptedSearch() throws IOException {
        Path csv = dir.resolve("tune.csv");
        String[] args = {"tune", "--lr", "1e-3,3e-3", "--beta1", "0.85:0.9:0.05", "--seeds", "2", "--epochs", "1",
                "--train-limit", "2000", "--out", csv.toString(), "--plot", dir.resolve("tune.png").toString()};
        Run first = Run.of(args);
        assertEquals(0, first.exit(), first.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(9, rows.size(), "header + 2 lr × 2 beta1 × 2 seeds");
        assertTrue(first.out().contains("rank  setting"), first.out());
        assertTrue(first.err().lines().anyMatch(l -> l.matches("\\[1/8] .*; about \\d+:\\d\\d left")), first.err());
        assertTrue(first.err().lines().anyMatch(l -> l.startsWith("[8/8] ") && !l.contains("left")), first.err());
        // a search killed mid-row: the half row is dropped and only the missing trials run again
        Files.writeString(csv, String.join("\n", rows.subList(0, 6)) + "\n" + rows.get(6).substring(0, 10));
        Run second = Run.of(args);
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("5 already in"), second.err());
        assertTrue(second.err().contains("running 3 on"), second.err());
        assertEquals(9, Files.readAllLines(csv).size());
    }

    @Test
    void tuneSearchesDropoutWeightDecayAndAugmentationAndContinuesAFileWrittenBeforeThem() throws IOException {
        Path csv = dir.resolve("regularised.csv");
        String[] plain = {"tune", "--lr", "2e-3", "--seeds", "1", "--epochs", "1", "--train-limit", "1000", "--out",
                csv.toString()};
        Run first = Run.of(plain);
        assertEquals(0, first.exit(), first.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("lr,beta1,beta2,batch_size,hidden,input_dropout,dropout,weight_decay,augment,seed,epochs,"
                + "train_limit,data,cost,test_loss,accuracy,seconds", rows.getFirst());
        assertTrue(rows.get(1).startsWith("0.002,0.9,0.999,32,16-16,0,0,0,0,1,"), rows.get(1));
        // the same trial as a file of an nn before regularisation was searched would have held it
        String before = rows.get(1).replace("16-16,0,0,0,0,", "16-16,");
        Files.writeString(csv, "lr,beta1,beta2,batch_size,hidden,seed,epochs,train_limit,data,cost,test_loss,"
                + "accuracy,seconds\n" + before + "\n");
        String[] searched = {"tune", "--lr", "2e-3", "--dropout", "0,0.3", "--weight-decay", "0,1e-4", "--augment",
                "0,0.5", "--seeds", "1", "--epochs", "1", "--train-limit", "1000", "--out", csv.toString()};
        Run second = Run.of(searched);
        assertEquals(0, second.exit(), second.err());
        assertTrue(second.err().contains("1 already in"), second.err());
        assertTrue(second.err().contains("running 7 on"), second.err());
        List<String> after = Files.readAllLines(csv);
        assertEquals(9, after.size(), "header + 2 dropout × 2 weight decay × 2 augment");
        assertEquals(rows.get(1), after.get(1), "the earlier trial, kept");
        assertTrue(after.stream().anyMatch(r -> r.startsWith("0.002,0.9,0.999,32,16-16,0,0.3,0.0001,0.5,1,")),
                after.toString());
        assertTrue(second.out().contains("drop=0.3 wd=0.0001 aug=0.5"), second.out());
        // a file of the nn that searched regularisation but not augmentation continues too
        List<String> regularised = after.stream().filter(r -> !r.contains(",0.5,1,")).map(r -> r.startsWith("lr,")
                ? r.replace("weight_decay,augment,", "weight_decay,") : r.replaceFirst("^((?:[^,]*,){8})0,", "$1"))
                .toList();
        Files.write(csv, regularised);
        Run third = Run.of(searched);
        assertEquals(0, third.exit(), third.err());
        assertTrue(third.err().contains("4 already in") && third.err().contains("running 4 on"), third.err());
    }

    @Test
    void randomSearchDrawsFromRanges() throws IOException {
        Path csv = dir.resolve("random.csv");
        Run run = Run.of("tune", "--random", "3", "--lr", "1e-4:1e-2", "--hidden", "8", "--hidden", "4,4",
                "--seeds", "1", "--epochs", "1", "--train-limit", "1000", "--out", csv.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> rows = Files.readAllLines(csv);
        assertEquals(4, rows.size(), "header + 3 trials");
        for (String row : rows.subList(1, 4)) {
            double lr = Double.parseDouble(row.split(",")[0]);
            assertTrue(lr >= 1e-4 && lr <= 1e-2, row);
        }
        Run grid = Run.of("tune", "--lr", "1e-4:1e-2", "--out", dir.resolve("grid.csv").toString());
        assertEquals(2, grid.exit());
        assertTrue(grid.errorLines().contains("a range without a step is for --random"), grid.errorLines());
    }

    @Test
    void xorIsLearnt() {
        Path xor = dir.resolve("xor.json");
        Run run = Run.of("train", "--dataset", "xor", "--no-progress", "--out", xor.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("test accuracy 100.00%"), run.out());
    }
}
