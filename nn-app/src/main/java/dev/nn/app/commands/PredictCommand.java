package dev.nn.app.commands;

import dev.nn.app.cli.ModelFiles;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.cli.TableLoader;
import dev.nn.app.terminal.DigitArt;
import dev.nn.core.Mlp;
import dev.nn.core.data.CsvReader;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import dev.nn.core.network.Predictor;
import dev.nn.core.tensor.Matrix;
import dev.nn.mnist.digits.ImageFiles;
import dev.nn.mnist.digits.MnistForm;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code nn predict}: the digit a model sees in pictures or in test records, with its probabilities. */
@Command(name = "predict", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Predict the digit in pictures (PNG, JPEG, GIF, BMP or PGM, any size, dark or light"
                + " background) or in test records of the data, and print the probabilities.",
                "Pictures are put in MNIST's form first: ink fitted into 20×20, centred by mass in 28×28."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./nn predict --model model.json seven.png three.pgm",
                "  # the first test images, drawn",
                "  ./nn predict --index 0,1,2 --show",
                "  # a table model: one line per row",
                "  ./nn predict --model iris.json --data flowers.csv"})
public final class PredictCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", defaultValue = ModelFiles.DEFAULT,
            description = "The model file.")
    Path model;

    @Parameters(paramLabel = "IMAGE", arity = "0..*",
            description = "Picture files; a .json file first is the model, as with --model.",
            showDefaultValue = CommandLine.Help.Visibility.NEVER)
    List<Path> images = List.of();

    @Option(names = "--index", split = ",", paramLabel = "N,...", hideParamSyntax = true,
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Test records to predict, by position from 0 (from --data, --dataset or the bundled MNIST).")
    List<Integer> indices = List.of();


    @Mixin
    DataOptions data;

    @Option(names = "--show", description = "Also draw each input as the network sees it (28×28, half blocks).")
    boolean show;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        for (int index : indices) {
            if (index < 0) {
                throw new IllegalArgumentException("--index " + index + ": test records are numbered from 0");
            }
        }
        boolean modelFirst = !spec.commandLine().getParseResult().hasMatchedOption("--model") && !images.isEmpty()
                && images.getFirst().getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json");
        if (modelFirst) {
            model = images.getFirst();
            images = images.subList(1, images.size());
        }
        if (images.isEmpty() && indices.isEmpty() && !TableLoader.isTable(data.dir())) {
            throw new IllegalArgumentException("give IMAGE files or --index N,... (see nn predict --help)");
        }
        PrintWriter out = spec.commandLine().getOut();
        Model loaded = modelFirst ? ModelIO.load(model) : ModelFiles.load(model, spec);
        if (loaded.schema() != null || TableLoader.isTable(data.dir())) {
            return predictRows(out, loaded);
        }
        Predictor predictor = new Predictor(loaded.network());
        int inputs = loaded.network().inputSize();
        boolean colour = show && System.console() != null && System.console().isTerminal();
        for (Path image : images) {
            if (inputs != MnistForm.SIDE * MnistForm.SIDE) {
                throw new IllegalArgumentException("--model " + model + " takes " + inputs
                        + " values per sample; pictures become 28×28 = 784");
            }
            byte[] pixels = MnistForm.of(ImageFiles.read(image));
            if (!MnistForm.hasInk(pixels)) {
                out.println(image + ": no ink found (a blank picture); nothing to predict");
                continue;
            }
            report(out, image.toString(), pixels, predictor, colour);
        }
        if (!indices.isEmpty()) {
            Dataset test = data.testSetFor(model, loaded, spec.commandLine().getErr());
            byte[] pixels = new byte[test.features()];
            Mlp features = test.isPictures() ? null : Mlp.of(loaded);
            Matrix row = new Matrix(1, test.features());
            for (int index : indices) {
                if (index < 0 || index >= test.size()) {
                    throw new IllegalArgumentException("--index " + index + ": the test set has records 0.."
                            + (test.size() - 1));
                }
                String name = "test[" + index + "] (label " + test.label(index) + ")";
                if (test.isPictures()) {
                    test.pixels(index, pixels);
                    report(out, name, pixels, predictor, colour);
                } else {
                    test.fillBatch(new int[] {index}, 0, 1, row, new int[1]);
                    float[] point = Arrays.copyOf(row.data(), test.features());
                    print(out, name + " at " + Arrays.toString(point), features.predictProbabilities(point));
                }
            }
        }
        out.flush();
        return 0;
    }

    /** A table model on the rows of {@code --data FILE.csv}: each row's class and the probabilities. */
    private int predictRows(PrintWriter out, Model loaded) throws Exception {
        if (loaded.schema() == null) {
            throw new IllegalArgumentException("--model " + model + " was trained on pictures, not on a table;"
                    + " give IMAGE files or --index N");
        }
        if (!images.isEmpty() || !indices.isEmpty() || !TableLoader.isTable(data.dir())) {
            throw new IllegalArgumentException("--model " + model + " was trained on a table; give its rows with"
                    + " --data FILE.csv (no IMAGE or --index)");
        }
        Mlp mlp = Mlp.of(loaded);
        float[][] rows = CsvReader.readRows(data.dir(), loaded.schema().features());
        float[][] p = mlp.predictProbabilities(rows);
        List<String> classes = mlp.classNames();
        for (int r = 0; r < rows.length; r++) {
            StringBuilder line = new StringBuilder("row " + (r + 1) + ": " + classes.get(Predictor.best(p[r])) + " ");
            for (int c = 0; c < p[r].length; c++) {
                line.append(String.format("  %s %.1f%%", classes.get(c), 100 * p[r][c]));
            }
            out.println(line);
        }
        out.flush();
        return 0;
    }

    private void report(PrintWriter out, String name, byte[] pixels, Predictor predictor, boolean colour) {
        float[] p = predictor.probabilities(pixels);
        if (show && pixels.length == MnistForm.SIDE * MnistForm.SIDE) {
            out.print(DigitArt.render(pixels, MnistForm.SIDE, MnistForm.SIDE, colour));
        }
        print(out, name, p);
    }

    /** One answer: the name, the most probable class, and every class's probability. */
    private static void print(PrintWriter out, String name, float[] p) {
        StringBuilder line = new StringBuilder(name).append(": ").append(Predictor.best(p)).append("  ");
        for (int c = 0; c < p.length; c++) {
            line.append(String.format(" %d:%5.1f%%", c, 100 * p[c]));
        }
        out.println(line);
    }
}
