package dev.nn.app.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long job of a known number of units (entries checked, batches evaluated), on standard error: on
 * an interactive terminal a bar with the time elapsed and left; otherwise, once the job has run
 * {@value #QUIET_SECONDS} s, a line every {@value #LINE_SECONDS} s such as
 * {@code gradcheck: 1,200 of 12,000 entries (10%), 0:12 so far, about 1:48 left}. A job shorter than that
 * prints nothing. Thread-safe.
 */
public final class JobProgress implements AutoCloseable {

    /** Seconds a job runs before its first line. */
    static final int QUIET_SECONDS = 2;
    /** Seconds between lines. */
    static final int LINE_SECONDS = 10;

    private final String task;
    private final String unit;
    private final long total;
    private final PrintWriter lines;
    private final LongSupplier clock;
    private final long start;
    private final ProgressBar bar;
    private long nextLine;
    private long done;

    JobProgress(String task, long total, String unit, PrintWriter lines, PrintStream barStream, LongSupplier clock) {
        this.task = task;
        this.total = total;
        this.unit = unit;
        this.lines = lines;
        this.clock = clock;
        this.start = clock.getAsLong();
        this.nextLine = start + QUIET_SECONDS * 1_000_000_000L;
        this.bar = barStream == null ? null : new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
                .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.UNICODE_BLOCK).setUpdateIntervalMillis(200)
                .setConsumer(new ConsoleProgressBarConsumer(barStream)).clearDisplayOnFinish()
                .setMaxRenderedLength(100).startsFrom(0, Duration.ZERO).build();
    }

    /** Progress of {@code total} units of {@code unit} (a plural, e.g. "entries"), a bar when stderr is a terminal. */
    public static JobProgress start(String task, long total, String unit, PrintWriter err) {
        return new JobProgress(task, total, unit, err, ConsoleProgress.interactive() ? System.err : null,
                System::nanoTime);
    }

    /** {@code n} units are done in all. */
    public synchronized void stepTo(long n) {
        done = n;
        if (bar != null) {
            bar.stepTo(n);
            return;
        }
        long now = clock.getAsLong();
        if (now >= nextLine && n < total) {
            long elapsed = now - start;
            lines.printf(Locale.ROOT, "%s: %,d of %,d %s (%d%%), %s so far, %s%n", task, n, total, unit,
                    100 * n / Math.max(1, total), Eta.clock(elapsed), Eta.left(n, total, elapsed));
            lines.flush();
            nextLine = now + LINE_SECONDS * 1_000_000_000L;
        }
    }

    /** One more unit is done. */
    public synchronized void step() {
        stepTo(done + 1);
    }

    /** The job is over (or stopped): the bar's line is cleared. */
    @Override
    public synchronized void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
