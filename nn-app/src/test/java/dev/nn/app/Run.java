package dev.nn.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** One in-process run of {@code nn}: its exit code, standard output and standard error. */
record Run(int exit, String out, String err) {

    static Run of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** {@code nn train --no-progress --data DIR} and the arguments given after them. */
    static Run train(Path data, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--no-progress", "--data", data.toString()));
        args.addAll(List.of(more));
        return of(args.toArray(String[]::new));
    }

    /** {@link #train} of a tiny network (one hidden layer of 8) for the given epochs, then the arguments given. */
    static Run trainTiny(Path data, int epochs, String... more) {
        List<String> args = new ArrayList<>(List.of("--hidden", "8", "--epochs", Integer.toString(epochs)));
        args.addAll(List.of(more));
        return train(data, args.toArray(String[]::new));
    }

    /** The lines of standard error that are not narration (data:, train:, saved) — what a failure printed. */
    String errorLines() {
        return err.lines().filter(l -> !l.startsWith("data:") && !l.startsWith("train:") && !l.startsWith("optimizer:")
                        && !l.startsWith("nn-simd:"))
                .reduce("", (a, b) -> a.isEmpty() ? b : a + "\n" + b);
    }
}
