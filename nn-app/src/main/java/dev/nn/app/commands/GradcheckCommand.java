package dev.nn.app.commands;

import dev.nn.core.Mlp;
import dev.nn.app.cli.ConfigFile;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.progress.JobProgress;
import dev.nn.core.check.GradientCheck;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import dev.nn.core.network.Network;
import dev.nn.core.random.Rng;
import dev.nn.core.tensor.Matrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/** {@code nn gradcheck}: backprop against finite differences, per parameter group, on real samples. */
@Command(name = "gradcheck", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Check backprop against central finite differences (in double precision) on a few real"
                + " samples: per parameter group and for the input, the max and median relative error and PASS/FAIL.",
                "Checks a saved model (--model) or a freshly initialised network given like nn train's."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the default 784-16-16-10 network",
                "  ./nn gradcheck",
                "  ./nn gradcheck --hidden 32,16 --activation tanh --loss mse",
                "  # every entry of a saved model (a progress line every 10 s)",
                "  ./nn gradcheck --model model.json --samples 4 --per-group 0"})
public final class GradcheckCommand implements Callable<Integer> {

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", description = "A saved model to check.")
    Path model;

    @Option(names = "--layers", split = ",", paramLabel = "N,...", hideParamSyntax = true,
            description = "All layer sizes, e.g. 784,16,16,10.")
    List<Integer> layers;

    @Option(names = "--hidden", split = ",", paramLabel = "N,...", hideParamSyntax = true, defaultValue = "16,16",
            description = "Hidden layer sizes; input and output follow the data.")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", defaultValue = "relu",
            description = "relu, leaky-relu, sigmoid or tanh, or one per hidden layer (relu,tanh).")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME", defaultValue = "cce", description = "cce or mse.")
    String loss;

    @Option(names = "--init", paramLabel = "NAME", defaultValue = "he", description = "he, glorot or uniform.")
    String init;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for the initial weights and the choice of samples and entries.")
    long seed;

    @Option(names = "--samples", paramLabel = "N", defaultValue = "8", description = "Test samples in the batch.")
    int samples;

    @Option(names = "--per-group", paramLabel = "N", defaultValue = "500",
            description = "Entries checked per group, chosen at random (0: all of them; each costs two passes).")
    int perGroup;


    @Mixin
    DataOptions data;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        if (samples < 1) {
            throw new IllegalArgumentException("--samples must be at least 1, got " + samples);
        }
        if (perGroup < 0) {
            throw new IllegalArgumentException("--per-group must be 0 (all) or more, got " + perGroup);
        }
        requirePositive("--hidden", hidden);
        requirePositive("--layers", layers);
        PrintWriter out = spec.commandLine().getOut();
        Model loaded = model == null ? null : ModelIO.load(model);
        Dataset test = data.loadTest(spec.commandLine().getErr());
        TrainingConfig config = loaded != null ? loaded.config() : networkConfig(test);
        String source = loaded != null ? "--model " + model : "--layers " + config.shape();
        ShapeCheck.requireFits(source, config.network().inputSize(), config.network().outputSize(), test);
        Mlp mlp = loaded != null ? Mlp.of(loaded) : Mlp.of(config);
        Network network = mlp.network();
        Rng rng = new Rng(seed);
        if (loaded == null) {
            rng.setState(mlp.trainer().rngState()); // samples drawn on from where the weights left the generator
        }

        int rows = Math.min(samples, test.size());
        int[] order = new int[test.size()];
        Arrays.setAll(order, i -> i);
        rng.shuffle(order);
        Matrix x = new Matrix(rows, test.features());
        int[] y = new int[rows];
        test.fillBatch(order, 0, rows, x, y);

        GradientCheck.Result result;
        int limit = perGroup == 0 ? Integer.MAX_VALUE : perGroup;
        try (JobProgress progress = JobProgress.start("gradcheck", GradientCheck.entries(network, x.rows() * x.cols(),
                limit), "entries", spec.commandLine().getErr())) {
            result = GradientCheck.check(network, config.network().loss().create(), x, y, limit, rng,
                    (done, total) -> progress.stepTo(done));
        }
        out.printf("gradcheck: %s (%s, %s), %d samples of %s, h = %.0e, tolerance %.1e%n", config.shape(),
                config.network().activationText(), config.network().loss().id(), rows, test.name(), GradientCheck.STEP, result.tolerance());
        out.printf("%-16s %8s %8s %14s %16s  %s%n", "group", "checked", "at kink", "max rel err", "median rel err",
                "result");
        for (GradientCheck.Group g : result.groups()) {
            out.printf("%-16s %8d %8d %14.2e %16.2e  %s%n", g.name(), g.checked(), g.skipped(), g.maxError(),
                    g.medianError(), g.checked() == 0 ? "NOTHING CHECKED" : g.passed() ? "PASS" : "FAIL");
        }
        long unchecked = result.groups().stream().filter(g -> g.checked() == 0).count();
        out.println(!result.passed() ? "FAILED: backprop disagrees with finite differences"
                : unchecked == 0 ? "all groups pass"
                : "the checked groups pass; " + unchecked + " had every entry at a ReLU kink, where finite"
                + " differences cannot be trusted: try more --samples or another --seed");
        out.flush();
        return result.passed() ? 0 : 1;
    }

    /** Refuses a size below 1 before any data is read. */
    private static void requirePositive(String flag, List<Integer> sizes) {
        if (sizes != null && sizes.stream().anyMatch(n -> n == null || n < 1)) {
            throw new IllegalArgumentException(flag + " " + sizes.stream().map(String::valueOf)
                    .collect(Collectors.joining(",")) + ": every size must be at least 1");
        }
    }

    private TrainingConfig networkConfig(Dataset test) {
        var parsed = spec.commandLine().getParseResult();
        Map<String, Object> given = new LinkedHashMap<>();
        if (parsed.hasMatchedOption("--layers")) {
            if (parsed.hasMatchedOption("--hidden")) {
                throw new IllegalArgumentException("--layers and --hidden: give one or the other, not both");
            }
            given.put("layers", layers);
        } else {
            given.put("hidden", hidden);
        }
        given.put("activation", activation);
        given.put("loss", loss);
        given.put("init", init);
        given.put("seed", seed);
        return ConfigFile.none().resolve(given, sizes -> ShapeCheck.layersFor(test, sizes)).config();
    }
}
