package dev.nn.app;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One in-process run of {@code nn}: its exit code, standard output and standard error. */
record Run(int exit, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** The lines of standard error that are not narration (data:, train:, saved) — what a failure printed. */
    String errorLines() {
        return err.lines().filter(l -> !l.startsWith("data:") && !l.startsWith("train:") && !l.startsWith("optimizer:")
                        && !l.startsWith("nn-simd:"))
                .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
    }
}
