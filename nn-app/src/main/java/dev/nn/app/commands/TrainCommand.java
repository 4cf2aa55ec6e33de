package dev.nn.app.commands;

import dev.nn.app.cli.ConfigFile;
import dev.nn.app.cli.DataLoader;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.FlatSettings;
import dev.nn.app.cli.HeapCheck;
import dev.nn.app.cli.Interruption;
import dev.nn.app.cli.OutputFiles;
import dev.nn.app.cli.RegularizationOptions;
import dev.nn.app.cli.RunData;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.cli.TableLoader;
import dev.nn.app.cli.TableOptions;
import dev.nn.app.cli.UserException;
import dev.nn.app.plot.ChartFiles;
import dev.nn.app.plot.TrainingCurves;
import dev.nn.app.progress.ConsoleProgress;
import dev.nn.core.Mlp;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.io.HeapRoom;
import dev.nn.core.model.CheckpointIO;
import dev.nn.core.model.ModelIO;
import dev.nn.core.model.Provenance;
import dev.nn.core.model.RunFiles;
import dev.nn.core.network.Network;
import dev.nn.core.optim.Optimizer;
import dev.nn.core.train.AveragedWeights;
import dev.nn.core.train.BestEpoch;
import dev.nn.core.train.DivergenceException;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Progress;
import dev.nn.core.train.Trainer;
import dev.nn.core.train.TrainingListener;
import dev.nn.mnist.TrainTest;
import dev.nn.simd.KernelThreads;
import dev.nn.simd.Kernels;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code nn train}: trains a network and saves it. */
@Command(name = "train", mixinStandardHelpOptions = true, showDefaultValues = true,
        defaultValueProvider = TrainDefaults.class,
        description = {"Train a multilayer perceptron and save it as a model file.",
                "With no flags: the 3Blue1Brown network 784-16-16-10 (ReLU, softmax + cross-entropy, He init, Adam)"
                        + " on the bundled MNIST."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the default network on the bundled MNIST",
                "  ./nn train",
                "  # 784-128-10, with its training curves",
                "  ./nn train --hidden 128 --epochs 15 --plot curves.png",
                "  ./nn train --lr 3e-4 --beta1 0.93 --beta2 0.997 --seed 7 --out seed7.json",
                "  ./nn train --activation sigmoid --loss mse --init glorot --optimizer sgd \\",
                "             --lr 0.5",
                "  # settings from a file, one of them overridden",
                "  ./nn train --config settings.json --epochs 5",
                "  # the XOR problem, learnt to 100%%",
                "  ./nn train --dataset xor --out xor.json",
                "  ./nn train --data fashion-mnist/ --hidden 256,128"})
public final class TrainCommand implements Callable<Integer> {

    @Option(names = "--layers", split = ",", paramLabel = "N,...", hideParamSyntax = true,
            description = "All layer sizes, input to output, e.g. 784,16,16,10 (default: follows the data and --hidden).")
    List<Integer> layers;

    @Option(names = "--hidden", split = ",", paramLabel = "N,...", hideParamSyntax = true,
            description = "Hidden layer sizes; input and output sizes follow the data.")
    List<Integer> hidden;

    @Option(names = "--activation", paramLabel = "NAME",
            description = "Hidden layers' activation: relu, leaky-relu, sigmoid or tanh; or one per hidden layer,"
                    + " such as relu,tanh. The output is always softmax.")
    String activation;

    @Option(names = "--loss", paramLabel = "NAME",
            description = "Loss: cce (softmax + categorical cross-entropy) or mse (softmax + squared error).")
    String loss;

    @Option(names = "--init", paramLabel = "NAME",
            description = "Weight initialiser: he (normal, 2/fan-in), glorot (uniform, Xavier) or uniform (±1/√fan-in).")
    String init;

    @Option(names = "--optimizer", paramLabel = "NAME", description = "Optimiser: adam, sgd or momentum.")
    String optimizer;

    @Option(names = "--lr", paramLabel = "RATE", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Learning rate (default: 0.002 for adam, 0.1 for sgd, 0.01 for momentum).")
    Float learningRate;

    @Option(names = "--schedule", paramLabel = "NAME",
            description = "How the learning rate moves: cosine (decays to 0 by the last step), constant, step"
                    + " (÷10 at half the steps and again at three quarters) or warmup-cosine (rises over the first"
                    + " 5%%, then cosine).")
    String schedule;

    @Option(names = "--beta1", paramLabel = "B", description = "Adam's first-moment decay.")
    float beta1;

    @Option(names = "--beta2", paramLabel = "B", description = "Adam's second-moment decay.")
    float beta2;

    @Option(names = "--epsilon", paramLabel = "E", description = "Adam's epsilon.")
    float epsilon;

    @Option(names = "--momentum", paramLabel = "MU", description = "The momentum optimiser's mu.")
    float momentum;

    @Option(names = "--batch-size", paramLabel = "N", description = "Samples per mini-batch.")
    int batchSize;

    @Option(names = "--epochs", paramLabel = "N", description = "Passes over the training set.")
    int epochs;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the initial weights and the shuffling.")
    long seed;

    @Option(names = "--average-from", paramLabel = "EPOCH", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Weight averaging: from this epoch on, evaluate and keep the mean of the weights at the"
                    + " ends of the epochs since (training goes on from the weights themselves; default 0: none).")
    int averageFrom;

    @Mixin
    RegularizationOptions regularization;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for the large matrix products (default: the number of cores); results are the"
                    + " same bit for bit at any count.")
    int threads;

    @Option(names = "--config", paramLabel = "FILE",
            description = "JSON file of settings (the fields of a model file's config, or 'hidden'); flags given"
                    + " as well override it.")
    Path configFile;


    @Mixin
    DataOptions data;

    @Mixin
    TableOptions table;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "model.json",
            description = "Where to save the model.")
    Path out;

    @Option(names = "--checkpoint", paramLabel = "FILE",
            description = "Where to keep the checkpoint written after every epoch, removed when training"
                    + " completes; by default the --out name with .checkpoint after it.")
    Path checkpoint;

    @Option(names = "--resume", paramLabel = "FILE",
            description = "Continue the run saved in this checkpoint, exactly where it stopped; its config is used.")
    Path resume;

    @Option(names = "--plot", paramLabel = "FILE",
            description = "Also draw the training curves (loss and accuracy per epoch) to FILE, a PNG or SVG picture.")
    Path plot;

    @Option(names = "--no-progress", description = "No progress bar, even on a terminal.")
    boolean noProgress;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    /** On a CSV without --test, --validation holds out the test rows, not a validation set. */
    private boolean validationIsTest;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        CheckpointIO.Loaded resumed = resume == null ? null : CheckpointIO.load(resume);
        if (resumed != null) {
            rejectTrainingFlags();
        }
        RunFiles run = runFiles(resumed);
        Path outFile = resume == null || spec.commandLine().getParseResult().hasMatchedOption("--out") ? out
                : Path.of(run.out());
        Path checkpointFile = checkpoint != null ? checkpoint
                : resume != null ? resume : outFile.resolveSibling(outFile.getFileName() + ".checkpoint");
        Map<String, Path> targets = new LinkedHashMap<>();
        targets.put("--out", outFile);
        targets.put("--checkpoint", checkpointFile);
        targets.put("--plot", plot);
        OutputFiles.requireDistinct(targets);
        if (resume != null && !OutputFiles.same(resume, checkpointFile)) {
            OutputFiles.requireDistinct(Map.of("--resume", resume, "--out", outFile));
        }
        OutputFiles.requireWritable("--out", outFile);
        OutputFiles.requireWritable("--checkpoint", checkpointFile);
        ChartFiles.requirePlotFile("--plot", plot);
        ConfigFile settingsFile = configFile == null ? ConfigFile.none() : ConfigFile.read(configFile);
        if (resumed == null) {
            checkBeforeReadingData(settingsFile);
        }
        Path dataDir = run.dataFolder() == null ? null : Path.of(run.dataFolder());
        if (dataDir != null) {
            HeapCheck.requireRoomFor(dataDir);
        }
        TableLoader.Tables tables = run.table() == null ? null
                : TableLoader.load(dataDir, run.table(), resumed != null ? resumed.config().fit().seed()
                : seedForSplit(settingsFile), stderr);
        TrainTest dataset = tables != null ? new TrainTest(tables.train().dataset(), tables.test().dataset())
                : DataLoader.load(dataDir, run.dataset(), stderr);
        Map<String, String> checksums = checksums(dataset);
        ConfigFile.Resolved settings = settings(dataset, settingsFile);
        TrainingConfig config = resumed != null ? resumed.config() : settings.config();
        int threads = settings.threads();
        ShapeCheck.requireFits("--layers " + config.shape(), config.network().inputSize(),
                config.network().outputSize(), dataset.train());
        HeapRoom.require("training " + config.shape() + " in batches of " + config.fit().batchSize(),
                Trainer.bytesNeeded(config, dataset.train().size()));

        Kernels.info(); // the kernels are chosen now: their one line comes before the run's header
        KernelThreads team = KernelThreads.of(threads);
        Mlp mlp = (resumed != null ? Mlp.of(config, resumed.network()) : Mlp.of(config)).useThreads(team);
        Network network = mlp.network();
        RunData data = RunData.split(config.validation(), config.fit().seed(), dataset, tables, mlp);
        Dataset trainSet = data.train();
        Dataset validationSet = data.validation();
        Dataset testSet = data.test();
        if (config.augmentation().on() && trainSet.imageHeight() == 0) {
            throw new IllegalArgumentException("--rotation, --scale, --shear, --shift and --elastic distort images; "
                    + trainSet.name() + " is not images of a known height and width (IDX images are)");
        }
        Trainer trainer = mlp.trainer();
        Optimizer optimizer = trainer.optimizer();
        Progress start = Progress.start(trainer.rngState());
        if (resumed != null) {
            if (!resumed.data().equals(checksums)) {
                throw new UserException("--resume " + resume + ": the checkpoint was trained on other data than "
                        + dataset.train().name() + " (content checksums differ); give the same --data");
            }
            optimizer.restore(resumed.optimizer());
            start = resumed.progress();
            long batches = (dataset.train().size() + (long) config.fit().batchSize() - 1) / config.fit().batchSize();
            if (start.batch() > batches) {
                throw new UserException("--resume " + resume + ": the checkpoint stands at batch " + start.batch()
                        + " of epoch " + start.epoch() + ", but an epoch of " + dataset.train().name() + " has "
                        + batches + " batches; the checkpoint is damaged");
            }
            stderr.printf("resume: %s at epoch %d, batch %d; the model will be saved as %s%n", resume,
                    start.epoch(), start.batch(), outFile);
        }
        int epochCount = config.fit().epochs();
        stderr.printf("train: %s (%s, %s, %s init), %,d parameters, batch %d, %d epoch%s, seed %d, %d thread%s%n",
                config.shape(), config.network().activationText(), config.network().loss().id(),
                config.network().init().id(), network.parameterCount(), config.fit().batchSize(), epochCount,
                epochCount == 1 ? "" : "s", config.fit().seed(), threads, threads == 1 ? "" : "s");
        stderr.printf("optimizer: %s, %s schedule%n", optimizer, config.fit().schedule().id());
        if (config.fit().averages()) {
            stderr.printf("averaging: the weights at the ends of epochs %d to %d; from epoch %d on, the test figures"
                    + " are the mean's, and the mean is saved%n", config.fit().averageFrom(), epochCount,
                    config.fit().averageFrom());
        }
        if (!config.regularization().equals(Regularization.NONE)) {
            stderr.printf("regularisation: %s%n", config.regularization().summary());
        }
        if (config.augmentation().on()) {
            stderr.printf("augmentation: %s, every training batch distorted afresh%n", config.augmentation().summary());
        }
        if (validationSet != null) {
            stderr.printf("validation: %,d of the %,d training samples held out; %s%n", validationSet.size(),
                    validationSet.size() + trainSet.size(), config.validation().summary());
        }
        stderr.flush();

        ConsoleProgress progress = new ConsoleProgress(stdout,
                !noProgress && ConsoleProgress.interactive() ? System.err : null);
        TrainingListener listener = new TrainingListener() {
            @Override
            public void epochStarted(int epoch, int epochs, int batches, int firstBatch) {
                progress.epochStarted(epoch, epochs, batches, firstBatch);
            }

            @Override
            public void batchFinished(int batch, float batchLoss) {
                progress.batchFinished(batch, batchLoss);
            }

            @Override
            public void epochFinished(EpochStats stats) {
                progress.epochFinished(stats);
            }

            @Override
            public void resumable(Progress at) {
                saveCheckpoint(checkpointFile, network, config, optimizer, at, checksums, run);
            }
        };

        Interruption interruption = Interruption.install(trainer);
        try {
            Trainer.Outcome outcome;
            try {
                outcome = trainer.fit(trainSet, validationSet, testSet, listener, start);
            } catch (DivergenceException e) {
                throw new UserException(e.getMessage() + "; try a smaller --lr (it was " + config.optimizer().learningRate()
                        + ")" + keepLastGood(checkpointFile, outFile, run));
            }
            if (outcome.stopped()) {
                progress.stop();
                saveCheckpoint(checkpointFile, network, config, optimizer, outcome.progress(), checksums, run);
                stderr.printf("interrupted at epoch %d, batch %d: saved %s; continue with: nn train --resume %s%n",
                        outcome.progress().epoch(), outcome.progress().batch(), checkpointFile, checkpointFile);
                stderr.flush();
                return 130;
            }
            EpochStats kept = outcome.kept();
            ModelIO.save(outFile, mlp.toModel(provenance(checksums, kept, run)));
            Files.deleteIfExists(checkpointFile);
            if (outcome.best() == null && outcome.progress().average() != null) {
                stdout.printf("kept the mean of the weights of epochs %d to %d%n", config.fit().averageFrom(),
                        kept.epoch());
            }
            if (outcome.best() != null) {
                stdout.printf("%skept epoch %d, the best on validation (loss %.4f, accuracy %.2f%%)%n",
                        outcome.stoppedEarly() ? "stopped early after epoch " + outcome.history().size() + " ("
                                + config.validation().patience() + " without a better one); " : "",
                        kept.epoch(), kept.validationLoss(), 100 * kept.validationAccuracy());
            }
            stdout.printf("test accuracy %.2f%%, test loss %.4f%n", 100 * kept.testAccuracy(), kept.testLoss());
            if (plot != null) {
                ChartFiles.save(TrainingCurves.chart(config.shape() + ": trained on " + dataset.train().name()
                        + ", tested on " + dataset.test().name(),
                        outcome.history()), plot);
                stderr.printf("plotted %s%n", plot);
            }
            stderr.printf("saved %s; %d MB of heap in use after training%n", outFile, HeapCheck.liveHeapBytes() >> 20);
            return 0;
        } finally {
            interruption.done(); // whatever ended the run, the shutdown hook must not hold the JVM open
            team.close();
        }
    }

    /**
     * Where this run saves and what it reads: the flags given; on {@code --resume}, what the checkpoint recorded
     * for anything not given (a version-1 checkpoint recorded nothing: its model goes beside it, named as the
     * checkpoint less {@code .checkpoint}).
     */
    private RunFiles runFiles(CheckpointIO.Loaded resumed) {
        var parsed = spec.commandLine().getParseResult();
        RunFiles recorded = resumed == null ? null : resumed.run();
        Path outFile = out;
        if (!parsed.hasMatchedOption("--out") && resumed != null) {
            String name = resume.getFileName().toString();
            outFile = recorded != null ? Path.of(recorded.out())
                    : name.endsWith(".checkpoint") && name.length() > ".checkpoint".length()
                    ? resume.resolveSibling(name.substring(0, name.length() - ".checkpoint".length())) : out;
        }
        Path dir = data.dir();
        String name = data.name();
        if (dir == null && name == null && recorded != null) {
            dir = recorded.dataFolder() == null ? null : Path.of(recorded.dataFolder());
            name = recorded.dataset();
        }
        String absolute = dir == null ? null : dir.toAbsolutePath().normalize().toString();
        RunFiles.TableRun tableRun = table.tableRun(dir, recorded,
                regularization.validationGiven(parsed));
        validationIsTest = tableRun != null && tableRun.testFile() == null;
        return new RunFiles(outFile.toAbsolutePath().normalize().toString(), absolute,
                absolute == null ? (name == null ? "mnist" : name) : null, tableRun);
    }

    /** The seed that will train the run, known before the data: it also draws the held-out rows. */
    private long seedForSplit(ConfigFile file) {
        if (spec.commandLine().getParseResult().hasMatchedOption("--seed")) {
            return seed;
        }
        return file.has("seed") ? file.seed() : TrainingConfig.DEFAULT.fit().seed();
    }

    /** On divergence: the last checkpoint's weights, if there is one, become the model file. */
    private String keepLastGood(Path checkpointFile, Path outFile, RunFiles run) {
        if (!Files.isRegularFile(checkpointFile)) {
            return "; no epoch had finished, so no model was saved";
        }
        try {
            CheckpointIO.Loaded good = CheckpointIO.load(checkpointFile);
            EpochStats last = good.progress().history().isEmpty() ? null : good.progress().history().getLast();
            if (last == null) {
                return "; no epoch had finished, so no model was saved";
            }
            BestEpoch best = good.progress().best();
            AveragedWeights average = good.progress().average();
            if (best != null) {
                best.putInto(good.network());
                last = good.progress().history().get(best.epoch() - 1);
            } else if (average != null) {
                average.putInto(good.network());
            }
            ModelIO.save(outFile, Mlp.of(good.config(), good.network()).toModel(provenance(good.data(), last, run)));
            return "; the model of epoch " + last.epoch() + (best != null ? " (the best on validation)"
                    : average != null ? " (the mean of epochs " + good.config().fit().averageFrom() + " to "
                    + last.epoch() + ")" : "")
                    + " is saved in " + outFile;
        } catch (IOException e) {
            return "; the last checkpoint could not be read (" + e.getMessage() + ")";
        }
    }

    private static void saveCheckpoint(Path file, Network network, TrainingConfig config, Optimizer optimizer,
                                       Progress at, Map<String, String> checksums, RunFiles run) {
        try {
            CheckpointIO.save(file, network, config, optimizer.state(), at, checksums, run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** With --resume the run's settings come from the checkpoint: a flag that would change them is a mistake. */
    private void rejectTrainingFlags() {
        var parsed = spec.commandLine().getParseResult();
        for (String flag : List.of("--config", "--layers", "--hidden", "--activation", "--loss", "--init",
                "--optimizer", "--lr", "--schedule", "--beta1", "--beta2", "--epsilon", "--momentum", "--batch-size",
                "--epochs", "--seed", "--average-from", "--input-dropout", "--dropout", "--weight-decay",
                "--decoupled-weight-decay", "--max-norm", "--validation", "--patience", "--monitor", "--augment",
                "--rotation", "--scale", "--shear", "--shift", "--elastic", "--elastic-sigma", "--label", "--test")) {
            if (parsed.hasMatchedOption(flag)) {
                throw new IllegalArgumentException("--resume continues a run with its own settings; " + flag
                        + " cannot change them (start a new run instead)");
            }
        }
    }

    private static Map<String, String> checksums(TrainTest dataset) {
        Map<String, String> checksums = new LinkedHashMap<>(dataset.train().checksums());
        checksums.putAll(dataset.test().checksums());
        return checksums;
    }

    /**
     * Every setting is checked before the data is read, so that a mistake costs no wait: the sizes in and out,
     * which only the data knows, are stood in for (a complaint about them waits for the data).
     */
    private void checkBeforeReadingData(ConfigFile file) {
        if (hidden != null && hidden.stream().anyMatch(h -> h == null || h < 1)) {
            throw new IllegalArgumentException("--hidden sizes must be positive, got " + hidden);
        }
        try {
            settings(file, hiddenSizes -> ShapeCheck.layersFor(1, hiddenSizes, 2));
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().startsWith("--layers") || layers != null) {
                throw e;
            }
        }
    }

    /** Defaults, then the --config file, then the flags given. */
    private ConfigFile.Resolved settings(TrainTest dataset, ConfigFile file) {
        return settings(file, hiddenSizes -> ShapeCheck.layersFor(dataset.train(), hiddenSizes));
    }

    /** The settings with layer sizes from {@code layersFromData}; before the data is read, any sizes will do. */
    private ConfigFile.Resolved settings(ConfigFile file, Function<List<Integer>, List<Integer>> layersFromData) {
        var parsed = spec.commandLine().getParseResult();
        Map<String, Object> given = new LinkedHashMap<>();
        Object[][] flags = {{"layers", layers}, {"hidden", hidden}, {"activation", activation}, {"loss", loss},
                {"init", init}, {"optimizer", optimizer}, {"learningRate", learningRate}, {"schedule", schedule},
                {"beta1", beta1}, {"beta2", beta2}, {"epsilon", epsilon}, {"momentum", momentum},
                {"batchSize", batchSize}, {"epochs", epochs}, {"seed", seed}, {"averageFrom", averageFrom},
                {"threads", threads}};
        for (Object[] flag : flags) {
            if (parsed.hasMatchedOption(FlatSettings.FLAGS.get((String) flag[0]))) {
                given.put((String) flag[0], flag[1]);
            }
        }
        regularization.addGiven(parsed, validationIsTest, given);
        if (given.containsKey("layers") && given.containsKey("hidden")) {
            throw new IllegalArgumentException("--layers and --hidden: give one or the other, not both");
        }
        ConfigFile base = given.containsKey("layers") || given.containsKey("hidden")
                ? file.without("layers", "hidden") : file;
        return base.resolve(given, layersFromData);
    }

    private static Provenance provenance(Map<String, String> checksums, EpochStats last, RunFiles run) {
        return Mlp.provenance(last, checksums, run.dataFolder(), run.dataset());
    }
}
