package dev.nn.core.model;

/**
 * The files a training run works with, as its checkpoint records them: resuming writes the model where the run
 * would have and reads the same data.
 *
 * @param out the model file the run saves at its end, as an absolute path
 * @param dataFolder the folder of IDX files it trains on, as an absolute path, or null for a built-in dataset
 * @param dataset the built-in dataset's name when {@code dataFolder} is null ({@code mnist}, {@code xor})
 * @param table for a run on a CSV table (then {@code dataFolder} is its training file): the label column, and the
 *     test file or the validation fraction held out of the training rows; null otherwise
 */
public record RunFiles(String out, String dataFolder, String dataset, TableRun table) {

    /**
     * How a run on a table found its label and its test rows.
     *
     * @param label the label column
     * @param testFile the test table's file, or null when rows were held out
     * @param validation the fraction of the training rows held out (seeded by the run's seed), or 0
     */
    public record TableRun(String label, String testFile, double validation) {
    }
}
