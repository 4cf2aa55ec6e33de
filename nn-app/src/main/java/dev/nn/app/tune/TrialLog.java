package dev.nn.app.tune;

import dev.nn.app.cli.UserException;
import dev.nn.core.config.Augmentation;
import dev.nn.core.io.AtomicFiles;
import dev.nn.core.io.InputFiles;
import dev.nn.core.io.Untrusted;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The CSV of a search, one row per finished trial, appended and flushed as each one ends, so that a search that
 * was stopped — by Ctrl-C, a crash or a power cut — continues where it was when run again: trials already in
 * the file are not run again, and a last row cut in half is dropped.
 *
 * <p>Each row records the search it belongs to (epochs, training limit, data), so a file is only ever continued
 * by the same search. A file is read whole and checked before anything is written to it: one that is not a
 * tune CSV, belongs to another search, or holds a row that no trial could have produced (a duplicate, an
 * accuracy outside [0, 1], a cost that is not a finite number) is refused, untouched.
 */
public final class TrialLog implements Closeable {

    /** The CSV header. */
    public static final String HEADER = "lr,beta1,beta2,batch_size,hidden,input_dropout,dropout,weight_decay,augment,"
            + "seed,epochs,train_limit,data,cost,test_loss,accuracy,seconds";
    /**
     * Columns that files of earlier versions lack, each read as 0: a header that is this one less some of them
     * (nn tune before it searched regularisation, or augmentation) is read, and its file rewritten with them.
     */
    static final List<String> LATER_COLUMNS = List.of("input_dropout", "dropout", "weight_decay", "augment");
    /** The header of files written by nn before rows recorded their search. */
    static final String OLD_HEADER = "lr,beta1,beta2,batch_size,hidden,seed,cost,test_loss,accuracy,seconds";
    private static final List<String> NAMES = List.of(HEADER.split(","));
    private static final int COLUMNS = NAMES.size();

    private final List<Trial> done;
    private final Search search;
    private final BufferedWriter writer;

    private TrialLog(List<Trial> done, Search search, BufferedWriter writer) {
        this.done = done;
        this.search = search;
        this.writer = writer;
    }

    /**
     * What makes trials of one setting and seed comparable besides the setting: the same epochs, the same
     * training limit (0: all samples) and the same data (a short digest of its checksums).
     *
     * @param epochs epochs per trial
     * @param trainLimit training samples used, 0 for all
     * @param data the data's digest
     */
    public record Search(int epochs, int trainLimit, String data) {
    }

    /** Opens {@code file} for {@code search}, reading the trials it holds, or creates it with the header. */
    public static TrialLog open(Path file, Search search) throws IOException {
        List<Trial> done = new ArrayList<>();
        if (Files.exists(file) || Files.isSymbolicLink(file)) {
            try {
                InputFiles.requireRegular(file);
            } catch (FileSystemException e) {
                throw new UserException("--out " + file + ": " + e.getReason());
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int firstEnd = text.indexOf('\n');
            String first = firstEnd < 0 ? text : text.substring(0, firstEnd);
            boolean upgrading = !first.equals(HEADER) && isEarlier(first);
            if (upgrading) {
                text = upgraded(first, text);
                bytes = text.getBytes(StandardCharsets.UTF_8);
                firstEnd = text.indexOf('\n');
                first = HEADER;
            }
            if (!text.isEmpty() && !first.equals(HEADER)) {
                throw new UserException("--out " + file + ": " + (first.equals(OLD_HEADER)
                        ? "a tune CSV of an earlier nn, whose rows do not say their epochs and data; give another file"
                        : "not a tune CSV (its first line is not " + HEADER + "); give another file"));
            }
            int complete = text.lastIndexOf('\n') + 1;
            List<String> lines = text.substring(0, complete).lines().toList();
            Set<String> seen = new HashSet<>();
            for (int i = 1; i < lines.size(); i++) {
                Trial t = parse(lines.get(i), file, i + 1, search);
                if (!seen.add(t.setting().key() + " seed " + t.seed())) {
                    throw new UserException("--out " + file + ", line " + (i + 1) + ": a second row for "
                            + t.setting().key() + " seed " + t.seed() + "; the file was edited or mixed");
                }
                done.add(t);
            }
            if (upgrading) {
                byte[] rewritten = bytes;
                AtomicFiles.write(file, out -> out.write(rewritten));
            }
            if (complete < bytes.length && firstEnd >= 0) {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                    channel.truncate(text.substring(0, complete).getBytes(StandardCharsets.UTF_8).length);
                }
            }
        }
        BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (Files.size(file) == 0) {
            writer.write(HEADER);
            writer.newLine();
            writer.flush();
        } else if (Files.size(file) == HEADER.length()) {
            writer.newLine(); // the header alone, its line not yet ended
            writer.flush();
        }
        return new TrialLog(done, search, writer);
    }

    /** Whether {@code header} is this version's less some of {@link #LATER_COLUMNS}, in this version's order. */
    private static boolean isEarlier(String header) {
        List<String> names = List.of(header.split(",", -1));
        List<String> kept = NAMES.stream().filter(n -> names.contains(n) || !LATER_COLUMNS.contains(n)).toList();
        return names.equals(kept);
    }

    /**
     * The text of a file whose header is {@code header}, an earlier one, in this format: its complete rows with 0
     * in the columns it lacks (a half-written last row is dropped, as when continuing). Written back, in one
     * atomic replacement, only once every row has been checked.
     */
    private static String upgraded(String header, String text) {
        List<String> names = List.of(header.split(","));
        StringBuilder upgraded = new StringBuilder(HEADER).append('\n');
        int complete = text.lastIndexOf('\n') + 1;
        List<String> lines = text.substring(0, complete).lines().toList();
        for (int i = 1; i < lines.size(); i++) {
            String[] f = lines.get(i).split(",", -1);
            List<String> row = new ArrayList<>();
            for (String name : NAMES) {
                int at = names.indexOf(name);
                row.add(at < 0 ? "0" : at < f.length ? f[at] : "");
            }
            upgraded.append(f.length == names.size() ? String.join(",", row) : lines.get(i)).append('\n');
        }
        return upgraded.toString();
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
                Setting.number(s.beta2()), String.valueOf(s.batchSize()), s.hiddenText(),
                Setting.number(s.inputDropout()), Setting.number(s.dropout()), Setting.number(s.weightDecay()),
                Setting.number(s.augment()), String.valueOf(t.seed()),
                String.valueOf(search.epochs()), String.valueOf(search.trainLimit()), search.data(),
                String.format(Locale.ROOT, "%.6f", t.cost()), String.format(Locale.ROOT, "%.6f", t.testLoss()),
                String.format(Locale.ROOT, "%.4f", t.accuracy()), String.format(Locale.ROOT, "%.2f", t.seconds())));
        writer.newLine();
        writer.flush();
    }

    private static Trial parse(String line, Path file, int number, Search search) {
        String[] f = line.split(",", -1);
        String where = "--out " + file + ", line " + number + ": ";
        Trial trial;
        Search of;
        try {
            if (f.length != COLUMNS) {
                throw new NumberFormatException();
            }
            List<Integer> hidden = f[4].isEmpty() ? List.of()
                    : Arrays.stream(f[4].split("-")).map(Integer::parseInt).toList();
            Setting s = new Setting(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]),
                    Integer.parseInt(f[3]), hidden, Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                    Double.parseDouble(f[7]), Double.parseDouble(f[8]));
            of = new Search(Integer.parseInt(f[10]), Integer.parseInt(f[11]), f[12]);
            trial = new Trial(s, Long.parseLong(f[9]), Double.parseDouble(f[13]), Double.parseDouble(f[14]),
                    Double.parseDouble(f[15]), Double.parseDouble(f[16]));
        } catch (NumberFormatException e) {
            throw new UserException(where + "not a row of " + HEADER);
        }
        if (!of.equals(search)) {
            throw new UserException(where + "a trial of another search (" + of.epochs() + " epochs, train limit "
                    + of.trainLimit() + ", data " + of.data() + "; this one: " + search.epochs() + ", "
                    + search.trainLimit() + ", " + search.data() + "); give another --out");
        }
        Setting set = trial.setting();
        String bad = !(set.learningRate() > 0) || Float.isInfinite((float) set.learningRate()) ? "lr " + f[0]
                : !(set.beta1() >= 0 && set.beta1() < 1) ? "beta1 " + f[1]
                : !(set.beta2() >= 0 && set.beta2() < 1) ? "beta2 " + f[2]
                : set.batchSize() < 1 ? "batch size " + f[3]
                : set.hidden().stream().anyMatch(h -> h < 1) ? "hidden sizes " + f[4]
                : !(set.inputDropout() >= 0 && set.inputDropout() < 1) ? "input dropout " + f[5]
                : !(set.dropout() >= 0 && set.dropout() < 1) ? "dropout " + f[6]
                : !(set.weightDecay() >= 0) || Double.isInfinite(set.weightDecay()) ? "weight decay " + f[7]
                : !(set.augment() >= 0 && set.augment() <= Augmentation.MAX_STRENGTH) ? "augment " + f[8]
                : trial.seed() < 1 ? "seed " + trial.seed() + " (seeds count from 1)"
                : !(trial.accuracy() >= 0 && trial.accuracy() <= 1) ? "accuracy " + f[15] + " (not in 0..1)"
                : !(trial.cost() >= 0) || Double.isInfinite(trial.cost()) ? "cost " + f[13] + " (not a finite number ≥ 0)"
                : !(trial.testLoss() >= 0) || Double.isInfinite(trial.testLoss())
                ? "test loss " + f[14] + " (not a finite number ≥ 0)"
                : !(trial.seconds() >= 0) || Double.isInfinite(trial.seconds()) ? "seconds " + f[16] : null;
        if (bad != null) {
            throw new UserException(where + "no trial gives " + Untrusted.shown(bad)
                    + "; the file was edited or damaged");
        }
        return trial;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
