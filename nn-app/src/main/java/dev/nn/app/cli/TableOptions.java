package dev.nn.app.cli;

import dev.nn.core.model.RunFiles;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The flags of a run on a CSV table: the label column, and the test rows (a file, or a held-out fraction). */
public final class TableOptions {

    @Option(names = "--label", paramLabel = "COLUMN",
            description = "With --data FILE.csv: the column that holds the class (its name or 0-based index).")
    String label;

    @Option(names = "--test", paramLabel = "FILE",
            description = "With --data FILE.csv: a CSV of test rows with the same columns.")
    Path testFile;

    @Option(names = "--validation", paramLabel = "FRACTION",
            description = "With --data FILE.csv and no --test: hold this fraction of the rows out (seeded by"
                    + " --seed) to measure each epoch on, e.g. 0.2.")
    Double validation;

    /** For a CSV: its label column and test rows, from the flags or, on resume, the checkpoint; else null. */
    public RunFiles.TableRun tableRun(Path dir, RunFiles recorded) {
        if (!TableLoader.isTable(dir)) {
            for (Object[] flag : new Object[][]{{"--label", label}, {"--test", testFile}, {"--validation", validation}}) {
                if (flag[1] != null) {
                    throw new IllegalArgumentException(flag[0] + " goes with --data FILE.csv (a table)");
                }
            }
            return null;
        }
        if (recorded != null && recorded.table() != null && label == null && testFile == null && validation == null) {
            return recorded.table();
        }
        if (label == null) {
            throw new IllegalArgumentException("--data " + dir + ": a table needs --label COLUMN, the column that"
                    + " holds the class");
        }
        if ((testFile == null) == (validation == null)) {
            throw new IllegalArgumentException("--data " + dir + ": give the test rows with --test FILE.csv or hold"
                    + " some out with --validation FRACTION (one of the two)");
        }
        if (validation != null && !(validation > 0 && validation < 1)) {
            throw new IllegalArgumentException("--validation must be between 0 and 1, got " + validation);
        }
        return new RunFiles.TableRun(label, testFile == null ? null : testFile.toAbsolutePath().normalize()
                .toString(), validation == null ? 0 : validation);
    }
}
