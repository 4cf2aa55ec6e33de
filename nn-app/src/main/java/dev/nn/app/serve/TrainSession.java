package dev.nn.app.serve;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nn.app.cli.DataLoader;
import dev.nn.core.activation.Activation;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.io.HeapRoom;
import dev.nn.core.io.NotEnoughHeapException;
import dev.nn.core.train.Trainer;
import dev.nn.mnist.TrainTest;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Train view's side of the server: at most one {@link LiveRun} at a time, the data it trains on (read once,
 * then kept), and the answers to the page's buttons. A run that is training or paused must be reset before
 * another starts; one that has ended is replaced.
 */
final class TrainSession {

    /** The longest a poll waits for a newer snapshot. */
    static final long POLL_MILLIS = 2000;

    private static final byte[] IDLE = "{\"version\":0,\"status\":\"idle\"}".getBytes(StandardCharsets.UTF_8);

    private final Path dataDir;
    private final long abandonedNanos;
    private final Map<String, TrainTest> data = new ConcurrentHashMap<>();
    private LiveRun run;

    /** A session training MNIST from {@code dataDir} (MNIST's IDX files; null: the bundled MNIST). */
    TrainSession(Path dataDir) {
        this(dataDir, LiveRun.ABANDONED_NANOS);
    }

    /** A session whose runs stop when no page has polled for {@code abandonedNanos}. */
    TrainSession(Path dataDir, long abandonedNanos) {
        this.dataDir = dataDir;
        this.abandonedNanos = abandonedNanos;
    }

    /** GET /api/train/options: what the page may choose, its defaults and its limits. */
    Map<String, Object> options() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("datasets", TrainSettings.DATASETS);
        m.put("activations", Arrays.stream(Activation.values()).map(Activation::id).toList());
        m.put("optimizers", List.of("adam", "sgd", "momentum"));
        TrainingConfig d = TrainingConfig.DEFAULT;
        m.put("defaults", Map.of("hidden", d.network().layers().subList(1, d.network().layers().size() - 1),
                "activation", d.network().activationText(), "optimizer", d.optimizer().id(),
                "learningRate", d.optimizer().learningRate(), "batchSize", d.fit().batchSize(),
                "epochs", d.fit().epochs(), "seed", d.fit().seed()));
        m.put("limits", Map.of("hiddenLayers", TrainSettings.MAX_HIDDEN_LAYERS, "units", TrainSettings.MAX_UNITS,
                "batchSize", TrainSettings.MAX_BATCH, "epochsMnist", TrainSettings.MAX_EPOCHS_MNIST,
                "epochsPlane", TrainSettings.MAX_EPOCHS_PLANE));
        m.put("mnistFrom", dataDir == null ? "the bundled MNIST" : dataDir.toString());
        return m;
    }

    /** POST /api/train/start: checks the settings (400), then starts unless a run is going (409). */
    Map<String, Object> start(byte[] body) {
        JsonNode request = Api.parse(body);
        String dataset = TrainSettings.dataset(request);
        TrainTest trainTest = data(dataset);
        TrainSettings settings = TrainSettings.of(request, trainTest.train());
        try {
            HeapRoom.require("training " + settings.config().shape() + " in batches of "
                    + settings.config().fit().batchSize(), Trainer.bytesNeeded(settings.config(),
                    trainTest.train().size()));
        } catch (NotEnoughHeapException e) {
            throw new HttpError(400, e.getMessage());
        }
        synchronized (this) {
            if (run != null && run.active()) {
                throw new HttpError(409, "a training is already running on this server (one at a time): Reset it"
                        + " first");
            }
            if (run != null) {
                run.close();
            }
            run = LiveRun.start(settings, trainTest, dataset.equals("mnist") && dataDir != null
                    ? dataDir.toString() : null, abandonedNanos);
        }
        return Map.of("started", settings.describe());
    }

    /** POST /api/train/pause. */
    Map<String, Object> pause() {
        active().pause();
        return Map.of("paused", true);
    }

    /** POST /api/train/resume. */
    Map<String, Object> resume() {
        active().resume();
        return Map.of("paused", false);
    }

    /** POST /api/train/step: one batch from a pause. */
    Map<String, Object> step() {
        active().step();
        return Map.of("step", true);
    }

    /** POST /api/train/reset: stops and forgets the run. */
    synchronized Map<String, Object> reset() {
        if (run != null) {
            run.close();
            run = null;
        }
        return Map.of("reset", true);
    }

    /** POST /api/train/drawing: the drawing whose answer the snapshots carry. */
    Map<String, Object> drawing(byte[] body) {
        byte[] pixels = Api.drawing(body);
        LiveRun current = current();
        if (current == null) {
            throw new HttpError(409, "no training: press Start first");
        }
        current.drawing(pixels);
        return Map.of("drawing", true);
    }

    /** GET /api/train/state?after=N: the latest snapshot, waiting up to {@link #POLL_MILLIS} for a newer one. */
    byte[] state(long after) throws InterruptedException {
        LiveRun current = current();
        return current == null ? IDLE : current.poll(after, POLL_MILLIS);
    }

    /** GET /api/train/model: the model file of the weights now. */
    byte[] model() throws InterruptedException, IOException {
        LiveRun current = current();
        if (current == null) {
            throw new HttpError(409, "nothing trained yet: press Start first");
        }
        return current.model();
    }

    private synchronized LiveRun current() {
        return run;
    }

    private LiveRun active() {
        LiveRun current = current();
        if (current == null || !current.active()) {
            throw new HttpError(409, "no training is running: press Start first");
        }
        return current;
    }

    /** The dataset, read the first time it is asked for. */
    private TrainTest data(String dataset) {
        try {
            return data.computeIfAbsent(dataset, name -> {
                try {
                    PrintWriter quiet = new PrintWriter(Writer.nullWriter());
                    return name.equals("mnist") ? DataLoader.load(dataDir, null, quiet)
                            : DataLoader.load(null, name, quiet);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException | IllegalArgumentException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            throw new HttpError(400, dataset + ": the data could not be read (" + cause.getMessage() + ")");
        }
    }
}
