package dev.nn.app.cli;

import dev.nn.core.Mlp;
import dev.nn.core.config.Validation;
import dev.nn.core.data.Dataset;
import dev.nn.core.data.Table;
import dev.nn.mnist.TrainTest;

import java.util.List;

/**
 * What a run trains, validates and tests on: the training data less the validation set its config holds out
 * (seeded by the run's seed, so a resumed run holds out the same samples), and the test set, untouched.
 *
 * @param train the samples trained on
 * @param validation the held-out samples that choose the epoch kept, or null when none are held out
 * @param test the test samples, which choose nothing
 */
public record RunData(Dataset train, Dataset validation, Dataset test) {

    /**
     * Splits {@code data}, or for a CSV run {@code tables} (then standardised by {@code mlp} on the rows it
     * trains on alone), as {@code validation} says.
     */
    public static RunData split(Validation validation, long seed, TrainTest data, TableLoader.Tables tables,
                                Mlp mlp) {
        if (tables != null) {
            if (!validation.holdsOut()) {
                return new RunData(mlp.prepare(tables.train()), null, mlp.prepareLike(tables.test()));
            }
            List<Table> parts = tables.train().split(validation.fraction(), seed);
            Dataset train = mlp.prepare(parts.get(0));
            return new RunData(train, mlp.prepareLike(parts.get(1)), mlp.prepareLike(tables.test()));
        }
        if (!validation.holdsOut()) {
            return new RunData(data.train(), null, data.test());
        }
        List<Dataset> parts = data.train().split(validation.fraction(), seed);
        return new RunData(parts.get(0), parts.get(1), data.test());
    }
}
