package dev.nn.app.tune;

import dev.nn.app.cli.UserException;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The CSV of a search, one row per finished trial, appended and flushed as each one ends, so that a search that
 * was stopped — by Ctrl-C, a crash or a power cut — continues where it was when run again: trials already in
 * the file are not run again, and a last row cut in half is dropped.
 */
public final class TrialLog implements Closeable {

    /** The CSV header. */
    public static final String HEADER = "lr,beta1,beta2,batch_size,hidden,seed,cost,test_loss,accuracy,seconds";

    private final Path file;
    private final List<Trial> done;
    private final BufferedWriter writer;

    private TrialLog(Path file, List<Trial> done, BufferedWriter writer) {
        this.file = file;
        this.done = done;
        this.writer = writer;
    }

    /** Opens {@code file}, reading the trials it holds, or creates it with the header. */
    public static TrialLog open(Path file) throws IOException {
        List<Trial> done = new ArrayList<>();
        if (Files.exists(file)) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (!text.isEmpty() && !text.endsWith("\n")) {
                text = text.substring(0, text.lastIndexOf('\n') + 1); // a row cut short by a kill
                Files.writeString(file, text, StandardCharsets.UTF_8);
            }
            List<String> lines = text.lines().toList();
            if (!lines.isEmpty() && !lines.getFirst().equals(HEADER)) {
                throw new UserException("--out " + file + ": not a tune CSV (its first line is not " + HEADER
                        + "); give another file");
            }
            for (int i = 1; i < lines.size(); i++) {
                done.add(parse(lines.get(i), file, i + 1));
            }
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (Files.size(file) == 0) {
            writer.write(HEADER);
            writer.newLine();
            writer.flush();
        }
        return new TrialLog(file, done, writer);
    }

    /** The trials read from the file when it was opened. */
    public List<Trial> done() {
        return done;
    }

    /** Whether the file already holds this setting with this seed. */
    public boolean has(Setting setting, long seed) {
        return done.stream().anyMatch(t -> t.seed() == seed && t.setting().key().equals(setting.key()));
    }

    /** Appends one row and flushes it to the file. */
    public synchronized void append(Trial t) throws IOException {
        Setting s = t.setting();
        writer.write(String.join(",", Setting.number(s.learningRate()), Setting.number(s.beta1()),
                Setting.number(s.beta2()), String.valueOf(s.batchSize()), s.hiddenText(), String.valueOf(t.seed()),
                String.format(Locale.ROOT, "%.6f", t.cost()), String.format(Locale.ROOT, "%.6f", t.testLoss()),
                String.format(Locale.ROOT, "%.4f", t.accuracy()), String.format(Locale.ROOT, "%.2f", t.seconds())));
        writer.newLine();
        writer.flush();
    }

    private static Trial parse(String line, Path file, int number) {
        String[] f = line.split(",", -1);
        try {
            if (f.length != 10) {
                throw new NumberFormatException();
            }
            List<Integer> hidden = f[4].isEmpty() ? List.of()
                    : Arrays.stream(f[4].split("-")).map(Integer::parseInt).toList();
            Setting s = new Setting(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]), hidden);
            return new Trial(s, Long.parseLong(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7]),
                    Double.parseDouble(f[8]), Double.parseDouble(f[9]));
        } catch (NumberFormatException e) {
            throw new UserException("--out " + file + ", line " + number + ": not a row of " + HEADER);
        }
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
