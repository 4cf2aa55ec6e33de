package dev.nn.app.commands;

import dev.nn.app.cli.DataLoader;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.SimdOption;
import dev.nn.core.data.Dataset;
import dev.nn.core.loss.Loss;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.metrics.Evaluator;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nn eval}: a saved model's accuracy, loss, per-class precision and recall, and confusion matrix. */
@Command(name = "eval", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Evaluate a saved model on a test set: accuracy, mean loss, per-class precision and recall,"
                + " confusion matrix.",
        footerHeading = "%nExamples:%n",
        footer = {"  nn eval --model model.json",
                "  nn eval --model fashion.json --data ../shared/datasets/fashion-mnist"})
public final class EvalCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", required = true, description = "The model file.")
    Path model;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with the IDX files whose test set to use (default: the bundled MNIST).")
    Path data;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        PrintWriter out = spec.commandLine().getOut();
        Model loaded = ModelIO.load(model);
        Dataset test = DataLoader.load(data, spec.commandLine().getErr()).test();
        ShapeCheck.requireFits("--model " + model, loaded.network().inputSize(), loaded.network().outputSize(),
                test);
        Evaluation e = new Evaluator(loaded.network(), Loss.byId(loaded.config().loss())).evaluate(test);

        out.printf("model     %s (%s, %s)%n", model, loaded.config().shape(), loaded.config().activation());
        out.printf("data      %s, %,d samples%n", test.name(), e.samples());
        out.printf("accuracy  %.2f%% (%,d of %,d)%n", 100 * e.accuracy(), e.correct(), e.samples());
        out.printf("loss      %.4f (mean %s)%n", e.meanLoss(), loaded.config().loss());
        out.println();
        printPerClass(out, e);
        out.println();
        printConfusion(out, e);
        out.flush();
        return 0;
    }

    private static void printPerClass(PrintWriter out, Evaluation e) {
        out.println("class  precision  recall  support");
        for (int c = 0; c < e.confusion().length; c++) {
            int support = 0;
            for (int n : e.confusion()[c]) {
                support += n;
            }
            out.printf("%5d  %8s  %6s  %7d%n", c, percent(e.precision(c)), percent(e.recall(c)), support);
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
