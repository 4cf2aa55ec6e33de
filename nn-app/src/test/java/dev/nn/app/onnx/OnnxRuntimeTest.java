package dev.nn.app.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.core.Mlp;
import dev.nn.core.activation.Activation;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.CsvReader;
import dev.nn.core.data.Dataset;
import dev.nn.core.data.Table;
import dev.nn.core.model.Model;
import dev.nn.core.onnx.ImportedModel;
import dev.nn.core.onnx.Onnx;
import dev.nn.core.train.TrainingListener;
import dev.nn.mnist.IdxDatasets;
import dev.nn.mnist.TrainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * ONNX Runtime, the reference engine of the format, runs the models nn exports and gives nn's answers: the same
 * class on every image of MNIST's test set and probabilities within 1e-5, for the default network, a tanh and
 * sigmoid one, a leaky-ReLU one and a table model fed raw features. And a model PyTorch trained and exported
 * imports into nn and scores the accuracy PyTorch measured. Each check prints its figures.
 */
class OnnxRuntimeTest {

    private static final float TOLERANCE = 1e-5f;
    private static final int BATCH = 1000;
    private static TrainTest mnist;
    private static OrtEnvironment ort;

    @BeforeAll
    static void load() throws IOException {
        mnist = IdxDatasets.bundledMnist();
        ort = OrtEnvironment.getEnvironment();
    }

    @AfterAll
    static void close() {
        ort.close();
    }

    /** A picture model trained for one epoch on MNIST. */
    private static Model trained(List<Activation> activations, int... hidden) {
        Mlp mlp = Mlp.builder(784, 10).hidden(hidden).activations(activations.toArray(Activation[]::new))
                .epochs(1).seed(3).build();
        mlp.fit(mnist.train(), mnist.test(), new TrainingListener() { });
        return mlp.toModel();
    }

    /** The model {@code nn train} makes with no flags. */
    private static Model defaultTraining() {
        Mlp mlp = Mlp.of(TrainingConfig.DEFAULT);
        mlp.fit(mnist.train(), mnist.test(), new TrainingListener() { });
        return mlp.toModel();
    }

    /** Every test image's raw pixels, 0–255 as floats (what the exported graph takes). */
    private static float[][] rawPixels(Dataset test, float scale) {
        float[][] rows = new float[test.size()][test.features()];
        byte[] pixels = new byte[test.features()];
        for (int i = 0; i < rows.length; i++) {
            test.pixels(i, pixels);
            for (int j = 0; j < pixels.length; j++) {
                rows[i][j] = (pixels[j] & 0xFF) * scale;
            }
        }
        return rows;
    }

    /** What ONNX Runtime answers for {@code rows} given to {@code onnx}'s one input, with {@code shape} per row. */
    private static float[][] run(byte[] onnx, float[][] rows, long... shape) throws OrtException {
        float[][] out = new float[rows.length][];
        try (OrtSession session = ort.createSession(onnx, new OrtSession.SessionOptions())) {
            String input = session.getInputNames().iterator().next();
            for (int from = 0; from < rows.length; from += BATCH) {
                int n = Math.min(BATCH, rows.length - from);
                FloatBuffer batch = FloatBuffer.allocate(n * rows[0].length);
                for (int r = 0; r < n; r++) {
                    batch.put(rows[from + r]);
                }
                long[] dims = new long[shape.length + 1];
                dims[0] = n;
                System.arraycopy(shape, 0, dims, 1, shape.length);
                try (OnnxTensor tensor = OnnxTensor.createTensor(ort, batch.flip(), dims);
                     OrtSession.Result result = session.run(Map.of(input, tensor))) {
                    float[][] probabilities = (float[][]) result.get(0).getValue();
                    System.arraycopy(probabilities, 0, out, from, n);
                }
            }
        }
        return out;
    }

    /** The number of rows whose most probable class differs, and asserts closeness; prints both figures. */
    private static void assertAgree(String what, float[][] nn, float[][] onnxRuntime) {
        int disagreements = 0;
        double largest = 0;
        for (int i = 0; i < nn.length; i++) {
            if (argmax(nn[i]) != argmax(onnxRuntime[i])) {
                disagreements++;
            }
            for (int c = 0; c < nn[i].length; c++) {
                largest = Math.max(largest, Math.abs(nn[i][c] - onnxRuntime[i][c]));
            }
        }
        System.out.printf("ONNX Runtime vs nn, %s: %d rows, %d class disagreements, largest probability"
                + " difference %.3g%n", what, nn.length, disagreements, largest);
        assertEquals(0, disagreements, what + ": classes that differ");
        assertTrue(largest <= TOLERANCE, what + ": largest probability difference " + largest);
    }

    private static int argmax(float[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    @Test
    void onnxRuntimeGivesNnsAnswersOnTheWholeTestSet() throws OrtException {
        float[][] raw = rawPixels(mnist.test(), 1);
        float[][] scaled = rawPixels(mnist.test(), 1f / 255);
        Map<String, Model> models = Map.of(
                "784-16-16-10 relu (nn train's default, 20 epochs)", defaultTraining(),
                "784-32-24-10 tanh,sigmoid", trained(List.of(Activation.TANH, Activation.SIGMOID), 32, 24),
                "784-64-10 leaky-relu", trained(List.of(Activation.LEAKY_RELU), 64));
        for (Map.Entry<String, Model> m : models.entrySet()) {
            float[][] nn = Mlp.of(m.getValue()).predictProbabilities(scaled);
            assertAgree(m.getKey(), nn, run(Onnx.bytes(m.getValue()), raw, 784));
        }
    }

    @Test
    void aTableModelTakesRawFeaturesInOnnxRuntime() throws IOException, URISyntaxException, OrtException {
        Table iris = CsvReader.read(resource("/iris/iris.csv"), "species");
        Mlp mlp = Mlp.builder(4, 3).hidden(8).epochs(30).batchSize(8).seed(5).build();
        mlp.fit(iris, null, new TrainingListener() { });
        float[][] rows = new float[iris.size()][4];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(iris.values(), 4 * i, rows[i], 0, 4);
        }
        assertAgree("iris 4-8-3 relu, standardised", mlp.predictProbabilities(rows),
                run(Onnx.bytes(mlp.toModel()), rows, 4));
    }

    @Test
    void aModelPyTorchTrainedImportsAndScoresWhatPyTorchMeasured() throws Exception {
        Path fixture = resource("/onnx/pytorch-784-32-10.onnx");
        JsonNode report = new ObjectMapper().readTree(resource("/onnx/pytorch-784-32-10.json").toFile());
        ImportedModel imported = Onnx.read(fixture);
        Mlp mlp = Mlp.of(imported.model());
        assertEquals("784-32-10", imported.model().config().shape());
        assertTrue(imported.model().provenance().source().contains("pytorch"), imported.model().provenance().source());
        int correct = mlp.evaluate(mnist.test()).correct();
        System.out.printf("PyTorch fixture: nn %d of 10000 right, PyTorch reported %d%n", correct,
                report.get("testCorrect").asInt());
        assertEquals(report.get("testCorrect").asInt(), correct);

        float[][] scaled = rawPixels(mnist.test(), 1f / 255);
        float[][] nn = mlp.predictProbabilities(scaled);
        for (int c = 0; c < 10; c++) {
            assertEquals(report.get("firstProbabilities").get(c).floatValue(), nn[0][c], TOLERANCE);
        }
        assertAgree("PyTorch's 784-32-10 (its own file)", nn, run(Files.readAllBytes(fixture), scaled,
                1, 28, 28));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(OnnxRuntimeTest.class.getResource(name).toURI());
    }
}
