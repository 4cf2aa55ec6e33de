package dev.nn.app.commands;

import dev.nn.app.cli.ModelArgument;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.ShapeCheck;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.terminal.DigitArt;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;
import dev.nn.core.network.Predictor;
import dev.nn.core.random.Rng;
import dev.nn.simd.Kernels;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nn play}: you against the network on random test digits, with running scores. */
@Command(name = "play", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Guess the digit before the network does. Each round shows a random test image; type your"
                + " guess (q to stop); then the network's guess, its top 3 probabilities and both scores appear.",
                "Reads guesses from standard input, so answers can be piped in; ends with a summary."},
        footerHeading = "%nExamples:%n",
        footer = {"  # 10 rounds against model.json",
                "  ./nn play",
                "  ./nn play --model fashion.json --data fashion-mnist/ --rounds 5",
                "  # scripted answers",
                "  printf '7\\n2\\n1\\n' | ./nn play --rounds 3 --seed 4"})
public final class PlayCommand implements Callable<Integer> {

    @Mixin
    ModelArgument modelArgument;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "10", description = "Rounds to play.")
    int rounds;

    @Option(names = "--seed", paramLabel = "N", description = "Seed for the choice of digits (default: a new game each time).")
    Long seed;


    @Mixin
    DataOptions data;

    @Option(names = "--plain", description = "Draw with plain blocks even on a colour terminal.")
    boolean plain;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1, got " + rounds);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path model = modelArgument.path();
        Model loaded = modelArgument.load();
        Dataset test = data.testSetFor(model, loaded, spec.commandLine().getErr());
        int height = ShapeCheck.imageHeight(test.features());
        int width = test.features() / height;
        boolean colour = !plain && System.console() != null && System.console().isTerminal();
        Predictor predictor = new Predictor(loaded.network());
        Kernels.info(); // the kernels are chosen now: their one line comes before the game, not after a guess
        spec.commandLine().getErr().flush();
        Rng rng = new Rng(seed != null ? seed : System.nanoTime());
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        Score score = new Score();
        Thread summaryOnInterrupt = new Thread(() -> {
            out.printf("%n%nstopped: %s%n", score.summary());
            out.flush();
        }, "nn-play-interrupt");
        Runtime.getRuntime().addShutdownHook(summaryOnInterrupt);
        try {
            play(test, predictor, in, out, rng, score, height, width, colour);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(summaryOnInterrupt);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook prints the summary
            }
        }
        out.printf("%n%s%n", score.summary());
        out.flush();
        return 0;
    }

    /** The rounds played so far and who was right, readable from the Ctrl-C hook's thread. */
    private static final class Score {
        volatile int played;
        volatile int you;
        volatile int machine;

        synchronized void add(boolean youRight, boolean machineRight) {
            you += youRight ? 1 : 0;
            machine += machineRight ? 1 : 0;
            played++;
        }

        synchronized String summary() {
            return PlayCommand.summary(played, you, machine);
        }
    }

    private void play(Dataset test, Predictor predictor, BufferedReader in, PrintWriter out, Rng rng, Score score,
                      int height, int width, boolean colour) throws IOException {
        byte[] pixels = new byte[test.features()];
        while (score.played < rounds) {
            int played = score.played;
            int index = rng.nextInt(test.size());
            test.pixels(index, pixels);
            out.printf("%nround %d of %d: test image %d%n", played + 1, rounds, index);
            out.print(DigitArt.render(pixels, height, width, colour));
            Integer guess = ask(in, out, test.classes());
            if (guess == null) {
                break;
            }
            int label = test.label(index);
            float[] p = predictor.probabilities(pixels);
            int best = Predictor.best(p);
            score.add(guess == label, best == label);
            out.printf("it was %d. you: %d %s; network: %d %s (%s)%n", label, guess, mark(guess == label), best,
                    mark(best == label), top3(p));
            out.printf("score after %d: you %d, network %d%n", score.played, score.you, score.machine);
        }
    }

    /** Reads a guess in 0..classes-1; null on q or the end of input. Asks again after anything else. */
    private static Integer ask(BufferedReader in, PrintWriter out, int classes) throws IOException {
        while (true) {
            out.printf("your guess (0-%d, q to stop): ", classes - 1);
            out.flush();
            String line = in.readLine();
            if (line == null) {
                out.println();
                return null;
            }
            line = line.strip();
            if (line.equalsIgnoreCase("q")) {
                return null;
            }
            try {
                int guess = Integer.parseInt(line);
                if (guess >= 0 && guess < classes) {
                    return guess;
                }
            } catch (NumberFormatException e) {
                // asked again below
            }
            out.printf("'%s' is not a digit from 0 to %d%n", line, classes - 1);
        }
    }

    private static String mark(boolean right) {
        return right ? "right" : "wrong";
    }

    private static String top3(float[] p) {
        float[] left = p.clone();
        StringBuilder s = new StringBuilder("top 3:");
        for (int k = 0; k < Math.min(3, p.length); k++) {
            int best = Predictor.best(left);
            s.append(String.format(" %d %.1f%%", best, 100 * left[best]));
            left[best] = -1;
        }
        return s.toString();
    }

    static String summary(int played, int you, int machine) {
        if (played == 0) {
            return "no rounds played";
        }
        String winner = you > machine ? "you win" : you < machine ? "the network wins" : "a draw";
        return String.format("%d round%s: you %d (%.0f%%), network %d (%.0f%%): %s", played, played == 1 ? "" : "s",
                you, 100.0 * you / played,
                machine, 100.0 * machine / played, winner);
    }
}
