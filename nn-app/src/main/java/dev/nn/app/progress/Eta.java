package dev.nn.app.progress;

import java.util.Locale;

/** How long a job has run and has left, in words a person reads at a glance: {@code 1:05}, {@code 1:02:03}. */
public final class Eta {

    private Eta() {
    }

    /**
     * What is left of a job {@code done} of {@code total} into it after {@code elapsedNanos}, assuming the rest
     * goes at the same pace: {@code about 1:45 left}; empty before the first unit is done.
     */
    public static String left(long done, long total, long elapsedNanos) {
        if (done <= 0 || done > total) {
            return "";
        }
        return "about " + clock((long) ((double) elapsedNanos * (total - done) / done)) + " left";
    }

    /** A duration as m:ss, or h:mm:ss from an hour on. */
    public static String clock(long nanos) {
        long seconds = Math.max(0, Math.round(nanos / 1e9));
        return seconds >= 3600
                ? String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
                : String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
