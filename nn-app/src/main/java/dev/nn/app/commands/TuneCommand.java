package dev.nn.app.commands;

import dev.nn.app.cli.FlatSettings;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.Mlp;
import dev.nn.core.random.Rng;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.OutputFiles;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.plot.ChartFiles;
import dev.nn.app.progress.Eta;
import dev.nn.app.tune.Axis;
import dev.nn.app.tune.Ranking;
import dev.nn.app.tune.Setting;
import dev.nn.app.tune.Shard;
import dev.nn.app.tune.Trial;
import dev.nn.app.tune.TrialLog;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.data.Dataset;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Trainer;
import dev.nn.core.train.TrainingListener;
import dev.nn.mnist.TrainTest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/** {@code nn tune}: grid or random search over hyper-parameters, several seeds each, in parallel, resumable. */
@Command(name = "tune", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Search learning rate, Adam's betas, batch size, hidden sizes, dropout, weight decay and augmentation:"
                + " each setting is trained with several seeds, on all cores at once; a CSV row per trial is written as it ends, so an"
                + " interrupted search continues when run again with the same --out. Ends with a ranked table"
                + " (mean test accuracy over seeds) and, with --plot, a chart.",
                "Values: a list (0.9,0.95) or a range START:STOP:STEP (0.85:0.95:0.01); with --random also"
                        + " START:STOP. Without a flag, the nn train default is used."},
        footerHeading = "%nExamples:%n",
        footer = {"  # the seed project's grid (8,910 trials)",
                "  ./nn tune --lr 1e-4:9e-4:1e-4 --beta1 0.85:0.95:0.01 \\",
                "            --beta2 0.991:0.999:0.001 --seeds 10 --epochs 1 \\",
                "            --out seed-grid.csv --plot seed-grid.png",
                "  ./nn tune --random 30 --lr 1e-4:1e-2 --hidden 16,16 --hidden 64 --seeds 3",
                "  ./nn tune --batch-size 16,32,64 --epochs 2 --train-limit 10000"})
public final class TuneCommand implements Callable<Integer> {

    @Option(names = "--lr", paramLabel = "VALUES", description = "Learning rates (random search: log-uniform).")
    String lr;

    @Option(names = "--beta1", paramLabel = "VALUES", description = "Adam's beta1 values.")
    String beta1;

    @Option(names = "--beta2", paramLabel = "VALUES", description = "Adam's beta2 values.")
    String beta2;

    @Option(names = "--batch-size", paramLabel = "VALUES", description = "Batch sizes.")
    String batchSize;

    @Option(names = "--hidden", paramLabel = "N,N", description = "Hidden sizes; repeat the flag for more shapes.")
    List<String> hidden;

    @Option(names = "--input-dropout", paramLabel = "VALUES", description = "Input dropout rates (default 0).")
    String inputDropout;

    @Option(names = "--dropout", paramLabel = "VALUES", description = "Hidden layers' dropout rates (default 0).")
    String dropout;

    @Option(names = "--augment", paramLabel = "VALUES",
            description = "Augmentation strengths: S distorts every training batch by S times rotation ±10°, scale"
                    + " ±10%%, shear ±0.15, shift ±2 px and elastic alpha 34 (default 0: none).")
    String augment;

    @Option(names = "--weight-decay", paramLabel = "VALUES",
            description = "L2 weight decays (default 0; random search: log-uniform).")
    String weightDecay;

    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Seeds per setting (1..N).")
    int seeds;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "2", description = "Epochs per trial.")
    int epochs;

    @Option(names = "--random", paramLabel = "N",
            description = "Random search: N settings drawn from the ranges instead of the full grid.")
    Integer random;

    @Option(names = "--train-limit", paramLabel = "N",
            description = "Train on the first N training samples only (faster searches; test set unchanged).")
    Integer trainLimit;

    @Option(names = "--jobs", paramLabel = "N", description = "Trials run at once (default: the number of cores).")
    Integer jobs;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE", defaultValue = "tune.csv",
            description = "The CSV of trials; an existing one is continued.")
    Path out;

    @Option(names = "--plot", paramLabel = "FILE", description = "Also draw the ranking to FILE, a PNG or SVG picture.")
    Path plot;

    @Option(names = "--top", paramLabel = "N", defaultValue = "10", description = "Settings shown in the table.")
    int top;

    @Option(names = "--shard", paramLabel = "K/N", description = "Run only the K-th of N disjoint parts of the"
            + " search (each into its own --out), to spread it over machines.")
    String shard;


    @Mixin
    DataOptions data;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        ChartFiles.requirePlotFile("--plot", plot);
        OutputFiles.requireWritable("--out", out);
        Map<String, Path> targets = new LinkedHashMap<>();
        targets.put("--out", out);
        targets.put("--plot", plot);
        OutputFiles.requireDistinct(targets);
        for (Object[] check : new Object[][]{{"--seeds", seeds}, {"--epochs", epochs}, {"--top", top}}) {
            if ((int) check[1] < 1) {
                throw new IllegalArgumentException(check[0] + " must be at least 1, got " + check[1]);
            }
        }
        int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
        if (workers < 1 || (random != null && random < 1) || (trainLimit != null && trainLimit < 1)) {
            throw new IllegalArgumentException("--jobs, --random and --train-limit must be at least 1");
        }
        Shard part = shard == null ? Shard.ALL : Shard.parse(shard);
        List<Setting> settings = settings();
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        TrainTest dataset = data.load(stderr);
        Dataset train = trainLimit == null ? dataset.train() : dataset.train().head(trainLimit);
        Dataset test = dataset.test();
        TrainingConfig base = TrainingConfig.DEFAULT.with(TrainingConfig.DEFAULT.fit().withEpochs(epochs));
        for (Setting s : settings) {
            List<Integer> layers = ShapeCheck.layersFor(train, s.hidden());
            try {
                s.config(base, layers, 1);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(FlatSettings.flagged(e.getMessage()));
            }
        }

        TrialLog.Search search = new TrialLog.Search(epochs, trainLimit == null ? 0 : trainLimit,
                dataDigest(dataset));
        try (TrialLog log = TrialLog.open(out, search)) {
            List<Object[]> todo = new ArrayList<>();
            int index = 0;
            int total = 0;
            for (Setting s : settings) {
                for (long seed = 1; seed <= seeds; seed++, index++) {
                    if (part.includes(index)) {
                        total++;
                        if (!log.has(s, seed)) {
                            todo.add(new Object[]{s, seed});
                        }
                    }
                }
            }
            if (!part.whole()) {
                stderr.printf("tune: shard %d of %d: %,d of the search's %,d trials%n", part.k(), part.n(), total,
                        settings.size() * seeds);
            }
            stderr.printf("tune: %s × %s = %s of %s on %s; %,d already in %s; running %,d on %s%n",
                    count(settings.size(), "setting"), count(seeds, "seed"), count(settings.size() * seeds, "trial"),
                    count(epochs, "epoch"), train.name(), total - todo.size(), out, todo.size(), count(workers, "job"));
            stderr.flush();
            List<Trial> all = new ArrayList<>(log.done());
            AtomicInteger finished = new AtomicInteger();
            long started = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            try {
                List<Future<Trial>> futures = new ArrayList<>();
                for (Object[] job : todo) {
                    Setting s = (Setting) job[0];
                    long seed = (long) job[1];
                    futures.add(pool.submit(() -> {
                        Trial t = run(s, seed, base, train, test);
                        log.append(t);
                        int n = finished.incrementAndGet();
                        synchronized (stderr) {
                            String left = Eta.left(n, todo.size(), System.nanoTime() - started);
                            stderr.printf("[%d/%d] %s seed %d: %.2f%% (%.1f s)%s%n", n, todo.size(), s.key(), seed,
                                    100 * t.accuracy(), t.seconds(), left.isEmpty() || n == todo.size() ? ""
                                            : "; " + left);
                            stderr.flush();
                        }
                        return t;
                    }));
                }
                for (Future<Trial> f : futures) {
                    all.add(f.get());
                }
            } finally {
                pool.shutdownNow();
            }
            Ranking ranking = new Ranking(all.stream().filter(t -> t.seed() <= seeds && settings.stream()
                    .anyMatch(s -> s.key().equals(t.setting().key()))).toList());
            ranking.print(stdout, top);
            stdout.flush();
            if (!part.whole()) {
                stderr.printf("tune: that ranks shard %d of %d alone; put every shard's rows under one header line and"
                        + " run the same command without --shard on that file (--out) to rank the whole search%n",
                        part.k(), part.n());
            }
            if (plot != null) {
                ChartFiles.save(ranking.chart("nn tune: " + count(ranking.rows().size(), "setting") + " × "
                        + count(seeds, "seed") + ", " + count(epochs, "epoch") + " on " + train.name()), plot);
                stderr.printf("plotted %s%n", plot);
            }
        }
        return 0;
    }

    /** {@code n} and the noun, plural unless n is 1: "1 epoch", "3 epochs", "1,024 trials". */
    private static String count(long n, String noun) {
        return String.format("%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /** A short digest of the data's checksums: trials on other data are not comparable. */
    private static String dataDigest(TrainTest dataset) {
        Map<String, String> sums = new TreeMap<>(dataset.train().checksums());
        sums.putAll(dataset.test().checksums());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(sums.toString()
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static Trial run(Setting s, long seed, TrainingConfig base, Dataset train, Dataset test) {
        TrainingConfig config = s.config(base, ShapeCheck.layersFor(train, s.hidden()), seed);
        Trainer trainer = Mlp.of(config).trainer();
        long start = System.nanoTime();
        Trainer.Outcome outcome = trainer.fit(train, test, new TrainingListener() {
        });
        EpochStats last = outcome.history().getLast();
        return new Trial(s, seed, last.trainLoss(), last.testLoss(), last.testAccuracy(),
                (System.nanoTime() - start) / 1e9);
    }

    /** The grid, or {@code --random} draws from it. */
    private List<Setting> settings() {
        OptimizerConfig.Adam adam = OptimizerConfig.Adam.DEFAULT;
        Axis lrs = lr == null ? Axis.of("--lr", adam.learningRate()) : Axis.parse("--lr", lr);
        Axis b1 = beta1 == null ? Axis.of("--beta1", adam.beta1()) : Axis.parse("--beta1", beta1);
        Axis b2 = beta2 == null ? Axis.of("--beta2", adam.beta2()) : Axis.parse("--beta2", beta2);
        Axis batches = batchSize == null ? Axis.of("--batch-size", TrainingConfig.DEFAULT.fit().batchSize())
                : Axis.parse("--batch-size", batchSize);
        List<List<Integer>> shapes = new ArrayList<>();
        for (String h : hidden == null ? List.of(String.join(",", FlatSettings.defaultHidden().stream()
                .map(String::valueOf).toList())) : hidden) {
            try {
                shapes.add(Arrays.stream(h.split(",")).map(String::strip).map(Integer::parseInt).toList());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--hidden " + h + ": sizes separated by commas, e.g. 16,16");
            }
        }
        Axis inputDrops = inputDropout == null ? Axis.of("--input-dropout", 0) : Axis.parse("--input-dropout",
                inputDropout);
        Axis drops = dropout == null ? Axis.of("--dropout", 0) : Axis.parse("--dropout", dropout);
        Axis decays = weightDecay == null ? Axis.of("--weight-decay", 0) : Axis.parse("--weight-decay", weightDecay);
        Axis strengths = augment == null ? Axis.of("--augment", 0) : Axis.parse("--augment", augment);
        List<Setting> settings = new ArrayList<>();
        if (random != null) {
            Rng rng = new Rng(20261123L);
            for (int i = 0; i < random; i++) {
                double a = lrs.draw(rng::nextDouble, true), b = b1.draw(rng::nextDouble, false);
                double c = b2.draw(rng::nextDouble, false);
                int batch = (int) Math.round(batches.draw(rng::nextDouble, false));
                List<Integer> shape = shapes.get(rng.nextInt(shapes.size()));
                // drawn only when searched, so that a search without them draws what it drew before they existed
                double in = inputDropout == null ? 0 : inputDrops.draw(rng::nextDouble, false);
                double drop = dropout == null ? 0 : drops.draw(rng::nextDouble, false);
                double decay = weightDecay == null ? 0 : decays.draw(rng::nextDouble, true);
                double strength = augment == null ? 0 : strengths.draw(rng::nextDouble, false);
                settings.add(new Setting(a, b, c, batch, shape, in, drop, decay, strength));
            }
            return settings;
        }
        // the grid in the order it always had: shapes outermost, then batch, lr, β₁, β₂, the regularisation, augment
        List<List<Double>> axes = List.of(batches.gridValues(), lrs.gridValues(), b1.gridValues(), b2.gridValues(),
                inputDrops.gridValues(), drops.gridValues(), decays.gridValues(), strengths.gridValues());
        for (List<Integer> shape : shapes) {
            for (double[] v : Axis.product(axes)) {
                settings.add(new Setting(v[1], v[2], v[3], (int) Math.round(v[0]), shape, v[4], v[5], v[6], v[7]));
            }
        }
        return settings;
    }
}
