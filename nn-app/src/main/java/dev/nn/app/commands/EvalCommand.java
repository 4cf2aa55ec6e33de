package dev.nn.app.commands;

import dev.nn.app.cli.ModelArgument;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.plot.ChartFiles;
import dev.nn.app.plot.ConfusionPlot;
import dev.nn.app.plot.DecisionRegions;
import dev.nn.app.plot.WeightImages;
import dev.nn.app.progress.JobProgress;
import dev.nn.core.Mlp;
import dev.nn.core.data.Dataset;
import dev.nn.core.layer.Dense;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code nn eval}: a saved model's accuracy, loss, per-class precision and recall, and confusion matrix. */
@Command(name = "eval", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Evaluate a saved model on a test set: accuracy, mean loss, per-class precision and recall,"
                + " confusion matrix.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nn eval model.json",
                "  ./nn eval model.json --plot confusion.png --weights-plot weights.png",
                "  # a model of your own data",
                "  ./nn eval fashion.json --data fashion-mnist/"})
public final class EvalCommand implements Callable<Integer> {

    @Mixin
    ModelArgument modelArgument;


    @Mixin
    DataOptions data;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the confusion matrix to FILE, a PNG or SVG picture.")
    Path plot;

    @Option(names = "--weights-plot", paramLabel = "FILE",
            description = "Also draw the first layer's weights, one image per hidden neuron, to FILE, a PNG or SVG picture.")
    Path weightsPlot;

    @Option(names = "--regions", paramLabel = "FILE",
            description = "For a network of two inputs (e.g. --dataset spiral): also draw its decision regions under"
                    + " the test points to FILE, a PNG or SVG picture.")
    Path regions;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        PrintWriter out = spec.commandLine().getOut();
        ChartFiles.requirePlotFile("--plot", plot);
        ChartFiles.requirePlotFile("--weights-plot", weightsPlot);
        ChartFiles.requirePlotFile("--regions", regions);
        Path model = modelArgument.path();
        Model loaded = modelArgument.load();
        if (regions != null && loaded.network().inputSize() != 2) {
            throw new IllegalArgumentException("--regions draws networks of two inputs (x, y); " + model + " takes "
                    + loaded.network().inputSize());
        }
        Dataset test = data.testSetFor(model, loaded, spec.commandLine().getErr());
        Evaluation e;
        try (JobProgress progress = JobProgress.start("eval", test.size(), "samples", spec.commandLine().getErr())) {
            e = Mlp.of(loaded).evaluate(test, progress::stepTo);
        }

        out.printf("model     %s (%s, %s)%n", model, loaded.config().shape(),
                loaded.config().network().activationText());
        out.printf("data      %s, %,d samples%s%n", test.name(), e.samples(),
                DataOptions.isModelsData(loaded, test) ? "" : " (NOT the data the model was trained on)");
        out.printf("accuracy  %.2f%% (%,d of %,d)%n", 100 * e.accuracy(), e.correct(), e.samples());
        out.printf("loss      %.4f (mean %s)%n", e.meanLoss(), loaded.config().network().loss().id());
        out.println();
        printPerClass(out, e, Mlp.of(loaded).classNames());
        out.println();
        printConfusion(out, e);
        out.flush();
        String title = loaded.config().shape() + " on " + test.name();
        if (plot != null) {
            ChartFiles.save(ConfusionPlot.chart("confusion matrix, " + title, e.confusion()), plot);
            spec.commandLine().getErr().printf("plotted %s%n", plot);
        }
        if (regions != null) {
            ChartFiles.save(DecisionRegions.chart("decision regions, " + title, Mlp.of(loaded), test), regions);
            spec.commandLine().getErr().printf("plotted %s%n", regions);
        }
        if (weightsPlot != null) {
            Dense first = loaded.network().layers().getFirst();
            int height = ShapeCheck.imageHeight(first.inputSize());
            ChartFiles.save(WeightImages.chart("first layer's weights, each tile scaled to ±1, " + title, first.weights(),
                    first.outputSize(), height, first.inputSize() / height), weightsPlot);
            spec.commandLine().getErr().printf("plotted %s%n", weightsPlot);
        }
        return 0;
    }

    private static void printPerClass(PrintWriter out, Evaluation e, List<String> names) {
        int width = Math.max(5, names.stream().mapToInt(String::length).max().orElse(5));
        out.printf("%" + width + "s  precision  recall  support%n", "class");
        for (int c = 0; c < e.confusion().length; c++) {
            int support = 0;
            for (int n : e.confusion()[c]) {
                support += n;
            }
            out.printf("%" + width + "s  %8s  %6s  %7d%n", names.get(c), percent(e.precision(c)), percent(e.recall(c)),
                    support);
        }
    }

    private static void printConfusion(PrintWriter out, Evaluation e) {
        int[][] m = e.confusion();
        out.println("confusion matrix (rows: actual class, columns: predicted class)");
        StringBuilder header = new StringBuilder("      ");
        for (int c = 0; c < m.length; c++) {
            header.append(String.format("%6d", c));
        }
        out.println(header);
        for (int a = 0; a < m.length; a++) {
            StringBuilder row = new StringBuilder(String.format("%6d", a));
            for (int p = 0; p < m.length; p++) {
                row.append(String.format("%6d", m[a][p]));
            }
            out.println(row);
        }
    }

    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format("%.1f%%", 100 * fraction);
    }
}
