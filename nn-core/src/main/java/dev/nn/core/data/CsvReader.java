package dev.nn.core.data;

import dev.nn.core.io.Untrusted;
import dev.nn.core.io.InputFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Reads a CSV table: a header row of column names, then one row per sample, separated by commas; every column
 * but the label holds numbers. The label column, named or given by its 0-based index, holds class names
 * (any text, numbers included); classes are numbered in sorted order, or taken from a training table's.
 * Every error names the file, the row and the column.
 */
public final class CsvReader {

    /** Files larger than this are refused before they are read. */
    public static final long MAX_BYTES = 1L << 30;

    private CsvReader() {
    }

    /** Reads {@code file} with {@code label} (a column's name or index) as the class; classes in sorted order. */
    public static Table read(Path file, String label) throws IOException {
        return read(file, label, null);
    }

    /**
     * Reads {@code file} with the columns and classes of a training table: the same feature columns, the label
     * column {@code label}, and a class the training table never had is an error.
     */
    public static Table readLike(Path file, List<String> features, String label, List<String> classes)
            throws IOException {
        return read(file, label, new Table("training", features, label, classes, new float[0], new int[0],
                Map.of()));
    }

    /**
     * The rows of {@code file} as feature vectors in the order of {@code features}, found by the header's names
     * (other columns, the label among them, are ignored): new samples to predict.
     */
    public static float[][] readRows(Path file, List<String> features) throws IOException {
        Raw raw = raw(file);
        int[] columns = new int[features.size()];
        for (int f = 0; f < columns.length; f++) {
            columns[f] = raw.header().indexOf(features.get(f));
            if (columns[f] < 0) {
                throw new CsvFormatException(file, "no column '" + Untrusted.shown(features.get(f))
                        + "' (the model reads " + features + ")");
            }
        }
        float[][] rows = new float[raw.rows().size()][columns.length];
        for (int r = 0; r < rows.length; r++) {
            for (int f = 0; f < columns.length; f++) {
                rows[r][f] = number(file, raw.lines()[r], features.get(f), raw.rows().get(r)[columns[f]]);
            }
        }
        return rows;
    }

    private static Table read(Path file, String label, Table like) throws IOException {
        Raw raw = raw(file);
        List<String> header = raw.header();
        int labelColumn = column(file, header, label);
        List<String> features = new ArrayList<>(header);
        features.remove(labelColumn);
        if (features.isEmpty()) {
            throw new CsvFormatException(file, "has no feature columns besides the label '"
                    + Untrusted.shown(header.get(labelColumn)) + "'");
        }
        if (like != null && !features.equals(like.features())) {
            throw new CsvFormatException(file, "its feature columns " + Untrusted.shown(features.toString())
                    + " are not the model's " + like.features());
        }
        List<String[]> rows = raw.rows();
        List<String> classes = like != null ? like.classes() : sortedClasses(rows, labelColumn);
        if (like == null && classes.size() < 2) {
            throw new CsvFormatException(file, "the label column '" + Untrusted.shown(header.get(labelColumn))
                    + "' has only one class; a classifier needs two or more");
        }
        float[] values = new float[rows.size() * features.size()];
        int[] labels = new int[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            String[] row = rows.get(r);
            int f = 0;
            for (int c = 0; c < row.length; c++) {
                if (c != labelColumn) {
                    values[r * features.size() + f++] = number(file, raw.lines()[r], header.get(c), row[c]);
                }
            }
            labels[r] = classes.indexOf(row[labelColumn]);
            if (labels[r] < 0) {
                throw new CsvFormatException(file, "row " + raw.lines()[r] + ", column '"
                        + Untrusted.shown(header.get(labelColumn)) + "': class '" + Untrusted.shown(row[labelColumn])
                        + "' was never seen in training (known: " + classes + ")");
            }
        }
        return new Table(file.toString(), features, header.get(labelColumn), classes, values, labels,
                Map.of(file.getFileName().toString(), sha256(raw.bytes())));
    }

    /**
     * A CSV file split into cells: the header, the rows (each as many cells as the header) and each row's line
     * number, and the file's bytes.
     */
    private record Raw(List<String> header, List<String[]> rows, int[] lines, byte[] bytes) {
    }

    private static Raw raw(Path file) throws IOException {
        if (InputFiles.requireRegular(file) > MAX_BYTES) {
            throw new CsvFormatException(file, "larger than " + (MAX_BYTES >> 30) + " GiB");
        }
        byte[] bytes = Files.readAllBytes(file);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || lines.getFirst().isBlank()) {
            throw new CsvFormatException(file, "empty; expected a header row of column names");
        }
        List<String> header = cells(lines.getFirst());
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> c = cells(lines.get(i));
            if (c.size() != header.size()) {
                throw new CsvFormatException(file, "row " + (i + 1) + " has " + c.size() + " cells, the header "
                        + header.size());
            }
            rows.add(c.toArray(String[]::new));
            numbers.add(i + 1);
        }
        if (rows.isEmpty()) {
            throw new CsvFormatException(file, "has a header but no rows");
        }
        return new Raw(header, rows, numbers.stream().mapToInt(Integer::intValue).toArray(), bytes);
    }

    private static int column(Path file, List<String> header, String label) throws CsvFormatException {
        int named = header.indexOf(label);
        if (named >= 0) {
            return named;
        }
        try {
            int index = Integer.parseInt(label.strip());
            if (index >= 0 && index < header.size()) {
                return index;
            }
        } catch (NumberFormatException notAnIndex) {
            // fall through: not a column
        }
        throw new CsvFormatException(file, "no label column '" + Untrusted.shown(label) + "' (columns: " + header
                + ", or an index from 0 to " + (header.size() - 1) + ")");
    }

    private static float number(Path file, int line, String column, String text) throws CsvFormatException {
        try {
            float v = Float.parseFloat(text.strip());
            if (Float.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CsvFormatException(file, "row " + line + ", column '" + column + "': '" + Untrusted.shown(text)
                + "' is not a finite number");
    }

    private static List<String> sortedClasses(List<String[]> rows, int labelColumn) {
        TreeSet<String> names = new TreeSet<>((a, b) -> {
            boolean na = isNumber(a);
            boolean nb = isNumber(b);
            return na && nb ? Double.compare(Double.parseDouble(a), Double.parseDouble(b)) : a.compareTo(b);
        });
        for (String[] row : rows) {
            names.add(row[labelColumn]);
        }
        return List.copyOf(names);
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String cell : line.split(",", -1)) {
            String c = cell.strip();
            cells.add(c.length() >= 2 && c.startsWith("\"") && c.endsWith("\"") ? c.substring(1, c.length() - 1) : c);
        }
        return cells;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
