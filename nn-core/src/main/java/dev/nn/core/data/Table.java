package dev.nn.core.data;

import java.util.List;
import java.util.Map;

/**
 * Tabular data: rows of numeric features with a class each, and the names of the columns and classes (as
 * {@link CsvReader} reads them). {@link #dataset} views it as a {@link Dataset}.
 *
 * @param name what to call it in messages (usually the file)
 * @param features the feature columns' names, in order
 * @param label the label column's name
 * @param classes the class names; a row's class is an index into them
 * @param values rows × features values, row-major
 * @param labels one class index per row
 * @param checksums file name to content SHA-256, for provenance
 */
public record Table(String name, List<String> features, String label, List<String> classes, float[] values,
                   int[] labels, Map<String, String> checksums) {

    /** Copies the name lists. */
    public Table {
        features = List.copyOf(features);
        classes = List.copyOf(classes);
        checksums = Map.copyOf(checksums);
    }

    /** Number of rows. */
    public int size() {
        return labels.length;
    }

    /** The rows as a dataset of float features (sharing the arrays). */
    public Dataset dataset() {
        return Dataset.ofFeatures(name, values, labels, features.size(), classes.size(), checksums);
    }

    /**
     * Splits off a seeded random {@code fraction} of the rows (at least one, and one left) as a second table:
     * [kept, held out]. The same seed gives the same split.
     */
    public List<Table> split(double fraction, long seed) {
        int[] order = Split.order(name, size(), fraction, seed);
        int held = Split.held(size(), fraction);
        return List.of(pick(name + " (training part)", order, held, size()),
                pick(name + " (validation part)", order, 0, held));
    }

    private Table pick(String part, int[] order, int from, int to) {
        int n = features.size();
        float[] v = new float[(to - from) * n];
        int[] y = new int[to - from];
        for (int i = from; i < to; i++) {
            System.arraycopy(values, order[i] * n, v, (i - from) * n, n);
            y[i - from] = labels[order[i]];
        }
        return new Table(part, features, label, classes, v, y, checksums);
    }
}
