package dev.nn.app.progress;

import dev.nn.core.train.EpochStats;
import dev.nn.core.train.TrainingListener;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Training progress for people: on an interactive terminal a progress bar per epoch (on standard error); on
 * every output one line per epoch with its figures (on standard output), e.g.
 * {@code epoch  3/10  train loss 0.1234 acc 96.41%  test loss 0.1300 acc 96.80%  612,345 img/s  0.10 s}.
 */
public final class ConsoleProgress implements TrainingListener {

    private final PrintWriter out;
    private final PrintStream barStream;
    private ProgressBar bar;

    /** Epoch lines go to {@code out}; a bar goes to {@code barStream} when it is not null. */
    public ConsoleProgress(PrintWriter out, PrintStream barStream) {
        this.out = out;
        this.barStream = barStream;
    }

    /**
     * Whether standard error is an interactive terminal, where a progress bar belongs. Java cannot ask that of
     * standard error alone, so the {@code nn} launcher, which can, passes {@code -Dnn.stderr.terminal}; without
     * it, a console on standard input and output stands in.
     */
    public static boolean interactive() {
        String launcher = System.getProperty("nn.stderr.terminal");
        if (launcher != null) {
            return Boolean.parseBoolean(launcher);
        }
        return System.console() != null && System.console().isTerminal();
    }

    @Override
    public void epochStarted(int epoch, int epochs, int batches, int firstBatch) {
        if (barStream != null) {
            bar = new ProgressBarBuilder()
                    .setTaskName(String.format(Locale.ROOT, "epoch %d/%d", epoch, epochs))
                    .setInitialMax(batches)
                    .setStyle(ProgressBarStyle.UNICODE_BLOCK)
                    .setUpdateIntervalMillis(100)
                    .setConsumer(new ConsoleProgressBarConsumer(barStream))
                    .clearDisplayOnFinish()
                    .startsFrom(firstBatch, java.time.Duration.ZERO)
                    .build();
        }
    }

    @Override
    public void batchFinished(int batch, float loss) {
        if (bar != null) {
            bar.stepTo(batch);
        }
    }

    /** Ends a bar cut short (Ctrl-C), clearing its line, so that what follows starts on a clean one. */
    public void stop() {
        if (bar != null) {
            bar.close();
            bar = null;
        }
    }

    /** A fraction as a percentage with two decimals, or a dash when it was not measured. */
    private static String percent(double fraction) {
        return Double.isNaN(fraction) ? "-" : String.format(Locale.ROOT, "%.2f%%", 100 * fraction);
    }

    @Override
    public void epochFinished(EpochStats s) {
        if (bar != null) {
            bar.close();
            bar = null;
        }
        int width = String.valueOf(s.epochs()).length();
        String validation = s.validated() ? String.format(Locale.ROOT, "  validation loss %.4f acc %.2f%%",
                s.validationLoss(), 100 * s.validationAccuracy()) : "";
        out.println(String.format(Locale.ROOT, "epoch %" + width + "d/%d  train loss %.4f acc %s%s  test loss %.4f"
                        + " acc %.2f%%  %,.0f img/s  %.2f s", s.epoch(), s.epochs(), s.trainLoss(),
                percent(s.trainAccuracy()), validation, s.testLoss(), 100 * s.testAccuracy(), s.samplesPerSecond(),
                s.seconds()));
        out.flush();
    }
}
