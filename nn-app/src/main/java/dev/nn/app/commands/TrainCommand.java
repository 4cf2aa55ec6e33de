package dev.nn.app.commands;

import dev.nn.app.cli.DataLoader;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.cli.UserException;
import dev.nn.app.progress.ConsoleProgress;
import dev.nn.core.Version;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.loss.Loss;
import dev.nn.core.model.ModelIO;
import dev.nn.core.model.Provenance;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Adam;
import dev.nn.core.random.Rng;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Trainer;
import dev.nn.mnist.TrainTest;
import dev.nn.simd.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nn train}: trains a network and saves it. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = TrainDefaults.class,
        description = {"Train a multilayer perceptron and save it as a model file.",
                "With no flags: the 3Blue1Brown network 784-16-16-10 (ReLU, softmax + cross-entropy, He init, Adam)"
                        + " on the bundled MNIST."},
        footerHeading = "%nExamples:%n",
        footer = {"  nn train                                  the default network on the bundled MNIST",
                "  nn train --hidden 128 --epochs 15         784-128-10",
                "  nn train --lr 3e-4 --beta1 0.93 --beta2 0.997 --seed 7 --out seed7.json",
                "  nn train --data ../shared/datasets/fashion-mnist --hidden 256,128"})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--layers", split = ",", paramLabel = "N",
            description = "All layer sizes, input to output, e.g. 784,16,16,10 (default: follows the data and --hidden).")
    List<Integer> layers;

    @Option(names = "--hidden", split = ",", paramLabel = "N",
            description = "Hidden layer sizes; input and output sizes follow the data.")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME", description = "Hidden layers' activation: relu.")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME", description = "Loss: cce (softmax + categorical cross-entropy).")
    String loss;

    @Option(names = "--init", paramLabel = "NAME", description = "Weight initialiser: he.")
    String init;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "Optimiser: adam.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", description = "Learning rate.")
    float learningRate;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "How the learning rate moves: cosine (decays to 0 by the last step) or constant.")
    String schedule;

    @Option(names = "--beta1", paramLabel = "B", description = "Adam's first-moment decay.")
    float beta1;

    @Option(names = "--beta2", paramLabel = "B", description = "Adam's second-moment decay.")
    float beta2;

    @Option(names = "--epsilon", paramLabel = "E", description = "Adam's epsilon.")
    float epsilon;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per mini-batch.")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set.")
    int epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the initial weights and the shuffling.")
    long seed;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with training and test IDX files (default: the bundled MNIST).")
    Path data;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "model.json",
            description = "Where to save the model.")
    Path out;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        requireWritableTarget(out);
        TrainTest dataset = DataLoader.load(data, stderr);
        TrainingConfig config = new TrainingConfig(layerSizes(dataset), activation, loss, init, optimizer,
                learningRate, schedule, beta1, beta2, epsilon, batchSize, epochs, seed, 1).validate();
        requireFits(config, dataset);

        Rng rng = new Rng(config.seed());
        Network network = Network.initialized(config, rng);
        Adam adam = new Adam(config.learningRate(), config.beta1(), config.beta2(), config.epsilon());
        Trainer trainer = new Trainer(config, network, Loss.byId(config.loss()), adam, rng);
        stderr.printf("train: %s (%s, %s, %s init, %s, %s schedule), %,d parameters, batch %d, %d epochs, seed %d%n",
                config.shape(), config.activation(), config.loss(), config.init(), adam, config.schedule(),
                network.parameterCount(),
                config.batchSize(), config.epochs(), config.seed());
        stderr.flush();

        boolean bar = !noProgress && ConsoleProgress.interactive();
        List<EpochStats> history = trainer.fit(dataset.train(), dataset.test(),
                new ConsoleProgress(stdout, bar ? System.err : null));

        EpochStats last = history.getLast();
        ModelIO.save(out, network, config, provenance(dataset, last));
        stdout.printf("test accuracy %.2f%%, test loss %.4f%n", 100 * last.testAccuracy(), last.testLoss());
        stderr.printf("saved %s%n", out);
        return 0;
    }

    private List<Integer> layerSizes(TrainTest dataset) {
        var parsed = spec.commandLine().getParseResult();
        if (parsed.hasMatchedOption("--layers") && parsed.hasMatchedOption("--hidden")) {
            throw new IllegalArgumentException("--layers and --hidden: give one or the other, not both");
        }
        if (layers != null) {
            return layers;
        }
        List<Integer> sizes = new ArrayList<>();
        sizes.add(dataset.train().features());
        sizes.addAll(hidden);
        sizes.add(dataset.train().classes());
        return sizes;
    }

    private static void requireFits(TrainingConfig config, TrainTest dataset) {
        if (config.inputSize() != dataset.train().features()) {
            throw new IllegalArgumentException("--layers starts with " + config.inputSize()
                    + " inputs but the data has " + dataset.train().features() + " values per sample");
        }
        if (config.outputSize() < dataset.train().classes()) {
            throw new IllegalArgumentException("--layers ends with " + config.outputSize()
                    + " outputs but the data has " + dataset.train().classes() + " classes");
        }
    }

    private static void requireWritableTarget(Path file) {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new UserException("--out " + file + ": is a folder; give a file name");
        }
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            throw new UserException("--out " + file + ": the folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw new UserException("--out " + file + ": cannot write to the folder " + dir);
        }
    }

    private static Provenance provenance(TrainTest dataset, EpochStats last) {
        Map<String, String> checksums = new LinkedHashMap<>(dataset.train().checksums());
        checksums.putAll(dataset.test().checksums());
        return new Provenance("nn " + Version.get(), Runtime.version().toString(), Kernels.info().describe(),
                Instant.now().toString(), checksums, last.epoch(), last.trainLoss(), last.testLoss(),
                last.testAccuracy());
    }
}
