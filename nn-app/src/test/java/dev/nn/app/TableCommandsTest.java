package dev.nn.app;

import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code nn train --data FILE.csv --label COLUMN}, then eval and predict, on Fisher's Iris (test resources). */
class TableCommandsTest {

    static final Path IRIS = Path.of("src", "test", "resources", "iris", "iris.csv");

    @TempDir
    Path dir;

    private Path trained() {
        Path model = dir.resolve("iris.json");
        Run run = Run.of("train", "--no-progress", "--data", IRIS.toString(), "--label", "species",
                "--validation", "0.3", "--hidden", "32", "--activation", "tanh", "--epochs", "100", "--batch-size", "16",
                "--out", model.toString());
        assertEquals(0, run.exit(), run.err());
        Matcher accuracy = Pattern.compile("test accuracy ([0-9.]+)%").matcher(run.out());
        assertTrue(accuracy.find(), run.out());
        assertTrue(Double.parseDouble(accuracy.group(1)) >= 97, "held-out accuracy " + accuracy.group(1));
        assertTrue(run.err().contains("105 training and 45 held-out rows of 4 features, 3 classes of 'species'"),
                run.err());
        return model;
    }

    @Test
    void irisTrainsEvaluatesAndPredictsByName() throws IOException {
        Path model = trained();
        Model saved = ModelIO.load(model);
        assertEquals(List.of("setosa", "versicolor", "virginica"), saved.schema().classes());
        assertEquals(4, saved.standardization().features());
        Run eval = Run.of("eval", "--model", model.toString(), "--data", IRIS.toString());
        assertEquals(0, eval.exit(), eval.err());
        assertTrue(eval.out().contains("virginica"), eval.out());
        Path rows = Files.writeString(dir.resolve("rows.csv"), """
                petal_width,petal_length,sepal_width,sepal_length
                0.2,1.4,3.5,5.1
                2.3,5.4,3.0,6.2
                """);
        Run predict = Run.of("predict", "--model", model.toString(), "--data", rows.toString());
        assertEquals(0, predict.exit(), predict.err());
        List<String> lines = predict.out().lines().toList();
        assertTrue(lines.get(0).startsWith("row 1: setosa") && lines.get(1).startsWith("row 2: virginica"),
                predict.out());
    }

    @Test
    void mistakesInTablesNameTheFileRowAndColumn() throws IOException {
        Refusal.assertOneLine(Run.of("train", "--data", IRIS.toString(), "--validation", "0.3"), "--label");
        Refusal.assertOneLine(Run.of("train", "--data", IRIS.toString(), "--label", "colour", "--validation", "0.3"),
                "iris.csv", "no label column 'colour'");
        Refusal.assertOneLine(Run.of("train", "--data", IRIS.toString(), "--label", "species"), "--test", "--validation");
        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "a,b,label\n1,2,x\n3,y\n");
        Refusal.assertOneLine(Run.of("train", "--data", ragged.toString(), "--label", "label", "--validation", "0.5"),
                "ragged.csv", "row 3 has 2 cells");
        Path text = Files.writeString(dir.resolve("text.csv"), "a,b,label\n1,2,x\n3,four,y\n");
        Refusal.assertOneLine(Run.of("train", "--data", text.toString(), "--label", "label", "--validation", "0.5"),
                "text.csv", "row 3, column 'b': 'four' is not a finite number");
        Path model = trained();
        Path unseen = Files.writeString(dir.resolve("unseen.csv"),
                "sepal_length,sepal_width,petal_length,petal_width,species\n5.1,3.5,1.4,0.2,rosa\n");
        Refusal.assertOneLine(Run.of("eval", "--model", model.toString(), "--data", unseen.toString()),
                "unseen.csv", "row 2, column 'species': class 'rosa' was never seen in training");
        Refusal.assertOneLine(Run.of("eval", "--model", model.toString()), "trained on a table", "--data FILE.csv");
    }
}
