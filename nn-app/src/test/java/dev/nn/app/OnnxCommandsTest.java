package dev.nn.app;

import dev.nn.core.model.ModelIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code nn export} and {@code nn import} as README shows them: the default file names, what they print, the
 * imported model working in eval and predict, and one line for each mistake (ONNX Runtime's agreement is
 * {@link dev.nn.app.onnx.OnnxRuntimeTest}).
 */
class OnnxCommandsTest {

    @TempDir
    static Path dir;
    static Path model;

    @BeforeAll
    static void train() {
        model = dir.resolve("model.json");
        Run run = Run.of("train", "--no-progress", "--epochs", "1", "--out", model.toString());
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void exportThenImportGivesAModelThatEvaluatesAlike() throws IOException {
        Run export = Run.of("export", model.toString());
        assertEquals(0, export.exit(), export.err());
        Path onnx = dir.resolve("model.onnx");
        assertTrue(Files.size(onnx) > 50_000, "the default name is the model's with .onnx");
        assertTrue(export.out().startsWith("exported " + model + " (784-16-16-10, relu) to " + onnx), export.out());
        assertTrue(export.out().contains("input  'pixels' float32 [batch, 784], raw pixels 0-255"), export.out());

        Run imported = Run.of("import", "--onnx", onnx.toString(), "--out", dir.resolve("back.json").toString());
        assertEquals(0, imported.exit(), imported.err());
        assertTrue(imported.out().contains("(784-16-16-10, relu, 13,002 parameters)"), imported.out());
        Weights.assertSame(model, dir.resolve("back.json"));

        Run before = Run.of("eval", model.toString());
        Run after = Run.of("eval", dir.resolve("back.json").toString());
        assertEquals(0, after.exit(), after.err());
        assertEquals(before.out().lines().skip(1).toList(), after.out().lines().skip(1).toList());
    }

    @Test
    void aPyTorchModelWorksInPredict() throws URISyntaxException, IOException {
        Path fixture = Path.of(OnnxCommandsTest.class.getResource("/onnx/pytorch-784-32-10.onnx").toURI());
        Path copy = Files.copy(fixture, dir.resolve("pt.onnx"));
        Run imported = Run.of("import", copy.toString());
        assertEquals(0, imported.exit(), imported.err());
        Path json = dir.resolve("pt.json");
        assertTrue(ModelIO.load(json).provenance().source().startsWith("onnx pt.onnx (pytorch "),
                ModelIO.load(json).provenance().source());
        Run predict = Run.of("predict", "--model", json.toString(), "--index", "0");
        assertEquals(0, predict.exit(), predict.err());
        assertTrue(predict.out().contains("7"), predict.out());
    }

    @Test
    void theGuidesJavaProgramRunsTheExportedFileInOnnxRuntime() throws Exception {
        String guide = Files.readString(Path.of("..", "docs", "GUIDE.md"));
        String section = guide.substring(guide.indexOf("## ONNX export and import"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "GUIDE has no java block under 'ONNX export and import'");
        Path work = Files.createDirectories(dir.resolve("guide"));
        Path source = Files.writeString(work.resolve("RunOnnx.java"), block.group(1));
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, errors, "-cp",
                System.getProperty("java.class.path"), "-d", work.toString(), source.toString()), errors.toString());
        Path onnx = dir.resolve("guide.onnx");
        assertEquals(0, Run.of("export", model.toString(), "--onnx", onnx.toString()).exit());
        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp",
                work + File.pathSeparator + System.getProperty("java.class.path"), "RunOnnx", onnx.toString())
                .redirectErrorStream(true).start();
        assertTrue(run.waitFor(2, TimeUnit.MINUTES));
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);
        assertTrue(output.contains("class probabilities of a blank picture: ["), output);
    }

    @Test
    void mistakesGetOneLine() throws IOException {
        Run none = Run.of("import");
        assertEquals(2, none.exit());
        assertEquals("nn import: give the ONNX file: --onnx FILE (see nn import --help)", none.errorLines());

        Path text = Files.writeString(dir.resolve("notes.onnx"), "not a model");
        Run garbage = Run.of("import", text.toString());
        assertEquals(1, garbage.exit());
        assertTrue(garbage.errorLines().startsWith("nn import: " + text + ": "), garbage.err());
        assertFalse(garbage.errorLines().contains("\n"), garbage.err());

        Run badName = Run.of("export", model.toString(), "--onnx", dir.resolve("m.txt").toString());
        assertEquals(2, badName.exit());
        assertTrue(badName.errorLines().contains("name the file .onnx"), badName.err());

        Path onnx = dir.resolve("hint.onnx");
        assertEquals(0, Run.of("export", model.toString(), "--onnx", onnx.toString()).exit());
        Run wrongCommand = Run.of("eval", onnx.toString());
        assertEquals(1, wrongCommand.exit());
        assertTrue(wrongCommand.errorLines().contains("an ONNX model; make one of it with ./nn import --onnx "
                + onnx), wrongCommand.err());
    }
}
