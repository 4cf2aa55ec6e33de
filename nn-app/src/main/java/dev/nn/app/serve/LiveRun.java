package dev.nn.app.serve;

import dev.nn.core.Mlp;
import dev.nn.core.data.Dataset;
import dev.nn.core.layer.Dense;
import dev.nn.core.metrics.Evaluation;
import dev.nn.core.metrics.Evaluator;
import dev.nn.core.model.ModelIO;
import dev.nn.core.network.Predictor;
import dev.nn.core.train.DivergenceException;
import dev.nn.core.train.EpochStats;
import dev.nn.core.train.Progress;
import dev.nn.core.train.Trainer;
import dev.nn.core.train.TrainingListener;
import dev.nn.mnist.TrainTest;
import dev.nn.simd.KernelThreads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One training started from the page, on a thread of its own, by {@link Trainer#fit} exactly as {@code nn train}
 * runs it (the same configuration, data and seed give the same weights). Between batches, as the trainer's
 * listener, it pauses, steps, stops, and at most {@link #PUBLISH_NANOS} apart publishes what the page shows:
 * the curves, the first layer's weights or the plane's maps, the drawing's answer, the counters. Everything that
 * touches the network happens on this thread, so the page never sees weights half-updated; the published
 * snapshot is JSON made once and handed to every poll.
 */
final class LiveRun implements TrainingListener {

    /** The least time between two snapshots: at most ten a second. */
    static final long PUBLISH_NANOS = 100_000_000L;
    /** No poll for this long means the page has gone: training stops (the default; a session may set another). */
    static final long ABANDONED_NANOS = 10_000_000_000L;
    /** The most points a curve keeps; when full, every other one goes. */
    static final int CURVE_POINTS = 600;
    /** Test samples evaluated for each point of the live test curve (the whole test set after each epoch). */
    static final int TEST_SAMPLE = 1000;
    /** Hidden units of the first layer whose weights are shown. */
    static final int WEIGHT_TILES = 64;

    /** Where a run stands. */
    enum Status { RUNNING, PAUSED, FINISHED, STOPPED, FAILED }

    private final TrainSettings settings;
    private final Dataset train, test, testSample;
    private final Map<String, String> checksums;
    private final String dataFolder;
    private final KernelThreads team;
    private final Mlp mlp;
    private final Trainer trainer;
    private final Evaluator evaluator;
    private final Predictor predictor;
    private final PlaneMaps plane;
    private final Thread thread;
    private final long abandonedNanos;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();

    private boolean pauseRequested, stepRequested, closed, drawingChanged;
    private byte[] drawing;
    private volatile long lastPoll = System.nanoTime();
    private volatile Status status = Status.RUNNING;
    private volatile byte[] snapshot;
    private long version;

    private int epoch = 1, batch, batches;
    private long steps, images, windowImages, windowStart = System.nanoTime(), lastPublish;
    private double windowLoss, imagesPerSecond;
    private long windowCorrect, windowSamples;
    private String message = "";
    private EpochStats lastEpoch;
    private final List<float[]> curve = new ArrayList<>();
    private final List<float[]> epochPoints = new ArrayList<>();

    private LiveRun(TrainSettings settings, TrainTest data, String dataFolder, long abandonedNanos) {
        this.settings = settings;
        this.abandonedNanos = abandonedNanos;
        this.train = data.train();
        this.test = data.test();
        this.testSample = test.size() > TEST_SAMPLE ? test.head(TEST_SAMPLE) : test;
        this.dataFolder = dataFolder;
        Map<String, String> sums = new LinkedHashMap<>(train.checksums());
        sums.putAll(test.checksums());
        this.checksums = sums;
        this.team = KernelThreads.of(settings.threads());
        this.mlp = Mlp.of(settings.config()).useThreads(team);
        this.trainer = mlp.trainer();
        this.evaluator = new Evaluator(mlp.network(), settings.config().network().loss().create());
        boolean pictures = train.isPictures();
        this.predictor = pictures ? new Predictor(mlp.network()) : null;
        this.plane = !pictures && train.features() == 2 ? new PlaneMaps(mlp.network(), test) : null;
        this.thread = new Thread(this::body, "nn-serve-training");
        thread.setDaemon(true);
    }

    /**
     * Starts training {@code settings} on {@code data} (read from {@code dataFolder}, or built in when null);
     * it stops when no poll has come for {@code abandonedNanos}.
     */
    static LiveRun start(TrainSettings settings, TrainTest data, String dataFolder, long abandonedNanos) {
        LiveRun run = new LiveRun(settings, data, dataFolder, abandonedNanos);
        run.publish(false);
        run.thread.start();
        return run;
    }

    /** Whether it is training or paused (not yet finished, stopped or failed). */
    boolean active() {
        return status == Status.RUNNING || status == Status.PAUSED;
    }

    /** Pauses after the batch in progress. */
    synchronized void pause() {
        pauseRequested = true;
        notifyAll();
    }

    /** Goes on from a pause. */
    synchronized void resume() {
        pauseRequested = false;
        notifyAll();
    }

    /** From a pause, trains exactly one batch and pauses again. */
    synchronized void step() {
        if (!pauseRequested) {
            throw new HttpError(409, "Step trains one batch from a pause: press Pause first");
        }
        stepRequested = true;
        notifyAll();
    }

    /** Stops training after the batch in progress and lets the thread end. */
    synchronized void close() {
        closed = true;
        trainer.requestStop();
        notifyAll();
    }

    /** The drawing (784 MNIST-form pixels) whose answer the snapshots carry from now on. */
    synchronized void drawing(byte[] pixels) {
        drawing = pixels;
        drawingChanged = true;
        notifyAll();
    }

    /**
     * The latest snapshot, waiting up to {@code waitMillis} while {@code after} is still the latest version (a
     * page that names another, e.g. of a run before, gets this run's at once); a poll also tells the run that the
     * page is still there.
     */
    byte[] poll(long after, long waitMillis) throws InterruptedException {
        lastPoll = System.nanoTime();
        long end = System.currentTimeMillis() + waitMillis;
        synchronized (this) {
            for (long left = waitMillis; version == after && left > 0; left = end - System.currentTimeMillis()) {
                wait(left);
            }
            return snapshot;
        }
    }

    /**
     * The model file of the weights as they are, made on the training thread between batches (or here, once that
     * thread has ended and nothing else touches the network).
     */
    byte[] model() throws InterruptedException, IOException {
        CompletableFuture<byte[]> file = new CompletableFuture<>();
        tasks.add(() -> {
            try {
                file.complete(modelFile());
            } catch (IOException | RuntimeException e) {
                file.completeExceptionally(e);
            }
        });
        synchronized (this) {
            notifyAll();
        }
        long end = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try {
                return file.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!thread.isAlive()) {
                    runTasks();
                } else if (System.nanoTime() > end) {
                    throw new HttpError(503, "the training thread did not answer within 30 s");
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    private void body() {
        try {
            Trainer.Outcome outcome = trainer.fit(train, test, this, Progress.start(trainer.rngState()));
            status = outcome.stopped() ? Status.STOPPED : Status.FINISHED;
            if (outcome.stopped()) {
                message = abandoned() ? "stopped: the page went away" : "stopped";
            }
        } catch (DivergenceException e) {
            status = Status.FAILED;
            message = e.getMessage() + "; try a smaller learning rate (it was "
                    + settings.config().optimizer().learningRate() + ")";
        } catch (RuntimeException | OutOfMemoryError e) {
            status = Status.FAILED;
            message = "training failed: " + e;
        }
        publish(status == Status.FINISHED);
        while (waitForWork()) {
            runTasks();
        }
        team.close();
    }

    /** Waits for a task, a drawing, or the end; false when the run is closed or the page has gone. */
    private boolean waitForWork() {
        synchronized (this) {
            if (closed || abandoned()) {
                return false;
            }
            if (tasks.isEmpty() && !drawingChanged) {
                try {
                    wait(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
        if (drawingChangedSinceLook()) {
            publish(false);
        }
        return true;
    }

    private synchronized boolean drawingChangedSinceLook() {
        boolean changed = drawingChanged;
        drawingChanged = false;
        return changed;
    }

    private boolean abandoned() {
        return System.nanoTime() - lastPoll > abandonedNanos;
    }

    /** Runs the tasks waiting, one caller at a time. */
    private void runTasks() {
        synchronized (tasks) {
            for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                task.run();
            }
        }
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches, int firstBatch) {
        this.epoch = epoch;
        this.batches = batches;
        this.batch = firstBatch;
    }

    @Override
    public void batchFinished(int batch, float batchLoss) {
        int batchSize = settings.config().fit().batchSize();
        int n = Math.min(batchSize, train.size() - (batch - 1) * batchSize);
        this.batch = batch;
        steps++;
        images += n;
        windowImages += n;
        windowLoss += (double) batchLoss * n;
        windowCorrect += trainer.correctInLastStep();
        windowSamples += n;
        runTasks();
        boolean pauseNow;
        synchronized (this) {
            if (closed || abandoned()) {
                trainer.requestStop();
                return;
            }
            pauseNow = pauseRequested;
        }
        if (pauseNow) {
            pauseHere();
        } else if (System.nanoTime() - lastPublish >= PUBLISH_NANOS || drawingChangedSinceLook()) {
            publish(true);
        }
    }

    /** Waits while paused, serving tasks and drawings, until Resume, Step (one batch more) or the end. */
    private void pauseHere() {
        status = Status.PAUSED;
        publish(true);
        while (true) {
            synchronized (this) {
                if (!pauseRequested || closed || abandoned()) {
                    break;
                }
                if (stepRequested) {
                    stepRequested = false;
                    break;
                }
            }
            if (!waitForWork()) {
                break;
            }
            runTasks();
        }
        synchronized (this) {
            if (closed || abandoned()) {
                trainer.requestStop();
                return;
            }
        }
        status = Status.RUNNING;
        windowStart = System.nanoTime();
        windowImages = 0;
    }

    @Override
    public void epochFinished(EpochStats stats) {
        lastEpoch = stats;
        epochPoints.add(new float[]{stats.epoch(), (float) stats.trainLoss(), (float) stats.trainAccuracy(),
                (float) stats.testLoss(), (float) stats.testAccuracy()});
        if (System.nanoTime() - lastPublish >= PUBLISH_NANOS) {
            publish(true);
        }
    }

    /** Makes the snapshot; with {@code point}, first adds a point to the live curves. */
    private void publish(boolean point) {
        long now = System.nanoTime();
        if (point && windowSamples > 0) {
            Evaluation sample = evaluator.evaluate(testSample);
            double x = batches == 0 ? epoch - 1 : epoch - 1 + (double) batch / batches;
            curve.add(new float[]{(float) x, (float) (windowLoss / windowSamples),
                    (float) windowCorrect / windowSamples, (float) sample.meanLoss(), (float) sample.accuracy()});
            if (curve.size() > CURVE_POINTS) {
                for (int i = 1; i < curve.size() / 2; i++) {
                    curve.set(i, curve.get(2 * i));
                }
                curve.subList(curve.size() / 2, curve.size() - 1).clear();
            }
            if (status == Status.RUNNING && now > windowStart) {
                imagesPerSecond = windowImages / ((now - windowStart) / 1e9);
            }
            windowLoss = 0;
            windowCorrect = 0;
            windowSamples = 0;
            windowImages = 0;
            windowStart = now;
        }
        byte[] json;
        try {
            json = Api.write(state());
        } catch (IOException e) {
            throw new IllegalStateException("a snapshot could not be written", e);
        }
        synchronized (this) {
            snapshot = json;
            version++;
            notifyAll();
        }
        lastPublish = System.nanoTime();
    }

    private Map<String, Object> state() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version + 1);
        m.put("status", status.name().toLowerCase(Locale.ROOT));
        m.put("message", message);
        m.put("settings", settings.describe());
        m.put("epoch", epoch);
        m.put("epochs", settings.config().fit().epochs());
        m.put("batch", batch);
        m.put("batches", batches);
        m.put("steps", steps);
        m.put("images", images);
        m.put("imagesPerSecond", imagesPerSecond);
        EpochStats last = lastEpoch;
        if (last != null) {
            m.put("lastEpochSeconds", last.seconds());
            m.put("lastEpochImagesPerSecond", last.samplesPerSecond());
        }
        m.put("curve", curve);
        m.put("epochPoints", epochPoints);
        if (predictor != null) {
            m.put("weights", firstLayerWeights());
            byte[] pixels;
            synchronized (this) {
                pixels = drawing;
            }
            if (pixels != null) {
                m.put("drawing", Api.thinking(predictor, pixels));
            }
        }
        if (plane != null) {
            m.put("plane", plane.now());
        }
        return m;
    }

    /** Each shown unit's 784 incoming weights as bytes, 128 ± 127·w/max|w| of that unit. */
    private Map<String, Object> firstLayerWeights() {
        Dense first = mlp.network().layers().getFirst();
        int inputs = first.inputSize(), shown = Math.min(first.outputSize(), WEIGHT_TILES);
        byte[] bytes = new byte[shown * inputs];
        float[] w = first.weights();
        for (int u = 0; u < shown; u++) {
            float largest = 1e-12f;
            for (int i = 0; i < inputs; i++) {
                largest = Math.max(largest, Math.abs(w[u * inputs + i]));
            }
            for (int i = 0; i < inputs; i++) {
                bytes[u * inputs + i] = (byte) Math.round(128 + 127 * w[u * inputs + i] / largest);
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", inputs);
        m.put("units", first.outputSize());
        m.put("shown", shown);
        m.put("values", Base64.getEncoder().encodeToString(bytes));
        return m;
    }

    /** A normal model file of the weights now; its provenance has the last finished epoch's figures. */
    private byte[] modelFile() throws IOException {
        EpochStats last = lastEpoch;
        if (last == null) {
            Evaluation now = evaluator.evaluate(test);
            last = new EpochStats(0, settings.config().fit().epochs(), Double.NaN, Double.NaN, now.meanLoss(),
                    now.accuracy(), 0, 0);
        }
        Path dir = Files.createTempDirectory("nn-serve");
        Path file = dir.resolve("model.json");
        try {
            ModelIO.save(file, mlp.toModel(Mlp.provenance(last, checksums, dataFolder,
                    dataFolder == null ? settings.dataset() : null)));
            return Files.readAllBytes(file);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
